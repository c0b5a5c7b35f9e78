package tui

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// typing is a screen that can hold text typed and not yet given: the
// interview's open field, a plan form, the new-assessment form. ctrl+c
// quits at once all the same; what it holds is not stored (it was not
// given) but named, one line each, as the workspace leaves, so that it
// can be given again. Read from the fields in memory: no I/O.
type typing interface {
	untyped() []Untyped
}

// Untyped is text typed into a field and not given when the workspace
// left: what it was for, the text as typed, and why it was not kept.
type Untyped struct {
	About string // "#1 Payroll system: the note being typed to question mfa"
	Text  string
	Why   string // "quit before enter gave it"
}

// shownTyped is the longest text typed and not given that the notice on
// leaving quotes. A longer one (a note of paragraphs, a pasted page) filled
// the terminal as one line; cmd/assay keeps it in a file (Model.LongUntyped)
// and the notice says how long it was.
const shownTyped = 100

// Long reports whether the notice leaves the text out: longer than
// shownTyped characters, or more than one line.
func (u Untyped) Long() bool {
	return utf8.RuneCountInString(u.Text) > shownTyped || strings.ContainsAny(u.Text, "\n\r")
}

// Notice is the line said of it as the workspace leaves: the text quoted,
// made safe to print, when it is short; its length when it is long.
func (u Untyped) Notice() string {
	if !u.Long() {
		return fmt.Sprintf("%s: %q: %s", u.About, clean(u.Text), u.Why)
	}
	size := fmt.Sprintf("%d characters", utf8.RuneCountInString(u.Text))
	if n := strings.Count(u.Text, "\n") + 1; n > 1 {
		size += fmt.Sprintf(" on %d lines", n)
	}
	return fmt.Sprintf("%s (%s): %s", u.About, size, u.Why)
}

// formValue is a form field bound to a value that huh updates as it is
// typed (huh v2 sets a bound value on every key, not only on submit), with
// what it held when the form opened: changed, it is what quitting names.
type formValue struct {
	what string // "the owner being typed", "the status chosen"
	v    *string
	was  string
}

// watch notes the fields' values as the form opens.
func watch(fields ...formValue) []formValue {
	for i := range fields {
		fields[i].was = *fields[i].v
	}
	return fields
}

// changedValues names each field changed since the form opened, with what
// it was for and why it was not kept.
func changedValues(fields []formValue, where, why string) []Untyped {
	var out []Untyped
	for _, f := range fields {
		if *f.v != f.was {
			out = append(out, Untyped{About: f.what + " " + where, Text: *f.v, Why: why})
		}
	}
	return out
}
