//go:build !unix

package store

import "os"

// links is how many names (hard links) the file has; where the system
// does not say, one.
func links(os.FileInfo) uint64 { return 1 }
