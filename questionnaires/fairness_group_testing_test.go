package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// TestFairnessNeverTestedByGroupIsNotStrong: a credit-limit model whose
// outcomes were only ever measured overall, with every other measure in
// place, read "strong" mitigation and had its impact score cut by 15%, from
// level III to II, which drops the level III obligations (fairness-aia
// 2.3.0). Measures that never looked at groups say nothing about fairness:
// bias-testing answered no holds mitigation at moderate, and the
// reduction follows the level.
func TestFairnessNeverTestedByGroupIsNotStrong(t *testing.T) {
	with := func(bias string) *assess.Result { return scoreCreditLimitModel(t, "bias-testing", bias) }

	tested := with("yes")
	if got := levelOf(t, tested, "mitigation-level"); got != "strong" {
		t.Fatalf("every measure in place: mitigation %s, want strong", got)
	}
	if got := levelOf(t, tested, "impact-level"); got != "II" {
		t.Fatalf("tested by group, strong: impact level %s, want II (29 × 0.85 = 25 of 55)", got)
	}

	untested := with("no")
	d := untested.Dimension("mitigation")
	if d.Percent < dec("80") {
		t.Fatalf("mitigation %s%%: the case needs the other measures at 80%% or more", d.Percent)
	}
	l, _ := untested.Level("mitigation-level")
	if l.Level != "moderate" || !strings.Contains(l.Why, "never compared across groups") {
		t.Errorf("never tested by group: mitigation %s (%s), want moderate by the knock-out on bias-testing", l.Level, l.Why)
	}
	if got := untested.Dimension("impact").Value.String(); got != "29" {
		t.Errorf("impact %s, want 29: no 15%% reduction without tests by group", got)
	}
	if got := levelOf(t, untested, "impact-level"); got != "III" {
		t.Errorf("impact level %s, want III", got)
	}
	if got := findingsOf(untested); got != "bias-testing:high" {
		t.Errorf("findings %s, want bias-testing:high alone", got)
	}
}

// TestFairnessFailedBiasTestIsNotStrong: a model tested by group whose
// results were outside the agreed limits, and left so, read "strong"
// mitigation and had its impact score cut by 15% (fairness-aia 2.4.0).
// Known, unresolved disparities are not strong mitigation: bias-results
// answered no holds mitigation at moderate, so no reduction; partly
// leaves the level to the points.
func TestFairnessFailedBiasTestIsNotStrong(t *testing.T) {
	with := func(results string) *assess.Result { return scoreCreditLimitModel(t, "bias-results", results) }

	if got := levelOf(t, with("partial"), "mitigation-level"); got != "strong" {
		t.Fatalf("some results outside limits: mitigation %s, want strong from the points", got)
	}

	failed := with("no")
	if d := failed.Dimension("mitigation"); d.Percent < dec("80") {
		t.Fatalf("mitigation %s%%: the case needs the other measures at 80%% or more", d.Percent)
	}
	l, _ := failed.Level("mitigation-level")
	if l.Level != "moderate" || !strings.Contains(l.Why, "outside the agreed limits") {
		t.Errorf("failed bias test: mitigation %s (%s), want moderate by the knock-out on bias-results", l.Level, l.Why)
	}
	if got := failed.Dimension("impact").Value.String(); got != "29" {
		t.Errorf("impact %s, want 29: no 15%% reduction with disparities unresolved", got)
	}
	if got := levelOf(t, failed, "impact-level"); got != "III" {
		t.Errorf("impact level %s, want III", got)
	}
	if got := findingsOf(failed); got != "bias-results:high" {
		t.Errorf("findings %s, want bias-results:high alone", got)
	}
}

// TestFairnessBiasResultsSaysWhichNo: bias-results answered "No, or
// there are no results by group" (fairness-aia 2.5.0) read the same for a
// model whose bias test failed and was left standing and for one never
// measured by group: the report's answer, the knock-out's reason and the
// plan item ("fix the results outside the agreed limits") could not tell
// a committee which, and told one with no results to fix results. Each
// is now its own answer: both hold mitigation at moderate and are high
// findings, each says what it is, and neither claims the other.
func TestFairnessBiasResultsSaysWhichNo(t *testing.T) {
	for _, c := range []struct {
		choice      string
		says, never string // in the answer and the knock-out's reason
	}{
		{"no", "outside", "no results by group"},
		{"not-measured", "no results by group", "outside"},
	} {
		t.Run(c.choice, func(t *testing.T) {
			res := scoreCreditLimitModel(t, "bias-results", c.choice)
			if len(res.Unanswered) > 0 {
				t.Fatalf("%q is not an answer bias-results takes: unanswered %v", c.choice, res.Unanswered)
			}
			qr, _ := res.Question("bias-results")
			l, _ := res.Level("mitigation-level")
			for what, text := range map[string]string{"answer": qr.Answer, "knock-out": l.Why} {
				if !strings.Contains(text, c.says) || strings.Contains(text, c.never) {
					t.Errorf("%s %q: want it to say %q and never %q", what, text, c.says, c.never)
				}
			}
			if l.Level != "moderate" {
				t.Errorf("mitigation %s, want moderate by the knock-out", l.Level)
			}
			if got := findingsOf(res); got != "bias-results:high" {
				t.Errorf("findings %s, want bias-results:high alone", got)
			}
		})
	}
	q := biGet(t, "fairness-aia")
	qq, _ := q.Question("bias-results")
	if !strings.Contains(strings.ToLower(qq.Action), "read every group") {
		t.Errorf("the plan item only fixes results, though there may be none to fix: %s", qq.Action)
	}
}

// TestFairnessIntersectionalTestingSaysWhichNo: intersectional-testing
// answered "No, or no group was compared at all" (fairness-aia 2.6.0)
// read the same for a team that compared groups one by one and stopped
// there and for one that compared nothing, and its plan item ("add
// combinations of groups to the bias tests") assumed tests that may not
// exist. An analyst whose combination (older women) failed its limit
// had no answer that said so: the only "no" was here, a medium finding,
// while a single group failing reads bias-results no, high and held at
// moderate. Now "no" means groups compared one by one only, "not
// measured" means none compared at all, both scored as before; and a
// combination outside its limit is a failed result, answered at
// bias-results, as the help of both questions says.
func TestFairnessIntersectionalTestingSaysWhichNo(t *testing.T) {
	for _, c := range []struct {
		choice, bias string
		says, never  string // in the answer as the report reads it
	}{
		{"no", "yes", "one by one", "no group"},
		{"not-measured", "no", "no group", "one by one"},
	} {
		t.Run(c.choice, func(t *testing.T) {
			res := scoreCreditLimitModelWith(t, map[string]assess.Value{
				"bias-testing": biChoice(c.bias), "intersectional-testing": biChoice(c.choice),
			})
			qr, _ := res.Question("intersectional-testing")
			if !strings.Contains(qr.Answer, c.says) || strings.Contains(qr.Answer, c.never) {
				t.Errorf("answer %q: want it to say %q and never %q", qr.Answer, c.says, c.never)
			}
			if qr.Points.String() != "0" {
				t.Errorf("points %s, want 0: combinations untested either way", qr.Points)
			}
			if !strings.Contains(findingsOf(res), "intersectional-testing:medium") {
				t.Errorf("findings %s, want intersectional-testing:medium", findingsOf(res))
			}
		})
	}
	q := biGet(t, "fairness-aia")
	for id, says := range map[string]string{
		// Where a failed combination is answered, in both questions' help.
		"intersectional-testing": "outside its limit",
		"bias-results":           "combination",
	} {
		qq, _ := q.Question(id)
		if !strings.Contains(qq.Help, says) {
			t.Errorf("%s's help never says %q: a combination outside its limit has no answer that fits", id, says)
		}
	}
	// The failed combination read where it belongs: a known disparity,
	// high and held at moderate, as for a single group.
	failed := scoreCreditLimitModelWith(t, map[string]assess.Value{
		"intersectional-testing": biChoice("yes"), "bias-results": biChoice("no"),
	})
	if got := levelOf(t, failed, "mitigation-level"); got != "moderate" {
		t.Errorf("a combination outside its limit: mitigation %s, want moderate", got)
	}
}

// scoreCreditLimitModel scores fairness-aia for the bank's credit-limit
// model the tests above rate (consumer finance, 300,000 people a year,
// age and postcode as proxies, a complex in-house model that recommends),
// every measure in place but question, answered choice.
func scoreCreditLimitModel(t *testing.T, question, choice string) *assess.Result {
	t.Helper()
	return scoreCreditLimitModelWith(t, map[string]assess.Value{question: biChoice(choice)})
}

// scoreCreditLimitModelWith is scoreCreditLimitModel with several
// measures answered otherwise.
func scoreCreditLimitModelWith(t *testing.T, answers map[string]assess.Value) *assess.Result {
	t.Helper()
	q := biGet(t, "fairness-aia")
	over := map[string]assess.Value{
		"decision-area": biChoice("finance"), "affected-people": biChoice("consumers"),
		"people-per-year": biNumber(300000), "significance": biChoice("significant"),
		"reversibility": biChoice("with-effort"), "automation": biChoice("recommends"),
		"protected-characteristics": biChoices("age", "proxies"), "model-type": biChoice("complex"),
		"feedback-loop": biChoice("yes"), "supplier": biChoice("in-house"),
		"ai-act-class": biChoice("high-risk"),
	}
	for id, v := range answers {
		over[id] = v
	}
	return assess.Score(q, biAnswers(t, q, false, over), biAssessedOn)
}
