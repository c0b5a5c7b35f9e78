package assess_test

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// A committee member comparing last year's fairness review with this
// year's read "Review: approved … → rejected by Rui Costa …", as if this
// year's were a rejection to rework and submit again, though its answers
// describe a practice the EU AI Act prohibits (ai-act-class answered
// prohibited: the knock-out with forbids_use). Each side's status and
// its review now say that the system must not be used, whatever the
// status: a rejection is the committee's decision that it must not, and
// an approval an older assay recorded does not allow it. Last year's,
// minimal risk, says nothing of the kind. Worked by hand from the
// sign-offs below.
func TestCompareSaysAProhibitedPracticeMustNotBeUsed(t *testing.T) {
	q, problems, err := questionnaires.ParseFile(filepath.Join("..", "questionnaires", "builtin", "fairness-aia.yaml"))
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	from := &assess.Assessment{ID: 1, Questionnaire: q, AssessedOn: diffDay("2025-03-01"), Status: assess.Approved,
		Answers: answersOf(pick("ai-act-class", "minimal")),
		SignOffs: []assess.SignOff{
			signed(assess.RoleAuthor, "Dana Reyes", "2025-03-03", "submitted", ""),
			signed(assess.RoleReviewer, "Rui Costa", "2025-03-10", "approved", ""),
		}}
	to := &assess.Assessment{ID: 2, Questionnaire: q, AssessedOn: diffDay("2026-03-01"), Status: assess.Rejected,
		Answers: answersOf(pick("ai-act-class", "prohibited")),
		SignOffs: []assess.SignOff{
			signed(assess.RoleAuthor, "Dana Reyes", "2026-03-02", "submitted", ""),
			signed(assess.RoleReviewer, "Rui Costa", "2026-03-05", "rejected", "Article 5"),
		}}
	today := diffDay("2026-03-10")
	d := assess.Compare(assess.Evaluate(from, today), assess.Evaluate(to, today))
	want := assess.ItemFieldChange{Field: "Review", Old: "approved by Rui Costa on 2025-03-10",
		New: `rejected by Rui Costa on 2026-03-05 ("Article 5"); the system must not be used`}
	if len(d.Review) == 0 || !reflect.DeepEqual(d.Review[0], want) {
		t.Errorf("review:\n got %+v\nwant %+v", d.Review, want)
	}
	if got, want := d.From.StatusWords(), "approved"; got != want {
		t.Errorf("last year's status: %q, want %q", got, want)
	}
	if got, want := d.To.StatusWords(), "rejected, must not be used"; got != want {
		t.Errorf("this year's status: %q, want %q", got, want)
	}

	// Approved by an older assay, and archived since: the approval does
	// not allow the use.
	to.Status, to.Archive = assess.Approved, assess.ArchivedInAssay
	to.SignOffs[1] = signed(assess.RoleReviewer, "Rui Costa", "2026-03-05", "approved", "")
	e := assess.Evaluate(to, today)
	if got, want := assess.ReviewText(e), "approved by Rui Costa on 2026-03-05, archived; the system must not be used"; got != want {
		t.Errorf("an older approval:\n got %s\nwant %s", got, want)
	}
	if got, want := e.StatusWords(), "approved, must not be used"; got != want {
		t.Errorf("an older approval's status: %q, want %q", got, want)
	}
}
