package tui_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// Evidence over the limit an answer may list is refused with what to type
// here to get out of it: the store's own refusal ("question
// data-sensitivity: evidence: 501 evidence references ... remove at least
// 1") named an ID the listener never heard and no way to remove any.
// Nothing of it is stored, and the same prompt then takes a shorter list.
func TestAccessibleEvidenceOverTheLimitSaysWhatToType(t *testing.T) {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	refs := make([]string, assess.MaxEvidence+1)
	for i := range refs {
		refs[i] = fmt.Sprintf("T%d", i+1)
	}
	text := runAccessible(t, e, "1\nevidence: "+strings.Join(refs, "; ")+"\nevidence: DPA.pdf\nq\n")
	want := "Not saved: that is 501 evidence references, more than the 500 an answer may list. " +
		"Type evidence: again with at most 500, separated by ; (one document can list the rest), or s to skip the question."
	if !strings.Contains(text, want) {
		t.Errorf("accessible output lacks %q:\n%s", want, text)
	}
	if strings.Contains(text, "question data-sensitivity") {
		t.Errorf("the refusal names the question's ID, which nobody heard:\n%s", text)
	}
	if got := e.load(a.ID).Answers["data-sensitivity"].Evidence; strings.Join(got, "|") != "DPA.pdf" {
		t.Errorf("evidence stored as %d references %.40q, want DPA.pdf alone", len(got), got)
	}
}
