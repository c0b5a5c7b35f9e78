package questionnaires_test

import (
	"fmt"
	"testing"
)

// The Canada AIA rule, in testdata/canada-aia.yaml:
//
//	impact (higher is worse), maximum 40:
//	  decision-role    informs 0 | recommends 2 | decides 4
//	  rights-affected  liberty 3 + health 3 + economic 2, or none 0 (exclusive)
//	  reversibility    reversible 0 | difficult 1 | irreversible 2, weight 2
//	  people-affected  few 0 | many 2 | most 4
//	  harm-severity    scale 0..20, worth its own value
//	  maximum = 4 + (3+3+2) + 2×2 + 4 + 20 = 40
//	mitigation (higher is better), maximum 20: control questions, yes 2,
//	partial 1, no 0, times weights consultation 2, human-review 3,
//	audit-trail 2, recourse 1, bias-testing 2: maximum 2×(2+3+2+1+2) = 20
//	rule: mitigation at least 80% of its maximum → impact × 0.85, rounded
//	half up to a whole number
//	levels of impact against the maximum raw impact 40:
//	  I up to 25% (10), II up to 50% (20), III up to 75% (30), IV above
//
// The bounds are inclusive above: exactly 25% is I, anything more is II.

// Mitigation answers used below.
const (
	// 0 + 0 + 0 + 0 + 0 = 0 of 20: 0%.
	mitigationNone = `
consultation: no
human-review: no
audit-trail: no
recourse: no
bias-testing: no`
	// consultation no 0, human-review yes 2×3 = 6, audit-trail yes 2×2 = 4,
	// recourse yes 2×1 = 2, bias-testing yes 2×2 = 4: 16 of 20 = 80% exactly.
	mitigationAt80 = `
consultation: no
human-review: yes
audit-trail: yes
recourse: yes
bias-testing: yes`
	// as above but recourse partial 1×1 = 1: 15 of 20 = 75%, just below 80%
	// (one point is the smallest step this questionnaire has).
	mitigationBelow80 = `
consultation: no
human-review: yes
audit-trail: yes
recourse: partial
bias-testing: yes`
)

// impactAnswers writes the impact answers; harm is the scale's value.
func impactAnswers(role, rights, reversibility, people string, harm int) string {
	return fmt.Sprintf("decision-role: %s\nrights-affected: %s\nreversibility: %s\npeople-affected: %s\nharm-severity: %d\n",
		role, rights, reversibility, people, harm)
}

// lowest answers every impact question with 0 points except harm-severity.
func lowest(harm int) string { return impactAnswers("informs", "[none]", "reversible", "few", harm) }

func TestCanadaAIARule(t *testing.T) {
	q := loadTestdata(t, "canada-aia.yaml")
	cases := []struct {
		name       string
		impact     string
		mitigation string
		// hand-computed expectations
		raw, mitigated, mitigationMax string
		value                         string // impact after the rule
		applied                       bool
		level                         string
	}{
		{
			// recommends 2 + (liberty 3 + economic 2) + difficult 1×2 + many 2 + harm 7
			// = 2 + 5 + 2 + 2 + 7 = 18 of 40 = 45% → II.
			// mitigation: consultation yes 2×2 = 4, human-review partial 1×3 = 3,
			// audit-trail no 0, recourse yes 2×1 = 2, bias-testing partial 1×2 = 2
			// = 11 of 20 = 55% < 80%: no reduction.
			name:   "raw score from every kind of answer",
			impact: impactAnswers("recommends", "[liberty, economic]", "difficult", "many", 7),
			mitigation: `
consultation: yes
human-review: partial
audit-trail: no
recourse: yes
bias-testing: partial`,
			raw: "18", mitigated: "11", mitigationMax: "20", value: "18", applied: false, level: "II",
		},
		// Every level boundary, with no mitigation (0%, so no reduction).
		// 0 of 40 = 0% → I.
		{name: "0%", impact: lowest(0), mitigation: mitigationNone, raw: "0", mitigated: "0", mitigationMax: "20", value: "0", level: "I"},
		// 10 of 40 = 25% exactly → I (the upper bound of I is inclusive).
		{name: "exactly 25%", impact: lowest(10), mitigation: mitigationNone, raw: "10", mitigated: "0", mitigationMax: "20", value: "10", level: "I"},
		// 11 of 40 = 27.5%, just above 25% → II.
		{name: "just above 25%", impact: lowest(11), mitigation: mitigationNone, raw: "11", mitigated: "0", mitigationMax: "20", value: "11", level: "II"},
		// 20 of 40 = 50% exactly → II.
		{name: "exactly 50%", impact: lowest(20), mitigation: mitigationNone, raw: "20", mitigated: "0", mitigationMax: "20", value: "20", level: "II"},
		// decides 4 + none 0 + reversible 0 + few 0 + harm 17 = 21 of 40 = 52.5% → III.
		{name: "just above 50%", impact: impactAnswers("decides", "[none]", "reversible", "few", 17), mitigation: mitigationNone, raw: "21", mitigated: "0", mitigationMax: "20", value: "21", level: "III"},
		// decides 4 + none 0 + irreversible 2×2 = 4 + most 4 + harm 18 = 30 of 40 = 75% → III.
		{name: "exactly 75%", impact: impactAnswers("decides", "[none]", "irreversible", "most", 18), mitigation: mitigationNone, raw: "30", mitigated: "0", mitigationMax: "20", value: "30", level: "III"},
		// 4 + 0 + 4 + 4 + 19 = 31 of 40 = 77.5% → IV.
		{name: "just above 75%", impact: impactAnswers("decides", "[none]", "irreversible", "most", 19), mitigation: mitigationNone, raw: "31", mitigated: "0", mitigationMax: "20", value: "31", level: "IV"},
		// 4 + (3+3+2) + 4 + 4 + 20 = 40 of 40 = 100% → IV.
		{name: "maximum", impact: impactAnswers("decides", "[liberty, health, economic]", "irreversible", "most", 20), mitigation: mitigationNone, raw: "40", mitigated: "0", mitigationMax: "20", value: "40", level: "IV"},

		// The reduction at exactly 80% mitigation (16 of 20).
		// 30 × 0.85 = 25.5 exactly → half up → 26 of 40 = 65% → III.
		{name: "80% reduces 30 to 26", impact: impactAnswers("decides", "[none]", "irreversible", "most", 18), mitigation: mitigationAt80, raw: "30", mitigated: "16", mitigationMax: "20", value: "26", applied: true, level: "III"},
		// Just below 80% (15 of 20 = 75%): 30 stays 30 → III.
		{name: "75% leaves 30", impact: impactAnswers("decides", "[none]", "irreversible", "most", 18), mitigation: mitigationBelow80, raw: "30", mitigated: "15", mitigationMax: "20", value: "30", applied: false, level: "III"},
		// 10 × 0.85 = 8.5 → half up → 9 (half-even would give 8) → 22.5% → I.
		{name: "half up at 8.5", impact: lowest(10), mitigation: mitigationAt80, raw: "10", mitigated: "16", mitigationMax: "20", value: "9", applied: true, level: "I"},
		// 12 of 40 = 30% is II; 12 × 0.85 = 10.2 → 10 = 25% exactly → I.
		{name: "reduction lands on 25%", impact: lowest(12), mitigation: mitigationAt80, raw: "12", mitigated: "16", mitigationMax: "20", value: "10", applied: true, level: "I"},
		// The same 12 with 75% mitigation stays 12 = 30% → II.
		{name: "no reduction just below 80%", impact: lowest(12), mitigation: mitigationBelow80, raw: "12", mitigated: "15", mitigationMax: "20", value: "12", applied: false, level: "II"},
		// 13 × 0.85 = 11.05 → 11 = 27.5% → II.
		{name: "reduction stays above 25%", impact: lowest(13), mitigation: mitigationAt80, raw: "13", mitigated: "16", mitigationMax: "20", value: "11", applied: true, level: "II"},
		// decides 4 + none + difficult 2 + few 0 + harm 18 = 24; 24 × 0.85 = 20.4 → 20 = 50% → II.
		{name: "reduction lands on 50%", impact: impactAnswers("decides", "[none]", "difficult", "few", 18), mitigation: mitigationAt80, raw: "24", mitigated: "16", mitigationMax: "20", value: "20", applied: true, level: "II"},
		// 4 + 0 + 2 + 0 + 19 = 25; 25 × 0.85 = 21.25 → 21 = 52.5% → III.
		{name: "reduction stays above 50%", impact: impactAnswers("decides", "[none]", "difficult", "few", 19), mitigation: mitigationAt80, raw: "25", mitigated: "16", mitigationMax: "20", value: "21", applied: true, level: "III"},
		// 31 = 77.5% is IV; 31 × 0.85 = 26.35 → 26 = 65% → III.
		{name: "reduction moves IV to III", impact: impactAnswers("decides", "[none]", "irreversible", "most", 19), mitigation: mitigationAt80, raw: "31", mitigated: "16", mitigationMax: "20", value: "26", applied: true, level: "III"},
		// The same 31 just below 80% stays IV.
		{name: "IV stays IV just below 80%", impact: impactAnswers("decides", "[none]", "irreversible", "most", 19), mitigation: mitigationBelow80, raw: "31", mitigated: "15", mitigationMax: "20", value: "31", applied: false, level: "IV"},
		// decides 4 + liberty 3 + irreversible 4 + most 4 + harm 20 = 35;
		// 35 × 0.85 = 29.75 → 30 = 75% exactly → III.
		{name: "reduction lands on 75%", impact: impactAnswers("decides", "[liberty]", "irreversible", "most", 20), mitigation: mitigationAt80, raw: "35", mitigated: "16", mitigationMax: "20", value: "30", applied: true, level: "III"},
		// 4 + (3+2) + 4 + 4 + 19 = 36; 36 × 0.85 = 30.6 → 31 = 77.5% → IV.
		{name: "reduction stays above 75%", impact: impactAnswers("decides", "[liberty, economic]", "irreversible", "most", 19), mitigation: mitigationAt80, raw: "36", mitigated: "16", mitigationMax: "20", value: "31", applied: true, level: "IV"},

		// The percentages are of the full maxima (percent_of: full), as in
		// the AIA: n/a takes bias-testing out of the counted maximum (16)
		// but 80% is still of 20, that is 16 points. consultation partial
		// 1×2 = 2 + human-review 6 + audit-trail 4 + recourse partial 1 =
		// 13 of 20 = 65% < 80%: 30 stays 30 → III.
		{name: "n/a does not lower the full maximum", impact: impactAnswers("decides", "[none]", "irreversible", "most", 18), mitigation: `
consultation: partial
human-review: yes
audit-trail: yes
recourse: partial
bias-testing: na`, raw: "30", mitigated: "13", mitigationMax: "16", value: "30", applied: false, level: "III"},
		// consultation yes 4 + 6 + 4 + recourse yes 2 = 16 of 20 = 80%
		// even with bias-testing n/a: 30 → 25.5 → 26 → III.
		{name: "80% of the full maximum with an n/a", impact: impactAnswers("decides", "[none]", "irreversible", "most", 18), mitigation: `
consultation: yes
human-review: yes
audit-trail: yes
recourse: yes
bias-testing: na`, raw: "30", mitigated: "16", mitigationMax: "16", value: "26", applied: true, level: "III"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := scoreOf(t, q, c.impact+c.mitigation)
			if !res.Complete {
				t.Errorf("unanswered: %v", res.Unanswered)
			}
			checkDim(t, res, "impact", c.raw, c.value, "40")
			checkDim(t, res, "mitigation", c.mitigated, c.mitigated, c.mitigationMax)
			if len(res.Rules) != 1 {
				t.Fatalf("rules: %+v", res.Rules)
			}
			r := res.Rules[0]
			if r.Applied != c.applied || r.Before != dec(c.raw) || r.After != dec(c.value) {
				t.Errorf("rule: applied %v, %s → %s; want applied %v, %s → %s (%s)", r.Applied, r.Before, r.After, c.applied, c.raw, c.value, r.Why)
			}
			if got := levelOf(t, res, "impact-level"); got != c.level {
				t.Errorf("level %s, want %s", got, c.level)
			}
			if res.Outcome == nil || res.Outcome.ID != "impact-level" || res.Outcome.Level != c.level {
				t.Errorf("outcome %+v, want impact-level %s", res.Outcome, c.level)
			}
		})
	}
}

// With nothing answered every question counts as its worst answer: impact
// at its maximum 40, mitigation at its minimum 0 (so no reduction), level
// IV, and the result is flagged incomplete with all ten questions listed.
func TestCanadaAIAUnansweredCountsAsWorst(t *testing.T) {
	q := loadTestdata(t, "canada-aia.yaml")
	res := scoreOf(t, q, "")
	checkDim(t, res, "impact", "40", "40", "40")
	checkDim(t, res, "mitigation", "0", "0", "20")
	if got := levelOf(t, res, "impact-level"); got != "IV" {
		t.Errorf("level %s, want IV", got)
	}
	if res.Complete || len(res.Unanswered) != 10 || res.Answered != 0 || res.Total != 10 {
		t.Errorf("complete %v, %d of %d answered, unanswered %v", res.Complete, res.Answered, res.Total, res.Unanswered)
	}
	if res.Rules[0].Applied {
		t.Errorf("rule applied with no mitigation: %s", res.Rules[0].Why)
	}
}

// The same file with percentages of the counted maximum (percent_of:
// counted): n/a takes bias-testing out of the maximum the 80% is taken of.
// consultation partial 2 + human-review 6 + audit-trail 4 + recourse
// partial 1 = 13 of 16 = 81.25% ≥ 80%: 30 → 25.5 → 26, III; with recourse
// no, 12 of 16 = 75%: 30 stays, III. Impact has no n/a option, so its
// counted maximum is its full maximum, 40.
func TestCanadaAIACountedMaximum(t *testing.T) {
	q := loadTestdataReplacing(t, "canada-aia.yaml", "percent_of: full", "percent_of: counted")
	impact := impactAnswers("decides", "[none]", "irreversible", "most", 18)
	for _, c := range []struct {
		recourse, mitigated, value string
		applied                    bool
	}{{"partial", "13", "26", true}, {"no", "12", "30", false}} {
		res := scoreOf(t, q, impact+"consultation: partial\nhuman-review: yes\naudit-trail: yes\nrecourse: "+c.recourse+"\nbias-testing: na\n")
		checkDim(t, res, "mitigation", c.mitigated, c.mitigated, "16")
		checkDim(t, res, "impact", "30", c.value, "40")
		if d := res.Dimension("mitigation"); d.Base != dec("16") || d.PercentOf != "counted" {
			t.Errorf("recourse %s: percentages of %s (%s), want of the counted 16", c.recourse, d.Base, d.PercentOf)
		}
		if res.Rules[0].Applied != c.applied {
			t.Errorf("recourse %s: rule applied %v: %s", c.recourse, res.Rules[0].Applied, res.Rules[0].Why)
		}
	}
}
