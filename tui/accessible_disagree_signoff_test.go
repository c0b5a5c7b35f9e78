package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/tui"
)

// Accessible mode's sign-off refuses a submission whose answers disagree
// and nobody explained, as the workspace's does, and then asks, right
// there, why both answers stand: it reads the check's words and the
// answers, records the line typed as the workspace's D does (escape
// sequences typed in never reach the output or the store), reads back
// what was recorded, and offers the decisions again, so that a
// screen-reader user submits without leaving accessible mode.
func TestAccessibleSignOffExplainsUnexplainedDisagreement(t *testing.T) {
	e := newEnv(t)
	e.createFrom("disagree.yaml", "Loan model")
	text := e.accessible(strings.Join([]string{
		"1", "1", "2", "b", // yes, not measured: the check holds; then the assessment's choices
		"3", "1", "Ready", // sign off: submit, refused
		"Only single groups\x1b[31m were in the data",
		"1", "y", // the decisions offered again: submit, with the comment typed before
		"q",
	}, "\n") + "\n")
	for _, want := range []string{
		"Not signed: cannot submit assessment 1: a consistency check finds answers that disagree, and nobody has explained why: groups-tested-yet-none-compared",
		"Consistency check groups-tested-yet-none-compared: Bias testing compared groups, yet no group was compared. Answers: bias-testing \"yes\", intersectional-testing \"not-measured\".",
		"Why do both answers stand? Type it on one line, press Enter alone to leave it unexplained, or q to quit:",
		"Recorded for groups-tested-yet-none-compared: explained by Dana Reyes on ",
		": Only single groups were in the data.",
		"Every disagreement is explained; you can submit again.",
		"Signed: submitted by Dana Reyes on",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "\x1b") || strings.Contains(text, "assay explain") {
		t.Errorf("an escape sequence, or a shell command, in the output:\n%q", text)
	}
	got := e.load(1)
	if got.Status != assess.InReview || len(got.SignOffs) != 1 {
		t.Errorf("state %s with %d signatures; want in review, signed once", got.Status, len(got.SignOffs))
	}
	if len(got.Explanations) != 1 || got.Explanations[0].By != "Dana Reyes" || got.Explanations[0].Check != "groups-tested-yet-none-compared" ||
		got.Explanations[0].Text != "Only single groups were in the data" {
		t.Errorf("explanations stored: %+v", got.Explanations)
	}
}

// Enter alone at the question gives up: nothing is recorded, it says so,
// and the assessment stays an unsigned draft.
func TestAccessibleSignOffExplanationGivenUp(t *testing.T) {
	e := newEnv(t)
	e.createFrom("disagree.yaml", "Loan model")
	text := e.accessible(strings.Join([]string{
		"1", "1", "2", "b",
		"3", "1", "Ready",
		"", // gives up
		"q",
	}, "\n") + "\n")
	want := "Nothing was recorded: groups-tested-yet-none-compared is still unexplained, so assessment 1 cannot be submitted until it is explained or one of its answers changed."
	if !strings.Contains(text, want) {
		t.Errorf("accessible output lacks %q:\n%s", want, text)
	}
	if strings.Contains(text, "Recorded for") || strings.Contains(text, "Signed:") {
		t.Errorf("said something was recorded or signed:\n%s", text)
	}
	if got := e.load(1); got.Status != assess.Draft || len(got.SignOffs) != 0 || len(got.Explanations) != 0 {
		t.Errorf("state %s, %d signatures, explanations %+v; want an unsigned draft, nothing explained", got.Status, len(got.SignOffs), got.Explanations)
	}
}

// Two checks that hold are asked about one after another, each with its
// own words and answers; an explanation the store refuses (too long) is
// said and asked again, and once both are explained the submission goes
// through.
func TestAccessibleSignOffExplainsSeveralDisagreements(t *testing.T) {
	e := newEnv(t)
	e.createFrom("disagree-twice.yaml", "Loan model")
	text := e.accessible(strings.Join([]string{
		"1", "1", "2", "2", // yes, not measured, report not read: both checks hold
		"3", "1", "Ready", // submit, refused
		strings.Repeat("x", assess.MaxExplanationLength+1), // refused by the store
		"Single groups only",
		"The report goes to the ethics board next month",
		"1", "y",
		"q",
	}, "\n") + "\n")
	first := strings.Index(text, "Consistency check groups-tested-yet-none-compared: ")
	second := strings.Index(text, "Consistency check tested-yet-report-unread: Bias testing was done, yet nobody outside the team read its report. Answers: bias-testing \"yes\", report-read \"no\".")
	if first < 0 || second < first {
		t.Errorf("the two checks are not read one after another:\n%s", text)
	}
	for _, want := range []string{
		"Not recorded: the explanation is 2001 characters long; the limit is 2000.",
		"Recorded for groups-tested-yet-none-compared: explained by Dana Reyes on ",
		"Recorded for tested-yet-report-unread: explained by Dana Reyes on ",
		"Every disagreement is explained; you can submit again.",
		"Signed: submitted by Dana Reyes on",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, text)
		}
	}
	if got := e.load(1); got.Status != assess.InReview || len(got.Explanations) != 2 {
		t.Errorf("state %s, explanations %+v; want in review, two explained", got.Status, got.Explanations)
	}
}

// The read-out of an answer that makes a check hold says how to explain
// it in accessible mode, the way the sign-off offers, and no shell
// command.
func TestAccessibleDisagreementSaysHowToExplain(t *testing.T) {
	e := newEnv(t)
	e.createFrom("disagree.yaml", "Loan model")
	text := e.accessible("1\n1\n2\nq\n")
	want := "compared.\nTo explain why both answers stand, type b and then 3 to sign it off: a submission refused for this asks you why. Or change one of the answers.\n"
	if !strings.Contains(text, want) {
		t.Errorf("accessible output lacks %q:\n%s", want, text)
	}
}

// Under a locale that is not UTF-8 the whole exchange is ASCII, the
// explanation typed with letters ASCII lacks included.
func TestAccessibleExplainingIsASCII(t *testing.T) {
	e := newEnv(t)
	e.createFrom("disagree.yaml", "Loan model")
	d := e.deps()
	d.ASCII = true
	var out strings.Builder
	in := strings.Join([]string{"1", "1", "2", "b", "3", "1", "Ready", "Only na\u00efve groups \u2014 none combined", "q"}, "\n") + "\n"
	if err := tui.RunAccessible(context.Background(), d, strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	if !strings.Contains(text, "Recorded for groups-tested-yet-none-compared") {
		t.Errorf("nothing recorded:\n%s", text)
	}
	for i, r := range text {
		if r > 127 {
			t.Fatalf("non-ASCII %q at byte %d:\n%s", r, i, text)
		}
	}
}

// An approval refused because an answer changed in review made a check
// hold is explained the same way, and the approval then goes through.
func TestAccessibleApprovalExplainsDisagreementChangedInReview(t *testing.T) {
	e := newEnv(t)
	a := e.createFrom("disagree.yaml", "Loan model")
	ctx := assess.WithActor(context.Background(), "Omar Diaz")
	single := func(q, v string) assess.Answer {
		return assess.Answer{QuestionID: q, Value: assess.Value{Choices: []string{v}}, Source: assess.ByAnalyst, Reviewed: true}
	}
	if err := e.db.SaveAnswers(ctx, a.ID, []assess.Answer{single("bias-testing", "yes"), single("intersectional-testing", "measured"), single("reviewed", "yes")}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.db.Review(ctx, a.ID, assess.ActSubmit, testToday, ""); err != nil {
		t.Fatal(err)
	}
	if err := e.db.SaveAnswers(ctx, a.ID, []assess.Answer{single("intersectional-testing", "not-measured")}); err != nil {
		t.Fatal(err)
	}
	text := e.accessible(strings.Join([]string{
		"1", "3", "1", "", // approve, the first decision offered, no comment: refused
		"The combinations are measured next quarter",
		"1", "",
		"q",
	}, "\n") + "\n")
	for _, want := range []string{
		"Not signed: cannot approve assessment 1: a consistency check finds answers that disagree",
		"Recorded for groups-tested-yet-none-compared: explained by Dana Reyes on ",
		"Every disagreement is explained; you can approve again.",
		"Signed: approved by Dana Reyes on",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, text)
		}
	}
	if got := e.load(a.ID); got.Status != assess.Approved {
		t.Errorf("state %s; want approved", got.Status)
	}
}

// The comment typed before a refusal for answers that disagree is not
// asked for again as if never typed: once the explanations are given and
// the same decision chosen, it is read back, and y keeps it (n asks for
// another). Before, the person typed the comment twice, and a screen
// reader gave no hint of what had been typed the first time.
func TestAccessibleSignOffKeepsTheCommentTypedBeforeTheRefusal(t *testing.T) {
	for _, tc := range []struct {
		name  string
		after []string // from the decisions offered again
		want  string   // the comment signed
	}{
		{"kept", []string{"1", "y"}, "Ready: tested on the March data"},
		{"retyped", []string{"1", "n", "Ready once explained"}, "Ready once explained"},
		{"asked again", []string{"1", "maybe", "y"}, "Ready: tested on the March data"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			e.createFrom("disagree.yaml", "Loan model")
			in := append([]string{"1", "1", "2", "b", "3", "1", "Ready: tested on the\x1b[31m March data", "Only single groups were in the data"}, tc.after...)
			text := e.accessible(strings.Join(append(in, "q"), "\n") + "\n")
			want := "Your comment, typed before the refusal: \"Ready: tested on the March data\". Type y to sign with it, or n to type another:"
			if !strings.Contains(text, want) {
				t.Errorf("accessible output lacks %q:\n%s", want, text)
			}
			if n := strings.Count(text, "Comment for the signature"); n != 1+strings.Count(strings.Join(tc.after, ","), "n,") {
				t.Errorf("asked for the comment %d times:\n%s", n, text)
			}
			if tc.name == "asked again" && !strings.Contains(text, "Type y or n.") {
				t.Errorf("an answer other than y or n is not said:\n%s", text)
			}
			got := e.load(1)
			if got.Status != assess.InReview || len(got.SignOffs) != 1 || got.SignOffs[0].Comment != tc.want {
				t.Errorf("state %s, signatures %+v; want in review with the comment %q", got.Status, got.SignOffs, tc.want)
			}
		})
	}
}
