package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// On a terminal that leaves the screen two lines or one, the Review, the
// Compare screen, the interview, the report preview and the forms (a
// plan item, a new assessment, the sign-off) draw no more lines than they are
// given, in every state, as the trail does (TestTrailOnAShortTerminal):
// the line too many was cut by the frame, and what it cut was the last:
// the explanation being typed, the interview's status line, the
// comparison's way back.
func TestShortScreensDrawNoMoreLinesThanTheyAreGiven(t *testing.T) {
	for _, w := range []int{20, 40} {
		for _, h := range []int{1, 2} {
			for name, view := range shortScreens(t) {
				t.Run(fmt.Sprintf("%s-%dx%d", name, w, h), func(t *testing.T) {
					out := view(w, h)
					if got := strings.Count(out, "\n") + 1; got > h {
						t.Errorf("%d lines drawn on %d:\n%s", got, h, out)
					}
					// A field being typed in is what a line shows.
					typing := strings.HasSuffix(name, "explaining") || strings.HasSuffix(name, "note") || name == "review-refused" ||
						strings.HasPrefix(name, "form-")
					if typing && !strings.Contains(ansi.Strip(out), "> ") {
						t.Errorf("the field being typed in is not drawn:\n%s", out)
					}
					if name == "report-naming" && !strings.Contains(ansi.Strip(out), "Export to") {
						t.Errorf("the file name being typed is not drawn:\n%s", out)
					}
					if name == "report-overwrite" && !strings.Contains(ansi.Strip(out), "Already") {
						t.Errorf("the question y or n answers is not drawn:\n%s", out)
					}
				})
			}
		}
	}
}

// shortScreens are the screens under test, each in a state of its own, by
// name: each call builds its screen afresh at the size it draws.
func shortScreens(t *testing.T) map[string]func(w, h int) string {
	t.Helper()
	disagree := parsed(t, "disagree.yaml")
	allTypes := parsed(t, "all-types.yaml")
	choice := func(q, v string) assess.Answer {
		return assess.Answer{QuestionID: q, Value: assess.Value{Choices: []string{v}}, Source: assess.ByAnalyst, Reviewed: true}
	}
	loan := func() *assess.Assessment {
		return &assess.Assessment{ID: 1, Subject: "Loan model", Questionnaire: disagree, AssessedOn: shortToday,
			Answers: assess.Answers{"bias-testing": choice("bias-testing", "yes"), "intersectional-testing": choice("intersectional-testing", "not-measured")}}
	}
	payroll := func(id int64, mfa string) *assess.Assessment {
		return &assess.Assessment{ID: id, Subject: "Payroll", Questionnaire: allTypes, AssessedOn: shortToday,
			Answers: assess.Answers{"mfa": choice("mfa", mfa)}}
	}
	shellOf := func(a *assess.Assessment, w, h int) *shell {
		d := Deps{Today: func() assess.Date { return shortToday }, Governance: explainsAll{}}
		sh := &shell{deps: d, st: newStyles(true), width: w, height: h, saves: &saver{}, sess: newSession(a, shortToday)}
		sh.sess.saves = sh.saves // as the workspace links them after every message
		return sh
	}
	reviewOn := func(a *assess.Assessment, p pane, set func(r *review)) func(w, h int) string {
		return func(w, h int) string {
			r := newReview(shellOf(a, w, h))
			r.pane = p
			if set != nil {
				set(r)
			}
			return r.View(w, h)
		}
	}
	interviewOn := func(a *assess.Assessment, set func(iv *interview)) func(w, h int) string {
		return func(w, h int) string {
			s, _ := newInterview(shellOf(a, w, h))
			iv := s.(*interview)
			if set != nil {
				set(iv)
			}
			return iv.View(w, h)
		}
	}
	explaining := func(r *review) { r.startExplaining() }
	reportOn := func(set func(r *reportView)) func(w, h int) string {
		return func(w, h int) string {
			r := newReport(shellOf(loan(), w, h))
			replaceContent(&r.vp, renderDocument(r.doc, max(w-2, 20), r.sh.st, r.sh.deps.ASCII), false)
			r.rendered = true
			if set != nil {
				set(r)
			}
			return r.View(w, h)
		}
	}
	longPath := strings.Repeat("/very/long/folder", 8) + "/report.md"
	return map[string]func(w, h int) string{
		"review-scores":     reviewOn(loan(), paneScores, nil),
		"review-why":        reviewOn(loan(), paneWhy, nil),
		"review-explaining": reviewOn(loan(), paneScores, explaining),
		"review-refused": reviewOn(loan(), paneScores, func(r *review) {
			explaining(r)
			r.explain.commit(r.sh) // nothing typed: refused, with why
		}),
		"review-risks":    reviewOn(payroll(1, "yes"), paneRisks, nil),
		"review-findings": reviewOn(payroll(1, "no"), paneFindings, nil),
		"interview":       interviewOn(loan(), nil),
		"interview-explaining": interviewOn(loan(), func(iv *interview) {
			iv.idx = 1
			iv.startExplaining()
		}),
		"interview-note":   interviewOn(loan(), func(iv *interview) { iv.startEdit(editNote) }),
		"report":           reportOn(nil),
		"report-rendering": func(w, h int) string { return newReport(shellOf(loan(), w, h)).View(w, h) },
		"report-naming":    reportOn(func(r *reportView) { r.Update(keyOf("e")) }),
		"report-overwrite": reportOn(func(r *reportView) { r.overwrite = longPath }),
		"report-done":      reportOn(func(r *reportView) { r.done = "Exported to " + longPath }),
		"report-failed":    reportOn(func(r *reportView) { r.err = longPath + " is not a folder; nothing was written" }),
		// huh's forms: the focused field, typed in or picked from.
		"form-plan-item": func(w, h int) string {
			p := newPlan(shellOf(payroll(1, "no"), w, h))
			it, _ := p.selected()
			p.openEdit(it)
			return p.View(w, h)
		},
		"form-new-assessment": func(w, h int) string {
			sh := shellOf(payroll(1, "no"), w, h)
			sh.deps.Questionnaires = []*assess.Questionnaire{allTypes}
			s, _ := newCreate(sh, createFor{})
			return s.View(w, h)
		},
		"form-sign-off": func(w, h int) string {
			s, init := newSignOff(shellOf(loan(), w, h))
			if init != nil {
				s, _ = s.Update(init())
			}
			return s.View(w, h)
		},
		"compare": func(w, h int) string {
			d := assess.Compare(assess.Evaluate(payroll(1, "no"), shortToday), assess.Evaluate(payroll(2, "yes"), shortToday))
			return newDiff(shellOf(payroll(2, "yes"), w, h), d).View(w, h)
		},
	}
}

var shortToday = assess.NewDate(2026, time.March, 31)

func parsed(t *testing.T, file string) *assess.Questionnaire {
	t.Helper()
	q, problems, err := questionnaires.ParseFile(filepath.Join("testdata", file))
	if err != nil || len(problems) > 0 {
		t.Fatalf("%s: %v %v", file, err, problems)
	}
	return q
}

// explainsAll is a Governance that would record any explanation: the
// field opens on it.
type explainsAll struct{ Governance }

func (explainsAll) Explain(context.Context, int64, string, string) (*assess.Assessment, error) {
	return nil, nil
}
