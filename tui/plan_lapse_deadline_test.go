package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A plan item due by the certificate's expiry, not by its severity's
// deadline, was offered in the edit form as "default 2026-05-04 from the
// severity's deadline", and in accessible mode as "the policy's date":
// an owner reading either would look for a deadline of the policy that
// ends on that day and find none. Both now say why the default falls on
// that day in the words the report, the CSV and OSCAL use.
//
// bureauCertificateExpiring is the payroll bureau of the verdict tests
// (tier high, every other control in place), assessed on testToday,
// 2026-03-31, its ISO/IEC 27001 certificate expiring on 2026-05-04, 34
// days on: "expires within three months", a partial gap, medium. Medium's
// 90 days end on 2026-06-29 (30 days to 2026-04-30, 31 more to
// 2026-05-31, 29 more), after the certificate has lapsed, so the item is
// due on 2026-05-04.
func bureauCertificateExpiring(t *testing.T) (*env, *assess.Assessment) {
	t.Helper()
	e := newEnv(t)
	a := e.create("third-party-due-diligence", "Payroll bureau")
	e.answerFrom(a, "verdicts/tpdd-payroll-bureau-iso-certificate-expires-in-nine-weeks.yaml")
	expiry, err := assess.ParseDate("2026-05-04")
	if err != nil {
		t.Fatal(err)
	}
	if err := e.db.SaveAnswers(context.Background(), a.ID, []assess.Answer{{QuestionID: "iso-expiry", Value: assess.Value{Date: expiry}}}); err != nil {
		t.Fatal(err)
	}
	return e, a
}

const bureauDefaultWhy = "the certificate's expiry, before the medium severity's deadline of 90 days (2026-06-29)"

func TestPlanEditFormSaysTheDefaultDueIsTheCertificatesExpiry(t *testing.T) {
	e, _ := bureauCertificateExpiring(t)
	f := e.startSized(e.deps(), 200, 50)
	f.waitFor("Payroll bureau")
	f.press("p")
	f.waitFor("[Plan]", "iso-expiry")
	f.press("enter")
	f.waitFor("┃ Owner", "iso-expiry ·")
	f.waitFor("default 2026-05-04 from " + bureauDefaultWhy)
	if s := f.screen(); strings.Contains(s, "from the severity's deadline") {
		t.Errorf("the form still names the severity's deadline as the default's:\n%s", s)
	}
	f.press("esc")
	f.waitGone("┃ Owner")
	f.quit()
}

func TestAccessibleDueDateSaysTheDefaultIsTheCertificatesExpiry(t *testing.T) {
	e, _ := bureauCertificateExpiring(t)
	text := e.accessible(lines(
		"1", "2", "1", // the assessment, its plan, item 1
		"3", "", // the due date, kept
		"b", "b", "q",
	))
	want := "Due date of iso-expiry, now 2026-05-04; the default is 2026-05-04, " + bureauDefaultWhy + "."
	if !strings.Contains(text, want) {
		t.Errorf("accessible mode does not say %q:\n%s", want, text)
	}
	if strings.Contains(text, "the policy's date") {
		t.Errorf("accessible mode still calls the expiry the policy's date:\n%s", text)
	}
}
