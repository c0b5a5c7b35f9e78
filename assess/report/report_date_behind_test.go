package report_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
)

// The workspace builds its report view and export from today where the
// analyst is (Options.Today): a colleague in Pago Pago (UTC-11), on
// 2026-12-05, exported the report of an assessment a colleague in
// Kiritimati (UTC+14) had started on their 2026-12-07, and the committee
// read "Report date: 2026-12-05" under "Assessment date: 2026-12-07". The
// report is dated as its evaluation is judged (assess.JudgedOn): the
// assessment date while today is before it.
func TestReportNotDatedBeforeItsAssessment(t *testing.T) {
	q := builtin(t, "vendor-security-screen")
	a := &assess.Assessment{ID: 2, UUID: "u", Subject: "ListCo", Questionnaire: q, AssessedOn: govDay("2026-12-07"), Answers: assess.Answers{}}
	opts := report.Options{Today: govDay("2026-12-05")}
	md := report.Markdown(assess.Evaluate(a, opts.Today), opts)
	if !strings.Contains(md, "**Report date:** 2026-12-07") || strings.Contains(md, "2026-12-05") {
		t.Errorf("a report made on 2026-12-05 of an assessment dated 2026-12-07 is not dated 2026-12-07:\n%.1500s", md)
	}
}

// The workspace's report too: an approver in Kiritimati signed the
// approval on their 2026-12-07 of an assessment dated 2026-12-05; a
// colleague in Pago Pago exported the report on their 2026-12-05 and the
// committee read "Report date: 2026-12-05" above an approval dated
// 2026-12-07. The report is dated on the latest sign-off it shows while
// today is before it (assess.JudgedOn).
func TestReportNotDatedBeforeASignOffItShows(t *testing.T) {
	q := builtin(t, "vendor-security-screen")
	a := &assess.Assessment{ID: 2, UUID: "u", Subject: "ListCo", Questionnaire: q, AssessedOn: govDay("2026-12-05"), Answers: assess.Answers{},
		Status: assess.Approved, SignOffs: []assess.SignOff{
			{Role: assess.RoleAuthor, Name: "Ana Analyst", On: govDay("2026-12-06"), Decision: "submitted"},
			{Role: assess.RoleReviewer, Name: "Rui Reviewer", On: govDay("2026-12-07"), Decision: "approved"},
		}}
	opts := report.Options{Today: govDay("2026-12-05")}
	md := report.Markdown(assess.Evaluate(a, opts.Today), opts)
	if !strings.Contains(md, "**Report date:** 2026-12-07") {
		t.Errorf("a report made on 2026-12-05 showing an approval dated 2026-12-07 is not dated 2026-12-07:\n%.1500s", md)
	}
}
