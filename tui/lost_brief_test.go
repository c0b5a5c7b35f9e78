package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// lostRepo is a team database whose connection was lost: every write
// fails as the store words it, whole for the command line and brief for
// a status line.
type lostRepo struct{ assess.Repository }

func lostConnection() error {
	e := assess.Errorf(assess.EUnavailable, "the connection to the team database postgres://ana:xxxxx@db.example.org:5432/privacy?sslmode=verify-full&application_name=assay-laptop-of-ana&search_path=office2 was lost (terminating connection due to administrator command); nothing was recorded: try again")
	e.Brief = "connection to ana@db.example.org/privacy lost"
	return e
}

func (lostRepo) SaveAnswer(context.Context, int64, assess.Answer) error { return lostConnection() }
func (lostRepo) ReplaceAnswers(context.Context, int64, []assess.Answer, assess.Answers) error {
	return lostConnection()
}

// A write refused because the connection to the team database was lost
// says so on one line of the status at 80 columns, naming the server
// briefly (login@host/database), not the connection string whole, which
// wrapped the status to three lines.
func TestALostConnectionTakesOneStatusLine(t *testing.T) {
	e, _ := payrollAnswered(t)
	d := e.deps()
	d.Repo = lostRepo{e.db}
	f := e.startSized(d, 80, 24)
	f.waitFor("Payroll system")
	f.press("enter")
	f.waitFor("question 1 of 8")
	f.press("2")
	f.waitFor("not saved: the answer to mfa: connection to ana@db.example.org/privacy lost")
	if s := f.screen(); strings.Contains(s, "sslmode") || strings.Contains(s, "postgres://") {
		t.Errorf("the status line names the whole connection string:\n%s", s)
	}
	f.quit()
}
