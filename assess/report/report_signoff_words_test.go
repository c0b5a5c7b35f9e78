package report_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
)

// The sign-off table gave the DPO's decision as its identifier,
// "favourable-with-reservations", where the rest of the report says
// "favourable with reservations".
func TestSignOffTableGivesTheDPOOpinionInWords(t *testing.T) {
	a := &assess.Assessment{ID: 6, UUID: "v", Subject: "Loyalty", Questionnaire: privacyTiering(t), AssessedOn: govDay("2026-03-01"),
		Answers: assess.Answers{}, Revision: 1, SignOffs: []assess.SignOff{
			{Role: assess.RoleDPO, Name: "Dee", On: govDay("2026-03-03"), Decision: assess.DPOReservations, Comment: "Shorten retention."},
		}}
	opts := report.Options{Today: govDay("2026-03-10")}
	md := report.Markdown(assess.Evaluate(a, opts.Today), opts)
	if want := "| Data protection officer | Dee | favourable with reservations | 2026-03-03 | Shorten retention. |"; !strings.Contains(md, want) {
		t.Errorf("want the row\n%s\nin:\n%s", want, md)
	}
}
