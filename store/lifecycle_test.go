package store

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// signingDay is a clock for tests that sign on days after testDB's: a
// signature cannot be dated after today (assess.SignOffDateRefused).
var signingDay = time.Date(2026, 3, 9, 9, 0, 0, 0, time.UTC)

// testDB opens a fresh database whose clock reads 2026-03-02 09:00 UTC,
// and returns it with the vendor-tiering test questionnaire.
func testDB(t *testing.T) (*DB, *assess.Questionnaire) {
	t.Helper()
	db := fixedClock(openAt(t, tempPath(t)), time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	q, problems, err := questionnaires.ParseFile(filepath.Join("..", "questionnaires", "testdata", "vendor-tiering.yaml"))
	if err != nil || len(problems) > 0 {
		t.Fatalf("loading vendor-tiering: %v %v", err, problems)
	}
	return db, q
}

func as(name string) context.Context { return assess.WithActor(context.Background(), name) }

func choice(id string, v string) assess.Answer {
	return assess.Answer{QuestionID: id, Value: assess.Value{Choices: []string{v}}}
}

// completeAnswers answers every vendor-tiering question: special category
// data (sensitivity 3, high), a severe outage that is hard to replace
// (criticality 2 + 1 = 3, high): a critical tier; MFA missing.
func completeAnswers() []assess.Answer {
	return []assess.Answer{
		choice("data-class", "special"), choice("outage-impact", "severe"), choice("substitutable", "hard"),
		choice("mfa", "no"), choice("encryption", "yes"), choice("breach-notice", "yes"), choice("subprocessors", "yes"),
	}
}

func newAssessment(t *testing.T, db *DB, q *assess.Questionnaire, subject string, on assess.Date, answers []assess.Answer) *assess.Assessment {
	t.Helper()
	a := &assess.Assessment{Subject: subject, SubjectKind: "vendor", Reviewer: "Ana Analyst", Questionnaire: q, AssessedOn: on}
	if err := db.CreateAssessment(as("Ana Analyst"), a); err != nil {
		t.Fatal(err)
	}
	if len(answers) > 0 {
		if err := db.SaveAnswers(as("Ana Analyst"), a.ID, answers); err != nil {
			t.Fatal(err)
		}
	}
	return a
}

func wantCode(t *testing.T, err error, code, contains string) {
	t.Helper()
	if err == nil {
		t.Fatalf("want a %s error containing %q, got none", code, contains)
	}
	if assess.ErrorCode(err) != code || !strings.Contains(err.Error(), contains) {
		t.Fatalf("want a %s error containing %q, got %s: %v", code, contains, assess.ErrorCode(err), err)
	}
}

func day(s string) assess.Date {
	d, err := assess.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestLifecycleApproveLocksEverything(t *testing.T) {
	contract(t, contractLifecycleApproveLocksEverything)
}

func contractLifecycleApproveLocksEverything(t *testing.T) {
	db, q := testDB(t)
	fixedClock(db, signingDay) // the signatures below are dated up to 2026-03-06
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers())

	// Approving a draft is refused: it must be submitted first.
	_, err := db.Review(as("Rui Reviewer"), a.ID, assess.ActApprove, day("2026-03-02"), "")
	wantCode(t, err, assess.EConflict, "submit it for review first")

	got, err := db.Review(as("Ana Analyst"), a.ID, assess.ActSubmit, day("2026-03-02"), "Ready for review")
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != assess.InReview {
		t.Fatalf("after submit: %s, want in-review", got.Status)
	}
	got, err = db.Review(as("Rui Reviewer"), a.ID, assess.ActApprove, day("2026-03-03"), "Agreed with the plan")
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != assess.Approved {
		t.Fatalf("after approve: %s, want approved", got.Status)
	}
	// create + 7 answers = 8 records; submit adds signoff (9) and status (10);
	// the approval signs the state at record 10.
	want := []assess.SignOff{
		{Role: assess.RoleAuthor, Name: "Ana Analyst", On: day("2026-03-02"), Decision: "submitted", Comment: "Ready for review", Seq: 8},
		{Role: assess.RoleReviewer, Name: "Rui Reviewer", On: day("2026-03-03"), Decision: "approved", Comment: "Agreed with the plan", Seq: 10},
	}
	if len(got.SignOffs) != len(want) {
		t.Fatalf("sign-offs: %+v", got.SignOffs)
	}
	for i, w := range want {
		g := got.SignOffs[i]
		if g.Role != w.Role || g.Name != w.Name || g.On != w.On || g.Decision != w.Decision || g.Comment != w.Comment || g.Seq != w.Seq {
			t.Errorf("sign-off %d: got %+v, want %+v", i, g, w)
		}
	}

	// Approving twice names who approved.
	_, err = db.Review(as("Someone Else"), a.ID, assess.ActApprove, day("2026-03-04"), "")
	wantCode(t, err, assess.EConflict, "already approved (approved by Rui Reviewer on 2026-03-03)")
	// Nothing in it can change.
	wantCode(t, db.SaveAnswer(as("Ana Analyst"), a.ID, choice("mfa", "yes")), assess.ELocked, "approved and locked")
	wantCode(t, editPlan(as("Ana Analyst"), db, a.ID, assess.PlanEdit{Key: "mfa", Owner: "Ops"}), assess.ELocked, "approved and locked")
	_, err = db.Review(as("Rui Reviewer"), a.ID, assess.ActReject, day("2026-03-04"), "changed my mind")
	wantCode(t, err, assess.ELocked, "approved and locked")
	_, err = db.Review(as("Ana Analyst"), a.ID, assess.ActSubmit, day("2026-03-04"), "")
	wantCode(t, err, assess.ELocked, "approved and locked")

	// Nor can any other path: the database refuses it too.
	for _, stmt := range []string{
		`UPDATE answers SET value = '{"choices":["yes"]}' WHERE assessment_id = 1 AND question_id = 'mfa'`,
		`DELETE FROM answers WHERE assessment_id = 1`,
		`INSERT INTO plan_edits (assessment_id, finding_key, edit, updated_at) VALUES (1, 'mfa', '{}', 'x')`,
		`UPDATE assessments SET status = 'draft' WHERE id = 1`,
		`UPDATE assessments SET assessed_on = '2027-01-01' WHERE id = 1`,
		`DELETE FROM signoffs WHERE assessment_id = 1`,
		`DELETE FROM assessments WHERE id = 1`,
	} {
		if _, err := db.sql.Exec(stmt); err == nil || !strings.Contains(err.Error(), "locked") && !strings.Contains(err.Error(), "never") {
			t.Errorf("%s: want the lock to refuse it, got %v", stmt, err)
		}
	}
	again, err := db.Assessment(as("x"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if again.Answers["mfa"].Value.Choices[0] != "no" || again.Status != assess.Approved {
		t.Fatalf("approved assessment changed: %+v %s", again.Answers["mfa"], again.Status)
	}
	// Nor is it archived (TestArchivingASignedAssessmentIsRefused).
}

func TestLifecycleRefusals(t *testing.T) { contract(t, contractLifecycleRefusals) }

func contractLifecycleRefusals(t *testing.T) {
	db, q := testDB(t)
	fixedClock(db, signingDay) // the signatures below are dated up to 2026-03-06
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers()[:3])

	// Signing without a name: no actor at all is "unknown", which is no name.
	_, err := db.Review(context.Background(), a.ID, assess.ActSubmit, day("2026-03-02"), "")
	wantCode(t, err, assess.EInvalid, "signing needs a name")
	_, err = db.Review(as("   "), a.ID, assess.ActSubmit, day("2026-03-02"), "")
	wantCode(t, err, assess.EInvalid, "signing needs a name")

	if _, err := db.Review(as("Ana Analyst"), a.ID, assess.ActSubmit, day("2026-03-02"), ""); err != nil {
		t.Fatal(err)
	}
	_, err = db.Review(as("Ana Analyst"), a.ID, assess.ActSubmit, day("2026-03-02"), "")
	wantCode(t, err, assess.EConflict, "already in review")
	// 3 of 7 answered: approval is refused until it is complete.
	_, err = db.Review(as("Rui Reviewer"), a.ID, assess.ActApprove, day("2026-03-02"), "")
	wantCode(t, err, assess.EConflict, "3 of 7 questions answered")
	// A rejection says why.
	_, err = db.Review(as("Rui Reviewer"), a.ID, assess.ActReject, day("2026-03-02"), "")
	wantCode(t, err, assess.EInvalid, "needs a comment")
	got, err := db.Review(as("Rui Reviewer"), a.ID, assess.ActReject, day("2026-03-02"), "Answer the control questions")
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != assess.Rejected {
		t.Fatalf("status %s, want rejected", got.Status)
	}
	// A rejected assessment can be changed and resubmitted.
	if err := db.SaveAnswers(as("Ana Analyst"), a.ID, completeAnswers()[3:]); err != nil {
		t.Fatal(err)
	}
	if got, err = db.Review(as("Ana Analyst"), a.ID, assess.ActSubmit, day("2026-03-05"), ""); err != nil || got.Status != assess.InReview {
		t.Fatalf("resubmit: %v %v", got, err)
	}
	if got, err = db.Review(as("Rui Reviewer"), a.ID, assess.ActApprove, day("2026-03-06"), ""); err != nil || got.Status != assess.Approved {
		t.Fatalf("approve: %v %v", got, err)
	}
	// A DPO opinion belongs to privacy assessments.
	_, err = db.RecordDPOOpinion(as("Dee Pio"), a.ID, day("2026-03-06"), assess.DPOFavourable, "")
	wantCode(t, err, assess.EInvalid, "privacy assessments")
	if _, err := db.Assessment(as("x"), 99); assess.ErrorCode(err) != assess.ENotFound {
		t.Fatalf("missing assessment: %v", err)
	}
}

func TestRevisionOfApprovedAssessment(t *testing.T) {
	contract(t, contractRevisionOfApprovedAssessment)
}

func contractRevisionOfApprovedAssessment(t *testing.T) {
	db, q := testDB(t)
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers())
	if err := editPlan(as("Ana Analyst"), db, a.ID, assess.PlanEdit{Key: "mfa", Owner: "Vendor security team"}); err != nil {
		t.Fatal(err)
	}
	_, err := db.Revise(as("Ana Analyst"), a.ID)
	wantCode(t, err, assess.EConflict, "not approved: change it directly")
	mustReview(t, db, a.ID, "Ana Analyst", assess.ActSubmit)
	mustReview(t, db, a.ID, "Rui Reviewer", assess.ActApprove)

	rev, err := db.Revise(as("Ana Analyst"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if rev.ID == a.ID || rev.Revision != 2 || rev.RevisionOf != a.ID || rev.Status != assess.Draft || rev.SubjectID != a.SubjectID ||
		rev.AssessedOn != a.AssessedOn || rev.Questionnaire.Digest != q.Digest || len(rev.SignOffs) != 0 {
		t.Fatalf("revision: id %d rev %d of %d status %s subject %d date %s signoffs %d", rev.ID, rev.Revision, rev.RevisionOf, rev.Status, rev.SubjectID, rev.AssessedOn, len(rev.SignOffs))
	}
	if len(rev.Answers) != 7 || rev.Answers["mfa"].Value.Choices[0] != "no" || rev.Answers["mfa"].UpdatedBy != "Ana Analyst" {
		t.Fatalf("answers not copied: %+v", rev.Answers)
	}
	if rev.PlanEdits["mfa"].Owner != "Vendor security team" {
		t.Fatalf("plan edits not copied: %+v", rev.PlanEdits)
	}
	// The revision can change; the approved one cannot.
	if err := db.SaveAnswer(as("Ana Analyst"), rev.ID, choice("mfa", "yes")); err != nil {
		t.Fatal(err)
	}
	orig, _ := db.Assessment(as("x"), a.ID)
	if orig.Answers["mfa"].Value.Choices[0] != "no" {
		t.Fatal("editing the revision changed the approved assessment")
	}
	// One revision per approved assessment.
	_, err = db.Revise(as("Ana Analyst"), a.ID)
	wantCode(t, err, assess.EConflict, "already has a revision, assessment 2")
	// The revision's trail starts by naming the approved one and its head.
	evs, err := db.Events(as("x"), rev.ID)
	if err != nil {
		t.Fatal(err)
	}
	if evs[0].Kind != "revise" || !strings.Contains(evs[0].New, `"revision_of":1`) || !strings.Contains(evs[0].New, `"revision_of_head":"`+headOf(t, db, a.ID)+`"`) {
		t.Fatalf("first record of the revision: %+v", evs[0])
	}
	// Approving the revision and revising it again makes revision 3.
	mustReview(t, db, rev.ID, "Ana Analyst", assess.ActSubmit)
	mustReview(t, db, rev.ID, "Rui Reviewer", assess.ActApprove)
	rev3, err := db.Revise(as("Ana Analyst"), rev.ID)
	if err != nil || rev3.Revision != 3 || rev3.RevisionOf != rev.ID {
		t.Fatalf("revision 3: %+v %v", rev3, err)
	}
}

func mustReview(t *testing.T, db *DB, id int64, who string, act assess.Action) {
	t.Helper()
	if _, err := db.Review(as(who), id, act, day("2026-03-02"), ""); err != nil {
		t.Fatal(err)
	}
}

func headOf(t *testing.T, db *DB, id int64) string {
	t.Helper()
	var head string
	if err := db.sql.QueryRow(`SELECT event_head FROM assessments WHERE id = ?`, id).Scan(&head); err != nil {
		t.Fatal(err)
	}
	return head
}

// Every change is in the trail with who made it and the old and new value.
func TestAuditTrailRecordsEveryChange(t *testing.T) {
	contract(t, contractAuditTrailRecordsEveryChange)
}

func contractAuditTrailRecordsEveryChange(t *testing.T) {
	db, q := testDB(t)
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), nil)
	steps := []func() error{
		func() error { return db.SaveAnswer(as("Ana"), a.ID, choice("mfa", "no")) },
		func() error {
			return db.SaveAnswer(as("Ana"), a.ID, assess.Answer{QuestionID: "mfa", Value: assess.Value{Choices: []string{"no"}}, Note: "SMS only"})
		},
		func() error { return editPlan(as("Ana"), db, a.ID, assess.PlanEdit{Key: "mfa", Owner: "Ops"}) },
		func() error {
			_, err := db.Review(as("Ana"), a.ID, assess.ActSubmit, day("2026-03-02"), "")
			return err
		},
		func() error {
			_, err := db.Review(as("Ana"), a.ID, assess.ActWithdraw, day("2026-03-02"), "")
			return err
		},
		func() error { return db.SetArchived(as("Bo"), a.ID, true) },
	}
	for i, f := range steps {
		if err := f(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	evs, err := db.Events(as("x"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	type rec struct{ kind, target, actor, old, new string }
	want := []rec{
		{"create", "assessment", "Ana Analyst", "", ""},
		{"answer", "mfa", "Ana", "", `"note":""`},
		{"answer", "mfa", "Ana", `"note":""`, `"note":"SMS only"`},
		{"plan", "mfa", "Ana", "", `"owner":"Ops"`},
		{"signoff", "author", "Ana", "", `"decision":"submitted"`},
		{"status", "assessment", "Ana", `"draft"`, `"in-review"`},
		{"signoff", "author", "Ana", "", `"decision":"withdrawn"`},
		{"status", "assessment", "Ana", `"in-review"`, `"draft"`},
		{"archive", "assessment", "Bo", `false`, `true`},
	}
	if len(evs) != len(want) {
		t.Fatalf("%d records, want %d: %+v", len(evs), len(want), evs)
	}
	for i, w := range want {
		e := evs[i]
		if e.Kind != w.kind || e.Target != w.target || e.Actor != w.actor || !strings.Contains(e.Old, w.old) || !strings.Contains(e.New, w.new) {
			t.Errorf("record %d: got %s %s by %s old=%s new=%s, want %+v", i+1, e.Kind, e.Target, e.Actor, e.Old, e.New, w)
		}
		if e.At != "2026-03-02T09:00:00Z" {
			t.Errorf("record %d at %q", i+1, e.At)
		}
	}
	if evs[1].Old != "" {
		t.Errorf("first answer has an old value: %s", evs[1].Old)
	}
}

func TestDPOOpinionOnPrivacyAssessment(t *testing.T) {
	contract(t, contractDPOOpinionOnPrivacyAssessment)
}

func contractDPOOpinionOnPrivacyAssessment(t *testing.T) {
	db, _ := testDB(t)
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	q, ok := lib.Get("dpia")
	if !ok {
		t.Fatal("no built-in dpia")
	}
	a := newAssessment(t, db, q, "Loyalty analytics", day("2026-03-01"), nil)
	_, err = db.RecordDPOOpinion(as("Dee Pio"), a.ID, day("2026-03-02"), "maybe", "")
	wantCode(t, err, assess.EInvalid, `unknown DPO opinion "maybe"`)
	_, err = db.RecordDPOOpinion(as("Dee Pio"), a.ID, day("2026-03-02"), assess.DPOUnfavourable, "")
	wantCode(t, err, assess.EInvalid, "needs a comment")
	got, err := db.RecordDPOOpinion(as("Dee Pio"), a.ID, day("2026-03-02"), "Favourable-With-Reservations", "Shorten retention to 12 months")
	if err != nil {
		t.Fatal(err)
	}
	op, ok := got.DPOOpinion()
	if !ok || op.Name != "Dee Pio" || op.Decision != assess.DPOReservations || op.Comment != "Shorten retention to 12 months" || op.On != day("2026-03-02") {
		t.Fatalf("DPO opinion: %+v %v", op, ok)
	}
	if got.Status != assess.Draft {
		t.Fatalf("a DPO opinion changed the state to %s", got.Status)
	}
	evs, _ := db.Events(as("x"), a.ID)
	if last := evs[len(evs)-1]; last.Kind != "signoff" || last.Target != "dpo" || last.Actor != "Dee Pio" {
		t.Fatalf("last record: %+v", last)
	}
}

// With FourEyes, the store refuses an approval by the submitter, inside
// the transaction, and leaves the assessment in review.
func TestFourEyesApproval(t *testing.T) { contract(t, contractFourEyesApproval) }

func contractFourEyesApproval(t *testing.T) {
	db, q := testDB(t)
	fixedClock(db, signingDay) // the signatures below are dated up to 2026-03-06
	db.FourEyes = true
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers())
	mustReview(t, db, a.ID, "Ana Analyst", assess.ActSubmit)
	_, err := db.Review(as("ana analyst"), a.ID, assess.ActApprove, day("2026-03-03"), "")
	wantCode(t, err, assess.EConflict, "cannot approve assessment 1: Ana Analyst submitted it for review on 2026-03-02")
	if got, _ := db.Assessment(as("x"), a.ID); got.Status != assess.InReview || len(got.SignOffs) != 1 {
		t.Fatalf("after the refusal: %s with %d signatures, want in review with 1", got.Status, len(got.SignOffs))
	}
	if got, err := db.Review(as("Rui Reviewer"), a.ID, assess.ActApprove, day("2026-03-03"), ""); err != nil || got.Status != assess.Approved {
		t.Fatalf("approval by someone else: %v", err)
	}
}

// What changed in review is read from the audit trail, in its order, not
// from the times stored beside the answers: a machine whose clock is
// behind the submitter's (or someone who edits those times in the
// database) could otherwise hide a change from the approver. An answer
// changed and changed back is what was submitted, and is not named.
func TestChangedInReviewFollowsTheTrail(t *testing.T) {
	contract(t, contractChangedInReviewFollowsTheTrail)
}

func contractChangedInReviewFollowsTheTrail(t *testing.T) {
	db, q := testDB(t)
	clock := signingDay
	db.Now = func() time.Time { clock = clock.Add(time.Second); return clock }
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers())
	save := func(who string, answers ...assess.Answer) {
		t.Helper()
		if err := db.SaveAnswers(as(who), a.ID, answers); err != nil {
			t.Fatal(err)
		}
	}
	plan := func(who, key, owner string) {
		t.Helper()
		if err := editPlan(as(who), db, a.ID, assess.PlanEdit{Key: key, Owner: owner}); err != nil {
			t.Fatal(err)
		}
	}
	save("Ana", choice("breach-notice", "no"))
	plan("Ana", "breach-notice", "IT")
	if _, err := db.Review(as("Ana"), a.ID, assess.ActSubmit, day("2026-03-02"), ""); err != nil {
		t.Fatal(err)
	}
	// Another analyst, on a machine an hour behind: encryption changed,
	// and its new plan item given an owner; mfa and breach-notice's owner
	// changed and changed back.
	clock = clock.Add(-time.Hour)
	save("Bo", choice("encryption", "no"), choice("mfa", "yes"))
	save("Bo", choice("mfa", "no"))
	plan("Bo", "encryption", "Ops")
	plan("Bo", "breach-notice", "Sec")
	plan("Bo", "breach-notice", "IT")
	// And the times beside the answers and plan edits set back by hand.
	for _, table := range []string{"answers", "plan_edits"} {
		if _, err := db.sql.ExecContext(as("x"), `UPDATE `+table+` SET updated_at = ?`, "2020-01-01T00:00:00Z"); err != nil {
			t.Fatal(err)
		}
	}
	got, err := db.Assessment(as("Rui"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if ids := got.QuestionsChangedInReview(); strings.Join(ids, " ") != "encryption" {
		t.Errorf("answers changed in review: %v, want encryption (mfa went back to what was submitted)", ids)
	}
	if keys := got.PlanEditedInReview(); strings.Join(keys, " ") != "encryption" {
		t.Errorf("plan items edited in review: %v, want encryption (breach-notice's owner went back to IT)", keys)
	}
	approved, err := db.Review(as("Rui"), a.ID, assess.ActApprove, day("2026-03-03"), "")
	if err != nil {
		t.Fatal(err)
	}
	if ids, keys := approved.QuestionsChangedInReview(), approved.PlanEditedInReview(); strings.Join(ids, " ") != "encryption" || strings.Join(keys, " ") != "encryption" {
		t.Errorf("once approved: answers %v and plan items %v changed in review, want encryption and encryption", ids, keys)
	}
}

// What changed in review reads the same from both stores, an answer
// cleared in review among it.
func TestChangedInReviewIsStored(t *testing.T) {
	contract(t, contractChangedInReviewIsStored)
}

func contractChangedInReviewIsStored(t *testing.T) {
	db, q := testDB(t)
	clock := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { clock = clock.Add(time.Second); return clock }
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), nil)
	if err := db.SaveAnswers(as("Ana"), a.ID, []assess.Answer{choice("mfa", "no"), choice("encryption", "yes")}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Review(as("Ana"), a.ID, assess.ActSubmit, day("2026-03-02"), ""); err != nil {
		t.Fatal(err)
	}
	// A plan item edited, one answer changed, one cleared (kept as an
	// empty answer, so seen).
	if err := editPlan(as("Ana"), db, a.ID, assess.PlanEdit{Key: "mfa", Owner: "Ops"}); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveAnswers(as("Ana"), a.ID, []assess.Answer{choice("mfa", "yes"), {QuestionID: "encryption"}}); err != nil {
		t.Fatal(err)
	}
	got, err := db.Assessment(as("Bo"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	ids := got.QuestionsChangedInReview()
	if slices.Sort(ids); strings.Join(ids, " ") != "encryption mfa" {
		t.Errorf("changed in review: %v, want encryption and mfa", ids)
	}
	if plan := got.PlanEditedInReview(); strings.Join(plan, " ") != "mfa" {
		t.Errorf("plan items edited in review: %v, want mfa", plan)
	}
}
