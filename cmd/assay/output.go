package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/assay-dev/assay/internal/input"
)

// writeOutput writes to the file named by -o, or to stdout for "" or "-".
func (a *app) writeOutput(path string, content []byte) error {
	if path == "" || path == "-" {
		_, err := a.stdout.Write(content)
		return err
	}
	return a.replaceFile(path, path, content)
}

// replaceFile writes content to path atomically, with mode 0600 (reports
// describe vendors and gaps): a temporary file in the same folder, synced,
// then renamed over path, so that a reader (or a crash) sees the old file
// or the new one, never half of one. name is the path as the user gave
// it, which every message uses.
//
// It refuses to replace the database assay is using or its -wal, -shm or
// -journal file, and anything that is not a regular file: a rename would
// swap the database for a report, or put a regular file where a named
// pipe, a device or a socket was. A symbolic link to a regular file is
// followed, so the file it points to is replaced and the link stays.
func (a *app) replaceFile(name, path string, content []byte) error {
	return a.putFile(name, path, content, true)
}

// createFile writes content to path as replaceFile does, but only if
// nothing is there yet: a file already at path (or that appears while
// the content is written) is left as it is, and the error wraps
// fs.ErrExist, so that the workspace can ask before it overwrites.
func (a *app) createFile(name, path string, content []byte) error {
	return a.putFile(name, path, content, false)
}

// writeOwnFile replaces one of assay's own files (the trusted keys) as
// replaceFile does, which refuses them to -o (ownFile).
func (a *app) writeOwnFile(path string, content []byte) error {
	return a.putFileChecked(path, path, content, true, true)
}

func (a *app) putFile(name, path string, content []byte, replace bool) error {
	return a.putFileChecked(name, path, content, replace, false)
}

// putFileChecked writes as replaceFile and createFile say, own telling
// whether the file may be one of assay's own. The path is checked by
// name, for the messages, then its folder is held open (holdFolder) and
// everything the write does is done in it, checked there again, before
// the write and before the rename: the report lands in the folder
// checked, whatever is renamed or swapped for a link meanwhile.
func (a *app) putFileChecked(name, path string, content []byte, replace, own bool) error {
	check := a.outputTarget
	if own {
		check = a.fileTarget
	}
	target, err := check(name, path)
	if err != nil {
		return err
	}
	outputChecked(target)
	dir, base, release, err := holdFolder(name, path, target)
	if err != nil {
		return err
	}
	defer release()
	at := filepath.Join(dir, base)
	if err := a.refuseHeld(name, target, at, own); err != nil {
		return err
	}
	folderHeld(target)
	tmp, err := stageFile(dir, ".assay-", content)
	if err != nil {
		return cannotWrite(name, err)
	}
	defer os.Remove(tmp)
	tempWritten(tmp)
	// Checked again just before the rename, which replaces whatever is
	// there by then.
	if _, err := check(name, path); err != nil {
		return err
	}
	if err := a.refuseHeld(name, target, at, own); err != nil {
		return err
	}
	if !replace {
		err = linkNew(name, tmp, at)
	} else if err = os.Rename(tmp, at); err != nil {
		err = cannotWrite(name, err)
	}
	if err == nil {
		syncFolder(dir)
	}
	return err
}

// refuseHeld refuses to write at, the file's name in the folder held
// open (target's, as the check by name found it), for what outputTarget (or, for assay's own files, fileTarget)
// refuses by path: what is there is not a regular file, is the database
// or one of its files, one of assay's own (unless own), read-only, or
// another user's file planted in a shared folder.
func (a *app) refuseHeld(name, target, at string, own bool) error {
	fi, err := os.Lstat(at)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return cannotWrite(name, err)
	case !fi.Mode().IsRegular():
		return fmt.Errorf("%w; nothing was written", input.NotRegular(shownName(name), fi.Mode()))
	}
	if a.isDatabaseFile(at) {
		return fmt.Errorf("%s is the database assay is using (or its -wal, -shm or -journal file); nothing was written", shownName(name))
	}
	if what := a.ownFile(at); what != "" && !own {
		return fmt.Errorf("%s is %s; nothing was written", shownName(name), what)
	}
	return readOnly(name, at, filepath.Dir(target))
}

// stageFile writes content to a new file in dir (a held folder's name,
// holdFolder or holdDir, or a path) named prefix, this process's ID and a
// random part (createTemp), owner-only from the moment it exists, and
// syncs it; it returns the file's name, for the caller to put in place
// and remove after. -o, the trusted keys and the signing key share it.
func stageFile(dir, prefix string, content []byte) (string, error) {
	tmp, err := createTemp(dir, prefix) // mode 0600, narrowed by the umask
	if err != nil {
		return "", err
	}
	tempCreated(tmp.Name())
	err = tmp.Chmod(0o600) // a umask may have narrowed it further
	if err == nil {
		_, err = tmp.Write(content)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	return tmp.Name(), nil
}

// syncFolder writes a folder's new name to disk where it can: the file
// is in place by then, so a folder that cannot be opened (one the user
// may write but not read) is left to the system.
func syncFolder(dir string) {
	if f, err := os.Open(dir); err == nil {
		_ = f.Sync()
		f.Close()
	}
}

// outputChecked is called when the place a file is written has been
// checked by name, and folderHeld when its folder is held open too,
// before anything is written there (by -o, assay backup and the signing
// key): tests swap a folder for a link in them, as a hostile user
// sharing the machine would try to. tempCreated is called as soon as a
// file stageFile writes exists, for tests to look at its mode.
var outputChecked, folderHeld = func(target string) {}, func(target string) {}

var tempCreated = func(path string) {}

// tempWritten is called once the temporary file holds the whole content,
// synced, before it is renamed into place: a binary built for tests stops
// there (stop_hooks.go), to be killed with the file half put in place.
var tempWritten = func(path string) {}

// backupCopyCreated is called once assay backup has created the file it
// builds its copy in, before SQLite writes it, and once a first command
// has made the folder it builds the database in (db_first.go): tests
// plant files beside it there, as another user of the folder could.
var backupCopyCreated = func(copyPath string) {}

// linkNew gives the written temporary file its name only if the name is
// free: a hard link fails when something is there, in one step, where a
// check and a rename would leave a moment between them.
func linkNew(name, tmp, target string) error {
	err := os.Link(tmp, target)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("%s already exists: %w", shownName(name), fs.ErrExist)
	}
	// A file system without hard links: check, then rename.
	if _, serr := os.Lstat(target); serr == nil {
		return fmt.Errorf("%s already exists: %w", shownName(name), fs.ErrExist)
	}
	if err := os.Rename(tmp, target); err != nil {
		return cannotWrite(name, err)
	}
	return nil
}

// outputTarget is the file that writing to path replaces: path itself, or
// the regular file a symbolic link at path points to. It refuses the
// database files, assay's keys and settings (ownFile), anything that is
// not a regular file, and a file the user may not change (readOnly).
func (a *app) outputTarget(name, path string) (string, error) {
	target, err := a.fileTarget(name, path)
	if err != nil {
		return "", err
	}
	if what := a.ownFile(target); what != "" {
		return "", fmt.Errorf("%s is %s; nothing was written", shownName(name), what)
	}
	if err := readOnly(name, target, filepath.Dir(target)); err != nil {
		return "", err
	}
	return target, nil
}

// readOnly refuses to replace a file there already that another user
// planted in a shared folder (plantedFile), that its owner made
// read-only (chmod u-w) or that the user may not write: the rename that
// replaces it needs only the folder's write permission, and root may
// write any file, so -o put a report where a shell's > and cp refuse
// to, over a signed copy kept read-only on purpose. -o has no option to
// overwrite such a file, and backup --overwrite refuses it too. folder
// is the folder target is in, as messages name it.
func readOnly(name, target, folder string) error {
	fi, err := os.Stat(target)
	if err != nil || !fi.Mode().IsRegular() {
		return nil // nothing there yet; what is not a file is refused before
	}
	shown := shownName(name)
	if why := plantedFile(filepath.Dir(target), fi); why != "" {
		return plantedFileRefusal(shown, folder, why)
	}
	if fi.Mode().Perm()&0o200 == 0 {
		return fmt.Errorf("%s is read-only (protected from changes); nothing was written. "+
			"If you mean to replace it, make it writable first (chmod u+w)", shown)
	}
	if why := mayNotWrite(target); why != "" {
		return fmt.Errorf("%s is read-only for you: %s; nothing was written", shown, why)
	}
	return nil
}

// plantedFileRefusal says that the file shown, in the shared folder
// dir, is not replaced because another user may have planted it (why,
// as plantedFile says it): root's rename would replace it, another
// user's rename fails, and a shell's > writes into it, where the kernel's
// fs.protected_regular is off, for its owner to read.
func plantedFileRefusal(shown, dir, why string) error {
	return fmt.Errorf("%s is in %s, a shared folder (anyone may write to it, like /tmp), and %s, "+
		"so another user may have put it there for you to write into; assay does not replace it "+
		"(nor does the system let a program write into it, where fs.protected_regular is on); nothing was written. "+
		"Choose another name, or remove the file",
		shown, shownName(dir), why)
}

// fileTarget is outputTarget without the refusal of assay's own files,
// for writing them.
func (a *app) fileTarget(name, path string) (string, error) {
	if err := refusePlantedLinks(name, path, "nothing was written"); err != nil {
		return "", err
	}
	target := path
	fi, err := os.Stat(path)
	switch {
	case err == nil && !fi.Mode().IsRegular():
		return "", fmt.Errorf("%w; nothing was written", input.NotRegular(shownName(name), fi.Mode()))
	case err == nil:
		if target, err = filepath.EvalSymlinks(path); err != nil {
			return "", cannotWrite(name, err)
		}
	case !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR):
		return "", cannotWrite(name, err)
	default:
		// A symbolic link to a name where nothing is yet: the file it
		// points to is written, as a shell's > writes it, and the link
		// stays (replaced, the link would leave the file where it
		// points unwritten).
		if target, err = linkEnd(path); err != nil {
			return "", cannotWrite(name, err)
		}
		if target == path {
			target = asResolved(path)
			if err := folderThere(name, path); err != nil {
				return "", err
			}
		} else if err := folderThere(target, target); err != nil {
			return "", fmt.Errorf("%s is a symbolic link: %w", shownName(name), err)
		}
	}
	if a.isDatabaseFile(target) {
		return "", fmt.Errorf("%s is the database assay is using (or its -wal, -shm or -journal file); nothing was written", shownName(name))
	}
	return target, nil
}

// databaseSuffixes name the files SQLite keeps beside a database.
var databaseSuffixes = []string{"", "-wal", "-shm", "-journal"}

// isDatabaseFile reports whether path is the database assay is using or
// one of the files SQLite keeps beside it, whether or not they exist yet:
// the same file (through any link or hard link), or the same name in the
// same folder. SQLite puts the -wal beside the file a symbolic link to
// the database points to, so both the link's and the target's names count.
func (a *app) isDatabaseFile(path string) bool {
	if a.dbPath == "" {
		return false
	}
	dbs := []string{a.dbPath}
	if real, err := filepath.EvalSymlinks(a.dbPath); err == nil {
		dbs = append(dbs, real)
	}
	fi, statErr := os.Stat(path)
	dir, dirErr := os.Stat(filepath.Dir(path))
	for _, db := range dbs {
		dbDir, err := os.Stat(filepath.Dir(db))
		sameDir := err == nil && dirErr == nil && os.SameFile(dir, dbDir)
		for _, suffix := range databaseSuffixes {
			if sameDir && filepath.Base(path) == filepath.Base(db)+suffix {
				return true
			}
			if statErr != nil {
				continue
			}
			if other, err := os.Stat(db + suffix); err == nil && os.SameFile(fi, other) {
				return true
			}
		}
	}
	return false
}

// linkEnd is the name a symbolic link at path leads to, through any
// chain of links, when nothing is there yet; path itself when it is no
// link.
func linkEnd(path string) (string, error) {
	for range 40 { // as many links as Linux follows
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode().Type() != fs.ModeSymlink {
			return path, nil
		}
		dest, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(dest) {
			// Relative to the folder the link is in, as the system reads
			// it: that folder's own links resolved before "..".
			dir, err := filepath.EvalSymlinks(filepath.Dir(path))
			if err != nil {
				return "", err
			}
			dest = filepath.Join(dir, dest)
		}
		path = dest
	}
	return "", syscall.ELOOP
}

// folderThere refuses to write path when its folder is not there, naming
// the folder (as name, the path the user gave, shows it): assay creates
// no folder, so that a mistyped path is not made for a report to land in
// unseen. Any other failure to look at the folder is left to the write,
// which says it in the system's words.
func folderThere(name, path string) error {
	if why := folderMissing(name, path); why != "" {
		return fmt.Errorf("cannot write %s: %s; nothing was written", shownName(name), why)
	}
	return nil
}

// folderMissing says why the folder path is to go in is not there, in
// the words of name, or "" when it is.
func folderMissing(name, path string) string {
	fi, err := os.Stat(folderOf(path))
	shownDir := shownName(folderOf(name))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "the folder " + shownDir + " does not exist, and assay creates none"
	case errors.Is(err, syscall.ENOTDIR) || (err == nil && !fi.IsDir()):
		return shownDir + " is not a folder"
	}
	return ""
}

// folderOf is the folder path names, as the system reads it: the text
// before its last separator. filepath.Dir cleans lnk/../a/r.md to a, but
// the system follows the link lnk first, and lnk/.. is the folder above
// the one lnk leads to.
func folderOf(path string) string {
	i := strings.LastIndexAny(path, "/"+string(os.PathSeparator))
	switch {
	case i < 0:
		return "."
	case i == 0:
		return path[:1]
	}
	return path[:i]
}

// asResolved is path with its folder resolved as the system resolves it
// (each link, then "..", in turn), so that what is checked by name is
// the file written: lnk/../a/r.md is r.md in the folder a beside where
// lnk leads, not ./a/r.md. path is returned as it is when its folder
// cannot be resolved (not there), for the caller to refuse.
func asResolved(path string) string {
	dir, err := filepath.EvalSymlinks(folderOf(path))
	if err != nil {
		return path
	}
	return filepath.Join(dir, filepath.Base(path))
}

// cannotWrite says that name could not be written and why, without the
// temporary file's name: a file that did not fit with what stopped it
// and what to do (the system's "file too large" says nothing of the
// limit ulimit -f set), anything else in the system's words.
func cannotWrite(name string, err error) error {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		err = errno
	}
	switch {
	case errors.Is(err, syscall.EFBIG):
		return fmt.Errorf("cannot write %s: it would be over the file size limit assay runs under (ulimit -f); nothing was written. "+
			"Raise the limit, or write it where none applies", shownName(name))
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Errorf("cannot write %s: the disk holding it is full; nothing was written. Free some space there, or write it elsewhere", shownName(name))
	case errors.Is(err, syscall.EDQUOT):
		return fmt.Errorf("cannot write %s: your disk quota there is used up; nothing was written. Free some space there, or write it elsewhere", shownName(name))
	}
	return fmt.Errorf("cannot write %s: %v; nothing was written", shownName(name), err)
}
