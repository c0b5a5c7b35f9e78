package input

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// ErrNotRegular is matched (errors.Is) by the errors of paths that are
// not regular files.
var ErrNotRegular = errors.New("not a regular file")

// NotRegularError says that a path assay was given is a folder, a named
// pipe, a device or a socket where a file was expected.
type NotRegularError struct {
	Path string
	Kind string // "a folder", "a named pipe (FIFO)", ...
}

func (e *NotRegularError) Error() string        { return e.Path + " is " + e.Kind + ", not a regular file" }
func (e *NotRegularError) Is(target error) bool { return target == ErrNotRegular }

// NotRegular is the error for path, whose mode is not a regular file's.
func NotRegular(path string, mode fs.FileMode) error {
	return &NotRegularError{Path: path, Kind: Kind(mode)}
}

// Kind names the type of file a mode describes, for messages.
func Kind(mode fs.FileMode) string {
	switch {
	case mode.IsRegular():
		return "a regular file"
	case mode.IsDir():
		return "a folder"
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeDevice != 0:
		return "a device"
	case mode&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file"
}

// OpenRegular opens path for reading if it is a regular file, and refuses
// anything else without waiting. A named pipe that nobody writes to makes
// open(2) wait for ever, and a device may never end: so the path is
// checked before it is opened, and opened without blocking (O_NONBLOCK,
// which does nothing to a regular file), then checked again on the open
// file in case it was swapped in between.
func OpenRegular(path string) (*os.File, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, readError(path, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, NotRegular(path, fi.Mode())
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, readError(path, err)
	}
	if fi, err = f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		if err != nil {
			return nil, err
		}
		return nil, NotRegular(path, fi.Mode())
	}
	return f, nil
}
