package store

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// A team database records every change under the login, whatever
// --reviewer or $ASSAY_REVIEWER say. A login whose name holds a control
// character is refused before anything is recorded, and the refusal
// names the login and who can change it, not the reviewer settings the
// person cannot fix it with.
func TestALoginNameWithAnEscapeIsNamedAsTheLogin(t *testing.T) {
	requirePostgres(t)
	schema := teamSchema(t)
	db, err := OpenTeam(teamLogin(t, schema, "esc\x1b[31mlogin", "analyst"), questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	useTestKeys(db)
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	q, _ := lib.Get("vendor-security-screen")
	err = db.CreateAssessment(context.Background(), &assess.Assessment{Subject: "Escaped Login Vendor", Questionnaire: q})
	if err == nil {
		t.Fatal("a login whose name holds an escape sequence recorded a change")
	}
	msg := err.Error()
	if strings.Contains(msg, "--reviewer") || !strings.Contains(msg, "database login") {
		t.Errorf("error %q does not name the database login as what holds the escape", msg)
	}
	if strings.Contains(msg, "\x1b") {
		t.Errorf("error %q carries the escape itself", msg)
	}
}
