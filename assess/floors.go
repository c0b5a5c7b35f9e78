package assess

import (
	"fmt"
	"slices"
	"strings"
)

// knockOuts collects the floors that the answers set: a full gap on a
// question with floors, or a chosen option with floors, on a visible
// question. A visible question left unanswered counts as its worst answer,
// as it does in the scores: it sets its own floors and the highest floor
// of any of its options, named as unanswered, so an unfinished assessment
// never reads better than its worst case. Hidden, optional and
// not-applicable questions set none.
func (s *scorer) knockOuts() {
	s.floors = map[string][]FloorResult{}
	add := func(qq *Question, answer string, fs []*Floor) {
		for _, f := range fs {
			s.floors[f.Level] = append(s.floors[f.Level], FloorResult{Question: qq.ID, Answer: answer, AtLeast: f.AtLeast, Reason: f.Reason, ForbidsUse: f.ForbidsUse, cond: f.If})
		}
	}
	for i, qr := range s.res.Questions {
		qq := s.q.Questions[i]
		switch {
		case !qr.Visible || qr.Status == StatusNA:
			continue
		case !qr.Answered:
			// The best case (see settle) is an answer that sets no floor.
			if qr.Required && !s.bestCase {
				add(qq, unansweredFloor, qq.Floors)
				add(qq, unansweredFloor, s.worstOptionFloors(qq))
			}
			continue
		}
		if qr.Status == StatusGap {
			add(qq, qr.Answer, qq.Floors)
		}
		for _, c := range s.answers[qq.ID].Value.Choices {
			if o := qq.Option(c); o != nil {
				add(qq, qr.Answer, o.Floors)
			}
		}
	}
}

// unansweredFloor is the answer a floor set by an unanswered question names.
const unansweredFloor = "unanswered, counted as its worst answer"

// worstOptionFloors is, for each level, the highest floor any option of
// the question sets: what its worst answer could set.
func (s *scorer) worstOptionFloors(qq *Question) []*Floor {
	top := map[string]*Floor{}
	var order []string
	for _, o := range qq.Options {
		for _, f := range o.Floors {
			def, _ := s.q.Level(f.Level)
			cur, seen := top[f.Level]
			if !seen {
				order = append(order, f.Level)
			}
			if !seen || (def != nil && slices.Index(def.Scale, f.AtLeast) > slices.Index(def.Scale, cur.AtLeast)) {
				top[f.Level] = f
			}
		}
	}
	out := make([]*Floor, 0, len(order))
	for _, l := range order {
		out = append(out, top[l])
	}
	return out
}

// applyFloors raises a level to the highest floor the answers set under it,
// and says which answer set it. The first of equal floors, in question
// order, is the one named. The words say the level "moved", not "raised":
// a scale runs least to most severe, and on a scale of strength (strong,
// moderate, weak) "raised to moderate" read as the opposite of a
// weakening.
func (s *scorer) applyFloors(def *LevelDef, lr *LevelResult) {
	fs := s.holdingFloors(def.ID)
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
		lr.Why += fmt.Sprintf("; the knock-out on %s (no better than %s) does not move it", f.Question, f.AtLeast)
		return
	}
	lr.Raised, lr.Unfloored = true, lr.Level
	because := ""
	if f.Condition != "" {
		because = " (" + f.Condition + ")"
	}
	lr.Why += fmt.Sprintf("; moved to %s by the knock-out on %s, %s%s: %s", f.AtLeast, f.Question, f.AnswerClause(), because, strings.TrimSuffix(f.Reason, "."))
	lr.Level, lr.Rank = f.AtLeast, want
	lr.NotRated, lr.NotApplicable = false, false
}

// holdingFloors are the knock-outs the answers set under a level whose if,
// if any, holds. The loader lets an if name only a level defined above
// the floor's own, computed first, so this never loops.
func (s *scorer) holdingFloors(level string) []FloorResult {
	var out []FloorResult
	for _, f := range s.floors[level] {
		if f.cond != nil {
			ok, why, _ := s.holds(f.cond)
			if !ok {
				continue
			}
			f.Condition = why
		}
		out = append(out, f)
	}
	return out
}
