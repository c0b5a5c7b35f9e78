package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// testdata/risk-register.yaml, a 4×4 matrix (likelihood rows, impact columns):
//
//	                minor   moderate major    severe
//	rare            low     low      medium   medium
//	possible        low     medium   medium   high
//	likely          medium  medium   high     critical
//	almost-certain  medium  high     critical critical
//
// acceptable: medium, so high and critical risks become findings.
// initial-risk is the highest risk as found, residual-risk the highest after
// measures (a risk not rated after measures counts as found).
const registerAnswers = `
audience: adults
reidentification: {likelihood: likely, impact: major, after: {likelihood: possible, impact: major}, measures: Aggregate to groups of ten}
function-creep: {likelihood: 2, impact: 4}
breach: {likelihood: almost-certain, impact: severe, after: {likelihood: rare, impact: severe}}
children-profiling: {likelihood: almost-certain, impact: severe}`

func TestRiskMatrixBeforeAndAfterMeasures(t *testing.T) {
	q := loadTestdata(t, "risk-register.yaml")
	res := scoreOf(t, q, registerAnswers)

	// reidentification: likely × major = high; after: possible × major = medium.
	// function-creep: possible (2) × severe (4) = high; not rated after: high.
	// breach: almost-certain × severe = critical; after: rare × severe = medium.
	// children-profiling is hidden (audience is adults): not in the register.
	type want struct {
		initial, after, current assess.Severity
		acceptable              bool
	}
	wants := map[string]want{
		"reidentification": {assess.High, assess.Medium, assess.Medium, true},
		"function-creep":   {assess.High, assess.SeverityNone, assess.High, false},
		"breach":           {assess.Critical, assess.Medium, assess.Medium, true},
	}
	if len(res.Risks) != 3 {
		t.Fatalf("risks %+v", res.Risks)
	}
	for _, r := range res.Risks {
		w, ok := wants[r.QuestionID]
		if !ok {
			t.Errorf("unexpected risk %s", r.QuestionID)
			continue
		}
		after := assess.SeverityNone
		if r.After != nil {
			after = r.After.Level
		}
		if r.Initial == nil || r.Initial.Level != w.initial || after != w.after || r.Current != w.current || r.Acceptable != w.acceptable {
			t.Errorf("%s: %+v, want %+v", r.QuestionID, r, w)
		}
	}
	if r := res.Risks[0]; r.Title != "Re-identification" || r.Measures != "Aggregate to groups of ten" || r.Initial.LikelihoodName != "likely" || r.After.ImpactName != "major" {
		t.Errorf("reidentification %+v", r)
	}
	// As found the highest is breach's critical; after measures the
	// highest is function-creep's high (the others fell to medium).
	if got := levelOf(t, res, "initial-risk"); got != "critical" {
		t.Errorf("initial-risk %s", got)
	}
	if got := levelOf(t, res, "residual-risk"); got != "high" {
		t.Errorf("residual-risk %s", got)
	}
	if res.Outcome == nil || res.Outcome.Level != "high" || res.Outcome.Meaning == "" {
		t.Errorf("outcome %+v", res.Outcome)
	}
	// Only function-creep stays above the acceptable medium.
	if got := findingsOf(res); got != "function-creep:high" {
		t.Errorf("findings %s", got)
	}

	// Children: the hidden risk joins the register. almost-certain × severe
	// = critical, not rated after: both levels critical, and a critical finding.
	res = scoreOf(t, q, strings.Replace(registerAnswers, "audience: adults", "audience: children", 1))
	if len(res.Risks) != 4 {
		t.Fatalf("risks %+v", res.Risks)
	}
	if levelOf(t, res, "initial-risk") != "critical" || levelOf(t, res, "residual-risk") != "critical" {
		t.Errorf("levels %+v", res.Levels)
	}
	if got := findingsOf(res); got != "children-profiling:critical function-creep:high" {
		t.Errorf("findings %s", got)
	}
}

func TestUnratedRisks(t *testing.T) {
	q := loadTestdata(t, "risk-register.yaml")
	// Nothing rated: each visible risk is unanswered (the result is
	// incomplete) and, like any unanswered required question, counts as
	// its worst answer: the matrix's highest cell, critical (its best
	// answer, rare × minor, is low). Both levels are not rated yet, at
	// critical with low as their best case, never the lowest step as if
	// settled, and no risk is a finding.
	unsettled := func(res *assess.Result, when string) {
		t.Helper()
		for _, id := range []string{"initial-risk", "residual-risk"} {
			l, _ := res.Level(id)
			if l.Level != "critical" || !l.Unsettled || l.BestCase != "low" || l.NotRated ||
				l.Why != `"Re-identification" is not rated yet: counted as its worst rating, critical` {
				t.Errorf("%s: %s = %+v, want not rated yet, critical at worst and low at best, for Re-identification", when, id, l)
			}
		}
	}
	res := scoreOf(t, q, "audience: adults")
	if res.Complete || strings.Join(res.Unanswered, " ") != "reidentification function-creep breach" {
		t.Errorf("unanswered %v", res.Unanswered)
	}
	unsettled(res, "nothing rated")
	if res.Outcome == nil || !res.Outcome.Unsettled {
		t.Errorf("outcome %+v, want not rated yet", res.Outcome)
	}
	if len(res.Findings) != 0 {
		t.Errorf("findings %s", findingsOf(res))
	}
	// One risk rated, breach at rare (1) × moderate (2), low on the
	// matrix: the two still unrated keep both levels open.
	unsettled(scoreOf(t, q, "audience: adults\nbreach: {likelihood: 1, impact: 2}"), "breach rated low")
	// Every visible risk rated: the levels are the highest rating, settled.
	// reidentification rare × major = medium, function-creep possible ×
	// minor = low, breach low: medium as found and after.
	res = scoreOf(t, q, "audience: adults\nbreach: {likelihood: 1, impact: 2}\n"+
		"reidentification: {likelihood: rare, impact: major}\nfunction-creep: {likelihood: 2, impact: 1}")
	for _, id := range []string{"initial-risk", "residual-risk"} {
		if l, _ := res.Level(id); l.Level != "medium" || l.Unsettled || l.NotRated {
			t.Errorf("%s = %+v with every risk rated, want medium", id, l)
		}
	}
	// A rating off the matrix is refused with its position.
	for _, bad := range []string{"{likelihood: 5, impact: 1}", "{likelihood: likely}", "{likelihood: often, impact: minor}"} {
		res := answersProblems(t, q, "breach: "+bad)
		if len(res) == 0 {
			t.Errorf("%s accepted", bad)
		}
	}
}

// A risk's planned measures name the plan items that carry them out, by
// the question whose finding made each: the register keeps them; a
// question that makes no plan item, an unknown one, the risk itself or
// one named twice is refused with its line.
func TestRiskMeasuresLinkToPlanItems(t *testing.T) {
	q := loadTestdata(t, "risk-register.yaml")
	res := scoreOf(t, q, `audience: adults
breach: {likelihood: 4, impact: 4, after: {likelihood: 1, impact: 4}, measures: Encrypt backups, plan: [function-creep, reidentification]}`)
	var breach *assess.RiskResult
	for i := range res.Risks {
		if res.Risks[i].QuestionID == "breach" {
			breach = &res.Risks[i]
		}
	}
	if breach == nil || strings.Join(breach.PlanItems, " ") != "function-creep reidentification" {
		t.Fatalf("breach in the register: %+v, want plan items function-creep and reidentification", breach)
	}
	for bad, want := range map[string]string{
		"[nope]":                           `no question "nope"`,
		"[audience]":                       "question audience makes no plan item",
		"[breach]":                         "question breach makes no plan item",
		"[function-creep, function-creep]": "named twice",
	} {
		problems := answersProblems(t, q, "breach: {likelihood: 4, impact: 4, plan: "+bad+"}")
		if len(problems) != 1 || !strings.Contains(problems[0].String(), want) || problems[0].Line != 2 {
			t.Errorf("plan: %s gave %v, want one problem with its line saying %q", bad, problems, want)
		}
	}
	if problems := answersProblems(t, q, "breach: {plan: [function-creep]}"); len(problems) == 0 {
		t.Error("plan items without a rating as found were accepted")
	}
}
