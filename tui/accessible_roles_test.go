package tui_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/tui"
)

// In accessible mode, as in the workspace, a role granted while it is
// open counts without a restart. A login without the analyst role is not
// asked the questions (it could answer none): opening an assessment says
// why, reading the login's roles again, and once the role is there,
// choosing 1 says so in one line and asks them, and the answer is saved.
// Roles are read only then, never while the person is asked nothing that
// writes. Accessible mode used to keep the roles read at start: no line
// said a role came, and the vendor answers to confirm were never asked
// once it had.
func TestAccessibleRoleGrantedWhileOpenCountsFromTheNextTry(t *testing.T) {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	e.importVendorFile(a, "source: vendor\nanswers:\n  logging: no\n")
	d := e.deps()
	roles := approverOnly(&d)
	readsNow := roles.readCount
	checkReads := func(want int) func() {
		return func() {
			if n := readsNow(); n != want {
				t.Errorf("roles read %d times, want %d", n, want)
			}
		}
	}
	grant := func() {
		checkReads(1)()
		roles.grantAnalyst()
	}
	var skips []scriptedLine
	for range 30 { // every other question nobody answered
		skips = append(skips, scriptedLine{text: "s"})
	}
	in := &scriptedInput{lines: append([]scriptedLine{
		{before: checkReads(0), text: "1"}, // the assessment: why it cannot be answered
		{before: grant, text: "1"},         // its questions, once the role came
		{text: "s"},                        // data-sensitivity: skipped
		{text: "1"},                        // attestation: yes, saved
	}, append(skips, scriptedLine{text: "y"}, scriptedLine{text: "q"})...)}
	var out bytes.Buffer
	if err := tui.RunAccessible(context.Background(), d, in, &out); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{
		"You may read it but not change it: your login dee has the role approver: answers, notes and plans are changed by an analyst (an owner grants roles with assay team grant).\n",
		"\nYour login dee now has the role analyst and approver.\n1 vendor answer to confirm.\n",
		"\nSaved.\n",
		"The vendor answered: No. Type y to confirm it, or your own answer.",
		"Confirmed.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, text)
		}
	}
	if n := strings.Count(text, "now has"); n != 1 {
		t.Errorf("the role gained is said %d times, want once:\n%s", n, text)
	}
	got := e.load(a.ID).Answers
	if c := got["attestation"].Value.Choices; len(c) != 1 || c[0] != "yes" || got["attestation"].Source != assess.ByAnalyst {
		t.Errorf("attestation stored as %+v, want the yes typed once the role came", got["attestation"])
	}
	if !got["logging"].Reviewed {
		t.Errorf("the vendor's logging answer was not confirmed once the role came: %+v", got["logging"])
	}
}

// A login without the analyst role is refused a new assessment before
// anything is written, as in the workspace, and its roles are read again
// then: one granted meanwhile lets the assessment be created.
func TestAccessibleNewAssessmentReadsRolesOnRefusal(t *testing.T) {
	e := newEnv(t)
	d := e.deps()
	d.Actor, d.Login = "dee", "dee"
	d.Roles = []string{assess.RoleAuditor}
	d.ReadRoles = func(context.Context) ([]string, error) { return []string{assess.RoleAuditor}, nil }
	text := runAccessibleWith(t, d, "n\nq\n")
	if want := "Not created: your login dee has the role auditor: answers, notes and plans are changed by an analyst (an owner grants roles with assay team grant).\n"; !strings.Contains(text, want) {
		t.Errorf("accessible output lacks %q:\n%s", want, text)
	}
	if strings.Contains(text, "Type the questionnaire's number") {
		t.Errorf("a login that may not create one was asked for a questionnaire:\n%s", text)
	}
	d.ReadRoles = func(context.Context) ([]string, error) { return []string{assess.RoleAnalyst, assess.RoleAuditor}, nil }
	text = runAccessibleWith(t, d, "n\n1\nPayroll\n\nq\nq\n")
	if !strings.Contains(text, "Your login dee now has the role analyst and auditor.\n") || !strings.Contains(text, "Created assessment 1, a new ") {
		t.Errorf("a role granted before n did not count:\n%s", text)
	}
}

func runAccessibleWith(t *testing.T, d tui.Deps, typed string) string {
	t.Helper()
	var out bytes.Buffer
	if err := tui.RunAccessible(context.Background(), d, strings.NewReader(typed), &out); err != nil {
		t.Fatal(err)
	}
	return out.String()
}
