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

// Granting a role to a login whose name holds an escape is refused before
// the server is changed: assay would refuse every change that login made
// (its name is what the audit trail records), and the GRANT printed back
// would carry the escape to the terminal.
func TestGrantRefusesALoginNameWithAnEscape(t *testing.T) {
	requirePostgres(t)
	schema := teamSchema(t)
	login := "grant\x1b[31mesc"
	teamLogin(t, schema, login)
	ran, err := TeamGrant(context.Background(), schema, grantKey(t, schema), login, []string{"analyst"})
	if err == nil || !strings.Contains(err.Error(), "escape sequence") {
		t.Fatalf("granting a role to %q: %v, want a refusal naming the escape", login, err)
	}
	if len(ran) != 0 || strings.Contains(err.Error(), "\x1b") {
		t.Errorf("ran %q, error %q: want nothing run and no escape in the error", ran, err)
	}
	var member bool
	if err := rawTeam(t, schema).QueryRow(`SELECT pg_has_role($1, 'assay_analyst', 'MEMBER')`, login).Scan(&member); err != nil || member {
		t.Errorf("the login holds the role after the refused grant (%v)", err)
	}
}
