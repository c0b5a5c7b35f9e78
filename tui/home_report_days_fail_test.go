package tui_test

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/store"
)

// reportDaysDown is the store whose read of the acceptances recorded
// after today (assess.ReadReportDays) fails while down is set.
type reportDaysDown struct {
	*store.DB
	down atomic.Bool
}

func (r *reportDaysDown) AcceptedPlansRecordedSince(ctx context.Context, since time.Time) (map[int64]time.Time, error) {
	if r.down.Load() {
		return nil, errors.New("connection reset")
	}
	return r.DB.AcceptedPlansRecordedSince(ctx, since)
}

// When the home screen cannot read the day each row's report would be
// dated on, it counts the overdue items on today, and says so on its
// status line with why and how to read it again, instead of showing
// counts judged on another day than the report's as if they were the
// report's. ctrl+r then reads them on the report's day and the line goes.
//
// Worked out by hand as TestHomeCountsOverdueOnTheDayTheReportIsDated
// (payrollAcceptedAhead): on the analyst's today, D-1, mfa is open and
// not yet late (1 open, none late); on D, the report's date, it is (1/1 late).
func TestHomeSaysWhenItCountsOverdueOnToday(t *testing.T) {
	e, _, _, _, yesterday := payrollAcceptedAhead(t)
	repo := &reportDaysDown{DB: e.db}
	repo.down.Store(true)
	d := e.deps()
	d.Repo = repo
	d.Today = func() assess.Date { return yesterday }
	f := e.startWith(d)
	said := "Overdue counted on " + yesterday.String() + ", not on each report's date"
	f.waitFor("Payroll system", said, "connection reset", "ctrl+r")
	if s := f.screen(); strings.Contains(s, "1/1 late") {
		t.Errorf("counted on today, mfa is not late yet:\n%s", s)
	}
	repo.down.Store(false)
	f.tm.Send(tea.KeyPressMsg{Code: 'r', Mod: tea.ModCtrl})
	f.waitFor("Payroll system", "1/1 late")
	if s := f.screen(); strings.Contains(s, said) {
		t.Errorf("the home screen still says it counts on today after reading the report dates:\n%s", s)
	}
	f.quit()
}
