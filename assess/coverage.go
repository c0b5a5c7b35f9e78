package assess

import (
	"sort"
)

// CoverageStatus is what the answers show about a control.
type CoverageStatus string

// Coverage statuses, from best to worst for sorting and summaries.
const (
	CoverageMet        CoverageStatus = "met"
	CoveragePartial    CoverageStatus = "partly met"
	CoverageGap        CoverageStatus = "gap"
	CoverageUnanswered CoverageStatus = "not yet answered"
	CoverageNA         CoverageStatus = "not applicable"
	// CoverageContext: the only answered questions behind the control
	// describe the situation (what data a vendor holds, how many people
	// are affected) and score no gap either way, so they show the
	// control neither met nor a gap: it was asked about, not assessed.
	CoverageContext CoverageStatus = "context only"
	// CoverageNotRequired: the answers show the control's measure
	// missing, but only where the questionnaire requires it from a higher
	// level on (finding_if), and nothing behind the control is met: not
	// met, and no finding at this level.
	CoverageNotRequired CoverageStatus = "not required at this level"
)

// ControlCoverage is one control's status with the questions behind it.
type ControlCoverage struct {
	Control   *Control
	Status    CoverageStatus
	Questions []QuestionResult
	// Context marks, for each of Questions, one that only gives context
	// (Question.Context): it never decides the status while a question
	// that can show a gap is behind the control.
	Context []bool
}

// Coverage lists, for a framework, every control the visible questions map
// to and whether the answers show it met, partly met or a gap: any full gap
// makes a gap; all met makes met; anything else is partial. Unanswered and
// N/A questions only decide when nothing else does. A question that only
// gives context (Question.Context: it scores no gap either way) is no
// evidence that a control is met: it decides only a control with no other
// question behind it, which is then "context only" once answered. A gap
// below the level where the question's finding_if starts is no evidence
// either: beside met questions the control is partly met, alone it is "not
// required at this level". An optional question left unanswered is no
// evidence either way: it decides only a control with nothing answered
// behind it, which is then "not yet answered".
func Coverage(q *Questionnaire, res *Result, cat *Catalog, f Framework) []ControlCoverage {
	byID := map[string]*ControlCoverage{}
	var order []string
	for i, qq := range q.Questions {
		qr := res.Questions[i]
		if !qr.Visible {
			continue
		}
		for _, id := range qq.Controls[f] {
			cc, ok := byID[id]
			if !ok {
				ctl, found := cat.Lookup(f, id)
				if !found {
					ctl = &Control{Framework: f, ID: id, Name: "(not in catalog)"}
				}
				cc = &ControlCoverage{Control: ctl}
				byID[id] = cc
				order = append(order, id)
			}
			cc.Questions = append(cc.Questions, qr)
			cc.Context = append(cc.Context, qq.Context())
		}
	}
	out := make([]ControlCoverage, 0, len(order))
	for _, id := range order {
		cc := byID[id]
		cc.Status = coverageOf(cc.Questions, cc.Context)
		out = append(out, *cc)
	}
	sort.SliceStable(out, func(i, j int) bool { return LessControlID(out[i].Control.ID, out[j].Control.ID) })
	return out
}

func coverageOf(qs []QuestionResult, context []bool) CoverageStatus {
	var evidence, described []QuestionResult
	for i, r := range qs {
		if context[i] {
			described = append(described, r)
		} else {
			evidence = append(evidence, r)
		}
	}
	if len(evidence) == 0 {
		na := 0
		for _, r := range described {
			switch {
			case r.Status == StatusNA:
				na++
			case r.Answered:
				return CoverageContext
			}
		}
		if na == len(described) {
			return CoverageNA
		}
		return CoverageUnanswered
	}
	var met, partial, gap, notRequired, unanswered, na, optionalBlank int
	for _, r := range evidence {
		switch {
		case r.Status == StatusUnanswered && !r.Required:
			// Optional and left blank: it counts nowhere else (score,
			// completeness), so it leaves nothing open here either. A
			// DPIA's further-risk slot left unrated says no further risk
			// was found; holding the control "partly met" for it would
			// make risk assessment read unfinished when it is not.
			optionalBlank++
		case r.GapNotRequired:
			// Missing, though not required at this level: a gap
			// noted, never a control met.
			notRequired++
		case r.Status == StatusGap:
			gap++
		case r.Status == StatusPartial:
			partial++
		case r.Status == StatusMet, r.Status == StatusInfo:
			// StatusInfo here is a rated risk: rating it records it.
			met++
		case r.Status == StatusUnanswered:
			unanswered++
		case r.Status == StatusNA:
			na++
		}
	}
	switch {
	case gap > 0:
		return CoverageGap
	case partial > 0:
		return CoveragePartial
	case met > 0 && unanswered == 0 && notRequired == 0:
		return CoverageMet
	case met > 0:
		return CoveragePartial
	case notRequired > 0:
		return CoverageNotRequired
	case unanswered > 0, optionalBlank > 0 && na == 0:
		return CoverageUnanswered
	}
	return CoverageNA
}

// CoverageSummary counts controls by status.
type CoverageSummary struct {
	Framework                                  Framework
	Touched, Met, Partial, Gap, Unanswered, NA int
	Context                                    int // controls behind context questions only
	NotRequired                                int // controls whose measure is missing but not required at this level
}

// SummarizeCoverage counts a framework's coverage.
func SummarizeCoverage(f Framework, cov []ControlCoverage) CoverageSummary {
	s := CoverageSummary{Framework: f, Touched: len(cov)}
	for _, c := range cov {
		switch c.Status {
		case CoverageMet:
			s.Met++
		case CoveragePartial:
			s.Partial++
		case CoverageGap:
			s.Gap++
		case CoverageUnanswered:
			s.Unanswered++
		case CoverageNA:
			s.NA++
		case CoverageContext:
			s.Context++
		case CoverageNotRequired:
			s.NotRequired++
		}
	}
	return s
}

// CoverageWord is how coverage names a question's part in a control: its
// status, or "gap, not required at this level" for a gap below the level
// where its finding_if starts, which shows only "answered" elsewhere.
func (r QuestionResult) CoverageWord() string {
	if r.GapNotRequired {
		return "gap, not required at this level"
	}
	return string(r.Status)
}

// LessControlID orders control IDs naturally: A.5.2 before A.5.10, CC1.2
// before CC1.10, GV.OC-02 before GV.OC-10.
func LessControlID(a, b string) bool {
	for a != "" && b != "" {
		ad, bd := isDigitByte(a[0]), isDigitByte(b[0])
		if ad && bd {
			na, ra := leadingNumber(a)
			nb, rb := leadingNumber(b)
			if na != nb {
				return na < nb
			}
			a, b = ra, rb
			continue
		}
		if a[0] != b[0] {
			return a[0] < b[0]
		}
		a, b = a[1:], b[1:]
	}
	return len(a) < len(b)
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

func leadingNumber(s string) (int, string) {
	n, i := 0, 0
	for i < len(s) && isDigitByte(s[i]) && i < 9 {
		n = n*10 + int(s[i]-'0')
		i++
	}
	return n, s[i:]
}
