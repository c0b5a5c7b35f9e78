package questionnaires_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// The built-in vendor security screen, scored by hand. One dimension, risk
// (higher is worse); control questions score yes 0, partial 1, no 2, times
// their weight:
//
//	attestation 3 (high)   policy 1 (medium)        personnel 1 (medium)
//	mfa 3 (high)           access-review 2 (medium) encryption-rest 2 (high)
//	encryption-transit 2 (high)  deletion 1 (medium) vulnerabilities 2 (high)
//	logging 2 (medium)     continuity 1 (medium)    breach-notice 3 (high)
//	subprocessors 2 (medium)
//
// Weights add up to 25, so the maximum is 50 with nothing n/a. Levels:
// low up to 25%, medium over 25% up to 50%, high over 50% up to 75%,
// critical over 75%, of the maximum of what is applicable.
const vendorScenario = `
attestation: {answer: no, note: Certificate expired in 2024., evidence: [ISO certificate 2021-2024]}
policy: partial
personnel: yes
mfa: partial
access-review: na
encryption-rest: yes
encryption-transit: yes
deletion: no
vulnerabilities: yes
logging: partial
continuity: yes
breach-notice: yes`

func vendorScreen(t *testing.T) *assess.Questionnaire {
	t.Helper()
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	q, ok := lib.Get("vendor-security-screen")
	if !ok {
		t.Fatal("vendor-security-screen is missing")
	}
	return q
}

func TestVendorScreenScoredByHand(t *testing.T) {
	q := vendorScreen(t)
	// Assessed on the last day of January, so that deadlines cross the
	// end of February (28 days in 2026) and of other months.
	assessed := assess.NewDate(2026, 1, 31)
	a := &assess.Assessment{Questionnaire: q, AssessedOn: assessed, Answers: answersOf(t, q, vendorScenario)}
	e := assess.Evaluate(a, assessed)
	res := e.Result

	// attestation no 2×3 = 6; policy partial 1×1 = 1; mfa partial 1×3 = 3;
	// deletion no 2×1 = 2; logging partial 1×2 = 2; subprocessors
	// unanswered, counted as its worst, no: 2×2 = 4; the rest yes, 0.
	// access-review n/a leaves the maximum: 50 - 2×2 = 46.
	// Total 6 + 1 + 3 + 2 + 2 + 4 = 18 of 46 = 39.13…%: over 25% (11.5)
	// and up to 50% (23): medium.
	checkDim(t, res, "risk", "18", "18", "46")
	if d := res.Dimension("risk"); d.Percent != dec("39.1") {
		t.Errorf("percent %s, want 39.1", d.Percent)
	}
	if res.Outcome == nil || res.Outcome.ID != "overall" || res.Outcome.Level != "medium" {
		t.Errorf("outcome %+v, want overall medium", res.Outcome)
	}
	if res.Complete || !slices.Equal(res.Unanswered, []string{"subprocessors"}) || res.Answered != 12 || res.Total != 13 {
		t.Errorf("complete %v, unanswered %v, %d of %d", res.Complete, res.Unanswered, res.Answered, res.Total)
	}

	// Findings, most severe first, then in question order: attestation's
	// full gap keeps its high; mfa's partial gap is one below high
	// (medium); deletion's full gap keeps its medium; policy's and
	// logging's partial gaps are one below medium (low). The unanswered
	// subprocessors makes none.
	if got := findingsOf(res); got != "attestation:high mfa:medium deletion:medium policy:low logging:low" {
		t.Errorf("findings %s", got)
	}
	if f := res.Findings[0]; f.Note != "Certificate expired in 2024." || !slices.Equal(f.Evidence, []string{"ISO certificate 2021-2024"}) || f.Partial {
		t.Errorf("attestation finding %+v", f)
	}

	// Due dates with the default deadlines (high 30, medium 90, low 180)
	// from 2026-01-31: + 30 = 2026-03-02 (28 to the end of February, then
	// 2); + 90 = 2026-05-01 (28 + 31 + 30 = 89 to the end of April, then
	// 1); + 180 = 2026-07-30 (89 + 31 + 30 = 150 to the end of June, then
	// 30). The plan is in due-date order.
	var plan []string
	for _, it := range e.Plan {
		plan = append(plan, it.Key()+" "+it.Finding.Severity.String()+" "+it.Due.String())
	}
	want := []string{
		"attestation high 2026-03-02",
		"mfa medium 2026-05-01",
		"deletion medium 2026-05-01",
		"policy low 2026-07-30",
		"logging low 2026-07-30",
	}
	if !slices.Equal(plan, want) {
		t.Errorf("plan\n got %s\nwant %s", strings.Join(plan, "\n     "), strings.Join(want, "\n     "))
	}
	// The screen can give no critical finding; the critical deadline is
	// 15 days: 2026-01-31 + 15 = 2026-02-15.
	crit := assess.BuildPlan([]assess.Finding{{Key: "x", Severity: assess.Critical}}, nil, assess.DefaultDeadlines(), assessed, assessed)
	if crit[0].Due.String() != "2026-02-15" {
		t.Errorf("critical due %s, want 2026-02-15", crit[0].Due)
	}
	// On the last day of the high item's deadline nothing is overdue; the
	// day after, exactly that item is.
	for day, wantOverdue := range map[string]int{"2026-03-02": 0, "2026-03-03": 1, "2026-05-02": 3, "2026-07-31": 5} {
		d, _ := assess.ParseDate(day)
		if _, overdue := assess.Evaluate(a, d).Open(); overdue != wantOverdue {
			t.Errorf("on %s: %d overdue, want %d", day, overdue, wantOverdue)
		}
	}
}

// Either side of the medium boundary, 25% of 46 = 11.5 points.
func TestVendorScreenLevelBoundary(t *testing.T) {
	q := vendorScreen(t)
	base := strings.NewReplacer("mfa: partial", "mfa: yes").Replace(vendorScenario) + "\nsubprocessors: yes"
	// attestation 6 + policy partial 1 + deletion 2 + logging 2 = 11 of 46
	// (23.9%): 11 ≤ 11.5, low.
	res := scoreOf(t, q, base)
	checkDim(t, res, "risk", "11", "11", "46")
	if got := levelOf(t, res, "overall"); got != "low" || !res.Complete {
		t.Errorf("11 of 46: %s (complete %v), want low", got, res.Complete)
	}
	// policy no instead: 6 + 2 + 2 + 2 = 12 of 46 (26.1%): 12 > 11.5, medium.
	res = scoreOf(t, q, strings.Replace(base, "policy: partial", "policy: no", 1))
	checkDim(t, res, "risk", "12", "12", "46")
	if got := levelOf(t, res, "overall"); got != "medium" {
		t.Errorf("12 of 46: %s, want medium", got)
	}
}

// The mappings an auditor corrected stay corrected.
func TestVendorScreenMappings(t *testing.T) {
	q := vendorScreen(t)
	cases := []struct {
		question string
		want     []string
		never    []string
	}{
		{"attestation", []string{"A.5.19", "A.5.22"}, []string{"A.5.35", "CC4.1"}},
		{"deletion", []string{"A.8.10", "A.5.20"}, []string{"A.7.14"}},
		{"vulnerabilities", []string{"A.8.8"}, []string{"A.8.29"}},
	}
	for _, c := range cases {
		qq, ok := q.Question(c.question)
		if !ok {
			t.Fatalf("no question %s", c.question)
		}
		var all []string
		for _, fw := range assess.Frameworks {
			all = append(all, qq.Controls[fw]...)
		}
		for _, id := range c.want {
			if !slices.Contains(all, id) {
				t.Errorf("%s does not map %s: %v", c.question, id, all)
			}
		}
		for _, id := range c.never {
			if slices.Contains(all, id) {
				t.Errorf("%s maps %s again: %v", c.question, id, all)
			}
		}
	}
}
