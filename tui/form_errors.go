package tui

import (
	"strings"

	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
)

// A form's errors are drawn by the workspace, not by huh: huh wrapped an
// error after its " * " and left the lines after the first at column 0,
// out of the form's indent. Here each is wrapped under its own text.

// errorsUnder is what a form's fields refuse, each " * " and its words
// wrapped under them to width; "" when nothing is refused.
func errorsUnder(f *huh.Form, st styles, width int) string {
	var out []string
	for _, err := range f.Errors() {
		out = append(out, st.error.Render(" * "+wrapAfter(said(err), 3, width)))
	}
	return strings.Join(out, "\n")
}

// formView is a form as drawn, its errors under it after a blank line.
func formView(f *huh.Form, st styles, width int) string {
	if errs := errorsUnder(f, st, width); errs != "" {
		return f.View() + "\n\n" + errs
	}
	return f.View()
}

// errorRoom is the lines a form's errors take under it, the blank line
// before them included: the form is made shorter by as many, so that
// they are on screen.
func errorRoom(f *huh.Form, st styles, width int) int {
	if errs := errorsUnder(f, st, width); errs != "" {
		return lipgloss.Height(errs) + 1
	}
	return 0
}
