package main

import (
	"bytes"
	"io"
	"os"
	"strings"
)

// The marks assay's own messages shorten text with: the ellipsis that
// ends a cut copyright or quotation, and the one that stands for the
// middle of a message too long to print ("[…]", messageLine). On a
// terminal whose locale is not UTF-8 (LANG=C) each is three bytes of
// garbage; there it is "...". Tables have their own ASCII marks
// (table_locale.go).
const ellipsis = "…"

// asciiMarksWriter is a run's standard error when its locale is not
// UTF-8: every ellipsis written is "...". Standard error holds messages
// only; standard output may hold data (an export, a converted file), so
// it is never wrapped: what a command reports there goes through
// asciiMarks.
type asciiMarksWriter struct{ w io.Writer }

func (m asciiMarksWriter) Write(p []byte) (int, error) {
	if !bytes.Contains(p, []byte(ellipsis)) {
		return m.w.Write(p)
	}
	if _, err := m.w.Write(bytes.ReplaceAll(p, []byte(ellipsis), []byte("..."))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// messagesIn is stderr as a run writes its messages on it: with ASCII
// marks when the locale is not UTF-8.
func messagesIn(stderr io.Writer, utf8 bool) io.Writer {
	if utf8 || stderr == nil {
		return stderr
	}
	return asciiMarksWriter{stderr}
}

// asciiMarks is a line of a command's report written to w, with ASCII
// marks when w is a standard output drawn in ASCII (inASCII).
func asciiMarks(w io.Writer, line string) string {
	if !inASCII(w) {
		return line
	}
	return strings.ReplaceAll(line, ellipsis, "...")
}

// fileOf is the file under w, a run's output, if it is one: the
// terminal tests (is it a terminal, how wide) look through the ASCII
// marks.
func fileOf(w io.Writer) (*os.File, bool) {
	if m, ok := w.(asciiMarksWriter); ok {
		w = m.w
	}
	f, ok := w.(*os.File)
	return f, ok
}
