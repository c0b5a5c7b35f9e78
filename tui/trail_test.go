package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// trailEnv is one vendor screen whose MFA answer Dana gave as no and Sam
// changed to yes with a note in two lines: records 1 (created), 2, 3.
func trailEnv(t *testing.T) *env {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	save := func(who, choice, note string) {
		ans := assess.Answer{QuestionID: "mfa", Value: assess.Value{Choices: []string{choice}}, Note: note}
		if err := e.db.SaveAnswer(assess.WithActor(context.Background(), who), a.ID, ans); err != nil {
			t.Fatal(err)
		}
	}
	save("Dana Reyes", "no", "")
	save("Sam Lee", "yes", "Enforced for admins.\nStaff from June.")
	return e
}

// h on the portfolio shows the assessment's trail, verified, with who
// changed what; the list keys scroll it; esc goes back.
func TestTrailScreen(t *testing.T) {
	e := trailEnv(t)
	f := e.startSized(e.deps(), 80, 12)
	f.waitFor("Acme Cloud Ltd")
	f.press("h")
	f.waitFor("Acme Cloud Ltd · #1 audit trail", "Audit trail verified (as assay verify checks it): 3 records.", "#1  ", "Dana Reyes", "assessment created")
	f.press("G")
	f.waitFor("#3  ", "Sam Lee", "answer changed: mfa", "answer: No → Yes, for every person who can reach our data", "note: Enforced for admins. …",
		"mfa note, in full:", "Enforced for admins.", "Staff from June.")
	f.press("g")
	f.waitFor("Audit trail verified")
	f.press("esc")
	f.waitFor("sorted by")
}

// Accessible mode reads the trail out line by line, from the
// assessment's choices: 5 says whether it verifies, and a reads every
// record (after the verdict again).
func TestAccessibleTrail(t *testing.T) {
	e := trailEnv(t)
	out := e.accessible(lines("1", "b", "5", "a", "q")) // open it, leave its questions, hear its whole trail
	want := strings.Join([]string{
		"Audit trail verified (as assay verify checks it): 3 records.",
		"",
		"#1  ",
	}, "\n")
	i := strings.LastIndex(out, "Audit trail verified")
	if i < 0 || !strings.HasPrefix(out[i:], want) {
		t.Fatalf("accessible trail:\n%s", out)
	}
	for _, line := range []string{
		"    answer set: mfa\n    answer: No\n",
		"Sam Lee\n    answer changed: mfa\n    answer: No to Yes, for every person who can reach our data\n    note: Enforced for admins. …\n    mfa note, in full:\n      Enforced for admins.\n      Staff from June.\n",
	} {
		if !strings.Contains(out, line) {
			t.Fatalf("want %q in:\n%s", line, out)
		}
	}
}
