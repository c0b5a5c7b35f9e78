package tui

import (
	"fmt"
	"strings"

	"github.com/assay-dev/assay/assess"
)

// findingsText lists the findings, the one under the cursor opened out:
// its answer, the note and evidence it rests on, its controls and what
// to do. It returns the lines the selected finding takes, so the pane can
// scroll to keep it in view.
func (r *review) findingsText(width int) (text string, first, last int) {
	st := r.sh.st
	res := r.res()
	if len(res.Findings) == 0 {
		return st.ok.Render("No findings."), 0, 0
	}
	num := len(fmt.Sprintf("F%d", len(res.Findings))) + 1 // F10 lines up with F9
	var out []string
	for i, f := range res.Findings {
		head := pad(fmt.Sprintf("F%d", i+1), num) + st.severity(f.Severity).Render(pad(f.Severity.String(), 9)) + clean(f.Question)
		if i != r.nav.cursor {
			out = append(out, listRow(st, fit(head, width-2), false))
			continue
		}
		first = len(out)
		out = append(out, listRow(st, fit(head, width-2), true))
		for _, l := range r.findingDetail(f, width-4) {
			out = append(out, "    "+l)
		}
		last = len(out) - 1
	}
	return strings.Join(out, "\n"), first, last
}

// findingDetail is a finding opened out, wrapped to width.
func (r *review) findingDetail(f assess.Finding, width int) []string {
	st := r.sh.st
	var out []string
	add := func(label, text string) {
		if text == "" {
			return
		}
		for i, l := range strings.Split(wrapAfter(text, len(label)+2, width), "\n") {
			if i == 0 {
				l = st.muted.Render(label+": ") + l
			}
			out = append(out, l)
		}
	}
	add("Question", clean(f.QuestionID)+" · "+clean(f.Section))
	add("Answer", clean(f.Answer))
	if a, ok := r.sh.sess.a.Answers[f.QuestionID]; ok && unconfirmed(a) {
		add("Source", "the vendor's answer, not yet confirmed")
	}
	add("Note", clean(f.Note))
	add("Evidence", clean(strings.Join(f.Evidence, "; ")))
	var controls []string
	for _, fw := range assess.Frameworks {
		if ids := f.Controls.IDs(fw); len(ids) > 0 {
			controls = append(controls, fw.Title()+" "+strings.Join(ids, ", "))
		}
	}
	add("Controls", clean(strings.Join(controls, "; ")))
	add("Severity", clean(strings.Join(append([]string{f.Severity.String()}, f.SeverityWhy...), "; ")))
	add("Action", clean(f.Action))
	out = append(out, st.muted.Render("enter opens the question"))
	return out
}
