//go:build !(linux || darwin || dragonfly || freebsd || netbsd || openbsd)

package main

import "io"

// echoOff is not done here (Windows): the console echoes what is typed
// and pasted, as it does for any program.
func echoOff(io.Reader) (again, restore func(), ok bool) { return nil, nil, false }

// onResume does nothing here: there is no Ctrl-Z to resume from.
func onResume(func()) (stop func()) { return func() {} }
