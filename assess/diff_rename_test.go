package assess_test

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

func renamedControls(t *testing.T, version string) *assess.Questionnaire {
	t.Helper()
	q, problems, err := questionnaires.ParseFile(filepath.Join("..", "questionnaires", "testdata", "renamed", "controls-"+version+".yaml"))
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	return q
}

// Last year's assessment under version 1.0.0 and this year's under
// 2.0.0, which renames mfa to mfa-all-access and breach-notice to
// incident-notice (replaces), drops logging and adds pentest. A renamed
// question's answer is compared with the old ID's, not told as one
// question removed and another added.
func TestCompareMatchesRenamedQuestions(t *testing.T) {
	v1, v2 := renamedControls(t, "v1"), renamedControls(t, "v2")
	mfaNo := pick("mfa", "no")
	mfaNo.Note = "SMS codes only"
	mfaYes := pick("mfa-all-access", "yes")
	mfaYes.Note = "Hardware keys"
	from := &assess.Assessment{ID: 1, Questionnaire: v1, AssessedOn: diffDay("2025-03-01"), Answers: answersOf(
		mfaNo, pick("encryption", "yes"), pick("breach-notice", "partial"), pick("logging", "yes"))}
	to := &assess.Assessment{ID: 2, Questionnaire: v2, AssessedOn: diffDay("2026-03-01"), Answers: answersOf(
		mfaYes, pick("encryption", "yes"), pick("incident-notice", "partial"), pick("pentest", "no"))}
	today := diffDay("2026-03-10")
	got := assess.Compare(assess.Evaluate(from, today), assess.Evaluate(to, today))

	if want := map[string]string{"mfa-all-access": "mfa", "incident-notice": "breach-notice"}; !reflect.DeepEqual(got.Renamed, want) {
		t.Errorf("renamed %v, want %v (mfa-admins is asked by neither)", got.Renamed, want)
	}
	// In this year's order, then logging, which only last year's asks.
	// encryption is the same; incident-notice is Partly as breach-notice
	// was, so it has not changed.
	wantAnswers := []assess.AnswerChange{
		{QuestionID: "mfa-all-access", RenamedFrom: "mfa", Question: "Is multi-factor authentication enforced for all access to our data?",
			Old: "No", New: "Yes, in place", OldNote: "SMS codes only", NewNote: "Hardware keys"},
		{QuestionID: "pentest", Question: "Has the service had an independent penetration test this year?", New: "No"},
		{QuestionID: "logging", Question: "Are access logs kept for a year?", Old: "Yes, in place"},
	}
	if !reflect.DeepEqual(got.Answers, wantAnswers) {
		t.Errorf("answers:\n got %+v\nwant %+v", got.Answers, wantAnswers)
	}
	if l := got.Answers[0].Label(); l != "mfa-all-access (renamed from mfa)" {
		t.Errorf("label %q", l)
	}
	if l := got.Answers[1].Label(); l != "pentest" {
		t.Errorf("label %q", l)
	}

	// Gaps (control points yes 0, partly 1, no 2; four questions, max 8):
	// mfa 2 + breach-notice 1 = 3 of 8 -> incident-notice 1 + pentest 2 =
	// 3 of 8: 37.5% both, residual medium both. Nothing moved.
	if len(got.Dimensions) != 0 || len(got.Levels) != 0 {
		t.Errorf("dimensions %+v, levels %+v: want none moved", got.Dimensions, got.Levels)
	}

	// From: mfa no (full gap, high), breach-notice partly (high - 1 =
	// medium). To: incident-notice partly (medium), pentest no (medium).
	// breach-notice's finding is incident-notice's, at the same severity.
	keys := func(fs []assess.Finding) []string {
		var out []string
		for _, f := range fs {
			out = append(out, f.Key+":"+f.Severity.String())
		}
		return out
	}
	if k := keys(got.Opened); !reflect.DeepEqual(k, []string{"pentest:medium"}) {
		t.Errorf("opened %v", k)
	}
	if k := keys(got.Closed); !reflect.DeepEqual(k, []string{"mfa:high"}) {
		t.Errorf("closed %v", k)
	}
	if len(got.Changed) != 0 {
		t.Errorf("changed %+v", got.Changed)
	}
	// incident-notice's plan item is breach-notice's a year on: its
	// default due date moved with the assessment's date, no change.
	if len(got.Plan) != 0 || !got.DueShifted {
		t.Errorf("plan %+v, due shifted %v: want no change, the due date shifted", got.Plan, got.DueShifted)
	}

	want := "The questionnaires differ (renamed-controls 1.0.0 → renamed-controls 2.0.0): answers are matched by question ID " +
		"(or, for a question renamed, by the ID it replaces), and a question only one of them asks is told with (none) on the other side."
	if n := got.QuestionnaireNote("→"); n != want {
		t.Errorf("note:\n got %s\nwant %s", n, want)
	}
}

// A renamed question whose answer moved is told with both answers side
// by side, under its new ID and the old.
func TestCompareRenamedQuestionsAnswerMoved(t *testing.T) {
	v1, v2 := renamedControls(t, "v1"), renamedControls(t, "v2")
	from := &assess.Assessment{ID: 1, Questionnaire: v1, AssessedOn: diffDay("2025-03-01"), Answers: answersOf(pick("breach-notice", "partial"))}
	to := &assess.Assessment{ID: 2, Questionnaire: v2, AssessedOn: diffDay("2026-03-01"), Answers: answersOf(pick("incident-notice", "no"))}
	today := diffDay("2026-03-10")
	got := assess.Compare(assess.Evaluate(from, today), assess.Evaluate(to, today))
	want := []assess.AnswerChange{{QuestionID: "incident-notice", RenamedFrom: "breach-notice",
		Question: "Must the vendor notify us of incidents within 72 hours?", Old: "Partly", New: "No"}}
	if !reflect.DeepEqual(got.Answers, want) {
		t.Fatalf("answers:\n got %+v\nwant %+v", got.Answers, want)
	}
	// Partly (high - 1 = medium) -> no (high): the finding moved, under
	// its new key.
	wantChanged := []assess.FindingChange{{Key: "incident-notice", Question: "Must the vendor notify us of incidents within 72 hours?", Old: assess.Medium, New: assess.High}}
	if !reflect.DeepEqual(got.Changed, wantChanged) || len(got.Opened) != 0 || len(got.Closed) != 0 {
		t.Errorf("changed %+v, opened %v, closed %v", got.Changed, got.Opened, got.Closed)
	}
	// The same version compared with itself renames nothing.
	if same := assess.Compare(assess.Evaluate(to, today), assess.Evaluate(to, today)); len(same.Renamed) != 0 || !same.Empty() {
		t.Errorf("self-comparison: renamed %v, empty %v", same.Renamed, same.Empty())
	}
}
