package report_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
	"github.com/assay-dev/assay/questionnaires"
)

func govDay(s string) assess.Date {
	d, err := assess.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// section returns the report's "Review and revision" section.
func section(t *testing.T, md string) string {
	t.Helper()
	start := strings.Index(md, "## Review and revision\n")
	end := strings.Index(md, "## Sign-off\n")
	if start < 0 || end < start {
		t.Fatalf("no Review and revision section before Sign-off:\n%s", md)
	}
	return md[start:end]
}

func TestReportGovernance(t *testing.T) {
	q, problems, err := questionnaires.ParseFile(filepath.Join("..", "..", "questionnaires", "testdata", "vendor-tiering.yaml"))
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	a := &assess.Assessment{ID: 5, UUID: "u", Subject: "Acme", Questionnaire: q, AssessedOn: govDay("2026-03-01"), Answers: assess.Answers{},
		Status: assess.Approved, Revision: 2, RevisionOf: 3, SignOffs: []assess.SignOff{
			{Role: assess.RoleAuthor, Name: "Ana", On: govDay("2026-03-02"), Decision: "submitted", Seq: 9},
			{Role: assess.RoleReviewer, Name: "Rui | <b>Reviewer</b>", On: govDay("2026-03-03"), Decision: "approved", Seq: 11},
		}}
	opts := report.Options{Today: govDay("2026-03-10")}
	got := section(t, report.Markdown(assess.Evaluate(a, opts.Today), opts))
	want := "## Review and revision\n\n" +
		"- **State:** approved by Rui \\| &lt;b&gt;Reviewer&lt;/b&gt; on 2026-03-03. It is\n  locked: a change starts a new revision.\n" +
		"- **Revision:** 2, made from approved assessment 3, which is unchanged; this\n  report is of the revision.\n" +
		"- **Approved state:** audit records 1 to 11 of assessment 5; `assay verify 5`\n  checks that none has changed since.\n\n"
	if got != want {
		t.Errorf("approved revision:\n%s\nwant:\n%s", got, want)
	}

	// A rejected privacy assessment with a DPO opinion.
	pq := *q
	pq.Kind = assess.KindPrivacy
	b := &assess.Assessment{ID: 6, UUID: "v", Subject: "Loyalty", Questionnaire: &pq, AssessedOn: govDay("2026-03-01"), Answers: assess.Answers{},
		Status: assess.Rejected, Revision: 1, SignOffs: []assess.SignOff{
			{Role: assess.RoleDPO, Name: "Dee", On: govDay("2026-03-02"), Decision: assess.DPOReservations, Comment: "Shorten retention."},
			{Role: assess.RoleReviewer, Name: "Rui", On: govDay("2026-03-03"), Decision: "rejected", Comment: "Add the transfer safeguards."},
		}}
	got = section(t, report.Markdown(assess.Evaluate(b, opts.Today), opts))
	want = "## Review and revision\n\n" +
		"- **State:** rejected by Rui on 2026-03-03. *Comment:* Add the transfer\n  safeguards.\n" +
		"- **Revision:** 1, the original assessment.\n" +
		"- **DPO opinion:** favourable with reservations, by Dee on 2026-03-02.\n  *Comment:* Shorten retention.\n\n"
	if got != want {
		t.Errorf("rejected privacy assessment:\n%s\nwant:\n%s", got, want)
	}
}
