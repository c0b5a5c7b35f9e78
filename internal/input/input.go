// Package input reads the files assay is handed (questionnaires, answers
// files, assessment files, the config file) with a size limit, and tells
// text from binary, so that a huge or garbage file is refused at once with
// a clear message instead of being parsed into memory.
package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// MaxFileSize bounds every file assay reads: 16 MiB is hundreds of times
// the largest questionnaire or assessment file, and small enough that
// parsing it cannot exhaust memory.
const MaxFileSize = 16 << 20

// ErrTooLarge is wrapped by the errors of files over MaxFileSize.
var ErrTooLarge = errors.New("over the 16 MiB limit for input files")

// ReadFile reads a whole regular file (OpenRegular) of at most MaxFileSize
// bytes. It never reads more than one byte past the limit, so a file of
// any size costs at most 16 MiB. A UTF-8 byte order mark at the start, which Windows editors
// write, is dropped: to every reader it is not part of the text.
func ReadFile(path string) ([]byte, error) {
	f, err := OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() > MaxFileSize {
		return nil, TooLarge(path, fi.Size())
	}
	b, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	if len(b) > MaxFileSize {
		return nil, TooLarge(path, -1)
	}
	return bytes.TrimPrefix(b, byteOrderMark), nil
}

// byteOrderMark is U+FEFF in UTF-8.
var byteOrderMark = []byte("\ufeff")

// TooLarge is the error for a file of size bytes (-1 if unknown).
func TooLarge(path string, size int64) error {
	if size < 0 {
		return fmt.Errorf("%s: the file is %w", path, ErrTooLarge)
	}
	return fmt.Errorf("%s: the file is %.1f MiB, %w", path, float64(size)/(1<<20), ErrTooLarge)
}

// NotText returns where src stops being text and why: a NUL byte (the
// mark of a binary file) or bytes that are not UTF-8. ok is true for text.
// Line and column are 1-based; the column counts characters.
func NotText(src []byte) (line, col int, why string, ok bool) {
	if looksUTF16(src) {
		return 1, 1, "the file is UTF-16 text; save it as UTF-8", false
	}
	line, col = 1, 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case src[i] == 0:
			return line, col, "the file holds a NUL byte: it is binary, not text", false
		case r == utf8.RuneError && size == 1:
			return line, col, fmt.Sprintf("the file is not UTF-8 text (byte %#02x)", src[i]), false
		case r == '\n':
			line, col = line+1, 1
		default:
			col++
		}
		i += size
	}
	return 0, 0, "", true
}

// looksUTF16 reports whether src starts as UTF-16 does, as Windows
// editors save "Unicode" text: a UTF-16 byte order mark, or a NUL byte
// beside each of the first ASCII characters.
func looksUTF16(src []byte) bool {
	if len(src) >= 2 && (src[0] == 0xff && src[1] == 0xfe || src[0] == 0xfe && src[1] == 0xff) {
		return true
	}
	if len(src) < 4 {
		return false
	}
	le := src[0] != 0 && src[1] == 0 && src[2] != 0 && src[3] == 0
	be := src[0] == 0 && src[1] != 0 && src[2] == 0 && src[3] != 0
	return le || be
}
