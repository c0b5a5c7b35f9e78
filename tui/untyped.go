package tui

import "fmt"

// typing is a screen that can hold text typed and not yet given: the
// interview's open field, a plan form, the new-assessment form. ctrl+c
// quits at once all the same; what it holds is not stored (it was not
// given) but named, one line each, as the workspace leaves, so that it
// can be given again. Read from the fields in memory: no I/O.
type typing interface {
	untyped() []string
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
func changedValues(fields []formValue, where, why string) []string {
	var out []string
	for _, f := range fields {
		if *f.v != f.was {
			out = append(out, fmt.Sprintf("%s %s: %q: %s", f.what, where, clean(*f.v), why))
		}
	}
	return out
}
