package questionnaires_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A knock-out moves a level along its scale, least to most severe. On a
// scale of harm (residual risk: low, medium, high) that reads as raised;
// on a scale of strength (the fairness assessment's mitigation: strong,
// moderate, weak) "raised to moderate" read as the opposite of what
// happened, to a committee reading that mitigation was weakened. The
// words name the move without a direction the title can contradict.
func TestAKnockOutOnAStrengthScaleIsNotSaidToRaiseIt(t *testing.T) {
	lib := biLibrary(t)
	q, ok := lib.Get("fairness-aia")
	if !ok {
		t.Fatal("no built-in fairness-aia")
	}
	path := filepath.Join("testdata", "verdicts", "fairness-mortgage-affordability-older-women-combination-outside-limit.yaml")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	res := assess.Score(q, answersFile(t, path, src, q), assessedOn)

	// By hand (the file's header): 102 of 106 = 96.2%, strong by the
	// points; bias-results "no" is a knock-out holding mitigation no
	// better than moderate.
	l, ok := res.Level("mitigation-level")
	if !ok {
		t.Fatal("no mitigation level")
	}
	if l.Level != "moderate" || l.Unfloored != "strong" {
		t.Fatalf("mitigation %s (from %s), want moderate from strong: %s", l.Level, l.Unfloored, l.Why)
	}
	if strings.Contains(l.Why, "raised") {
		t.Errorf("mitigation weakened by a knock-out is said to be raised: %s", l.Why)
	}
	if !strings.Contains(l.Why, "moved to moderate by the knock-out on bias-results") {
		t.Errorf("why does not say the knock-out moved it to moderate: %s", l.Why)
	}
}
