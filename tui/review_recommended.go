package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// recommended lists the assessments the pre-screen's answers call for,
// each once with all its reasons.
func (r *review) recommended() []assess.Recommended { return r.res().Recommended() }

// recommendedText lists the recommended assessments with their reasons,
// whole: the one under the cursor says what enter will start and with
// which answers.
func (r *review) recommendedText(width int) (text string, first, last int) {
	st := r.sh.st
	recs := r.recommended()
	if len(recs) == 0 {
		return st.muted.Render("Nothing recommended yet: answer the pre-screen's questions first."), 0, 0
	}
	out := strings.Split(wrap("The answers call for these assessments; enter starts the one under the cursor.", width), "\n")
	out = append(out, "")
	for i, rec := range recs {
		title := rec.Questionnaire
		q := r.sh.deps.questionnaire(rec.Questionnaire)
		if q != nil {
			title = q.Title
		}
		if i == r.nav.cursor {
			first = len(out)
		}
		out = append(out, listRow(st, st.bold.Render(fit(clean(title), width-2)), i == r.nav.cursor))
		if i != r.nav.cursor {
			// One line each; the one under the cursor gives every reason whole.
			line := clean(rec.Reasons[0])
			if more := len(rec.Reasons) - 1; more > 0 {
				line = fmt.Sprintf("(%d reasons) %s", len(rec.Reasons), line)
			}
			out = append(out, "    "+st.muted.Render(fit(line, width-4)))
			continue
		}
		for n, reason := range rec.Reasons {
			if len(rec.Reasons) > 1 {
				reason = fmt.Sprintf("(%d) %s", n+1, reason)
			}
			for _, l := range strings.Split(wrap(clean(reason), width-4), "\n") {
				out = append(out, "    "+st.muted.Render(l))
			}
		}
		// A login that may not write cannot start one: not offered.
		if i == r.nav.cursor && q != nil && r.sh.deps.readOnly() == "" {
			for _, l := range strings.Split(r.startsWith(q, width-4), "\n") {
				out = append(out, "    "+l) // a line each, so that the pane can keep the last in view
			}
		}
		if i == r.nav.cursor {
			last = len(out) - 1
		}
	}
	return strings.Join(out, "\n"), first, last
}

// startsWith says what starting the recommended assessment asks for and
// carries over.
func (r *review) startsWith(q *assess.Questionnaire, width int) string {
	st := r.sh.st
	var parts []string
	if about := subjectFor(q); about.ask != "" {
		parts = append(parts, "asks for the "+about.ask)
	} else {
		parts = append(parts, "for "+clean(r.sh.sess.a.Subject))
	}
	if n := len(assess.Carried(r.sh.sess.a, r.res(), q)); n > 0 {
		parts = append(parts, "starts with "+assess.Count(n, "answer", "answers")+" from here")
	}
	return st.muted.Render(wrapAfter("enter "+strings.Join(parts, "; "), 4, width))
}

// newSubject is what a recommended assessment is about when it is not
// the pre-screen's initiative: third-party due diligence assesses a
// vendor and the dataset review a dataset, which the form asks to name.
type newSubject struct {
	ask, kind string
}

func subjectFor(q *assess.Questionnaire) newSubject {
	switch q.Kind {
	case assess.KindThirdParty:
		return newSubject{ask: "vendor", kind: "vendor"}
	case assess.KindDataset:
		return newSubject{ask: "dataset", kind: "dataset"}
	}
	return newSubject{}
}

// startRecommended opens the new-assessment form for the recommended
// questionnaire under the cursor: for the pre-screen's initiative, or for
// the vendor or dataset it names; the answers the pre-screen already
// gave to the same questions go with it.
func (r *review) startRecommended() (screen, tea.Cmd) {
	recs := r.recommended()
	if r.nav.cursor >= len(recs) {
		return r, nil
	}
	if ro := r.sh.deps.refuse(); ro != "" {
		r.sh.flash = "no new assessment: " + ro
		return r, nil
	}
	q := r.sh.deps.questionnaire(recs[r.nav.cursor].Questionnaire)
	if q == nil {
		r.sh.flash = "No questionnaire " + clean(recs[r.nav.cursor].Questionnaire) + " is installed."
		return r, nil
	}
	a := r.sh.sess.a
	about := subjectFor(q)
	f := createFor{questionnaire: q.ID, kind: about.kind, carried: assess.Carried(a, r.res(), q), from: a.ID}
	if about.ask == "" {
		f.subject, f.kind = a.Subject, a.SubjectKind // the same subject, as it is recorded
	} else {
		f.subjectTitle = strings.ToUpper(about.ask[:1]) + about.ask[1:]
		f.subjectHelp = fmt.Sprintf("The %s to assess (the pre-screen was about %s)", about.ask, clean(a.Subject))
	}
	return newCreate(r.sh, f)
}
