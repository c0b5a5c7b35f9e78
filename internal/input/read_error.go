package input

import (
	"errors"
	"io/fs"
	"syscall"
)

// ReadError is a file that cannot be opened for reading, in words: Go's
// own ("stat …: not a directory", "open …: permission denied") name the
// system call, not what to do. It unwraps to the system's error, so that
// errors.Is(err, fs.ErrNotExist) still holds for a missing file.
type ReadError struct {
	Path string
	Err  error
}

func (e *ReadError) Error() string { return "cannot read " + e.Path + ": " + readReason(e.Err) }
func (e *ReadError) Unwrap() error { return e.Err }

// readError words err from opening path, when it is the system's.
func readError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return &ReadError{Path: path, Err: pe.Err}
	}
	return err
}

// ReadReason words why a path could not be looked at or opened, as
// ReadError does, for a path that is not a file to read (a folder).
func ReadReason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return readReason(err)
}

func readReason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "there is no such file"
	case errors.Is(err, syscall.ENOTDIR):
		return "a part of its path is a file, not a folder"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied: it, or a folder above it, does not let you read it"
	case errors.Is(err, syscall.ELOOP):
		return "its path goes round a loop of symbolic links"
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "its name is too long"
	}
	return err.Error()
}
