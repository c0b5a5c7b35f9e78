package tui_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// longAnswer is a free-text answer of n numbered words, "w1" to "wn",
// each to be found on the screen as a word of its own.
func longAnswer(n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = fmt.Sprintf("w%d", i+1)
	}
	return strings.Join(ws, " ")
}

// missingWords is which of the words w1 to wn are not on the screen.
func missingWords(screen string, n int) []string {
	seen := map[string]bool{}
	for _, w := range strings.Fields(screen) {
		seen[strings.Trim(w, "│…")] = true
	}
	var missing []string
	for i := 1; i <= n; i++ {
		if w := fmt.Sprintf("w%d", i); !seen[w] {
			missing = append(missing, w)
		}
	}
	return missing
}

// A reviewer on a vendor call reads the vendor's whole answer: the
// interview cut a long free-text answer to one line ("Answer: Managed
// Kubernetes and database hosting for o…") and only editing it showed
// the rest. It is wrapped in full.
func TestALongTextAnswerIsShownInFull(t *testing.T) {
	e := newEnv(t)
	a := e.create("third-party-due-diligence", "HostCo")
	const words = 60 // about seven lines of the question's column at 80x24
	e.answerFrom(a, "verdicts/tpdd-critical-cloud-host-no-transfer-assessment.yaml",
		assess.Answer{QuestionID: "service", Value: assess.Value{Text: longAnswer(words)}, Source: assess.ByAnalyst})
	f := e.startSized(e.deps(), 80, 24)
	f.waitFor("HostCo")
	f.press("enter")
	f.waitFor("Sections", "Answer:")
	if missing := missingWords(f.screen(), words); len(missing) > 0 {
		t.Errorf("the answer is not shown in full: %v missing\n%s", missing, f.screen())
	}
	f.quit()
}

// An answer taller than the question's pane scrolls with ↓ and ↑, and
// the keys line says so: every word of it can be read without editing it.
func TestAnAnswerTallerThanThePaneScrolls(t *testing.T) {
	e := newEnv(t)
	a := e.create("third-party-due-diligence", "HostCo")
	const words = 300
	e.answerFrom(a, "verdicts/tpdd-critical-cloud-host-no-transfer-assessment.yaml",
		assess.Answer{QuestionID: "service", Value: assess.Value{Text: longAnswer(words)}, Source: assess.ByAnalyst})
	f := e.startSized(e.deps(), 80, 24)
	f.waitFor("HostCo")
	f.press("enter")
	f.waitFor("Sections", "Answer:", "w1 ", "more lines below · ↑/↓ scroll")
	seen := map[string]bool{}
	for i := 0; i < 80; i++ {
		s := f.screen()
		for _, w := range strings.Fields(s) {
			seen[w] = true
		}
		if seen[fmt.Sprintf("w%d", words)] {
			break
		}
		f.press("down")
		f.waitUntil("the answer to scroll", func(now string) bool { return now != s })
	}
	for i := 1; i <= words; i++ {
		if w := fmt.Sprintf("w%d", i); !seen[w] {
			t.Fatalf("%s was never on the screen while scrolling with ↓:\n%s", w, f.screen())
		}
	}
	// Each ↑ moves back a row, none wasted past the end, to the start.
	for i := 0; !strings.Contains(f.screen(), "Answer: w1 "); i++ {
		if i == 80 {
			t.Fatalf("↑ did not scroll back to the answer's start:\n%s", f.screen())
		}
		s := f.screen()
		f.press("up")
		f.waitUntil("↑ to scroll back", func(now string) bool { return now != s })
	}
	f.quit()
}
