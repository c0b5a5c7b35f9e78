package assess

import (
	"testing"
	"time"
)

func yes() Answer { return Answer{QuestionID: "mfa", Value: Value{Choices: []string{"yes"}}} }

// SameAnswer reads answers as the store keeps them: who saved them and
// when do not count; no source is the analyst's, whose answers are
// reviewed; no evidence and an empty list are alike.
func TestSameAnswer(t *testing.T) {
	stamped := yes()
	stamped.UpdatedBy, stamped.UpdatedAt = "Bo", time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	analyst := yes()
	analyst.Source, analyst.Reviewed = ByAnalyst, true
	emptyEvidence := yes()
	emptyEvidence.Evidence = []string{}
	vendor := yes()
	vendor.Source = ByVendor
	confirmed := vendor
	confirmed.Reviewed = true
	noted := yes()
	noted.Note = "SSO"
	no := Answer{QuestionID: "mfa", Value: Value{Choices: []string{"no"}}}
	cases := []struct {
		name string
		a, b Answer
		same bool
	}{
		{"who and when do not count", yes(), stamped, true},
		{"no source is the analyst's, reviewed", yes(), analyst, true},
		{"no evidence and an empty list", yes(), emptyEvidence, true},
		{"none and none", Answer{}, Answer{QuestionID: "mfa"}, true},
		{"another value", yes(), no, false},
		{"a note added", yes(), noted, false},
		{"the vendor's, not the analyst's", yes(), vendor, false},
		{"the vendor's, confirmed since", vendor, confirmed, false},
		{"an answer and none", yes(), Answer{}, false},
	}
	for _, c := range cases {
		if got := SameAnswer(c.a, c.b); got != c.same {
			t.Errorf("%s: SameAnswer = %v, want %v", c.name, got, c.same)
		}
	}
}

// Conflicts: an answer changed since it was seen, to something other
// than the new answer, comes back as it now is; nothing else does.
func TestConflicts(t *testing.T) {
	bo := Answer{QuestionID: "mfa", Value: Value{Choices: []string{"partial"}}, UpdatedBy: "Bo"}
	bosYes := yes()
	bosYes.QuestionID, bosYes.UpdatedBy = "encryption", "Bo"
	now := Answers{"mfa": bo, "encryption": bosYes}
	seen := Answers{"mfa": yes(), "encryption": yes()}
	mine := []Answer{
		{QuestionID: "mfa", Value: Value{Choices: []string{"no"}}},        // Bo changed it since: a conflict
		{QuestionID: "encryption", Value: Value{Choices: []string{"no"}}}, // as seen: none
		{QuestionID: "policy", Value: Value{Choices: []string{"yes"}}},    // unanswered then and now: none
	}
	got := Conflicts(now, seen, mine)
	if len(got) != 1 || got[0].QuestionID != "mfa" || got[0].UpdatedBy != "Bo" {
		t.Fatalf("Conflicts = %+v, want Bo's answer to mfa alone", got)
	}
	// Saying what Bo says is no conflict.
	if got := Conflicts(now, seen, []Answer{{QuestionID: "mfa", Value: Value{Choices: []string{"partial"}}}}); len(got) != 0 {
		t.Errorf("the same answer as Bo's: %+v", got)
	}
	// Someone answered a question seen unanswered.
	if got := Conflicts(now, Answers{}, []Answer{{QuestionID: "encryption", Value: Value{Choices: []string{"no"}}}}); len(got) != 1 {
		t.Errorf("an answer given since the question was seen unanswered: %+v", got)
	}
	// OthersAnswers: only what someone other than me saved last.
	if got := OthersAnswers(now, "Bo", mine); len(got) != 0 {
		t.Errorf("Bo replacing his own answer: %+v", got)
	}
	if got := OthersAnswers(now, "Ana", mine); len(got) != 2 || got[0].QuestionID != "mfa" || got[1].QuestionID != "encryption" {
		t.Errorf("Ana replacing Bo's two answers: %+v", got)
	}
}

func TestConflictMessage(t *testing.T) {
	theirs := Answer{QuestionID: "mfa", Value: Value{Choices: []string{"partial"}}, Note: "contractors excluded",
		UpdatedBy: "Bo", UpdatedAt: time.Date(2026, 3, 2, 9, 1, 0, 0, time.UTC)}
	err := &ConflictError{Assessment: 3, Theirs: []Answer{theirs}}
	want := `question mfa was changed by Bo at 2026-03-02 09:01:00 UTC: it is now partial (note "contractors excluded")`
	if err.Error() != want {
		t.Errorf("message:\n got %s\nwant %s", err, want)
	}
	if ErrorCode(err) != EConflict {
		t.Errorf("code %q, want %q", ErrorCode(err), EConflict)
	}
}
