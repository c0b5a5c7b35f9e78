package assess

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sort"
	"strings"
)

// An approver signs what their screen showed. Review does not stop the
// analysts, so an answer or plan item can be saved between the approver
// opening the sign-off and signing it; SeenBySigner carries, with the
// approval or rejection, a digest of the answers and plan the approver
// looked at, and the store refuses the signature when the assessment no
// longer holds them (ChangedSinceSeen).

const seenPrefix = "seen:"

// SeenBySigner is the review option that says what the signer saw: the
// assessment as it was shown when the sign-off was opened.
func SeenBySigner(a *Assessment) ReviewOption {
	return ReviewOption(seenPrefix + a.signedContent())
}

// ChangedSinceSeen reports whether opts say the signer saw answers or a
// plan other than those a now holds. Without a SeenBySigner option (the
// command line, which shows nothing before signing) it is false.
func ChangedSinceSeen(a *Assessment, opts []ReviewOption) bool {
	for _, o := range opts {
		if seen, ok := strings.CutPrefix(string(o), seenPrefix); ok {
			return seen != a.signedContent()
		}
	}
	return false
}

// signedContent digests the answers as stored (SameAnswer's fields) and
// the plan edits, in key order: two copies that SameAnswer and
// PlanEdit.SameAs find equal digest the same.
func (a *Assessment) signedContent() string {
	type answer struct {
		ID       string
		Value    Value
		Note     string
		Evidence []string
		Source   string
		Reviewed bool
	}
	var answers []answer
	for id, ans := range a.Answers {
		if !ans.Answered() && ans.Note == "" && len(ans.Evidence) == 0 {
			continue
		}
		s := stored(ans)
		answers = append(answers, answer{id, s.Value, s.Note, s.Evidence, string(s.Source), s.Reviewed})
	}
	sort.Slice(answers, func(i, j int) bool { return answers[i].ID < answers[j].ID })
	var plan []PlanEdit
	for key, e := range a.PlanEdits {
		if e.SameAs(PlanEdit{}) {
			continue // an item never edited
		}
		e.Key = key
		plan = append(plan, e)
	}
	sort.Slice(plan, func(i, j int) bool { return plan[i].Key < plan[j].Key })
	b, _ := json.Marshal(struct {
		Answers []answer
		Plan    []PlanEdit
	}{answers, plan})
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
