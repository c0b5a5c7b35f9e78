package questionnaires_test

import (
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// A gap below the level where a finding_if obligation starts makes no
// finding and shows "answered", but it is no evidence that a control is
// met: the measure is missing, and only not required at this level.
// Coverage once counted it as met, so an auditor reading the helpdesk
// suggestions' NIST CSF coverage saw DE.AE-06 met with no alert
// thresholds at all.
//
// Worked by hand on fairness-helpdesk-article-suggestions-internal.yaml
// (impact level I; independent-review "no" is below its level II,
// monitoring-alerts "no" below its level III), from fairness-aia's
// mappings (docs/mappings.md):
//
//	DE.AE-06  monitoring-alerts (gap, not required)           -> not required at this level (was met)
//	PI1.4     accuracy-targets, accuracy-by-group,
//	          production-monitoring, drift-monitoring (met),
//	          monitoring-alerts (gap, not required)           -> partly met (was met)
//	CC4.1     adversarial-testing (partial),
//	          independent-review (gap, not required)          -> partly met (as before, from the partial)
//	ISO 27001: no control behind either question: 10 touched, 8 met,
//	          1 partly met (A.8.29), 1 n/a, as before.
//	NIST CSF: 9 touched: 6 met, 1 partly met (ID.IM-02), 1 n/a (PR.DS-10),
//	          1 not required (DE.AE-06); it read 7 met.
//	SOC 2:    14 touched: 8 met, 2 partly met (CC4.1, PI1.4), 4 n/a; it
//	          read 9 met.
func TestCoverageGapBelowFindingIfLevelIsNotMet(t *testing.T) {
	q := biGet(t, "fairness-aia")
	res := vendorCaseResult(t, q, "fairness-helpdesk-article-suggestions-internal.yaml")
	if got := levelOf(t, res, "impact-level"); got != "I" {
		t.Fatalf("impact level %s, want I", got)
	}
	for _, id := range []string{"monitoring-alerts", "independent-review"} {
		r := questionOf(t, res, id)
		if r.Status != assess.StatusInfo || !r.GapNotRequired {
			t.Errorf("%s: status %s, gap not required %v; want answered, a gap not required at this level", id, r.Status, r.GapNotRequired)
		}
	}
	if r := questionOf(t, res, "drift-monitoring"); r.GapNotRequired {
		t.Error("drift-monitoring, met, is marked a gap not required")
	}
	cat := questionnaires.Catalog()
	want := map[string]assess.CoverageStatus{
		"DE.AE-06": assess.CoverageNotRequired, "PI1.4": assess.CoveragePartial, "CC4.1": assess.CoveragePartial,
		"A.8.29": assess.CoveragePartial, "DE.CM-09": assess.CoverageMet,
	}
	sums := map[assess.Framework]assess.CoverageSummary{
		assess.ISO27001: {Framework: assess.ISO27001, Touched: 10, Met: 8, Partial: 1, NA: 1},
		assess.NISTCSF:  {Framework: assess.NISTCSF, Touched: 9, Met: 6, Partial: 1, NA: 1, NotRequired: 1},
		assess.SOC2:     {Framework: assess.SOC2, Touched: 14, Met: 8, Partial: 2, NA: 4},
	}
	for f, sum := range sums {
		cov := assess.Coverage(q, res, cat, f)
		for _, c := range cov {
			if w, ok := want[c.Control.ID]; ok && c.Status != w {
				t.Errorf("%s %s is %q, want %q", f, c.Control.ID, c.Status, w)
			}
		}
		if got := assess.SummarizeCoverage(f, cov); got != sum {
			t.Errorf("%s summary %+v, want %+v", f, got, sum)
		}
	}
}
