//go:build !linux

package main

import "path/filepath"

// holdFolder names the folder target is written into by its path: a
// folder on the way swapped for a link between the check and the write
// is followed there (Linux holds the folder open instead).
func holdFolder(name, path, target string) (dir, base string, release func(), err error) {
	return filepath.Dir(target), filepath.Base(target), func() {}, nil
}

// holdDir names the folder dir by its path, likewise.
func holdDir(name, dir string) (held string, release func(), err error) {
	return dir, func() {}, nil
}
