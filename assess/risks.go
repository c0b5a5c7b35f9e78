package assess

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
		rr := RiskResult{QuestionID: qq.ID, Title: qq.RiskDef.Title}
		a := s.answers[qq.ID]
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
