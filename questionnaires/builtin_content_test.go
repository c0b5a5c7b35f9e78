package questionnaires_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/decimal"
	"github.com/assay-dev/assay/questionnaires"
)

// The built-in library as issue 4 defines it: ids other code refers to,
// each with its kind and a plausible number of questions.
var biSpec = []struct {
	id       string
	kind     assess.Kind
	min, max int
}{
	{"dpia", assess.KindPrivacy, 80, 110},
	{"fairness-aia", assess.KindFairness, 45, 65},
	{"third-party-due-diligence", assess.KindThirdParty, 95, 135},
	{"data-licensing", assess.KindLicensing, 70, 105},
	{"anonymized-dataset", assess.KindDataset, 55, 75},
	// 1.18.0 asks workplace-use (Article 26(7)) and public-authority (Article 49(3)).
	{"eu-ai-act-fria", assess.KindFairness, 30, 50},
	{"prescreen", assess.KindPrescreen, 8, 16},
}

// biScenario is a set of answers chosen to reach the best or the worst
// result. Overrides replace the computed answer for some questions, so that
// conditional questions can be made visible or hidden on purpose.
type biScenario struct {
	name      string
	overrides map[string]assess.Value
	// outcome is the level a worst case reaches when it is not the top
	// of the outcome's scale: a step above it that only a knock-out its
	// overrides rule out sets.
	outcome string
}

func biChoice(v string) assess.Value     { return assess.Value{Choices: []string{v}} }
func biChoices(v ...string) assess.Value { return assess.Value{Choices: v} }
func biNumber(n int64) assess.Value      { d := decimal.FromInt(n); return assess.Value{Number: &d} }
func biDate(d assess.Date) assess.Value  { return assess.Value{Date: d} }

// Worst-case variants: together they make every question visible at least
// once, and each must still reach the highest level.
var biWorst = map[string][]biScenario{
	"dpia": {
		{name: "worst"},
		{name: "worst, consent and sensitive data", overrides: map[string]assess.Value{
			"legal-basis": biChoice("consent"), "data-categories": biChoices("special", "criminal", "children"),
			"sector": biChoice("health"), "transfers": biChoice("yes"),
		}},
		{name: "worst, legitimate interests", overrides: map[string]assess.Value{"legal-basis": biChoice("legitimate-interests")}},
		{name: "worst, US state laws, a further purpose, joint controllers, finance", overrides: map[string]assess.Value{
			"jurisdictions": biChoices("gdpr", "us-state"), "new-purpose": biChoice("yes"), "joint-controllers": biChoice("yes"),
			"us-sale": biChoice("yes"), "sector": biChoice("finance"),
		}},
		{name: "worst, education", overrides: map[string]assess.Value{"sector": biChoice("education")}},
		{name: "worst, employment", overrides: map[string]assess.Value{"sector": biChoice("employment")}},
		// point-of-view and contest-decision are asked only under the
		// contract and consent exceptions (GDPR Article 22(3)).
		{name: "worst, solely automated on explicit consent", overrides: map[string]assess.Value{"automated-exception": biChoice("explicit-consent")}},
		// processing-started-elsewhere is asked where the GDPR does not apply.
		{name: "worst, US state laws only", overrides: map[string]assess.Value{"jurisdictions": biChoices("us-state")}},
	},
	"fairness-aia": {
		{name: "worst"},
		// Not a prohibited practice, so not "prohibited": IV, the most
		// the score reaches.
		{name: "worst, a high-risk system", overrides: map[string]assess.Value{"ai-act-class": biChoice("high-risk")}, outcome: "IV"},
	},
	"eu-ai-act-fria": {{name: "worst"}},
	"third-party-due-diligence": {
		{name: "worst"},
		{name: "worst, with an ISO certificate and a SOC 2 Type I report", overrides: map[string]assess.Value{
			"attestations": biChoices("iso27001", "soc2-type1"), "ai-use": biChoice("yes"),
		}},
		{name: "worst, with weaker attestations only", overrides: map[string]assess.Value{
			"attestations": biChoices("soc2-type1", "other"),
		}},
		{name: "worst, a vendor that supplies personal data", overrides: map[string]assess.Value{
			"third-party-data": biChoice("yes"),
		}},
	},
	"data-licensing": {
		{name: "worst"},
		{name: "worst, licensee abroad", overrides: map[string]assess.Value{"licensee-location": biChoice("abroad")}},
		{name: "worst, every sector, US consumers' data bought in", overrides: map[string]assess.Value{
			"sector": biChoices("health", "finance", "education"), "us-consumers": biChoice("yes"), "data-source": biChoice("third-party"),
		}},
		{name: "worst, US children under 13", overrides: map[string]assess.Value{
			"sensitive-data": biChoice("yes"), "sensitive-kinds": biChoices("children"), "children-ages": biChoices("under-13"),
			"us-consumers": biChoice("yes"),
		}},
	},
	"anonymized-dataset": {
		{name: "worst"},
		{name: "worst, each technique badly tuned", overrides: map[string]assess.Value{
			"data-state": biChoice("pseudonymized"),
			"techniques": biChoices("differential-privacy", "k-anonymity", "secure-computation", "federated", "clean-room", "synthetic", "aggregation"),
			"sector":     biChoices("health", "finance", "education"), "cross-border": biChoice("yes"), "risk-threshold": biChoice("partial"),
		}},
		// health-deidentification is asked only of data not pseudonymized.
		{name: "worst, de-identified health data", overrides: map[string]assess.Value{
			"data-state": biChoice("de-identified"), "sector": biChoices("health"),
		}},
		// controlled-release is asked only of a measured risk above 9%
		// accepted under a threshold above 9%, which needs a threshold.
		{name: "worst, a risk accepted under a controlled-access threshold", overrides: map[string]assess.Value{
			"risk-threshold": biChoice("partial"), "threshold-value": biNumber(33), "measured-risk": biNumber(20),
		}},
	},
}

// Best-case variants: each must reach the lowest level with no findings.
var biBest = map[string][]biScenario{
	"dpia": {
		{name: "best"},
		{name: "best, consent and health data", overrides: map[string]assess.Value{
			"legal-basis": biChoice("consent"), "sector": biChoice("health"), "transfers": biChoice("yes"),
		}},
		{name: "best, US state laws, a further purpose, joint controllers", overrides: map[string]assess.Value{
			"jurisdictions": biChoices("gdpr", "us-state"), "new-purpose": biChoice("yes"), "joint-controllers": biChoice("yes"),
			"us-sale": biChoice("yes"), "automated-decisions": biChoice("solely-automated"),
		}},
	},
	"fairness-aia": {
		{name: "best"},
		{name: "best, vendor model", overrides: map[string]assess.Value{"supplier": biChoice("vendor")}},
	},
	"eu-ai-act-fria": {
		{name: "best"},
		// workers-informed is asked of an employer using the system at
		// its workplace (Article 26(7)).
		{name: "best, workers affected at our workplace", overrides: map[string]assess.Value{
			"affected-categories": biChoices("workers"), "workplace-use": biChoice("yes"),
		}},
	},
	"third-party-due-diligence": {{name: "best"}},
	"data-licensing": {
		{name: "best"},
		{name: "best, every sector, US consumers' data bought in", overrides: map[string]assess.Value{
			"sector": biChoices("health", "finance", "education"), "us-consumers": biChoice("yes"), "data-source": biChoice("third-party"),
		}},
		{name: "best, US children of every age", overrides: map[string]assess.Value{
			"sensitive-data": biChoice("yes"), "sensitive-kinds": biChoices("children", "location"),
			"children-ages": biChoices("under-13", "13-to-15", "16-to-17"), "us-consumers": biChoice("yes"),
		}},
	},
	"anonymized-dataset": {
		{name: "best"},
		{name: "best, every technique and sector", overrides: map[string]assess.Value{
			"techniques": biChoices("differential-privacy", "k-anonymity", "secure-computation", "federated", "clean-room", "synthetic"),
			"sector":     biChoices("health", "finance", "education"), "cross-border": biChoice("yes"),
		}},
	},
}

var biAssessedOn = assess.NewDate(2026, 1, 20)

func biLibrary(t *testing.T) *questionnaires.Library {
	t.Helper()
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

func TestBuiltinLibraryShape(t *testing.T) {
	lib := biLibrary(t)
	for _, spec := range biSpec {
		q, ok := lib.Get(spec.id)
		if !ok {
			t.Errorf("built-in questionnaire %q is missing", spec.id)
			continue
		}
		if q.Kind != spec.kind {
			t.Errorf("%s: kind %s, want %s", spec.id, q.Kind, spec.kind)
		}
		if n := len(q.Questions); n < spec.min || n > spec.max {
			t.Errorf("%s: %d questions, want %d to %d", spec.id, n, spec.min, spec.max)
		}
		if !lib.IsBuiltin(spec.id) {
			t.Errorf("%s is not marked built-in", spec.id)
		}
	}
}

// TestBuiltinQuestionQuality checks what every question must carry: text and
// help for a non-lawyer, evidence guidance, and for anything that can become
// a finding a severity and an action written as an instruction.
func TestBuiltinQuestionQuality(t *testing.T) {
	lib := biLibrary(t)
	for _, spec := range biSpec {
		q, _ := lib.Get(spec.id)
		if q == nil {
			continue
		}
		if q.Kind != assess.KindPrescreen && q.Outcome == "" {
			t.Errorf("%s has no outcome level", q.ID)
		}
		if def, ok := q.Level(q.Outcome); ok {
			for _, name := range def.Scale {
				if strings.TrimSpace(def.Meanings[name]) == "" {
					t.Errorf("%s: outcome level %q has no meaning for the committee", q.ID, name)
				}
			}
		}
		for _, qq := range q.Questions {
			where := q.ID + "/" + qq.ID
			if len(strings.TrimSpace(qq.Help)) < 20 {
				t.Errorf("%s: help text is missing or too short to guide the analyst", where)
			}
			if !strings.HasSuffix(strings.TrimSpace(qq.Text), "?") && qq.Type != assess.TypeText && qq.Type != assess.TypeRisk {
				t.Errorf("%s: text should be a question: %q", where, qq.Text)
			}
			canFind := qq.Severity != assess.SeverityNone || qq.Type == assess.TypeRisk ||
				slices.ContainsFunc(qq.Options, func(o *assess.Option) bool { return o.Severity != assess.SeverityNone })
			if q.Kind != assess.KindPrescreen && !strings.Contains(strings.ToLower(qq.Help), "evidence") {
				t.Errorf("%s: help should say what good evidence looks like", where)
			}
			if q.Kind == assess.KindPrescreen {
				if canFind {
					t.Errorf("%s: a pre-screen question should not make findings", where)
				}
				continue
			}
			if !canFind {
				if qq.Dimension != "" && !biContextOnly(qq) {
					t.Errorf("%s: scores in %s and shows gaps but has no severity", where, qq.Dimension)
				}
				continue
			}
			if !biIsInstruction(qq.Action) {
				t.Errorf("%s: action should be an instruction starting with a verb: %q", where, qq.Action)
			}
			if qq.Weight <= 0 {
				t.Errorf("%s: weight %s", where, qq.Weight)
			}
		}
	}
}

// contextOnly reports whether a scored question can never show a gap: every
// option says gap: none. Impact and exposure questions are like that.
func biContextOnly(qq *assess.Question) bool {
	if len(qq.Options) == 0 {
		return qq.Type == assess.TypeNumber // impact counts such as people per year
	}
	for _, o := range qq.Options {
		if o.Gap != assess.GapNone {
			return false
		}
	}
	return true
}

var biNotVerbs = []string{"The", "A", "An", "It", "This", "We", "Our", "Vendor", "If"}

func biIsInstruction(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	first := strings.Fields(s)[0]
	return first[0] >= 'A' && first[0] <= 'Z' && !slices.Contains(biNotVerbs, first)
}

// A multiple-choice option that rules out the others in its own words
// ("X only", "None of these", "No …") is exclusive, or its label says more
// than the option does: the DPIA accepted "The GDPR" with "Other privacy
// laws only", the due diligence "Security only" with "Availability".
func TestBuiltinOptionsSayNoMoreThanTheyAre(t *testing.T) {
	lib := biLibrary(t)
	for _, q := range lib.All() {
		for _, qq := range q.Questions {
			if qq.Type != assess.TypeMulti {
				continue
			}
			for _, o := range qq.Options {
				words := strings.Fields(strings.ToLower(o.Label))
				rulesOut := slices.Contains(words, "only") || (len(words) > 0 && (words[0] == "none" || words[0] == "no"))
				if rulesOut && !o.Exclusive && !o.NA {
					t.Errorf("%s %s %s: %q rules out the other options but can be ticked with them (exclusive: true, or another label)", q.ID, qq.ID, o.Value, o.Label)
				}
			}
		}
	}
}

func TestBuiltinControlsExist(t *testing.T) {
	lib := biLibrary(t)
	cat := questionnaires.Catalog()
	for _, spec := range biSpec {
		q, _ := lib.Get(spec.id)
		if q == nil {
			continue
		}
		mapped, findable := 0, 0
		for _, qq := range q.Questions {
			if qq.Severity != assess.SeverityNone || qq.Type == assess.TypeRisk {
				findable++
				if !qq.Controls.Empty() {
					mapped++
				}
			}
			for _, fw := range assess.Frameworks {
				for _, id := range qq.Controls[fw] {
					if _, ok := cat.Lookup(fw, id); !ok {
						t.Errorf("%s/%s: %s control %s is not in the catalog", q.ID, qq.ID, fw, id)
					}
				}
			}
		}
		if spec.kind != assess.KindPrescreen && mapped*3 < findable*2 {
			t.Errorf("%s: only %d of the %d questions that can make a finding map to a control", q.ID, mapped, findable)
		}
	}
}

func TestBuiltinAllBest(t *testing.T) {
	lib := biLibrary(t)
	for id, scenarios := range biBest {
		q, ok := lib.Get(id)
		if !ok {
			t.Errorf("%s is missing", id)
			continue
		}
		for _, sc := range scenarios {
			t.Run(id+"/"+sc.name, func(t *testing.T) {
				answers := biAnswers(t, q, false, sc.overrides)
				ev := biEvaluate(q, answers)
				res := ev.Result
				if !res.Complete {
					t.Errorf("incomplete; unanswered: %v", res.Unanswered)
				}
				if res.Outcome == nil {
					t.Fatal("no outcome")
				}
				if res.Outcome.Rank != 0 {
					t.Errorf("outcome %s = %q (rank %d), want the lowest level; %s", res.Outcome.ID, res.Outcome.Level, res.Outcome.Rank, res.Outcome.Why)
				}
				for _, f := range res.Findings {
					t.Errorf("unexpected finding %s (%s): %s", f.QuestionID, f.Severity, f.Answer)
				}
				if len(ev.Plan) != 0 {
					t.Errorf("plan has %d items, want none", len(ev.Plan))
				}
				biEachControl(q, res, func(f assess.Framework, c assess.ControlCoverage) {
					if c.Status != assess.CoverageMet && c.Status != assess.CoverageNA {
						t.Errorf("%s %s is %s with the best answers, by %s", f, c.Control.ID, c.Status, biStatuses(c.Questions, nil))
					}
				})
			})
		}
	}
}

func TestBuiltinAllWorst(t *testing.T) {
	lib := biLibrary(t)
	for id, scenarios := range biWorst {
		q, ok := lib.Get(id)
		if !ok {
			t.Errorf("%s is missing", id)
			continue
		}
		seen := map[string]bool{}
		for _, sc := range scenarios {
			t.Run(id+"/"+sc.name, func(t *testing.T) {
				answers := biAnswers(t, q, true, sc.overrides)
				ev := biEvaluate(q, answers)
				res := ev.Result
				if !res.Complete {
					t.Errorf("incomplete; unanswered: %v", res.Unanswered)
				}
				if res.Outcome == nil {
					t.Fatal("no outcome")
				}
				if sc.outcome != "" {
					if res.Outcome.Level != sc.outcome {
						t.Errorf("outcome %s = %q, want %s; %s", res.Outcome.ID, res.Outcome.Level, sc.outcome, res.Outcome.Why)
					}
				} else if res.Outcome.Rank != res.Outcome.Of-1 {
					t.Errorf("outcome %s = %q (rank %d of %d), want the highest level; %s", res.Outcome.ID, res.Outcome.Level, res.Outcome.Rank, res.Outcome.Of, res.Outcome.Why)
				}
				biCheckGapsPlanned(t, q, ev, sc.overrides)
				biCheckNoControlMet(t, q, ev, sc.overrides)
				for _, qr := range res.Questions {
					if qr.Visible {
						seen[qr.ID] = true
					}
				}
			})
		}
		for _, qq := range q.Questions {
			if !seen[qq.ID] {
				t.Errorf("%s/%s is never visible in a worst-case biScenario, so it is never tested", id, qq.ID)
			}
		}
	}
}

// biRatingMeets are the controls a rated risk meets by being rated: their
// objective is that risks are identified and recorded (ID.RA-04) or
// identified and analysed (CC3.2, which the DPIA's risks map to since
// dpia 2.9.0).
var biRatingMeets = map[string]bool{"nist-csf ID.RA-04": true, "soc2 CC3.2": true}

// biCheckNoControlMet: with the worst answers, coverage shows no control
// met, in any framework, but one met by an answer a scenario chose, or
// by rating risks (biRatingMeets). A control that only risk ratings, free
// text or context touch would show as met whatever the answers said.
func biCheckNoControlMet(t *testing.T, q *assess.Questionnaire, ev *assess.Evaluation, overrides map[string]assess.Value) {
	t.Helper()
	biEachControl(q, ev.Result, func(f assess.Framework, c assess.ControlCoverage) {
		if c.Status != assess.CoverageMet || biRatingMeets[string(f)+" "+c.Control.ID] {
			return
		}
		if by := biStatuses(c.Questions, overrides); by != "" {
			t.Errorf("%s %s shows as met with the worst answers, by %s", f, c.Control.ID, by)
		}
	})
}

// biEachControl calls fn with each control of each framework the
// questionnaire maps, as coverage judges it from res.
func biEachControl(q *assess.Questionnaire, res *assess.Result, fn func(assess.Framework, assess.ControlCoverage)) {
	cat := questionnaires.Catalog()
	for _, f := range []assess.Framework{assess.ISO27001, assess.NISTCSF, assess.SOC2} {
		for _, c := range assess.Coverage(q, res, cat, f) {
			fn(f, c)
		}
	}
}

// biStatuses names the questions behind a control with their statuses,
// but those whose answer a scenario chose (skip).
func biStatuses(qs []assess.QuestionResult, skip map[string]assess.Value) string {
	var by []string
	for _, qr := range qs {
		if _, chosen := skip[qr.ID]; !chosen {
			by = append(by, qr.ID+" ("+string(qr.Status)+")")
		}
	}
	return strings.Join(by, ", ")
}

// checkEveryGapPlanned: every visible question that can make a finding shows
// a full gap (unless an override chose otherwise), every gap is a finding,
// and every finding is a plan item due on the assessment date plus the
// deadline for its severity.
func biCheckGapsPlanned(t *testing.T, q *assess.Questionnaire, ev *assess.Evaluation, overrides map[string]assess.Value) {
	t.Helper()
	res := ev.Result
	findings := map[string]assess.Finding{}
	for _, f := range res.Findings {
		findings[f.QuestionID] = f
	}
	for _, qr := range res.Questions {
		qq := q.Questions[slices.IndexFunc(q.Questions, func(x *assess.Question) bool { return x.ID == qr.ID })]
		if !qr.Visible {
			continue
		}
		if qq.Type == assess.TypeRisk {
			if _, ok := findings[qq.ID]; !ok {
				t.Errorf("risk %s rated at the worst is not a finding", qq.ID)
			}
			continue
		}
		if qq.Severity == assess.SeverityNone {
			continue
		}
		_, overridden := overrides[qq.ID]
		if qr.Status != assess.StatusGap && !overridden {
			t.Errorf("%s: worst answer %q shows %s, want a full gap", qq.ID, qr.Answer, qr.Status)
		}
		if qr.Status == assess.StatusGap || qr.Status == assess.StatusPartial {
			if _, ok := findings[qq.ID]; !ok {
				t.Errorf("%s: gap without a finding", qq.ID)
			}
		}
	}
	deadlines := assess.DefaultDeadlines().Merge(q.Deadlines)
	if len(ev.Plan) != len(res.Findings) {
		t.Errorf("plan has %d items for %d findings", len(ev.Plan), len(res.Findings))
	}
	for _, it := range ev.Plan {
		want := biAssessedOn.AddDays(deadlines[it.Finding.Severity])
		if it.Due != want {
			t.Errorf("%s (%s): due %s, want %s", it.Key(), it.Finding.Severity, it.Due, want)
		}
		if strings.TrimSpace(it.Action) == "" {
			t.Errorf("%s: plan item without an action", it.Key())
		}
	}
	if len(res.Findings) == 0 {
		t.Error("the worst answers make no findings")
	}
}

func biEvaluate(q *assess.Questionnaire, answers assess.Answers) *assess.Evaluation {
	a := &assess.Assessment{
		Subject: "test", Questionnaire: q, AssessedOn: biAssessedOn,
		Deadlines: assess.DefaultDeadlines().Merge(q.Deadlines), Answers: answers,
	}
	return assess.Evaluate(a, biAssessedOn)
}

// scenarioAnswers answers every question with its best or worst answer,
// computed from the question's type and points, then applies overrides.
// Hidden questions get answers too: they are kept but never counted.
// biBestProfile gives the "best" answers to profile questions whose very
// best answer would take the subject out of what the tests check. The
// vendor that gets none of our data and no access is a pure data
// supplier, not asked how it protects our data; the best vendor the
// tests start from gets a little (internal information we send it:
// exposure 1 + 1 × 3 = 4 of 35, still low), so that those questions are
// asked. The FRIA the tests start from subjects none of the deployer's
// own workers to the system (workplace-use, a fact with no points either
// way): the tests about workers ask for them.
var biBestProfile = map[string]map[string]assess.Value{
	"eu-ai-act-fria": {
		"workplace-use": biChoice("no"),
	},
	"third-party-due-diligence": {
		"data-types":  biChoices("internal"),
		"access-type": biChoice("receives"),
	},
}

func biAnswers(t *testing.T, q *assess.Questionnaire, worst bool, overrides map[string]assess.Value) assess.Answers {
	t.Helper()
	for id := range overrides {
		if _, ok := q.Question(id); !ok {
			t.Fatalf("override for unknown question %s", id)
		}
	}
	out := assess.Answers{}
	for _, qq := range q.Questions {
		v, ok := overrides[qq.ID]
		if !ok && !worst {
			v, ok = biBestProfile[q.ID][qq.ID]
		}
		if !ok {
			v = biExtreme(t, q, qq, worst)
		}
		if err := qq.Validate(v, q.RiskMatrix); err != nil {
			t.Fatalf("%s: %v", qq.ID, err)
		}
		out[qq.ID] = assess.Answer{QuestionID: qq.ID, Value: v}
	}
	return out
}

func biHigherBetter(q *assess.Questionnaire, qq *assess.Question) bool {
	d, ok := q.Dimension(qq.Dimension)
	return ok && d.Higher == assess.HigherBetter
}

// biGapRank orders explicit gap kinds for breaking ties between options
// with equal points. For the worst answer a full gap beats an automatic one
// (at the worst points, also full), which beats a partial one; for the best
// answer no gap beats an automatic one (at the best points, also none),
// which beats a partial one.
func biGapRank(g assess.GapKind, worst bool) int {
	order := []assess.GapKind{assess.GapNone, assess.GapAuto, assess.GapPartial, assess.GapFull}
	if worst {
		order = []assess.GapKind{assess.GapNone, assess.GapPartial, assess.GapAuto, assess.GapFull}
	}
	return slices.Index(order, g)
}

func biExtreme(t *testing.T, q *assess.Questionnaire, qq *assess.Question, worst bool) assess.Value {
	t.Helper()
	// badness turns points into "more is worse", whatever the dimension.
	badness := func(p decimal.Decimal) decimal.Decimal {
		if qq.Dimension == "" {
			return 0
		}
		if biHigherBetter(q, qq) {
			return -p
		}
		return p
	}
	better := func(aBad decimal.Decimal, aGap int, bBad decimal.Decimal, bGap int) bool {
		if worst {
			return aBad > bBad || (aBad == bBad && aGap > bGap)
		}
		return aBad < bBad || (aBad == bBad && aGap < bGap)
	}
	switch qq.Type {
	case assess.TypeControl, assess.TypeSingle:
		var pick *assess.Option
		for _, o := range qq.Options {
			if o.NA {
				continue
			}
			if pick == nil || better(badness(o.Points), biGapRank(o.Gap, worst), badness(pick.Points), biGapRank(pick.Gap, worst)) {
				pick = o
			}
		}
		return biChoice(pick.Value)
	case assess.TypeMulti:
		var candidates [][]*assess.Option
		var allPositive []*assess.Option
		for _, o := range qq.Options {
			if o.NA {
				continue
			}
			candidates = append(candidates, []*assess.Option{o})
			if !o.Exclusive && badness(o.Points) > 0 {
				allPositive = append(allPositive, o)
			}
		}
		if len(allPositive) > 1 {
			candidates = append(candidates, allPositive)
		}
		score := func(set []*assess.Option) (decimal.Decimal, int) {
			var pts decimal.Decimal
			g := 0
			for _, o := range set {
				pts += o.Points
				g = max(g, biGapRank(o.Gap, worst))
			}
			return badness(pts), g
		}
		pick := candidates[0]
		for _, c := range candidates[1:] {
			cb, cg := score(c)
			pb, pg := score(pick)
			if better(cb, cg, pb, pg) {
				pick = c
			}
		}
		var vals []string
		for _, o := range pick {
			vals = append(vals, o.Value)
		}
		return biChoices(vals...)
	case assess.TypeScale:
		lo, hi := qq.Scale.From, qq.Scale.To
		if (badness(decimal.FromInt(1)) > 0) == worst {
			return biNumber(int64(hi))
		}
		return biNumber(int64(lo))
	case assess.TypeNumber:
		if len(qq.Bands) == 0 {
			return biNumber(5) // a figure for the record, scored nowhere
		}
		idx := 0
		for i, b := range qq.Bands {
			if better(badness(b.Points), 0, badness(qq.Bands[idx].Points), 0) {
				idx = i
			}
		}
		b := qq.Bands[idx]
		if b.UpTo != nil {
			return assess.Value{Number: b.UpTo}
		}
		if idx == 0 {
			return biNumber(0)
		}
		n := *qq.Bands[idx-1].UpTo + decimal.FromInt(1)
		return assess.Value{Number: &n}
	case assess.TypeDate:
		idx := 0
		for i, b := range qq.AgeBands {
			if better(badness(b.Points), 0, badness(qq.AgeBands[idx].Points), 0) {
				idx = i
			}
		}
		// Bands count days: a date's age (before the assessment date), or
		// for "until" the days left after it.
		sign := -1
		if qq.Until {
			sign = 1
		}
		b := qq.AgeBands[idx]
		if b.WithinDays != nil {
			return biDate(biAssessedOn.AddDays(sign * *b.WithinDays))
		}
		prev := 0
		if idx > 0 {
			prev = *qq.AgeBands[idx-1].WithinDays
		}
		return biDate(biAssessedOn.AddDays(sign * (prev + 30)))
	case assess.TypeText:
		return assess.Value{Text: "Described for the test."}
	case assess.TypeRisk:
		m := q.RiskMatrix
		l, i := 1, 1
		if worst {
			l, i = len(m.Likelihood), len(m.Impact)
		}
		return assess.Value{Risk: &assess.RiskRating{Likelihood: l, Impact: i, AfterLikelihood: l, AfterImpact: i, Measures: "test"}}
	}
	t.Fatalf("%s: no extreme answer for type %s", qq.ID, qq.Type)
	return assess.Value{}
}

// TestFairnessCanadaRule: with mitigation at 80% or more, the impact score is
// reduced by 15% and rounded half up, as the Government of Canada's AIA does.
func TestFairnessCanadaRule(t *testing.T) {
	q := biGet(t, "fairness-aia")
	base := biAnswers(t, q, false, map[string]assess.Value{
		// raw impact: 1×2 + 2×2 + 0 + 1×3 + 0 + 0 + 0 + 1 + 0 + 0 = 10
		"decision-area": biChoice("marketing"), "affected-people": biChoice("consumers"), "people-per-year": biNumber(500),
		"significance": biChoice("moderate"), "model-type": biChoice("interpretable"),
	})
	res := assess.Score(q, base, biAssessedOn)
	impact := res.Dimension("impact")
	if impact.Raw != decimal.FromInt(10) {
		t.Fatalf("raw impact %s, want 10", impact.Raw)
	}
	if impact.Value != decimal.FromInt(9) { // 10 × 0.85 = 8.5, half up → 9
		t.Errorf("impact after strong mitigation = %s, want 9", impact.Value)
	}
	if len(res.Rules) != 1 || !res.Rules[0].Applied {
		t.Errorf("the strong-mitigation rule did not apply: %+v", res.Rules)
	}

	// Weak mitigation: the rule does not apply and the raw score stands.
	weak := biAnswers(t, q, true, nil)
	for id, v := range base {
		if qq, _ := q.Question(id); qq.Dimension == "impact" || qq.Type == assess.TypeText {
			weak[id] = v
		}
	}
	res = assess.Score(q, weak, biAssessedOn)
	if got := res.Dimension("impact").Value; got != decimal.FromInt(10) {
		t.Errorf("impact with weak mitigation = %s, want the raw 10", got)
	}
	if lvl, _ := res.Level("mitigation-level"); lvl.Level != "weak" {
		t.Errorf("mitigation level %q, want weak", lvl.Level)
	}
}

// TestFairnessImpactBands: the impact level is I to IV at 25/50/75% of the
// maximum raw impact. The worst answers include a practice the AI Act
// prohibits, whose knock-out sets "prohibited", the step above IV that no
// score reaches: the bands gave IV beneath it.
func TestFairnessImpactBands(t *testing.T) {
	q := biGet(t, "fairness-aia")
	worst := biAnswers(t, q, true, nil)
	res := assess.Score(q, worst, biAssessedOn)
	max := res.Dimension("impact").Max
	if res.Dimension("impact").Value != max {
		t.Fatalf("worst impact %s, want the maximum %s", res.Dimension("impact").Value, max)
	}
	lvl, _ := res.Level("impact-level")
	if lvl.Level != "prohibited" || lvl.Unfloored != "IV" {
		t.Errorf("worst impact level %q, %q by the bands; want prohibited, IV by the bands", lvl.Level, lvl.Unfloored)
	}
	def, _ := q.Level("impact-level")
	want := []string{"25", "50", "75"}
	for i, b := range def.Bands[:3] {
		if b.Upper == nil || !b.Upper.Percent || b.Upper.Value.String() != want[i] || !b.Upper.Inclusive {
			t.Errorf("band %s should end at %s%% inclusive", b.Level, want[i])
		}
	}
}

// TestVendorOldSOC2ReportScoresWorse: the age of the SOC 2 report counts.
func TestVendorOldSOC2ReportScoresWorse(t *testing.T) {
	q := biGet(t, "third-party-due-diligence")
	ended := func(daysAgo int) map[string]assess.Value {
		return map[string]assess.Value{
			"attestations":    biChoices("soc2-type2"),
			"soc2-period-end": biDate(biAssessedOn.AddDays(-daysAgo)),
		}
	}
	fresh := biAnswers(t, q, false, ended(90))
	stale := biAnswers(t, q, false, ended(800))
	middling := biAnswers(t, q, false, ended(450))
	rf, rs, rm := assess.Score(q, fresh, biAssessedOn), assess.Score(q, stale, biAssessedOn), assess.Score(q, middling, biAssessedOn)
	gf, gs, gm := rf.Dimension("gaps").Value, rs.Dimension("gaps").Value, rm.Dimension("gaps").Value
	if !(gf < gm && gm < gs) {
		t.Errorf("control gaps: fresh %s, 15 months %s, 26 months %s; want rising with the report's age", gf, gm, gs)
	}
	sev := func(r *assess.Result) (assess.Severity, bool) {
		for _, f := range r.Findings {
			if f.QuestionID == "soc2-period-end" {
				return f.Severity, f.Partial
			}
		}
		return assess.SeverityNone, false
	}
	if s, _ := sev(rf); s != assess.SeverityNone {
		t.Errorf("a 3-month-old report makes a %s finding", s)
	}
	if s, partial := sev(rm); s != assess.Low || !partial {
		t.Errorf("a 15-month-old report: severity %s partial %v, want a low partial gap", s, partial)
	}
	if s, partial := sev(rs); s != assess.Medium || partial {
		t.Errorf("a 26-month-old report: severity %s partial %v, want a medium full gap", s, partial)
	}
}

// TestVendorEitherAttestationIsEnough: a current ISO/IEC 27001 certificate
// or a current SOC 2 Type II report on the service is enough, and lacking
// the other is no finding; the follow-ups of an attestation are asked only
// when it is named. A SOC 2 Type I report or another scheme alone is a
// gap until a certificate or Type II report arrives; no attestation at all
// is a high finding and keeps the residual at medium or above. The other
// answers are the best ones: a low-tier vendor with every control in place.
func TestVendorEitherAttestationIsEnough(t *testing.T) {
	q := biGet(t, "third-party-due-diligence")
	isoFollowUps := []string{"iso-scope", "iso-expiry", "iso-surveillance"}
	soc2FollowUps := []string{"soc2-period-end", "soc2-categories", "soc2-categories-fit", "soc2-carve-outs", "soc2-exceptions", "user-entity-controls"}
	for _, c := range []struct {
		attestations []string
		plan         string // the answer to attestation-plan, "" for the best one
		iso, soc2    bool   // whose follow-ups are asked
		findings     string
		residual     string
		knockout     string
	}{
		{[]string{"iso27001"}, "", true, false, "", "low", ""},
		{[]string{"soc2-type2"}, "", false, true, "", "low", ""},
		{[]string{"iso27001", "soc2-type2"}, "", true, true, "", "low", ""},
		{[]string{"iso27001", "soc2-type1"}, "", true, true, "", "low", ""},
		{[]string{"soc2-type2", "other"}, "", false, true, "", "low", ""},
		// Under way: a partial gap on a medium question, low.
		{[]string{"soc2-type1"}, "", false, true, "attestation-plan:low", "low", ""},
		{[]string{"soc2-type1"}, "no", false, true, "attestation-plan:medium", "low", ""},
		{[]string{"other"}, "", false, false, "attestation-plan:low", "low", ""},
		{[]string{"soc2-type1", "other"}, "no", false, true, "attestation-plan:medium", "low", ""},
		{[]string{"none"}, "", false, false, "attestations:high", "medium", "attestations"},
	} {
		name := strings.Join(c.attestations, "+")
		if c.plan != "" {
			name += ", plan " + c.plan
		}
		t.Run(name, func(t *testing.T) {
			over := map[string]assess.Value{"attestations": biChoices(c.attestations...)}
			if c.plan != "" {
				over["attestation-plan"] = biChoice(c.plan)
			}
			res := assess.Score(q, biAnswers(t, q, false, over), biAssessedOn)
			visible := map[string]bool{}
			for _, qr := range res.Questions {
				visible[qr.ID] = qr.Visible
			}
			for _, id := range isoFollowUps {
				if visible[id] != c.iso {
					t.Errorf("%s visible %v, want %v", id, visible[id], c.iso)
				}
			}
			for _, id := range soc2FollowUps {
				if visible[id] != c.soc2 {
					t.Errorf("%s visible %v, want %v", id, visible[id], c.soc2)
				}
			}
			if got := findingsOf(res); got != c.findings {
				t.Errorf("findings %q, want %q", got, c.findings)
			}
			if res.Outcome == nil || res.Outcome.Level != c.residual {
				t.Fatalf("residual %+v, want %s", res.Outcome, c.residual)
			}
			if ko, _ := res.Outcome.Knockout(); ko.Question != c.knockout {
				t.Errorf("knock-out by %q, want %q", ko.Question, c.knockout)
			}
		})
	}
}

// TestVendorTierRaisesSeverity: a critical-tier vendor's findings are one
// step more severe; a low-tier vendor's are not.
func TestVendorTierRaisesSeverity(t *testing.T) {
	q := biGet(t, "third-party-due-diligence")
	gapsOnly := map[string]assess.Value{"mfa": biChoice("no"), "security-policy": biChoice("no")}
	low := biAnswers(t, q, false, gapsOnly)
	res := assess.Score(q, low, biAssessedOn)
	if tier, _ := res.Level("tier"); tier.Level != "low" {
		t.Fatalf("tier %q, want low", tier.Level)
	}
	want := map[string]assess.Severity{"mfa": assess.High, "security-policy": assess.Medium}
	for _, f := range res.Findings {
		if f.Severity != want[f.QuestionID] {
			t.Errorf("low tier: %s severity %s, want %s", f.QuestionID, f.Severity, want[f.QuestionID])
		}
	}

	critical := biAnswers(t, q, false, gapsOnly)
	worst := biAnswers(t, q, true, nil)
	for _, qq := range q.Questions {
		if qq.Dimension == "exposure" || qq.Dimension == "criticality" {
			critical[qq.ID] = worst[qq.ID]
		}
	}
	res = assess.Score(q, critical, biAssessedOn)
	if tier, _ := res.Level("tier"); tier.Level != "critical" {
		t.Fatalf("tier %q, want critical", tier.Level)
	}
	want = map[string]assess.Severity{"mfa": assess.Critical, "security-policy": assess.High}
	if len(res.Findings) != len(want) {
		t.Errorf("%d findings, want %d", len(res.Findings), len(want))
	}
	for _, f := range res.Findings {
		if f.Severity != want[f.QuestionID] {
			t.Errorf("critical tier: %s severity %s, want %s", f.QuestionID, f.Severity, want[f.QuestionID])
		}
	}
}

// TestDPIAOutcomeFollowsRisksAfterMeasures: the DPIA's headline is the
// highest risk after measures, not as found.
func TestDPIAOutcomeFollowsRisksAfterMeasures(t *testing.T) {
	q := biGet(t, "dpia")
	answers := biAnswers(t, q, false, map[string]assess.Value{
		// As found: significant × maximum = critical; after: limited × limited = low.
		"risk-access": {Risk: &assess.RiskRating{Likelihood: 3, Impact: 4, AfterLikelihood: 2, AfterImpact: 2}},
		// Rated as found only: the current level is the initial one.
		"risk-modification": {Risk: &assess.RiskRating{Likelihood: 2, Impact: 3}},
	})
	res := assess.Score(q, answers, biAssessedOn)
	initial, _ := res.Level("initial-risk")
	if initial.Level != "critical" {
		t.Errorf("initial risk %q, want critical", initial.Level)
	}
	if res.Outcome.Level != "medium" {
		t.Errorf("residual risk %q, want medium (unwanted modification, rated as found only)", res.Outcome.Level)
	}
	var keys []string
	for _, f := range res.Findings {
		keys = append(keys, fmt.Sprintf("%s:%s", f.QuestionID, f.Severity))
	}
	if want := []string{"risk-modification:medium"}; !slices.Equal(keys, want) {
		t.Errorf("findings %v, want %v", keys, want)
	}
}

func biGet(t *testing.T, id string) *assess.Questionnaire {
	t.Helper()
	q, ok := biLibrary(t).Get(id)
	if !ok {
		t.Fatalf("%s is missing", id)
	}
	return q
}

func TestPrescreenRecommendations(t *testing.T) {
	q := biGet(t, "prescreen")
	lib := biLibrary(t)
	for _, r := range q.Recommends {
		if _, ok := lib.Get(r.Questionnaire); !ok {
			t.Errorf("the pre-screen recommends %q, which is not in the library", r.Questionnaire)
		}
	}
	nothing := map[string]assess.Value{
		"initiative": {Text: "A new internal tool."}, "personal-data": biChoice("no"), "sector": biChoice("no"),
		"automated-decisions": biChoice("no"), "vendor": biChoice("no"), "license-out": biChoice("no"),
		"anonymized-dataset": biChoice("no"), "cross-border": biChoice("no"),
	}
	with := func(extra map[string]assess.Value) assess.Answers {
		out := assess.Answers{}
		for id, v := range nothing {
			out[id] = assess.Answer{QuestionID: id, Value: v}
		}
		for id, v := range extra {
			out[id] = assess.Answer{QuestionID: id, Value: v}
		}
		return out
	}
	cases := []struct {
		name    string
		answers map[string]assess.Value
		want    []string
	}{
		{"nothing applies", nil, nil},
		{"two EDPB criteria", map[string]assess.Value{
			"personal-data": biChoice("yes"), "high-risk-criteria": biChoices("scoring", "large-scale"), "existing-dpia": biChoice("no"),
		}, []string{"dpia"}},
		{"personal data unsure, three criteria", map[string]assess.Value{
			"personal-data": biChoice("unsure"), "high-risk-criteria": biChoices("monitoring", "sensitive", "vulnerable"), "existing-dpia": biChoice("no"),
		}, []string{"dpia"}},
		{"two criteria but a current DPIA exists", map[string]assess.Value{
			"personal-data": biChoice("yes"), "high-risk-criteria": biChoices("scoring", "large-scale"), "existing-dpia": biChoice("yes"),
		}, nil},
		{"one criterion only", map[string]assess.Value{
			"personal-data": biChoice("yes"), "high-risk-criteria": biChoices("innovative"), "existing-dpia": biChoice("no"),
		}, nil},
		// A kind of processing the authority's Article 35(4) list names
		// needs the DPIA whatever the criteria count; not knowing
		// whether it is named is a reason to check, not to skip it.
		{"one criterion, named on the authority's list", map[string]assess.Value{
			"personal-data": biChoice("yes"), "high-risk-criteria": biChoices("combining"), "authority-list": biChoice("yes"), "existing-dpia": biChoice("no"),
		}, []string{"dpia"}},
		{"no criterion, named on the authority's list", map[string]assess.Value{
			"personal-data": biChoice("yes"), "high-risk-criteria": biChoices("none"), "authority-list": biChoice("yes"), "existing-dpia": biChoice("no"),
		}, []string{"dpia"}},
		{"one criterion, the list not checked", map[string]assess.Value{
			"personal-data": biChoice("yes"), "high-risk-criteria": biChoices("combining"), "authority-list": biChoice("unsure"), "existing-dpia": biChoice("no"),
		}, []string{"dpia"}},
		{"one criterion, not on the list", map[string]assess.Value{
			"personal-data": biChoice("yes"), "high-risk-criteria": biChoices("combining"), "authority-list": biChoice("no"), "existing-dpia": biChoice("no"),
		}, nil},
		{"named on the list, a current DPIA covers it", map[string]assess.Value{
			"personal-data": biChoice("yes"), "high-risk-criteria": biChoices("combining"), "authority-list": biChoice("yes"), "existing-dpia": biChoice("yes"),
		}, nil},
		{"one criterion in a regulated sector", map[string]assess.Value{
			"personal-data": biChoice("yes"), "high-risk-criteria": biChoices("sensitive"), "existing-dpia": biChoice("no"), "sector": biChoice("yes"),
		}, []string{"dpia"}},
		// Employees' data for HR administration is one criterion: the
		// employment sector is the same fact, so it does not count twice
		// (WP248 III.B), but a transfer abroad still adds a second fact.
		{"employees alone in the employment sector", map[string]assess.Value{
			"personal-data": biChoice("yes"), "high-risk-criteria": biChoices("vulnerable"), "existing-dpia": biChoice("no"), "sector": biChoice("yes"),
		}, nil},
		{"employees in the employment sector with transfers abroad", map[string]assess.Value{
			"personal-data": biChoice("yes"), "high-risk-criteria": biChoices("vulnerable"), "existing-dpia": biChoice("no"), "sector": biChoice("yes"),
			"cross-border": biChoice("yes"),
		}, []string{"dpia"}},
		{"vulnerable people with transfers abroad", map[string]assess.Value{
			"personal-data": biChoice("yes"), "high-risk-criteria": biChoices("vulnerable"), "existing-dpia": biChoice("no"),
			"cross-border": biChoice("yes"),
		}, []string{"dpia"}},
		// Children's data used for marketing, profiling or automated
		// decisions, or an online service children use, needs a DPIA on
		// its own (the ICO's Article 35(4) list; the Children's code,
		// standard 2). Other children's data, such as the lessons a
		// parent books for a child, is one WP248 criterion (vulnerable
		// data subjects) like any other: alone it asks for nothing, with
		// a second criterion it makes two.
		{"a service children use", map[string]assess.Value{
			"personal-data": biChoice("yes"), "high-risk-criteria": biChoices("children"), "existing-dpia": biChoice("no"),
		}, []string{"dpia"}},
		{"other children's data alone", map[string]assess.Value{
			"personal-data": biChoice("yes"), "high-risk-criteria": biChoices("children-other"), "existing-dpia": biChoice("no"),
		}, nil},
		// Pupils' data in a school is criterion 7 in the education
		// sector, one fact, as staff data in the employment sector is:
		// alone it asks for nothing, as it asks nothing when the school
		// ticks its teachers beside it; abroad it counts (prescreen
		// 1.13.0; prescreen-primary-school-parents-evening-booking).
		{"other children's data alone in the education sector", map[string]assess.Value{
			"personal-data": biChoice("yes"), "high-risk-criteria": biChoices("children-other"), "existing-dpia": biChoice("no"), "sector": biChoice("yes"),
		}, nil},
		{"other children's data and staff in the education sector", map[string]assess.Value{
			"personal-data": biChoice("yes"), "high-risk-criteria": biChoices("children-other", "vulnerable"), "existing-dpia": biChoice("no"), "sector": biChoice("yes"),
		}, nil},
		{"other children's data in the education sector with transfers abroad", map[string]assess.Value{
			"personal-data": biChoice("yes"), "high-risk-criteria": biChoices("children-other"), "existing-dpia": biChoice("no"), "sector": biChoice("yes"),
			"cross-border": biChoice("yes"),
		}, []string{"dpia"}},
		{"a service children use in the education sector", map[string]assess.Value{
			"personal-data": biChoice("yes"), "high-risk-criteria": biChoices("children"), "existing-dpia": biChoice("no"), "sector": biChoice("yes"),
		}, []string{"dpia"}},
		{"other children's data with their health", map[string]assess.Value{
			"personal-data": biChoice("yes"), "high-risk-criteria": biChoices("children-other", "sensitive"), "existing-dpia": biChoice("no"),
		}, []string{"dpia"}},
		{"none of the criteria in a regulated sector", map[string]assess.Value{
			"personal-data": biChoice("yes"), "high-risk-criteria": biChoices("none"), "existing-dpia": biChoice("no"), "sector": biChoice("yes"),
		}, nil},
		{"criteria answered, then personal data set to no", map[string]assess.Value{
			"personal-data": biChoice("no"), "high-risk-criteria": biChoices("scoring", "large-scale", "sensitive"), "existing-dpia": biChoice("no"),
		}, nil},
		{"automated decisions about people", map[string]assess.Value{
			"personal-data": biChoice("yes"), "high-risk-criteria": biChoices("none"), "existing-dpia": biChoice("no"),
			"automated-decisions": biChoice("decides"),
		}, []string{"dpia", "fairness-aia"}},
		// A decision about a person is made on data about that person:
		// "unsure" whether the data is personal is treated as personal,
		// as the rule for unsure with a criterion says (prescreen
		// 1.13.0). A retailer's shipping fee set per visitor from a
		// cookie ID, no criterion ticked, read fairness-aia only.
		{"automated decisions about people, personal data unsure", map[string]assess.Value{
			"personal-data": biChoice("unsure"), "high-risk-criteria": biChoices("none"), "existing-dpia": biChoice("no"),
			"automated-decisions": biChoice("decides"),
		}, []string{"dpia", "fairness-aia"}},
		{"automated decisions about people, personal data unsure, a current DPIA", map[string]assess.Value{
			"personal-data": biChoice("unsure"), "high-risk-criteria": biChoices("none"), "existing-dpia": biChoice("yes"),
			"automated-decisions": biChoice("decides"),
		}, []string{"fairness-aia"}},
		{"a model assists staff", map[string]assess.Value{"automated-decisions": biChoice("assists")}, []string{"fairness-aia"}},
		{"a model assists staff, no high-risk deployer", map[string]assess.Value{
			"automated-decisions": biChoice("assists"), "ai-act-deployer": biChoice("no"),
		}, []string{"fairness-aia"}},
		{"a bank deploys a credit-scoring model", map[string]assess.Value{
			"automated-decisions": biChoice("decides"), "ai-act-deployer": biChoice("yes"),
		}, []string{"fairness-aia", "eu-ai-act-fria"}},
		{"a high-risk deployer, not sure", map[string]assess.Value{
			"automated-decisions": biChoice("assists"), "ai-act-deployer": biChoice("unsure"),
		}, []string{"fairness-aia", "eu-ai-act-fria"}},
		{"high-risk deployer answered, then no automated decisions", map[string]assess.Value{
			"automated-decisions": biChoice("no"), "ai-act-deployer": biChoice("yes"),
		}, nil},
		{"new vendor", map[string]assess.Value{"vendor": biChoice("yes"), "vendor-assessed": biChoice("no")}, []string{"third-party-due-diligence"}},
		{"vendor already assessed", map[string]assess.Value{"vendor": biChoice("yes"), "vendor-assessed": biChoice("yes")}, nil},
		// Personal data bought or received from a third party: as its
		// recipient we owe the people an Article 14 notice and answer for
		// its source, so the provider is assessed unless it already was
		// for this data.
		{"contact list bought from a list provider", map[string]assess.Value{
			"personal-data": biChoice("yes"), "high-risk-criteria": biChoices("none"), "existing-dpia": biChoice("no"),
			"third-party-data": biChoice("unassessed"),
		}, []string{"third-party-due-diligence"}},
		{"data from a provider already assessed for it", map[string]assess.Value{
			"personal-data": biChoice("yes"), "high-risk-criteria": biChoices("none"), "existing-dpia": biChoice("no"),
			"third-party-data": biChoice("assessed"),
		}, nil},
		{"data from a third party answered, then personal data set to no", map[string]assess.Value{
			"personal-data": biChoice("no"), "third-party-data": biChoice("unassessed"),
		}, nil},
		{"licensing out", map[string]assess.Value{"license-out": biChoice("yes")}, []string{"data-licensing"}},
		{"anonymized dataset", map[string]assess.Value{"anonymized-dataset": biChoice("yes")}, []string{"anonymized-dataset"}},
		{"everything", map[string]assess.Value{
			"personal-data": biChoice("yes"), "high-risk-criteria": biChoices("scoring", "combining"), "existing-dpia": biChoice("no"),
			"automated-decisions": biChoice("assists"), "vendor": biChoice("yes"), "vendor-assessed": biChoice("no"),
			"license-out": biChoice("yes"), "anonymized-dataset": biChoice("yes"),
		}, []string{"dpia", "fairness-aia", "third-party-due-diligence", "data-licensing", "anonymized-dataset"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			answers := with(tc.answers)
			for id, a := range answers {
				qq, _ := q.Question(id)
				if err := qq.Validate(a.Value, nil); err != nil {
					t.Fatal(err)
				}
			}
			res := assess.Score(q, answers, biAssessedOn)
			var got []string
			for _, r := range res.Recommendations {
				if !slices.Contains(got, r.Questionnaire) {
					got = append(got, r.Questionnaire)
				}
				if strings.TrimSpace(r.Reason) == "" {
					t.Errorf("recommendation of %s has no reason", r.Questionnaire)
				}
			}
			slices.Sort(got)
			want := slices.Clone(tc.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("recommended %v, want %v", got, want)
			}
			if len(res.Findings) != 0 {
				t.Errorf("the pre-screen made %d findings", len(res.Findings))
			}
		})
	}
}

// TestDatasetRiskBandsAgainstThreshold: the measured re-identification risk
// is judged against the threshold the organisation approved. With every
// other answer at its best the source data's sensitivity is low and the
// safeguard gaps are 0 points (well below) or 1 × weight 3 = 3 points (up
// to the threshold), both within the low band: dataset risk low × low =
// low. Above the threshold the knock-out makes it critical; never measured,
// high.
func TestDatasetRiskBandsAgainstThreshold(t *testing.T) {
	q := biGet(t, "anonymized-dataset")
	for _, c := range []struct {
		band, want, knockout string
	}{
		{"well-below", "low", ""},
		{"below", "low", ""},
		{"above", "critical", "risk-vs-threshold"},
		{"not-measured", "high", "risk-vs-threshold"},
	} {
		res := assess.Score(q, biAnswers(t, q, false, map[string]assess.Value{"risk-vs-threshold": biChoice(c.band)}), biAssessedOn)
		ko, _ := res.Outcome.Knockout()
		if res.Outcome.Level != c.want || ko.Question != c.knockout {
			t.Errorf("%s: dataset risk %s (knock-out %q), want %s (%q); %s", c.band, res.Outcome.Level, ko.Question, c.want, c.knockout, res.Outcome.Why)
		}
	}
}

// TestDatasetSensitivityFloors: a source that held location traces,
// financial, health or children's data keeps the dataset's sensitivity at
// medium however few points it scores, and pseudonymized data (still
// personal data) is high. With every other answer at its best the
// identifiability is 0 people points + the one kind + the state, of 24:
// health 0 + 3 + 0 = 3 (12.5%), low by its band, medium by its knock-out,
// and medium × safeguards low = low; pseudonymized 0 + 1 + 9 = 10
// (41.7%), medium by its band, high by its knock-out, and high × low =
// medium; de-identified 0 + 1 + 6 = 7 (29.2%), medium by its band alone;
// demographics alone 1 (4.2%), low.
func TestDatasetSensitivityFloors(t *testing.T) {
	checkFloors(t, "anonymized-dataset", "identifiability", "sensitivity", []floorCase{
		{"demographics alone", nil, "1", "low", "", "low"},
		{"health data", map[string]assess.Value{"source-attributes": biChoice("health")}, "3", "medium", "source-attributes", "low"},
		{"location traces", map[string]assess.Value{"source-attributes": biChoice("location")}, "3", "medium", "source-attributes", "low"},
		{"financial data", map[string]assess.Value{"source-attributes": biChoice("financial")}, "2", "medium", "source-attributes", "low"},
		{"children's data", map[string]assess.Value{"source-attributes": biChoice("children")}, "3", "medium", "source-attributes", "low"},
		{"pseudonymized", map[string]assess.Value{"data-state": biChoice("pseudonymized")}, "10", "high", "data-state", "medium"},
		{"de-identified", map[string]assess.Value{"data-state": biChoice("de-identified")}, "7", "medium", "", "low"},
	})
}

// floorCase is one answer under a knock-out on a level read from a
// dimension, every other answer at its best: the dimension's points, the
// level with the question whose knock-out set it ("" for none), and the
// outcome.
type floorCase struct {
	name                    string
	overrides               map[string]assess.Value
	points, level, knockout string
	outcome                 string
}

// checkFloors scores each case of questionnaire id and checks its
// dimension, level, knock-out and outcome.
func checkFloors(t *testing.T, id, dimension, level string, cases []floorCase) {
	t.Helper()
	q := biGet(t, id)
	for _, c := range cases {
		res := assess.Score(q, biAnswers(t, q, false, c.overrides), biAssessedOn)
		d := res.Dimension(dimension)
		l, _ := res.Level(level)
		ko, _ := l.Knockout()
		if d.Value.String() != c.points || l.Level != c.level || ko.Question != c.knockout || res.Outcome.Level != c.outcome {
			t.Errorf("%s: %s %s, %s %s (knock-out %q), outcome %s; want %s, %s (%q), %s\n%s",
				c.name, dimension, d.Value, level, l.Level, ko.Question, res.Outcome.Level, c.points, c.level, c.knockout, c.outcome, res.Outcome.Why)
		}
	}
}

// TestLicensingExposureFloors: record-level data and trained models are at
// least of medium exposure and identified data of high, as the levels'
// meanings say, however few points they score. With every other answer at
// its best (aggregates alone, anonymized, nothing sensitive, at home: 1 of
// 26) the exposure is records 3 (11.5%) or models 2 (7.7%), low by the
// bands and medium by the knock-out, and the deal medium × strong = low;
// identified data 1 + 9 = 10 (38.5%), medium by the bands and high by the
// knock-out, and the deal high × strong = medium.
func TestLicensingExposureFloors(t *testing.T) {
	checkFloors(t, "data-licensing", "exposure", "exposure-level", []floorCase{
		{"aggregates", nil, "1", "low", "", "low"},
		{"record-level data", map[string]assess.Value{"assets": biChoice("records")}, "3", "medium", "assets", "low"},
		{"a trained model", map[string]assess.Value{"assets": biChoice("models")}, "2", "medium", "assets", "low"},
		{"identified data", map[string]assess.Value{"data-form": biChoice("identified")}, "10", "high", "data-form", "medium"},
	})
}

// TestCorrectedMappingsStayCorrected: the loose mappings issue 15 named do
// not come back.
func TestCorrectedMappingsStayCorrected(t *testing.T) {
	cases := []mappingCase{
		{"dpia", "data-map", []string{"A.5.9", "ID.AM-03"}, []string{"A.5.14"}},
		{"dpia", "legal-basis", []string{"A.5.34"}, []string{"A.5.31"}},
		{"dpia", "less-intrusive", []string{"A.5.34"}, []string{"A.8.11"}},
		{"third-party-due-diligence", "return-deletion", []string{"A.8.10", "C1.2"}, []string{"CC6.5", "A.7.14"}},
		{"vendor-security-screen", "deletion", []string{"A.8.10", "C1.2"}, []string{"CC6.5", "A.7.14"}},
	}
	checkMappingCases(t, cases)
}
