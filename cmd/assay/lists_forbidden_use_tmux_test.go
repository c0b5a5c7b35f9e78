package main

import (
	"fmt"
	"strings"
	"testing"
)

// A fairness review of a practice the EU AI Act prohibits, answered so,
// submitted and rejected, beside last year's review of the same system
// (a draft that classes it minimal risk, so not rated yet), driven on the
// built binary in tmux as a committee member meets them: the home screen
// and assay list say the system must not be used, the level of each is
// whole at 60 columns as at 80 (the progress gives way first), and C
// compares the two saying on this year's side and in its review that the
// system must not be used, and nothing of the kind on last year's.
func TestTmuxListsAndCompareSayAProhibitedPracticeMustNotBeUsed(t *testing.T) {
	for _, size := range []struct{ w, h int }{{60, 20}, {80, 24}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			w := newWorkspace(t)
			last := strings.TrimSpace(w.cli("new", "-q", "fairness-aia", "-s", "Agent emotion scores", "--date", "2025-03-01"))
			w.cli("answer", last, "-f", w.file("minimal.yaml", "questionnaire: fairness-aia\nanswers:\n  ai-act-class:\n    answer: minimal\n"))
			this := strings.TrimSpace(w.cli("new", "-q", "fairness-aia", "-s", "Agent emotion scores", "--date", "2026-03-01"))
			w.cli("answer", this, "-f", prohibitedAnswers)
			w.cli("--reviewer", "Ana Analyst", "review", this, "--submit", "--date", "2026-03-02")
			w.cli("--reviewer", "Rui Reviewer", "review", this, "--reject", "--comment", "Article 5", "--date", "2026-03-03")

			if list := w.cli("list"); !strings.Contains(list, "\n"+this+"   Agent emotion scores  fairness-aia   rejected, must not be used  58/58     prohibited     16    16\n") {
				t.Errorf("assay list does not say the system must not be used:\n%s", list)
			}

			p := w.open(size.w, size.h)
			p.waitText("2 of 2", "must not be used", "prohibited", "not rated yet")
			for _, l := range strings.Split(p.screen(), "\n") {
				if strings.Contains(l, "…") && (strings.Contains(l, "not rated") || strings.Contains(l, "prohib")) && !strings.Contains(l, "not rated yet") && !strings.Contains(l, "prohibited") {
					t.Errorf("a level is cut at %d columns:\n%s", size.w, l)
				}
			}
			p.keys("C")
			p.waitSays("compare #"+last+" → #"+this,
				"· 2026-03-01 · rejected, must not be used",
				`Review: draft → rejected by Rui Reviewer on 2026-03-03 ("Article 5"); the system must not be used`)
			s := flat(p.screen())
			if from, _, _ := strings.Cut(s[strings.Index(s, "From #"+last):], " To #"+this); strings.Contains(from, "must not") || !strings.HasSuffix(from, "· 2025-03-01 · draft") {
				t.Errorf("last year's side, minimal risk, is a plain draft: %q", from)
			}
			p.quit()
		})
	}
}
