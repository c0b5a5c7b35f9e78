package questionnaires_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// testdata/coverage.yaml maps questions to overlapping controls. A control
// is a gap if any visible question behind it shows a full gap; else partly
// met if any shows a partial gap, or if some are met and some unanswered;
// met if every answered one is met and none is unanswered (n/a ones aside);
// not yet answered if its questions are all unanswered (or n/a); n/a if all
// are not applicable. Controls behind hidden questions are not listed.
const coverageAnswers = `
hosting: cloud
policy: yes
policy-review: yes
physical: no
mfa: yes
admin-mfa: partial
encryption: no
key-management: yes
monitoring: yes
continuity: na
backups: yes`

func TestFrameworkCoverage(t *testing.T) {
	q := loadTestdata(t, "coverage.yaml")
	res := scoreOf(t, q, coverageAnswers)
	cat := questionnaires.Catalog()
	cases := map[assess.Framework]string{
		// A.5.1: policy met + policy-review met → met.
		// A.5.29: continuity n/a → not applicable.
		// A.5.30: continuity n/a + backups met → met.
		// A.6.3: training unanswered → not yet answered.
		// A.7.1: only behind physical, hidden (hosting is cloud) → absent,
		//        although physical keeps the answer "no".
		// A.8.5: mfa met + admin-mfa partial → partly met.
		// A.8.13: backups met → met.
		// A.8.15: logging unanswered → not yet answered.
		// A.8.16: logging unanswered + monitoring met → partly met.
		// A.8.24: encryption gap + key-management met → gap.
		assess.ISO27001: "A.5.1=met[policy:met policy-review:met] A.5.29=not applicable[continuity:n/a] " +
			"A.5.30=met[continuity:n/a backups:met] A.6.3=not yet answered[training:unanswered] " +
			"A.8.5=partly met[mfa:met admin-mfa:partial] A.8.13=met[backups:met] " +
			"A.8.15=not yet answered[logging:unanswered] A.8.16=partly met[logging:unanswered monitoring:met] " +
			"A.8.24=gap[encryption:gap key-management:met]",
		// GV.PO-01: policy met; GV.PO-02: policy-review met.
		assess.NISTCSF: "GV.PO-01=met[policy:met] GV.PO-02=met[policy-review:met]",
		// CC5.3: policy met. CC6.1: mfa met + admin-mfa partial + encryption gap → gap.
		assess.SOC2: "CC5.3=met[policy:met] CC6.1=gap[mfa:met admin-mfa:partial encryption:gap]",
	}
	for fw, want := range cases {
		cov := assess.Coverage(q, res, cat, fw)
		var got []string
		for _, c := range cov {
			var qs []string
			for _, qr := range c.Questions {
				qs = append(qs, fmt.Sprintf("%s:%s", qr.ID, qr.Status))
			}
			got = append(got, fmt.Sprintf("%s=%s[%s]", c.Control.ID, c.Status, strings.Join(qs, " ")))
		}
		if g := strings.Join(got, " "); g != want {
			t.Errorf("%s:\n got %s\nwant %s", fw, g, want)
		}
	}
	// ISO: 9 controls touched; met A.5.1, A.5.30, A.8.13; partly met A.8.5,
	// A.8.16; gap A.8.24; not yet answered A.6.3, A.8.15; n/a A.5.29.
	s := assess.SummarizeCoverage(assess.ISO27001, assess.Coverage(q, res, cat, assess.ISO27001))
	if s != (assess.CoverageSummary{Framework: assess.ISO27001, Touched: 9, Met: 3, Partial: 2, Gap: 1, Unanswered: 2, NA: 1}) {
		t.Errorf("summary %+v", s)
	}

	// hosting own: physical is shown, and its kept "no" makes A.7.1 a gap.
	res = scoreOf(t, q, strings.Replace(coverageAnswers, "hosting: cloud", "hosting: own", 1))
	for _, c := range assess.Coverage(q, res, cat, assess.ISO27001) {
		if c.Control.ID == "A.7.1" {
			if c.Status != assess.CoverageGap || c.Control.Name == "" {
				t.Errorf("A.7.1: %+v", c)
			}
			return
		}
	}
	t.Error("A.7.1 missing with hosting own")
}
