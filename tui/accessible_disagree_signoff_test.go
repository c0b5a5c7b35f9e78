package tui_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// Accessible mode's sign-off refuses a submission whose answers disagree
// and nobody explained, as the workspace's does, and says in plain ASCII
// what to do there: change an answer, or explain at a shell.
func TestAccessibleSignOffRefusesUnexplainedDisagreement(t *testing.T) {
	e := newEnv(t)
	e.createFrom("disagree.yaml", "Loan model")
	text := e.accessible(strings.Join([]string{
		"1", "1", "2", "b", // yes, not measured: the check holds; then the assessment's choices
		"3", "1", "Ready", // sign off: submit
		"q",
	}, "\n") + "\n")
	for _, want := range []string{
		"Not signed: cannot submit assessment 1: a consistency check finds answers that disagree, and nobody has explained why: groups-tested-yet-none-compared",
		"explain them at a shell: assay explain 1 CHECK-ID followed by your reason in quotes",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, text)
		}
	}
	if got := e.load(1); got.Status != assess.Draft || len(got.SignOffs) != 0 {
		t.Errorf("state %s with %d signatures; want a draft, unsigned", got.Status, len(got.SignOffs))
	}
}
