//go:build linux

package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"
)

// holdFolder opens the folder the file path names is written into and
// returns a name for that folder that stays it whatever is renamed or
// swapped after (/proc/self/fd/N), the file's name in it, and release,
// which closes it. The path is resolved here one name at a time, each
// relative to the folder held open before it, following symbolic links
// as the system does but refusing the ones another user planted in a
// shared folder (plantedLink): checked by path, a folder on the way
// swapped for a link between the check and the write turned the write
// onto wherever the link led. A name that turns into a link between
// being looked at and being opened is refused.
//
// Where /proc is not mounted there is no such name: the folder is named
// by its path, as on other systems.
func holdFolder(name, path, target string) (dir, base string, release func(), err error) {
	if _, err := os.Stat("/proc/self/fd"); err != nil {
		return filepath.Dir(target), filepath.Base(target), func() {}, nil
	}
	return walkHeld(name, path, true)
}

// holdDir holds the folder dir itself open, as holdFolder holds the
// folder a file goes into, for a writer that names the file in it
// itself (the signing key: a link at its name is not followed). name is
// what messages call the file written.
func holdDir(name, dir string) (held string, release func(), err error) {
	if _, err := os.Stat("/proc/self/fd"); err != nil {
		return dir, func() {}, nil
	}
	held, _, release, err = walkHeld(name, dir, false)
	return held, release, err
}

// walkHeld resolves path one name at a time from a folder held open, as
// holdFolder says; toFile says whether its last name is the file's (else
// every name is a folder, and the last one is held).
func walkHeld(name, path string, toFile bool) (dir, base string, release func(), err error) {
	const folder = unix.O_PATH | unix.O_DIRECTORY | unix.O_NOFOLLOW | unix.O_CLOEXEC
	where, start := "/", "/"
	if !filepath.IsAbs(path) {
		if where, err = os.Getwd(); err != nil {
			return "", "", nil, cannotWrite(name, err)
		}
		start = "."
	}
	fd, err := unix.Open(start, folder, 0)
	if err != nil {
		return "", "", nil, cannotWrite(name, err)
	}
	held := func() string { return "/proc/self/fd/" + strconv.Itoa(fd) }
	fail := func(err error) (string, string, func(), error) {
		unix.Close(fd)
		return "", "", nil, err
	}
	parts := strings.Split(path, "/")
	for links := 0; len(parts) > 0; {
		part, last := parts[0], toFile && len(parts) == 1
		parts = parts[1:]
		if part == "" || part == "." {
			if last { // path ends in a folder
				return fail(cannotWrite(name, syscall.EISDIR))
			}
			continue
		}
		fi, err := os.Lstat(held() + "/" + part)
		switch {
		case last && errors.Is(err, fs.ErrNotExist):
			return held(), part, func() { unix.Close(fd) }, nil
		case err != nil:
			return fail(cannotWrite(name, err))
		case fi.Mode().Type() == fs.ModeSymlink:
			if links++; links > 40 { // as many links as Linux follows
				return fail(cannotWrite(name, syscall.ELOOP))
			}
			if why := plantedLink(held(), fi); why != "" {
				return fail(plantedLinkRefusal(name, filepath.Join(where, part), where, why, "nothing was written"))
			}
			dest, err := os.Readlink(held() + "/" + part)
			if err != nil {
				return fail(cannotWrite(name, err))
			}
			if filepath.IsAbs(dest) {
				root, err := unix.Open("/", folder, 0)
				if err != nil {
					return fail(cannotWrite(name, err))
				}
				unix.Close(fd)
				fd, where = root, "/"
			}
			parts = append(strings.Split(dest, "/"), parts...)
			continue
		case last:
			if part == ".." {
				return fail(cannotWrite(name, syscall.EISDIR))
			}
			return held(), part, func() { unix.Close(fd) }, nil
		}
		// O_NOFOLLOW: a name swapped for a link since the look above is
		// refused here, not followed.
		next, err := unix.Openat(fd, part, folder, 0)
		if err != nil {
			return fail(fmt.Errorf("cannot write %s: %s changed while assay looked at it (%v); nothing was written",
				shownName(name), shownName(filepath.Join(where, part)), err))
		}
		unix.Close(fd)
		fd, where = next, filepath.Join(where, part)
	}
	if !toFile {
		return held(), "", func() { unix.Close(fd) }, nil
	}
	return fail(cannotWrite(name, syscall.EISDIR))
}
