//go:build unix

package store

import (
	"os"
	"syscall"
)

// links is how many names (hard links) the file has.
func links(fi os.FileInfo) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}
