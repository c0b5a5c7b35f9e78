package main

import (
	"strings"
	"testing"
	"time"
)

// One portfolio, two time zones. At 10:30 UTC on 6 December 2026 it is
// 00:30 on the 7th in Kiritimati (UTC+14), where an analyst starts an
// assessment dated 2026-12-07, and 23:30 on the 5th in Pago Pago
// (UTC-11), where a colleague opens it the same minute. Their today was
// two days before the assessment date: `assay plan` counted "as of
// 2026-12-05" and the report read "Report date: 2026-12-05" under
// "Assessment date: 2026-12-07", which --as-of 2026-12-05 is refused for.
// An acceptance until 2026-12-06, after their today, was recorded and
// read as expired on every day the assessment was judged. Until today
// reaches the assessment date, the assessment is judged on that date,
// and an acceptance cannot end before it.
func TestTodayBehindTheAssessmentDateTakesThatDate(t *testing.T) {
	at := time.Date(2026, 12, 6, 10, 30, 0, 0, time.UTC)
	kiritimati := time.FixedZone("UTC+14", 14*3600)
	pagoPago := time.FixedZone("UTC-11", -11*3600)
	old := clock
	t.Cleanup(func() { clock = old })

	clock = func() time.Time { return at.In(kiritimati) }
	s := newCLISession(t)
	id := s.startBuiltin("vendor-security-screen", "Acme", "2026-12-07", vendorAnswers)

	clock = func() time.Time { return at.In(pagoPago) }
	if out := s.ok("plan", id); !strings.Contains(out, "(as of 2026-12-07)") {
		t.Errorf("the plan, opened on 2026-12-05 where the colleague is, is not judged as of the assessment date:\n%.600s", out)
	}
	if out := s.ok("report", id); !strings.Contains(out, "**Report date:** 2026-12-07") {
		t.Errorf("the report made on 2026-12-05 where the colleague is is not dated 2026-12-07:\n%.900s", out)
	}
	s.fails("cannot expire before the assessment date 2026-12-07",
		"plan", id, "--item", "mfa", "--accept-approver", "CISO", "--accept-reason", "Keys on order", "--accept-expires", "2026-12-06")
	if out := s.ok("plan", id, "--csv"); strings.Contains(out, "Keys on order") {
		t.Errorf("the acceptance ending before the assessment date was recorded:\n%s", out)
	}
}
