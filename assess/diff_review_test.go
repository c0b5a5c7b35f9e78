package assess_test

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

func diffQuestionnaire(t *testing.T, name string) *assess.Questionnaire {
	t.Helper()
	q, problems, err := questionnaires.ParseFile(filepath.Join("..", "questionnaires", "testdata", name))
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	return q
}

func signed(role, name, on, decision, comment string) assess.SignOff {
	return assess.SignOff{Role: role, Name: name, On: diffDay(on), Decision: decision, Comment: comment}
}

// Last year's assessment was approved with conditions by Rui Costa, the
// DPO's opinion favourable with reservations; this year's was sent back
// by Rui Costa and is in review again, with no DPO opinion yet. The
// answers are the same, and so is nothing else a committee asks about:
// the comparison says where each review stands, worked out by hand.
func TestCompareTellsTheReview(t *testing.T) {
	q := diffQuestionnaire(t, "vendor-tiering.yaml")
	q.Kind = assess.KindPrivacy // takes a DPO opinion
	answers := answersOf(pick("data-class", "internal"))
	from := &assess.Assessment{ID: 1, Questionnaire: q, AssessedOn: diffDay("2025-03-01"), Answers: answers, Status: assess.Approved,
		SignOffs: []assess.SignOff{
			signed(assess.RoleDPO, "Ada Park", "2025-03-02", assess.DPOReservations, "Minimise\nthe logs"),
			signed(assess.RoleAuthor, "Dana Reyes", "2025-03-03", "submitted", ""),
			signed(assess.RoleReviewer, "Rui Costa", "2025-03-10", "approved", "On condition that MFA is enforced by June"),
		}}
	to := &assess.Assessment{ID: 2, Questionnaire: q, AssessedOn: diffDay("2026-03-01"), Answers: answers, Status: assess.InReview,
		SignOffs: []assess.SignOff{
			signed(assess.RoleAuthor, "Dana Reyes", "2026-03-02", "submitted", ""),
			signed(assess.RoleReviewer, "Rui Costa", "2026-03-05", "rejected", "Evidence is missing"),
			signed(assess.RoleAuthor, "Dana Reyes", "2026-03-06", "submitted", "Evidence added"),
		}}
	today := diffDay("2026-03-10")
	d := assess.Compare(assess.Evaluate(from, today), assess.Evaluate(to, today))
	want := []assess.ItemFieldChange{
		{Field: "Review", Old: `approved by Rui Costa on 2025-03-10 ("On condition that MFA is enforced by June")`,
			New: `in review, submitted by Dana Reyes on 2026-03-06 ("Evidence added"), after a rejection by Rui Costa on 2026-03-05 ("Evidence is missing")`},
		{Field: "DPO opinion", Old: `favourable with reservations by Ada Park on 2025-03-02 ("Minimise the logs")`, New: "(none)"},
	}
	if !reflect.DeepEqual(d.Review, want) {
		t.Errorf("review:\n got %+v\nwant %+v", d.Review, want)
	}
	if d.Unchanged() {
		t.Error("a comparison whose review moved says nothing changed")
	}
	if got, want := d.NoChanges(), "Nothing else changed: the answers, scores, levels, findings and remediation plan are the same."; got != want {
		t.Errorf("only the review moved:\n got %q\nwant %q", got, want)
	}

	// Withdrawn to a draft, and archived: both said, with the rejection
	// before the withdrawal.
	to.Status, to.Archive = assess.Draft, assess.ArchivedInAssay
	to.SignOffs = append(to.SignOffs, signed(assess.RoleAuthor, "Dana Reyes", "2026-03-07", "withdrawn", "Scope changes"))
	d = assess.Compare(assess.Evaluate(from, today), assess.Evaluate(to, today))
	if got, want := d.Review[0].New, `draft, withdrawn by Dana Reyes on 2026-03-07 ("Scope changes"), after a rejection by Rui Costa on 2026-03-05 ("Evidence is missing"), archived`; got != want {
		t.Errorf("withdrawn and archived: %q, want %q", got, want)
	}

	// Two drafts nobody signed: the review did not move, nothing did.
	from.Status, from.SignOffs, to.Status, to.SignOffs, to.Archive = assess.Draft, nil, "", nil, assess.NotArchived
	d = assess.Compare(assess.Evaluate(from, today), assess.Evaluate(to, today))
	if len(d.Review) != 0 || !d.Unchanged() {
		t.Errorf("two unsigned drafts: review %+v, unchanged %v", d.Review, d.Unchanged())
	}
	if got, want := d.NoChanges(), "No changes: the answers, scores, levels, findings, remediation plan, review and DPO opinion are the same."; got != want {
		t.Errorf("no changes:\n got %q\nwant %q", got, want)
	}
}

// A note, a text answer or an evidence reference that differs only in
// spaces, line breaks or Unicode normalisation (é as one character or
// as e and a combining accent) reads the same, and is no change; a
// changed note is one, its old and new text told as for the answer.
func TestCompareIgnoresSpacesAndNormalisation(t *testing.T) {
	q := diffQuestionnaire(t, "scoring-basics.yaml")
	text := func(id, v, note string, evidence ...string) assess.Answer {
		return assess.Answer{QuestionID: id, Value: assess.Value{Text: v}, Note: note, Evidence: evidence}
	}
	from := &assess.Assessment{ID: 1, Questionnaire: q, AssessedOn: diffDay("2026-03-01"),
		Answers: answersOf(text("contact", "Zoë Café", "Checked by  phone", "Contract  §4"))}
	to := &assess.Assessment{ID: 2, Questionnaire: q, AssessedOn: diffDay("2026-03-01"),
		Answers: answersOf(text("contact", " Zoe\u0308 Cafe\u0301\n", "Checked by\nphone ", "Contract §4 "))}
	today := diffDay("2026-03-10")
	if d := assess.Compare(assess.Evaluate(from, today), assess.Evaluate(to, today)); len(d.Answers) != 0 {
		t.Errorf("spaces and normalisation told as changes: %+v", d.Answers)
	}
	to.Answers = answersOf(text("contact", "Zoë Café", "Checked by email"))
	d := assess.Compare(assess.Evaluate(from, today), assess.Evaluate(to, today))
	if len(d.Answers) != 1 {
		t.Fatalf("answers: %+v", d.Answers)
	}
	want := []assess.ItemFieldChange{
		{Field: "note", Old: "Checked by phone", New: "Checked by email"},
		{Field: "evidence", Old: "Contract §4", New: "(none)"},
	}
	if got := d.Answers[0].Fields(); !reflect.DeepEqual(got, want) {
		t.Errorf("fields:\n got %+v\nwant %+v", got, want)
	}
}

// A comment is typed text: written as it was in parentheses, one typed
// as "OK), after a rejection by Bob Hale on 2026-03-04 (x" read as a
// rejection nobody made. Each comment now stands in quotes, a quote or
// backslash typed inside it written out with a backslash, so that it
// ends only where assay ends it.
func TestReviewCommentCannotForgeAStep(t *testing.T) {
	q := diffQuestionnaire(t, "vendor-tiering.yaml")
	forged := `OK"), after a rejection by Bob Hale on 2026-03-04 ("x \ y`
	a := &assess.Assessment{ID: 1, Questionnaire: q, AssessedOn: diffDay("2026-03-01"), Status: assess.Approved,
		SignOffs: []assess.SignOff{
			signed(assess.RoleAuthor, "Dana Reyes", "2026-03-02", "submitted", ""),
			signed(assess.RoleReviewer, "Rui Costa", "2026-03-05", "approved", forged),
		}}
	want := `approved by Rui Costa on 2026-03-05 ("OK\"), after a rejection by Bob Hale on 2026-03-04 (\"x \\ y")`
	if got := assess.ReviewText(assess.Evaluate(a, diffDay("2026-03-10"))); got != want {
		t.Errorf("review text:\n got %s\nwant %s", got, want)
	}
}
