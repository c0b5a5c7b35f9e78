package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// refusePlantedLinks refuses to write through a symbolic link another
// user may have planted in a shared folder: one in a sticky folder
// anyone may write to (as /tmp) whose owner is neither the user running
// assay nor the folder's owner. The system's fs.protected_symlinks
// refuses to follow such a link, but assay reads links itself (to write
// the file at the end and keep the link) and renames over that end, so
// without this check /tmp/report.md -> ~/.bashrc, planted by another
// user, would have the report written over ~/.bashrc. Every link on the
// way counts: the last name, each hop of a chain, and a link standing
// for a folder; whether the end is there yet or not. A part of the path
// that cannot be looked at is left to the write, which says why. nothing
// ends the refusal as the command says it ("nothing was written",
// "nothing was copied").
func refusePlantedLinks(name, path, nothing string) error {
	done := "/"
	if !filepath.IsAbs(path) {
		wd, err := os.Getwd()
		if err != nil {
			return nil
		}
		done = wd
	}
	rest := path
	for links := 0; rest != ""; {
		part, more, _ := strings.Cut(rest, "/")
		rest = more
		switch part {
		case "", ".":
			continue
		case "..":
			done = filepath.Dir(done) // done holds no link, so .. is its folder
			continue
		}
		next := filepath.Join(done, part)
		fi, err := os.Lstat(next)
		if err != nil {
			return nil // not there (yet): no link further on
		}
		if fi.Mode().Type() != fs.ModeSymlink {
			done = next
			continue
		}
		if links++; links > 40 { // as many links as Linux follows
			return fmt.Errorf("cannot write %s: %v; %s", shownName(name), syscall.ELOOP, nothing)
		}
		if why := plantedLink(done, fi); why != "" {
			return plantedLinkRefusal(name, next, done, why, nothing)
		}
		dest, err := os.Readlink(next)
		if err != nil {
			return nil
		}
		if filepath.IsAbs(dest) {
			done = "/"
		}
		if rest != "" {
			dest += "/" + rest
		}
		rest = dest
	}
	return nil
}

// plantedLinkRefusal says that name is not written because the link at
// link, in the shared folder dir, is one another user may have planted
// (why, as plantedLink says it); nothing ends it as refusePlantedLinks's.
func plantedLinkRefusal(name, link, dir, why, nothing string) error {
	return fmt.Errorf("cannot write %s: the symbolic link %s is in %s, a shared folder (anyone may write to it, like /tmp), "+
		"and %s, so another user may have put it there to turn the write onto a file of yours; "+
		"assay does not follow it (nor does the system, where fs.protected_symlinks is on); %s. "+
		"Give the path the link leads to, or remove the link",
		shownName(name), shownName(link), shownName(dir), why, nothing)
}
