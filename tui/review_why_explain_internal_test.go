package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess"
)

// The Why pane lists the answers that disagree with "Not explained."
// under each check nobody has explained, but D there said there was
// nothing to explain and its key line did not offer it: the reviewer had
// to go to the Scores pane or find a finding the check reads. D on the
// Why pane now explains the unexplained check it shows (the first one
// on the lines in view, else the first), and its key line offers D.
func TestReviewWhyPaneExplainsTheCheckItShows(t *testing.T) {
	choice := func(q, v string) assess.Answer {
		return assess.Answer{QuestionID: q, Value: assess.Value{Choices: []string{v}}, Source: assess.ByAnalyst, Reviewed: true}
	}
	a := &assess.Assessment{ID: 1, Subject: "Loan model", Questionnaire: parsed(t, "disagree.yaml"), AssessedOn: shortToday,
		Answers: assess.Answers{"bias-testing": choice("bias-testing", "yes"), "intersectional-testing": choice("intersectional-testing", "not-measured")}}
	sh := &shell{deps: Deps{Today: func() assess.Date { return shortToday }, Governance: explainsAll{}},
		st: newStyles(true), width: 80, height: 24, saves: &saver{}, sess: newSession(a, shortToday)}
	sh.sess.saves = sh.saves
	r := newReview(sh)
	r.pane = paneWhy
	view := ansi.Strip(r.View(80, 20))
	if !strings.Contains(view, "Not explained.") {
		t.Fatalf("the Why pane does not show the unexplained check:\n%s", view)
	}
	if keys := helpKeys(r.KeyMap()); !strings.Contains(keys, "D") {
		t.Errorf("the Why pane's keys do not offer D: %s", keys)
	}
	r.Update(keyOf("D"))
	if r.explain.check != "groups-tested-yet-none-compared" {
		t.Fatalf("D on the Why pane opened no field for the check it shows (%q); status: %q", r.explain.check, sh.flash)
	}
}

// helpKeys are a key map's short keys, as the footer lists them.
func helpKeys(k keyMap) string {
	var out []string
	for _, b := range k.short {
		out = append(out, b.Help().Key)
	}
	return strings.Join(out, " ")
}
