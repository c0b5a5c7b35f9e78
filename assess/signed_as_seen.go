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
// assessment as it was shown when the sign-off was opened, a digest of
// each answer and plan item, so that a refusal can name what changed
// (SeenChanges), not only that something did.
func SeenBySigner(a *Assessment) ReviewOption {
	b, _ := json.Marshal(a.signedItems())
	return ReviewOption(seenPrefix + string(b))
}

// ChangedSinceSeen reports whether opts say the signer saw answers or a
// plan other than those a now holds. Without a SeenBySigner option (the
// command line, which shows nothing before signing) it is false.
func ChangedSinceSeen(a *Assessment, opts []ReviewOption) bool {
	_, _, changed := SeenChanges(a, opts)
	return changed
}

// SeenChanges names what a holds otherwise than the signer saw (opts'
// SeenBySigner): the question IDs of answers and the keys of plan items
// changed, added or cleared since, each in order, and whether anything
// changed. Without a SeenBySigner option nothing did.
func SeenChanges(a *Assessment, opts []ReviewOption) (answers, plan []string, changed bool) {
	for _, o := range opts {
		raw, ok := strings.CutPrefix(string(o), seenPrefix)
		if !ok {
			continue
		}
		var seen map[string]string
		if json.Unmarshal([]byte(raw), &seen) != nil {
			// Not what SeenBySigner wrote: nothing says the signer saw
			// what is signed.
			return nil, nil, true
		}
		now := a.signedItems()
		for k := range now {
			if _, ok := seen[k]; !ok {
				seen[k] = ""
			}
		}
		for k, digest := range seen {
			if now[k] == digest {
				continue
			}
			if id, ok := strings.CutPrefix(k, "answer:"); ok {
				answers = append(answers, id)
			} else {
				plan = append(plan, strings.TrimPrefix(k, "plan:"))
			}
		}
		sort.Strings(answers)
		sort.Strings(plan)
		return answers, plan, len(answers)+len(plan) > 0
	}
	return nil, nil, false
}

// signedItems digests each answer as stored (SameAnswer's fields) and
// each plan edit, by "answer:ID" and "plan:key": two copies that
// SameAnswer and PlanEdit.SameAs find equal digest the same. An answer
// with nothing in it and an item never edited are not there.
func (a *Assessment) signedItems() map[string]string {
	type answer struct {
		Value    Value
		Note     string
		Evidence []string
		Source   string
		Reviewed bool
	}
	digest := func(v any) string {
		b, _ := json.Marshal(v)
		sum := sha256.Sum256(b)
		return hex.EncodeToString(sum[:16])
	}
	items := map[string]string{}
	for id, ans := range a.Answers {
		if !ans.Answered() && ans.Note == "" && len(ans.Evidence) == 0 {
			continue
		}
		s := stored(ans)
		items["answer:"+id] = digest(answer{s.Value, s.Note, s.Evidence, string(s.Source), s.Reviewed})
	}
	for key, e := range a.PlanEdits {
		if e.SameAs(PlanEdit{}) {
			continue // an item never edited
		}
		e.Key = key
		items["plan:"+key] = digest(e)
	}
	return items
}
