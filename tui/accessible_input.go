package tui

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// lineReader reads typed lines for accessible mode. A line longer than
// max bytes (a paste gone wrong) is read to its end and dropped, and said
// to be too long, rather than ending the input as bufio.Scanner does.
type lineReader struct {
	r   *bufio.Reader
	max int
}

func newLineReader(in io.Reader, max int) *lineReader {
	return &lineReader{r: bufio.NewReaderSize(in, 64*1024), max: max}
}

// next returns the next line without its line ending; tooLong when it
// was over max bytes (line is then empty); ok false at the end of input.
func (l *lineReader) next() (line string, tooLong, ok bool) {
	var buf []byte
	for {
		chunk, err := l.r.ReadSlice('\n')
		if !tooLong {
			buf = append(buf, chunk...)
			if len(buf) > l.max+2 { // room for "\r\n"
				buf, tooLong = nil, true
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && len(buf) == 0 && !tooLong {
			return "", false, false
		}
		if tooLong {
			return "", true, true
		}
		return string(bytes.TrimRight(buf, "\r\n")), false, true
	}
}
