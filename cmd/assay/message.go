package main

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/safetext"
)

// maxMessage bounds one line of an error or problem message. Messages
// quote what a file held (an unknown key, a wrong value), and a file may
// hold megabytes in one value.
const maxMessage = 2000

// messageLine makes a message safe to print: one line, no escape
// sequences, and at most maxMessage bytes, eliding the middle so that both
// the position at the start and the verdict at the end ("nothing was
// imported") stay.
func messageLine(s string) string {
	s = safetext.OneLine(s)
	if len(s) <= maxMessage {
		return s
	}
	head, tail := s[:maxMessage/2], s[len(s)-maxMessage/2:]
	for len(head) > 0 && !utf8.ValidString(head) { // not inside a character
		head = head[:len(head)-1]
	}
	for len(tail) > 0 && !utf8.RuneStart(tail[0]) {
		tail = tail[1:]
	}
	return head + " […] " + tail
}

// leftUnchanged adds to err what the failed command left unchanged
// ("nothing was imported"), unless the store has already said that
// nothing was recorded, or that it cannot tell: a connection lost at the
// commit may have left the change recorded (assess.OutcomeUnknown).
func leftUnchanged(err error, verdict string) error {
	if strings.Contains(err.Error(), "nothing was recorded") || assess.OutcomeUnknown(err) {
		return err
	}
	return fmt.Errorf("%w; %s", err, verdict)
}

// inform prints information on w (standard error): a sentence starting
// with a capital and ending with a full stop, as assay revise gives it,
// without the "assay:" that starts an error, so that a reader (or a script
// watching for "assay:") does not take what went well for what failed.
func inform(w io.Writer, sentence string) {
	sentence = strings.TrimSuffix(strings.TrimSpace(sentence), ".")
	if r, n := utf8.DecodeRuneInString(sentence); n > 0 {
		sentence = string(unicode.ToUpper(r)) + sentence[n:]
	}
	fmt.Fprintln(w, sentence+".")
}
