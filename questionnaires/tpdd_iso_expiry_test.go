package questionnaires_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// The ISO/IEC 27001 certificate's expiry date makes a finding in two
// cases: the certificate has already expired, or it runs out within three
// months. One action serves both, so it must say what to do in each: an
// expired certificate cannot be renewed "before the current one expires",
// and a reviewer wants the new certificate, or the recertification
// audit's result, now. The deadline must follow: an expired certificate
// was a medium finding, due in 90 days, and one running out in nine weeks
// a low one, due in 180, three months after it would have lapsed.
func TestTPDDISOExpiryActionFitsExpiredAndExpiring(t *testing.T) {
	q := biGet(t, "third-party-due-diligence")
	qn, ok := q.Question("iso-expiry")
	if !ok {
		t.Fatal("no iso-expiry")
	}
	action := strings.Join(strings.Fields(qn.Action), " ")
	for _, w := range []string{
		"has expired",                          // the expired case is named
		"now",                                  // and is not put off
		"recertification audit's",              // its result is evidence too
		"before it expires",                    // the expiring case keeps its timing
		"no current ISO/IEC 27001 certificate", // what an expired one means meanwhile
	} {
		if !strings.Contains(action, w) {
			t.Errorf("iso-expiry's action does not say %q: %q", w, action)
		}
	}
	if strings.Contains(action, "before the current one expires") {
		t.Errorf("iso-expiry's action still asks for the renewal before the current one expires, also of one that has: %q", action)
	}

	// The plan, by hand from the default deadlines (high 30, medium 90)
	// counted from 2026-01-10: expired, a full gap at the question's
	// high, due 2026-02-09 (21 days to the end of January, then 9);
	// expiring on 2026-03-15, a partial gap one step lower, medium, whose
	// 90 days would end on 2026-04-10 (21 + 28 + 31 = 80 to the end of
	// March, then 10), after the certificate has lapsed: due on the
	// expiry date itself (third-party-due-diligence 3.16.0's lapse).
	for _, c := range []struct{ file, want string }{
		{"tpdd-payroll-bureau-iso-certificate-expired-three-weeks-ago.yaml", "iso-expiry high 2026-02-09"},
		{"tpdd-payroll-bureau-iso-certificate-expires-in-nine-weeks.yaml", "iso-expiry medium 2026-03-15"},
	} {
		path := filepath.Join("testdata", "verdicts", c.file)
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		res := assess.Score(q, answersFile(t, path, src, q), assessedOn)
		plan := assess.BuildPlan(res.Findings, nil, assess.DefaultDeadlines(), assessedOn, assessedOn)
		var got []string
		for _, it := range plan {
			got = append(got, it.Key()+" "+it.Finding.Severity.String()+" "+it.Due.String())
		}
		if strings.Join(got, "; ") != c.want {
			t.Errorf("%s: plan %q, want %q", c.file, got, c.want)
		}
	}
}

// The same bureau as tpdd-payroll-bureau-everything-in-place.yaml, its
// certificate expired or running out; each file's header gives the hand
// calculation and what the reviewer signs.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			// Expired three weeks ago: a high finding, due in a month.
			file: "tpdd-payroll-bureau-iso-certificate-expired-three-weeks-ago.yaml", outcome: "low",
			levels:   map[string]string{"data-sensitivity": "medium", "business-criticality": "high", "tier": "high", "control-gaps": "low"},
			dims:     map[string]string{"exposure": "13 of 35", "criticality": "17 of 20", "gaps": "2 of 230"},
			findings: "iso-expiry:high",
		},
		verdictCase{
			// Runs out in nine weeks: medium, due within the quarter.
			file: "tpdd-payroll-bureau-iso-certificate-expires-in-nine-weeks.yaml", outcome: "low",
			levels:   map[string]string{"data-sensitivity": "medium", "business-criticality": "high", "tier": "high", "control-gaps": "low"},
			dims:     map[string]string{"exposure": "13 of 35", "criticality": "17 of 20", "gaps": "1 of 230"},
			findings: "iso-expiry:medium",
		},
	)
}
