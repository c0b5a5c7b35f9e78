package main

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// refused runs a command that must fail with exit 1 and an error holding
// every one of want.
func (s *cliSession) refused(args []string, want ...string) {
	s.t.Helper()
	code, _, errOut := s.run("", args...)
	if code != 1 {
		s.t.Errorf("assay %q: exit %d, want 1 (refused)", args, code)
	}
	for _, w := range want {
		if !strings.Contains(errOut, w) {
			s.t.Errorf("assay %q: the error does not say %q:\n%s", args, w, errOut)
		}
	}
}

// A name with an escape sequence or a bidi override is refused, not
// stored to show as something else; a name that differs from a subject's
// only by case, Unicode form or invisible characters is that subject's
// name; a name too long for a table is refused with its limit. Nothing
// refused is stored.
func TestNamesAreOneLineOfPlainText(t *testing.T) {
	s := newCLISession(t)
	osc52 := "Evil\x1b]52;c;ZXZpbA==\x07Corp"
	s.refused([]string{"new", "-q", "vendor-security-screen", "-s", osc52}, "subject name", "escape sequence", "character 5")
	s.refused([]string{"subject", "add", "Acme\u202eLtd"}, "subject name", "bidi control (U+202E)")
	s.refused([]string{"subject", "add", "Acme\nLtd"}, "subject name", "line break")
	s.refused([]string{"new", "-q", "vendor-security-screen", "-s", strings.Repeat("A", 10000)},
		"subject name is 10000 characters long", "at most 200")
	s.refused([]string{"subject", "add", "Acme", "--owner", "Sam\x1b[8mhidden"}, "subject owner", "escape sequence")
	s.refused([]string{"subject", "add", "Acme", "--contact", strings.Repeat("c", 201)}, "contact is 201 characters long")
	s.refused([]string{"subject", "add", "\u200b\u200d"}, "subject name holds an invisible character (U+200B) at character 1")
	s.refused([]string{"subject", "add", "  "}, "a subject needs a name")
	if out := s.listed(); strings.Contains(out, "Evil") || strings.Contains(out, "AAAA") {
		t.Errorf("a refused assessment was stored:\n%s", out)
	}
	if out := s.readOrNothingYet("subject", "list"); strings.Contains(out, "Acme") {
		t.Errorf("a refused subject was stored:\n%s", out)
	}

	s.ok("subject", "add", "Acme Cloud Ltd", "--kind", "vendor")
	s.ok("subject", "add", "Ärzte Zürich")
	for _, lookalike := range []string{
		"ACME CLOUD LTD",       // case
		"Ａｃｍｅ Cloud Ltd",       // full-width letters
		"Acme  Cloud\u00a0Ltd", // two spaces, a no-break space
	} {
		code, _, errOut := s.run("", "subject", "add", lookalike)
		if code != 1 || !strings.Contains(errOut, "already a subject named Acme Cloud Ltd (subject 1)") {
			t.Errorf("subject add %q: exit %d, %s; want it refused as Acme Cloud Ltd's name", lookalike, code, errOut)
		}
	}
	// A character that shows as nothing is refused in any name, before
	// the name is compared: it would read as the name without it.
	for lookalike, says := range map[string]string{
		"Acme Cloud\u200b Ltd":            "holds an invisible character (U+200B) at character 11", // a zero-width space
		"Acme Cloud Ltd\ufe0f":            "holds an invisible character (U+FE0F) at character 15", // a variation selector
		"\u2060Acme\u00adCloud\u200d Ltd": "holds an invisible character (U+2060) at character 1",  // word joiner, soft hyphen, zero-width joiner
	} {
		s.refused([]string{"subject", "add", lookalike}, "subject name", says)
	}
	for _, lookalike := range []string{"ÄRZTE ZÜRICH", "A\u0308rzte Zu\u0308rich"} { // Unicode case; decomposed umlauts
		s.refused([]string{"subject", "add", lookalike}, "already a subject named Ärzte Zürich (subject 2)")
	}
	// The same name finds the subject: assay new attaches to it, subject
	// show and edit find it, a rename to another subject's name is refused.
	id := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "acme  cloud ltd", "--date", "2026-03-01"))
	if out := s.ok("subject", "show", "ACME CLOUD LTD"); !strings.Contains(out, "Subject 1: Acme Cloud Ltd") || !strings.Contains(out, "\n"+id+" ") {
		t.Errorf("subject show by a lookalike name:\n%s", out)
	}
	s.refused([]string{"subject", "edit", "Ärzte Zürich", "--name", "ACME Cloud Ltd"}, "already a subject named Acme Cloud Ltd")
	s.ok("subject", "edit", "Acme Cloud Ltd", "--name", "ACME Cloud Ltd") // its own name in another case

	// Names in plans and signatures follow the same rule.
	s.ok("answer", id, "-f", writeFile(t, t.TempDir(), "a.yaml", "answers:\n  mfa: \"no\"\n"))
	s.refused([]string{"plan", id, "--item", "mfa", "--owner", "Sam\x1b]8;;http://evil\x07"}, "owner", "escape sequence")
	s.refused([]string{"plan", id, "--item", "mfa", "--owner", strings.Repeat("S", 300)}, "owner is 300 characters long")
	s.refused([]string{"plan", id, "--item", "mfa", "--accept-approver", "CISO\u202e", "--accept-reason", "r", "--accept-expires", "2099-01-01"},
		"approver", "bidi control")
	s.refused([]string{"--reviewer", "Dana\x1b[31m", "review", id, "--submit"}, "name", "escape sequence")
	s.refused([]string{"--reviewer", "Dana\x1b[31m", "plan", id, "--item", "mfa", "--owner", "Sam"}, "reviewer name", "escape sequence")
}

// Free text (notes, evidence, actions, reasons, milestones, comments)
// keeps its line breaks and loses its escape sequences and bidi controls
// before it is stored, on every path: answers files, a vendor's file, plan
// edits, subject notes, sign-offs.
func TestFreeTextIsStoredClean(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Acme", "--date", "2026-03-01"))
	answers := writeFile(t, t.TempDir(), "a.yaml", "answers:\n"+
		`  mfa: {answer: "no", note: "Admins only\e[2J.\nSee \e]8;;http://evil\e\\the policy\e]8;;\e\\", evidence: ["IdP\u202e export"]}`+"\n")
	s.ok("answer", id, "-f", answers)
	s.ok("plan", id, "--item", "mfa", "--action", "Enforce\x1b[5m MFA", "--due", "2026-06-30", "--reason", "Budget\u009b31m in Q2",
		"--milestone", "2026-04-01 Admins\x07 first")
	s.ok("subject", "edit", "Acme", "--notes", "Main\r\nvendor\x1b]52;c;ZQ==\x07")
	sent := fill(t, s.ok("send", id), "policy", "yes")
	sent = strings.Replace(sent, "  policy:\n    answer: yes\n    note: \"\"\n", "  policy:\n    answer: yes\n    note: \"Reviewed\\e[8m yearly\"\n", 1)
	s.ok("answer", id, "-f", writeTemp(t, "vendor.yaml", sent))
	s.ok("review", id, "--submit", "--comment", "Ready\x1b[1A for review", "--accept-unconfirmed")

	db := s.openStore()
	defer db.Close()
	ctx := context.Background()
	a, err := db.Assessment(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	mfa, e := a.Answers["mfa"], a.PlanEdits["mfa"]
	subj, err := db.FindSubject(ctx, "Acme")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ field, got, want string }{
		{"note", mfa.Note, "Admins only.\nSee the policy"},
		{"vendor's note", a.Answers["policy"].Note, "Reviewed yearly"},
		{"evidence", strings.Join(mfa.Evidence, "|"), "IdP export"},
		{"action", e.Action, "Enforce MFA"},
		{"due reason", e.DueReason, "Budget in Q2"},
		{"milestone", e.Milestones[0].Title, "Admins first"},
		{"subject notes", subj.Notes, "Main\nvendor"},
		{"comment", a.SignOffs[0].Comment, "Ready for review"},
	} {
		if c.got != c.want {
			t.Errorf("%s stored as %q, want %q", c.field, c.got, c.want)
		}
	}
	if res, err := db.Verify(assess.WithActor(ctx, "x"), 0); err != nil || res.Broken != nil {
		t.Errorf("verify: %v %v", res.Broken, err)
	}
}
