package tui_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/tui"
)

// Accessible mode's plan CSV is judged on the day the report made the
// same minute is dated: no earlier than the newest acceptance it shows
// (assess.JudgedThroughAcceptances), which a colleague whose calendar is
// a day ahead may have given on a day that has not begun where the
// listener is. Judged on the listener's today, an item the report had
// overdue was not in the CSV, and the CSV marked the acceptance as given
// after its day, as assay plan --csv --as-of does for a day asked for.
//
// Worked out by hand, with D the day the trail records pentest's
// acceptance: the other item is moved to be due on D-1, the listener's
// today. On D-1 it is due, not overdue; on D it is 1 day overdue, and
// pentest's acceptance, given on D, is in force unmarked.
//
// A store that pins no record line (Deps.PinnedAssessment unset) dates
// the acceptances from the trail all the same (acceptedStamps): the CSV
// had them undated there, and was judged on the listener's today.
func TestAccessiblePlanCSVIsJudgedOnTheDayItsReportIs(t *testing.T) {
	for _, pinned := range []bool{true, false} {
		t.Run(fmt.Sprintf("pinned=%v", pinned), func(t *testing.T) {
			e, a, other, day, yesterday := payrollAcceptedAhead(t)
			d := e.deps()
			d.Today = func() assess.Date { return yesterday }
			if !pinned {
				d.PinnedAssessment = nil
			}
			path := filepath.Join(e.dir, "plan.csv")
			var out strings.Builder
			typed := strings.Join([]string{strconv.FormatInt(a.ID, 10), "2", "c", path, "q"}, "\n") + "\n"
			if err := tui.RunAccessible(context.Background(), d, strings.NewReader(typed), &out); err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("no CSV written: %v\n%s", err, out.String())
			}
			rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\uFEFF"))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			cells := map[string]map[string]string{}
			for _, row := range rows[1:] {
				cells[row[2]] = map[string]string{}
				for i, name := range rows[0] {
					cells[row[2]][name] = row[i]
				}
			}
			if got := cells[other]["Overdue"]; got != "yes" {
				t.Errorf("the CSV written on %s: %s, due %s, is overdue %q; the report, dated %s, has it overdue", yesterday, other, yesterday, got, day)
			}
			if got := cells["pentest"]["Status"]; got != "risk-accepted" || cells["pentest"]["Accepted on"] != day.String() {
				t.Errorf("the CSV written on %s: pentest status %q, accepted on %q; want risk-accepted, accepted on %s", yesterday, got, cells["pentest"]["Accepted on"], day)
			}
		})
	}
}

// Accessible mode's report is dated as its plan CSV is, on the day of the
// acceptance a colleague ahead gave (D), not the listener's today (D-1),
// whether the store pins a record line or not.
func TestAccessibleReportIsDatedOnTheAcceptanceAhead(t *testing.T) {
	for _, pinned := range []bool{true, false} {
		t.Run(fmt.Sprintf("pinned=%v", pinned), func(t *testing.T) {
			e, a, _, day, yesterday := payrollAcceptedAhead(t)
			d := e.deps()
			d.Today = func() assess.Date { return yesterday }
			if !pinned {
				d.PinnedAssessment = nil
			}
			path := filepath.Join(e.dir, "report.md")
			var out strings.Builder
			typed := strings.Join([]string{strconv.FormatInt(a.ID, 10), "4", "1", path, "q"}, "\n") + "\n"
			if err := tui.RunAccessible(context.Background(), d, strings.NewReader(typed), &out); err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("no report written: %v\n%s", err, out.String())
			}
			if want := "**Report date:** " + day.String(); !strings.Contains(string(b), want) {
				t.Errorf("the report written on %s does not say %q:\n%s", yesterday, want, b)
			}
		})
	}
}

// payrollAcceptedAhead is the case worked out above: the payroll
// assessment (all-types, assessed 2026-03-31) with mfa answered no, its
// pentest item accepted on day D (the day the trail records the
// acceptance where the test runs: a colleague's day ahead of the
// reader's, who reads on yesterday, D-1) and the other open item, other,
// moved to be due on D-1.
func payrollAcceptedAhead(t *testing.T) (e *env, a *assess.Assessment, other string, day, yesterday assess.Date) {
	t.Helper()
	e, a = payrollAnswered(t)
	ctx := assess.WithActor(context.Background(), "Sam Ortiz")
	// mfa answered no: a second item, beside pentest's.
	if err := e.db.SaveAnswers(ctx, a.ID, []assess.Answer{{QuestionID: "mfa", Value: assess.Value{Choices: []string{"no"}}}}); err != nil {
		t.Fatal(err)
	}
	accept := assess.PlanChange{Accept: assess.Acceptance{Approver: "CISO", Reason: "Test booked", Expires: assess.NewDate(2099, 12, 31)}}
	if _, _, err := e.db.ChangePlanItem(ctx, a.ID, "pentest", accept, testToday); err != nil {
		t.Fatal(err)
	}
	stamps, err := e.db.PlanFieldStamps(ctx, a.ID, "pentest")
	if err != nil {
		t.Fatal(err)
	}
	st, ok := stamps[assess.FieldStatus]
	if !ok || st.At.IsZero() {
		t.Fatalf("the trail does not stamp the acceptance: %+v", stamps)
	}
	day = assess.DateOf(st.At.Local())
	yesterday = day.AddDays(-1)
	stored, err := e.db.Assessment(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range assess.Evaluate(stored, yesterday).Plan {
		if it.Key() != "pentest" && !it.Closed() {
			other = it.Key()
			break
		}
	}
	if other == "" {
		t.Fatal("the plan has no open item but pentest")
	}
	move := assess.PlanChange{Due: yesterday, DueReason: "Board meets then"}
	if _, _, err := e.db.ChangePlanItem(ctx, a.ID, other, move, yesterday); err != nil {
		t.Fatal(err)
	}
	return e, a, other, day, yesterday
}
