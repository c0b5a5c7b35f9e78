package tui

import (
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
	num := len(assess.FindingLabel(len(res.Findings)-1)) + 1 // F10 lines up with F9
	heads := make([]string, len(res.Findings))
	for i, f := range res.Findings {
		heads[i] = pad(assess.FindingLabel(i), num) + st.severity(f.Severity).Render(pad(f.Severity.String(), 9)) + clean(f.Question)
	}
	out, first, last := openRows(st, nil, heads, r.nav.cursor, width, func(w int) []string {
		return r.findingDetail(res.Findings[r.nav.cursor], w)
	})
	return strings.Join(out, "\n"), first, last
}

// openRows appends a list's rows to out, one line each, the row under the
// cursor opened out with its detail indented under it; it says which
// lines that row takes, so that the pane can keep it in view.
func openRows(st styles, out, heads []string, cursor, width int, detail func(width int) []string) (lines []string, first, last int) {
	for i, head := range heads {
		out = append(out, listRow(st, fit(head, width-2), i == cursor))
		if i != cursor {
			continue
		}
		first = len(out) - 1
		for _, l := range detail(width - 4) {
			out = append(out, "    "+l)
		}
		last = len(out) - 1
	}
	return out, first, last
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
