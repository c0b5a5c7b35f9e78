package report

import (
	"fmt"
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/assess/safetext"
)

// headline is a level as a summary's headline gives it: a level the
// answers still to come could change is not rated yet, with the worst
// case it stands at and the best it could reach.
func headline(l assess.LevelResult) string {
	if !l.Unsettled {
		return l.Name()
	}
	if !l.BestCaseRated() {
		return fmt.Sprintf("not rated yet (%s with the unanswered questions counted as the worst answers; no level with them counted as the best)", l.Name())
	}
	return fmt.Sprintf("not rated yet (%s with the unanswered questions counted as the worst answers, %s as the best)", l.Name(), l.BestCase)
}

// unsettledWords says where a level not rated yet stands, in a report.
func unsettledWords(l assess.LevelResult) document.Text {
	if !l.BestCaseRated() {
		return txt("It is ", user(l.Name()), " with the unanswered questions counted as the worst answers, and has no level with them counted as the best.")
	}
	return txt("It is ", user(l.Name()), " with the unanswered questions counted as the worst answers, and ", user(l.BestCase), " with them counted as the best.")
}

// Summary is the short plain-text result that assay score prints.
func Summary(e *assess.Evaluation) string {
	width := len(fmt.Sprint(len(e.Result.Findings)))
	return summary(e, func(n int, f assess.Finding) string {
		// F10 and on line up with F9: the numbers take the width of the last.
		return fmt.Sprintf("  F%-*d %-8s %s: %s", width, n, f.Severity, f.QuestionID, clean(f.Answer))
	})
}

// SpokenSummary is Summary for accessible mode: each finding a sentence,
// its number, the question and the answer found, then its level, for a
// screen reader, which reads Summary's columns as a run of words with a
// question ID in place of the question.
func SpokenSummary(e *assess.Evaluation) string {
	return summary(e, func(n int, f assess.Finding) string {
		answer := "Not answered"
		if a := clean(f.Answer); a != "" {
			answer = "Answered " + a
		}
		// The level a sentence of its own: an answer may hold a colon.
		return fmt.Sprintf("F%d: %s %s Level: %s.", n, sentence(clean(f.Question)), sentence(answer), f.Severity)
	})
}

// sentence ends s with a full stop, unless it ends a sentence already.
func sentence(s string) string {
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}

// summary is Summary with each finding's line made by finding, from its
// number (1 for F1) and the finding.
func summary(e *assess.Evaluation, finding func(n int, f assess.Finding) string) string {
	res := e.Result
	var b strings.Builder
	q := e.Assessment.Questionnaire
	fmt.Fprintf(&b, "%s: %s (%s %s)\n", clean(e.Assessment.Subject), clean(q.Title), q.ID, clean(q.Version))
	if o := res.Outcome; o != nil {
		fmt.Fprintf(&b, "%s: %s\n", clean(o.Title), headline(*o))
		if f, ok := o.Knockout(); ok {
			fmt.Fprintf(&b, "  raised from %s by the knock-out on %s (%s): %s\n", unfloored(o), f.Question, clean(f.Answer), clean(f.Reason))
		}
	}
	for _, d := range res.Dimensions {
		fmt.Fprintf(&b, "%s: %s\n", clean(d.Title), scoreWords(d))
	}
	for _, l := range res.Levels {
		if res.Outcome != nil && l.ID == res.Outcome.ID {
			continue
		}
		fmt.Fprintf(&b, "%s: %s\n", clean(l.Title), headline(l))
	}
	complete := "complete"
	if !res.Complete {
		complete = "incomplete: " + res.UnansweredSummary()
	}
	fmt.Fprintf(&b, "Answered: %d of %d (%s)\n", res.Answered, res.Total, complete)
	fmt.Fprintf(&b, "Findings: %d%s\n", len(res.Findings), severityCounts(res.Findings))
	for i, f := range res.Findings {
		b.WriteString(finding(i+1, f) + "\n")
	}
	for _, rec := range res.Recommendations {
		fmt.Fprintf(&b, "Recommended: %s (%s)\n", rec.Questionnaire, clean(rec.Reason))
	}
	if n := len(res.Disagreements); n > 0 {
		fmt.Fprintf(&b, "Answers that disagree: %d (the scores take each answer as given)\n", n)
		for _, d := range res.Disagreements {
			fmt.Fprintf(&b, "  %s: %s Answers: %s.\n", d.ID, sentence(clean(d.Message)), DisagreeingAnswersWords(d.Answers))
			fmt.Fprintf(&b, "    %s\n", explanationWords(d))
		}
	}
	fmt.Fprintf(&b, "Scoring: %s\n", res.ScoringVersion)
	return b.String()
}

// Explain shows the working behind every number: each dimension with the
// answers that made it, point by point; the rules; the levels; what is
// unanswered and what is hidden.
func Explain(e *assess.Evaluation) string {
	res := e.Result
	q := e.Assessment.Questionnaire
	var b strings.Builder
	b.WriteString(Summary(e))
	for _, d := range res.Dimensions {
		fmt.Fprintf(&b, "\nDimension %s (%s; higher is %s)\n", d.ID, clean(d.Title), d.Higher)
		for _, i := range d.Questions {
			qr := res.Questions[i]
			answer := clean(qr.Answer)
			if !qr.Answered {
				answer = "(unanswered)"
			}
			fmt.Fprintf(&b, "  %-28s %8s of %-8s %s: %s\n", qr.ID, qr.Points, qr.Max, answer, qr.Why)
		}
		var na []string
		for _, qr := range res.Questions {
			if qr.Visible && qr.Dimension == d.ID && qr.Status == assess.StatusNA {
				na = append(na, qr.ID)
			}
		}
		if len(na) > 0 {
			fmt.Fprintf(&b, "  not applicable, left out of score and maximum: %s\n", strings.Join(na, ", "))
		}
		if d.Empty() {
			fmt.Fprintf(&b, "  total: %s\n", emptyWords)
			continue
		}
		fmt.Fprintf(&b, "  total %s of %s (%s%%)", d.Raw, d.Base, d.Raw.Percent(d.Base, 1).Fixed(1))
		if d.Base != d.Max {
			fmt.Fprintf(&b, "; the questions counted have a maximum of %s", d.Max)
		}
		if d.Value != d.Raw {
			fmt.Fprintf(&b, "; after rules %s (%s%%)", d.Value, d.Percent.Fixed(1))
		}
		b.WriteString("\n")
	}
	if len(res.Rules) > 0 {
		b.WriteString("\nRules, in order\n")
		for _, r := range res.Rules {
			effect := "not applied"
			if r.Applied {
				effect = fmt.Sprintf("applied: %s %s -> %s", r.Target, r.Before, r.After)
			}
			fmt.Fprintf(&b, "  %s: %s. %s\n", r.ID, clean(r.Why), effect)
		}
	}
	if len(res.Levels) > 0 {
		b.WriteString("\nLevels\n")
		for _, l := range res.Levels {
			name := l.Name()
			if l.Unsettled {
				name += " (the worst case; not rated yet)"
			}
			fmt.Fprintf(&b, "  %s = %s: %s\n", l.ID, name, clean(l.Why))
		}
	}
	if len(res.Risks) > 0 {
		b.WriteString("\nRisks\n")
		for _, r := range res.Risks {
			fmt.Fprintf(&b, "  %s: as found %s; after measures %s\n", r.QuestionID, plainCell(r.Initial), plainCell(r.After))
			if rose := r.RaisedByMeasures(); len(rose) > 0 {
				fmt.Fprintf(&b, "  %s: rated higher after measures than as found (%s): check its ratings\n", r.QuestionID, clean(strings.Join(rose, "; ")))
			}
		}
	}
	if len(res.Unanswered) > 0 {
		heading := "\nUnanswered (counted as worst)\n"
		if res.UnansweredWorst() < len(res.Unanswered) {
			heading = "\nUnanswered (counted as worst, but for those marked as scoring no points)\n"
		}
		b.WriteString(heading)
		for _, id := range res.Unanswered {
			qq, _ := q.Question(id)
			mark := ""
			if qr, ok := res.Question(id); ok && qr.Dimension == "" {
				mark = " (scores no points)"
			}
			fmt.Fprintf(&b, "  %s: %s%s\n", id, clean(qq.Text), mark)
		}
	}
	if len(res.HiddenAnswered) > 0 {
		b.WriteString("\nHidden by conditions (answers kept, not counted)\n")
		for _, id := range res.HiddenAnswered {
			fmt.Fprintf(&b, "  %s\n", id)
		}
	}
	for _, f := range res.Findings {
		if len(f.SeverityWhy) > 0 {
			fmt.Fprintf(&b, "\nSeverity of %s: %s\n", f.QuestionID, clean(strings.Join(f.SeverityWhy, "; ")))
		}
	}
	return b.String()
}

// baseWords says what a percentage is of when it is not the maximum of
// the questions that count.
// emptyWords says why a dimension no question counts in has no score:
// "0 of 0" is neither high nor low (docs/questionnaire-format.md, Empty
// dimensions), and printed as a share it read as a measured zero.
const emptyWords = "not applicable: no question counts in it"

// scoreWords is a dimension's score as a line says it: "12 of 40 (30.0%)",
// or why it has none.
func scoreWords(d *assess.DimensionResult) string {
	if d.Empty() {
		return emptyWords
	}
	return fmt.Sprintf("%s of %s (%s%%)%s", d.Value, d.Base, d.Percent.Fixed(1), baseWords(d))
}

func baseWords(d *assess.DimensionResult) string {
	switch d.PercentOf {
	case assess.PercentOfFull:
		return " of the full maximum"
	case assess.PercentOfDeclared:
		return " of the declared maximum"
	}
	return ""
}

// unfloored names the level a knock-out raised, as the bands, matrix or
// register gave it.
func unfloored(l *assess.LevelResult) string {
	if l.Unfloored == "" {
		return "no level"
	}
	return l.Unfloored
}

func plainCell(c *assess.RiskCell) string {
	if c == nil {
		return "not rated"
	}
	return fmt.Sprintf("%s (likelihood %s, impact %s)", c.Level, clean(c.LikelihoodName), clean(c.ImpactName))
}

func clean(s string) string { return safetext.OneLine(s) }
