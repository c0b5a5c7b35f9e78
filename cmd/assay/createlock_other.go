//go:build !unix

package main

// lockFolder does not lock where there is no flock: two runs creating the
// same database at once there still never replace each other's (a link
// takes only a free name), but the second is refused instead of waiting.
func lockFolder(string) (unlock func(), same bool, err error) { return func() {}, true, nil }
