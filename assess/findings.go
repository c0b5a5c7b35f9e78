package assess

import (
	"fmt"
	"sort"
)

// MakesFindings reports whether some answer to q could make a finding, and
// so a plan item: a severity on the question or on one of its options, or
// a risk, which is a finding when rated above the acceptable level.
func (q *Question) MakesFindings() bool {
	if q.Type == TypeRisk || q.Severity != SeverityNone {
		return true
	}
	for _, o := range q.Options {
		if o.Severity != SeverityNone {
			return true
		}
	}
	return false
}

// findings turns gaps into findings. A full gap takes the question's
// severity, or its option's, or the one its severity_when gives under
// these answers (severityOf); a partial gap one step less, and says which
// of them it is one step below; then severity
// raises (such as a vendor's inherent tier) apply. A rated risk above the
// matrix's acceptable level is a finding at its current level, listing
// the controls the risk concerns (Question.FindingControls).
func (s *scorer) findings() {
	raiseBy, raiseWhy := 0, []string(nil)
	for _, r := range s.q.Raises {
		if ok, why, _ := s.holds(r.If); ok {
			raiseBy += r.By
			raiseWhy = append(raiseWhy, fmt.Sprintf("raised %d by %s: %s", r.By, quoted(r.Title), why))
		}
	}
	for i, qr := range s.res.Questions {
		qq := s.q.Questions[i]
		if qr.Status != StatusGap && qr.Status != StatusPartial {
			continue
		}
		var because []string
		if qq.FindingIf != nil {
			ok, why, _ := s.holds(qq.FindingIf)
			if !ok {
				// Below the level where the obligation starts, the answer
				// is no gap: it shows as answered, and says why.
				s.res.Questions[i].Status = StatusInfo
				s.res.Questions[i].GapNotRequired = true
				s.res.Questions[i].Why = "no finding: " + why
				continue
			}
			because = append(because, "a finding because "+why)
		}
		a := s.answers[qq.ID]
		base, whose, conditional := qq.severityOf(s.env, a.Value)
		if base == SeverityNone {
			continue
		}
		f := Finding{
			Key: qq.ID, QuestionID: qq.ID, Section: qq.Section.Title, Question: qq.Text,
			Answer: qr.Answer, Partial: qr.Status == StatusPartial, Controls: qq.Controls,
			Action: qq.Action, Note: a.Note, Evidence: a.Evidence,
		}
		if qq.Lapse != "" && qq.Type == TypeDate {
			f.Lapse, f.LapsesOn = qq.Lapse, a.Value.Date
		}
		f.BaseSeverity = base
		f.SeverityWhy = because
		// A partial gap names the severity it is one step below: the
		// question's, the chosen option's own, or the one a severity_when
		// gave (explained just before it).
		below := whose + " " + base.String()
		if conditional != "" {
			f.SeverityWhy = append(f.SeverityWhy, conditional)
			below = base.String()
		}
		if f.Partial {
			f.BaseSeverity = base.Raise(-1)
			f.SeverityWhy = append(f.SeverityWhy, fmt.Sprintf("partial gap: one step below %s", below))
		}
		f.Severity = f.BaseSeverity
		if raiseBy != 0 {
			f.Severity = f.BaseSeverity.Raise(raiseBy)
			f.SeverityWhy = append(f.SeverityWhy, raiseWhy...)
		}
		s.res.Findings = append(s.res.Findings, f)
	}
	for _, rr := range s.res.Risks {
		if rr.Current == SeverityNone || rr.Acceptable {
			continue
		}
		qq, _ := s.q.Question(rr.QuestionID)
		a := s.answers[qq.ID]
		phase := "as found"
		if rr.After != nil {
			phase = "after planned measures"
		}
		text := qq.Text
		if rr.Title != qq.RiskDef.Title {
			text = rr.Title // named in its note: the question asks for any further risk
		}
		s.res.Findings = append(s.res.Findings, Finding{
			Key: qq.ID, QuestionID: qq.ID, Section: qq.Section.Title, Question: text,
			Answer: s.res.Questions[qq.Index].Answer, Severity: rr.Current, BaseSeverity: rr.Current,
			SeverityWhy: []string{fmt.Sprintf("risk level %s, above the acceptable %s", phase, s.q.RiskMatrix.Acceptable)},
			Controls:    qq.FindingControls(), Action: qq.Action, Note: a.Note, Evidence: a.Evidence,
		})
	}
	// Most severe first; within a severity, in question order. Findings
	// were made in question order (gaps, then risks), so a stable sort on
	// severity and the question's position keeps that order.
	order := func(f *Finding) int {
		if qq, ok := s.q.Question(f.QuestionID); ok {
			return qq.Index
		}
		return len(s.q.Questions)
	}
	sort.SliceStable(s.res.Findings, func(i, j int) bool {
		a, b := &s.res.Findings[i], &s.res.Findings[j]
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		return order(a) < order(b)
	})
}

func (s *scorer) recommendations() {
	for _, r := range s.q.Recommends {
		if r.When.Eval(s.env) {
			s.res.Recommendations = append(s.res.Recommendations, RecommendationResult{Questionnaire: r.Questionnaire, Reason: r.Reason})
		}
	}
}
