package assess

import "strings"

func (s *scorer) risks() {
	s.res.Risks = s.riskResults()
}

// riskResults reads the register from the risk questions that are visible.
func (s *scorer) riskResults() []RiskResult {
	m := s.q.RiskMatrix
	if m == nil {
		return nil
	}
	var out []RiskResult
	for _, qq := range s.q.Questions {
		if qq.Type != TypeRisk || !s.res.Questions[qq.Index].Visible {
			continue
		}
		a := s.answers[qq.ID]
		rr := RiskResult{QuestionID: qq.ID, Title: qq.RiskDef.Title}
		if name := noteName(a.Note); qq.RiskDef.NamedInNote && name != "" {
			rr.Title = name
		}
		if r := a.Value.Risk; r.InitialRated() {
			rr.Initial = cell(m, r.Likelihood, r.Impact)
			rr.Current = rr.Initial.Level
			rr.Measures = r.Measures
			rr.PlanItems = r.PlanItems
			if r.AfterRated() {
				rr.After = cell(m, r.AfterLikelihood, r.AfterImpact)
				rr.Current = rr.After.Level
			}
		}
		rr.Acceptable = rr.Current != SeverityNone && rr.Current <= m.Acceptable
		out = append(out, rr)
	}
	return out
}

func cell(m *RiskMatrix, l, i int) *RiskCell {
	return &RiskCell{Likelihood: l, Impact: i, LikelihoodName: m.Likelihood[l-1], ImpactName: m.Impact[i-1], Level: m.Level(l, i)}
}

// noteNameLength is how long a risk's name taken from its note may be, in
// characters: a register row and a level's working, not a paragraph.
const noteNameLength = 80

// noteName is the first line of a note that is not blank, cut at a word
// with " …" when it is longer than noteNameLength; "" for a blank note.
func noteName(note string) string {
	for _, line := range strings.Split(note, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if r := []rune(line); len(r) > noteNameLength {
			cut := string(r[:noteNameLength])
			if i := strings.LastIndex(cut, " "); i > 0 {
				cut = cut[:i]
			}
			return strings.TrimSpace(cut) + " …"
		}
		return line
	}
	return ""
}
