package report_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
)

// An ISO/IEC 27001 certificate that runs out before the medium deadline
// makes its item due on the expiry, and the plan table says why, in our
// words around the questionnaire's. The payroll bureau of the verdict
// tests (tier high, so no raise; every other control in place), assessed
// on 2026-03-02 and its certificate expiring on 2026-05-04: 63 days on,
// a partial gap, medium; medium's 90 days would end on 2026-05-31 (29 days left in
// March, 30 in April, 31 in May). Moved by hand, the cell says from the
// expiry, and the owner's reason.
func TestPlanDueCellNamesTheCertificatesExpiry(t *testing.T) {
	for _, c := range []struct {
		name string
		edit map[string]assess.PlanEdit
		want string
	}{
		{"by the expiry", nil,
			"| 2026-05-04<br>&#10;*due by:* the certificate's expiry; *the medium severity's deadline of 90 days would end on 2026-05-31* |"},
		{"moved by hand", map[string]assess.PlanEdit{"iso-expiry": {Key: "iso-expiry", Due: govDay("2026-05-20"), DueReason: "audit booked"}},
			"| 2026-05-20<br>&#10;*moved from 2026-05-04, due by:* the certificate's expiry; *reason:* audit booked |"},
	} {
		q, answers := verdictCase(t, "third-party-due-diligence", "tpdd-payroll-bureau-iso-certificate-expires-in-nine-weeks.yaml")
		expiry := answers["iso-expiry"]
		expiry.Value = assess.Value{Date: govDay("2026-05-04")}
		answers["iso-expiry"] = expiry
		a := &assess.Assessment{ID: 2, UUID: "u", Subject: "Payroll bureau", Questionnaire: q, AssessedOn: govDay("2026-03-02"), Answers: answers, PlanEdits: c.edit}
		opts := report.Options{Today: govDay("2026-03-10")}
		md := report.Markdown(assess.Evaluate(a, opts.Today), opts)
		if !strings.Contains(md, c.want) {
			_, plan, _ := strings.Cut(md, "## Remediation plan")
			plan, _, _ = strings.Cut(plan, "\n## ")
			t.Errorf("%s: the plan has no cell\n%s\nin:\n%s", c.name, c.want, plan)
		}
	}
}
