package questionnaires

import (
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/decimal"
)

func decimalOf(n int64) decimal.Decimal { return decimal.FromInt(n) }

// Context questions (scale, number, date without a severity) score but
// can show no gap: their worst answer is "answered", and coverage counts
// them neither as a gap nor as met. A rule or raise on a register level that nobody
// has rated (its one risk is optional, so unrated it counts as nothing)
// does not hold, whatever it compares.
const contextQuestionnaire = `id: context
version: "1.0.0"
title: Context
kind: privacy
dimensions:
  - {id: exposure, higher: worse}
risk_matrix:
  likelihood: [rare, possible, likely]
  impact: [minor, major, severe]
  cells:
    - [low, low, medium]
    - [low, medium, high]
    - [medium, high, critical]
levels:
  - {id: residual, from_risks: after}
rules:
  - id: unrated-at-most-low
    if: {level: residual, at_most: low}
    adjust: exposure
    add: 100
  - id: unrated-below-high
    if: {level: residual, below: high}
    adjust: exposure
    add: 1000
sections:
  - id: s
    title: S
    questions:
      - id: records
        type: number
        dimension: exposure
        text: How many records?
        bands: [{upto: 1000, points: 0}, {points: 4}]
        controls: {iso27001: [A.5.9]}
      - id: staff
        type: scale
        dimension: exposure
        text: How many roles are staffed?
        scale: {from: 1, to: 3, points: [2, 1, 0]}
        controls: {iso27001: [A.5.2]}
      - id: inventory
        type: control
        dimension: exposure
        text: Is there an asset inventory?
        severity: medium
        action: Keep an asset inventory.
        controls: {iso27001: [A.5.9]}
      - id: launch
        type: date
        text: When does it launch?
        controls: {iso27001: [A.5.2]}
      - id: breach
        type: risk
        optional: true
        text: The data leaks.
        action: Encrypt it.
`

func TestContextQuestionsShowNoGap(t *testing.T) {
	q, problems := Parse("context.yaml", []byte(contextQuestionnaire), Catalog())
	if problems != nil {
		t.Fatal(problems)
	}
	num := func(n int64) assess.Value { d := assess.Value{}; v := decimalOf(n); d.Number = &v; return d }
	answers := assess.Answers{
		"records":   {QuestionID: "records", Value: num(50000)},                               // worst band: 4
		"staff":     {QuestionID: "staff", Value: num(1)},                                     // worst step: 2
		"inventory": {QuestionID: "inventory", Value: assess.Value{Choices: []string{"yes"}}}, // 0
		"launch":    {QuestionID: "launch", Value: assess.Value{Date: assess.NewDate(2026, 6, 1)}},
	}
	res := assess.Score(q, answers, assess.NewDate(2026, 1, 10))
	for id, want := range map[string]assess.Status{"records": assess.StatusInfo, "staff": assess.StatusInfo, "inventory": assess.StatusMet, "launch": assess.StatusInfo} {
		if r, _ := res.Question(id); r.Status != want {
			t.Errorf("%s: %s, want %s", id, r.Status, want)
		}
	}
	// Their points still count: 4 + 2 + 0 = 6 of 4 + 2 + 2 = 8. Neither
	// rule applies, since the register has no rated risk.
	d := res.Dimension("exposure")
	if d.Raw != decimalOf(6) || d.Value != decimalOf(6) || d.Max != decimalOf(8) {
		t.Errorf("exposure raw %s value %s max %s, want 6, 6, 8", d.Raw, d.Value, d.Max)
	}
	for _, r := range res.Rules {
		if r.Applied {
			t.Errorf("rule %s applied on a level nobody rated: %s", r.ID, r.Why)
		}
	}
	if l, _ := res.Level("residual"); l.Level != "" || !l.NotRated {
		t.Errorf("residual %+v, want not rated", l)
	}
	if len(res.Findings) != 0 {
		t.Errorf("findings %+v", res.Findings)
	}
	// A.5.9: records (answered context) and inventory (met): met, not a
	// gap; inventory alone decides. A.5.2: staff and launch, both answered
	// context: context only. How many roles are staffed, or when the
	// system launches, is no evidence that roles are defined: the control
	// was asked about, not shown met.
	want := map[string]assess.CoverageStatus{"A.5.2": assess.CoverageContext, "A.5.9": assess.CoverageMet}
	for _, c := range assess.Coverage(q, res, Catalog(), assess.ISO27001) {
		if c.Status != want[c.Control.ID] {
			t.Errorf("%s: %s, want %s", c.Control.ID, c.Status, want[c.Control.ID])
		}
	}
	// With the risk rated rare × minor (low), both rules hold: 6 + 100 + 1000.
	answers["breach"] = assess.Answer{QuestionID: "breach", Value: assess.Value{Risk: &assess.RiskRating{Likelihood: 1, Impact: 1}}}
	res = assess.Score(q, answers, assess.NewDate(2026, 1, 10))
	if d := res.Dimension("exposure"); d.Value != decimalOf(1106) {
		t.Errorf("with a low risk rated: exposure %s, want 1106", d.Value)
	}
}
