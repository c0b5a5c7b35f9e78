package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// One portfolio, two calendars, the real binary with TZ set as each
// colleague's computer sets it. Kiritimati (UTC+14) and Pago Pago
// (UTC-11) are 25 hours apart, so at any moment Pago Pago's date is one
// or two days behind Kiritimati's. Worked on 6 December 2026, 10:30 UTC:
// it is 23:30 on the 5th in Pago Pago and 00:30 on the 7th in
// Kiritimati. The analyst in Pago Pago starts the assessment dated the
// 5th; the approver in Kiritimati submits and approves it, signed on the
// 7th. The analyst then makes the report on their 5th: it read
// "Report date: 2026-12-05" above a sign-off table whose approval is dated
// 2026-12-07, a report dated before the decision it records, and
// --as-of 2026-12-05 was taken as well. The report (and the plan) are
// judged on the latest sign-off's day while today is before it, and an
// --as-of before it is refused, naming the approval.
func TestReportIsNeverDatedBeforeASignOffItShows(t *testing.T) {
	bin := assayBinary(t)
	dir := t.TempDir()
	env := procEnv(dir, filepath.Join(dir, "assay.db"))
	pagoPago := append(env[:len(env):len(env)], "TZ=Pacific/Pago_Pago")
	kiritimati := append(env[:len(env):len(env)], "TZ=Pacific/Kiritimati")
	run := runsOK(t, bin)

	// The analyst's today, as Pago Pago reads it now; the binary in
	// Pago Pago reads the same day (the 25 hours keep Kiritimati ahead
	// even should Pago Pago's midnight pass during the test).
	zone, err := time.LoadLocation("Pacific/Pago_Pago")
	if err != nil {
		t.Skipf("no zone data for Pacific/Pago_Pago: %v", err)
	}
	analystDay := time.Now().In(zone).Format("2006-01-02")
	id := strings.TrimSpace(run(pagoPago, "--questionnaires", testdataQuestionnaires, "new", "-q", "vendor-tiering", "-s", "Acme Cloud Ltd", "--date", analystDay))
	answers := filepath.Join(dir, "answers.yaml")
	var b strings.Builder
	b.WriteString("answers:\n")
	for _, line := range strings.Split(strings.TrimSpace(tieringAnswers), "\n") {
		b.WriteString("  " + strings.TrimSpace(line) + "\n")
	}
	if err := os.WriteFile(answers, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	run(pagoPago, "answer", id, "-f", answers)
	run(kiritimati, "review", id, "--submit", "--comment", "Ready")
	approved := run(kiritimati, "--reviewer", "Rui Reviewer", "review", id, "--approve", "--comment", "Agreed")
	m := regexp.MustCompile(`approved by Rui Reviewer on (\d{4}-\d{2}-\d{2})`).FindStringSubmatch(approved)
	if m == nil {
		t.Fatalf("the approval does not say its date:\n%s", approved)
	}
	approvalDay := m[1]
	if approvalDay <= analystDay {
		t.Fatalf("Kiritimati's today %s is not after Pago Pago's %s: the test's premise is wrong", approvalDay, analystDay)
	}

	report := run(pagoPago, "report", id)
	if !strings.Contains(report, "**Report date:** "+approvalDay) {
		t.Errorf("the report made in Pago Pago on %s shows an approval dated %s but is not dated on it:\n%.900s", analystDay, approvalDay, report)
	}
	if !strings.Contains(report, "| "+approvalDay+" |") {
		t.Errorf("the report does not show the approval dated %s:\n%s", approvalDay, report)
	}
	if out := run(pagoPago, "plan", id); !strings.Contains(out, "(as of "+approvalDay+")") {
		t.Errorf("the plan opened in Pago Pago on %s is not judged as of the approval, %s:\n%.600s", analystDay, approvalDay, out)
	}

	want := "--as-of: " + analystDay + " is before the approval of assessment " + id + " by Rui Reviewer on " + approvalDay
	for _, args := range [][]string{
		{"report", id, "--as-of", analystDay},
		{"plan", id, "--as-of", analystDay},
		{"score", id, "--as-of", analystDay},
	} {
		r := runProc(bin, pagoPago, args...)
		if r.code == 0 || !strings.Contains(r.errs, want) {
			t.Errorf("assay %s: exit %d, want a refusal saying %q\nstdout: %.500s\nstderr: %s", strings.Join(args, " "), r.code, want, r.stdout, r.errs)
		}
	}
	if out := run(pagoPago, "report", id, "--as-of", approvalDay); !strings.Contains(out, "**Report date:** "+approvalDay) {
		t.Errorf("the report as of the approval's own day is not dated on it:\n%.900s", out)
	}
}
