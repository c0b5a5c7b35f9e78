package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// disagreementHere is the disagreement nobody has explained that D
// explains on the pane shown: the one the question under the cursor is
// part of; on the Scores pane, which names them all, the first; on the
// Why pane, which lists each with "Not explained.", the first of those
// on the lines in view, else the first. A
// sign-off refused for them comes back to the review; before, the
// reviewer had to leave for the interview and find one of the questions.
func (r *review) disagreementHere() (assess.Disagreement, bool) {
	ds := r.res().Disagreements
	if id, ok := r.questionUnderCursor(); ok {
		if d, ok := unexplainedOf(ds, id); ok && d.Explanation == nil {
			return d, true
		}
		return assess.Disagreement{}, false
	}
	open := assess.Unexplained(ds)
	switch {
	case len(open) == 0:
	case r.pane == paneScores:
		return open[0], true
	case r.pane == paneWhy:
		return r.unexplainedInView(open), true
	}
	return assess.Disagreement{}, false
}

// unexplainedInView is the first of open (none empty) whose line the Why
// pane shows now, scrolled as it is; the first of open when none is in
// view. The pane names a check at the start of its line, indented under
// "Answers that disagree", as report.Explain writes it.
func (r *review) unexplainedInView(open []assess.Disagreement) assess.Disagreement {
	ls := strings.Split(whyText(r.sh.sess.eval, r.sh.width), "\n")
	from, to := min(r.scroll, len(ls)), min(r.scroll+max(r.page, 1), len(ls))
	for _, l := range ls[from:to] {
		for _, d := range open {
			if strings.HasPrefix(strings.TrimSpace(l), clean(d.ID)+":") {
				return d
			}
		}
	}
	return open[0]
}

// startExplaining opens the field for the disagreement D explains here;
// the status line says why not when there is none.
func (r *review) startExplaining() tea.Cmd {
	d, ok := r.disagreementHere()
	if !ok {
		r.sh.flash = "No answers that disagree wait for an explanation here: nothing to explain"
		return nil
	}
	cmd, _ := r.explain.open(r.sh, d)
	return cmd
}

// untyped names the explanation typed and not recorded, for quitting.
func (r *review) untyped() []Untyped { return r.explain.untyped(r.sh.sess.where()) }

// unexplainedText names, on the Scores pane, the checks that hold and
// nobody has explained, with their answers, and that D explains the
// first: each refuses a submission until it is explained or an answer
// changed. "" for none.
func (r *review) unexplainedText(width int) string {
	open := assess.Unexplained(r.res().Disagreements)
	if len(open) == 0 {
		return ""
	}
	words := make([]string, len(open))
	for i, d := range open {
		words[i] = clean(d.ID + ": " + strings.TrimSuffix(d.Message, ".") + " (answers: " + assess.DisagreeingAnswersLine(d.Answers) + ")")
	}
	s := fmt.Sprintf("Answers that disagree and nobody has explained: %s. A submission is refused until each is explained or one of its answers changed.",
		strings.Join(words, "; "))
	if _, ok := r.sh.deps.Governance.(Explainer); ok {
		s += " D explains " + map[bool]string{true: "it", false: "the first"}[len(open) == 1] + "."
	}
	return r.sh.st.warn.Render(wrap(s, width)) + "\n"
}
