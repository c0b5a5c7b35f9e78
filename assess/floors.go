package assess

import (
	"fmt"
	"slices"
	"strings"
)

// knockOuts collects the floors that the answers set: a full gap on a
// question with floors, or a chosen option with floors, on a visible
// question. Unanswered, hidden and not-applicable questions set none: a
// knock-out always names the answer that set it.
func (s *scorer) knockOuts() {
	s.floors = map[string][]FloorResult{}
	add := func(qq *Question, qr QuestionResult, fs []*Floor) {
		for _, f := range fs {
			s.floors[f.Level] = append(s.floors[f.Level], FloorResult{Question: qq.ID, Answer: qr.Answer, AtLeast: f.AtLeast, Reason: f.Reason})
		}
	}
	for i, qr := range s.res.Questions {
		if !qr.Visible || !qr.Answered || qr.Status == StatusNA {
			continue
		}
		qq := s.q.Questions[i]
		if qr.Status == StatusGap {
			add(qq, qr, qq.Floors)
		}
		for _, c := range s.answers[qq.ID].Value.Choices {
			if o := qq.Option(c); o != nil {
				add(qq, qr, o.Floors)
			}
		}
	}
}

// applyFloors raises a level to the highest floor the answers set under it,
// and says which answer set it. The first of equal floors, in question
// order, is the one named.
func (s *scorer) applyFloors(def *LevelDef, lr *LevelResult) {
	fs := s.floors[def.ID]
	if len(fs) == 0 {
		return
	}
	lr.Floors = fs
	top := -1
	for i, f := range fs {
		if top < 0 || slices.Index(def.Scale, f.AtLeast) > slices.Index(def.Scale, fs[top].AtLeast) {
			top = i
		}
	}
	f := fs[top]
	want := slices.Index(def.Scale, f.AtLeast)
	if want <= lr.Rank {
		lr.Why += fmt.Sprintf("; the knock-out on %s (at least %s) does not raise it", f.Question, f.AtLeast)
		return
	}
	lr.Raised, lr.Unfloored = true, lr.Level
	lr.Why += fmt.Sprintf("; raised to %s by the knock-out on %s, answered %q: %s", f.AtLeast, f.Question, f.Answer, strings.TrimSuffix(f.Reason, "."))
	lr.Level, lr.Rank = f.AtLeast, want
	lr.NotRated, lr.NotApplicable = false, false
}
