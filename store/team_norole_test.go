package store

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/internal/pgtest"
	"github.com/assay-dev/assay/questionnaires"
)

// A login whose roles were all revoked (or never granted) sees none of
// the schema. It is told that it holds no role and how one is granted,
// not that the database holds no portfolio and wants assay team init,
// which would send the person to the wrong remedy.
func TestALoginWithoutARoleIsToldSo(t *testing.T) {
	requirePostgres(t)
	schema := teamSchema(t)
	login := uniqueName("norole")
	_, err := OpenTeam(teamLogin(t, schema, login), questionnaires.Decode)
	if err == nil {
		t.Fatal("a login with no team role opened the team database")
	}
	saysNot(t, err, []string{login, "holds no team role", "assay team grant"}, "team init")
}

// A search_path naming a schema that does not exist is named in the
// refusal, not replaced by the default schema's name.
func TestAMissingSchemaIsNamedAsGiven(t *testing.T) {
	requirePostgres(t)
	schema := teamSchema(t)
	login := uniqueName("nosch")
	dsn := pgtest.WithParams(t, teamLogin(t, schema, login, "analyst"), "", map[string]string{"search_path": "office_nosuch"})
	_, err := OpenTeam(dsn, questionnaires.Decode)
	if err == nil {
		t.Fatal("a schema that does not exist was opened")
	}
	if !strings.Contains(err.Error(), "no schema office_nosuch") {
		t.Errorf("error %q does not name the schema office_nosuch", err)
	}
}

// A login whose role is revoked while it has the database open is told
// so on its next read, not that one of assay's tables does not exist:
// the server hides the schema from a login without a role, and its
// refusal names a missing table.
func TestALoginLosingItsRoleWhileOpenIsToldSo(t *testing.T) {
	requirePostgres(t)
	schema := teamSchema(t)
	login := uniqueName("losing")
	db, err := OpenTeam(teamLogin(t, schema, login, "auditor"), questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Assessments(context.Background(), assess.Filter{}); err != nil {
		t.Fatal(err)
	}
	teamLogin(t, schema, login) // every role revoked
	_, err = db.Assessments(context.Background(), assess.Filter{})
	if err == nil {
		t.Fatal("a login without a role still read the portfolio")
	}
	saysNot(t, err, []string{login, "no longer sees", "assay team grant"}, "does not exist")
}

// The server's four-eyes refusal is not a matter of roles: it does not
// send the submitter to an owner for a grant that would change nothing.
func TestFourEyesRefusalGivesNoRoleAdvice(t *testing.T) {
	requirePostgres(t)
	schema := teamSchema(t)
	db, a := openAnswered(t, teamLogin(t, schema, uniqueName("foureyes"), "analyst", "approver"))
	if _, err := db.Review(context.Background(), a.ID, assess.ActSubmit, assess.DateOf(db.Now()), ""); err != nil {
		t.Fatal(err)
	}
	_, err := db.Review(context.Background(), a.ID, assess.ActReject, assess.DateOf(db.Now()), "no")
	if err == nil {
		t.Fatal("the submitter rejected their own submission")
	}
	if msg := err.Error(); !strings.Contains(msg, "four eyes") || strings.Contains(msg, "assay team grant") || strings.Contains(msg, "it has the role") {
		t.Errorf("error %q: want the four-eyes rule without advice on roles", msg)
	}
}

// saysNot fails the test unless err says every one of says and not
// wrong, which would send the person to the wrong remedy.
func saysNot(t *testing.T, err error, says []string, wrong string) {
	t.Helper()
	msg := err.Error()
	for _, want := range says {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not say %q", msg, want)
		}
	}
	if strings.Contains(msg, wrong) {
		t.Errorf("error %q says %q", msg, wrong)
	}
}

// A role granted while a login has the database open is found by
// ReadRoles (the workspace asks after a refusal for lack of one), and
// counts from then on; on a file there are no roles to read.
func TestARoleGrantedWhileOpenIsReadAgain(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		db, _ := testDB(t)
		if roles, err := db.ReadRoles(context.Background()); roles != nil || err != nil {
			t.Errorf("a file's roles: %v, %v; want none", roles, err)
		}
	})
	t.Run("postgres", func(t *testing.T) {
		requirePostgres(t)
		schema := teamSchema(t)
		login := uniqueName("granted")
		db, err := OpenTeam(teamLogin(t, schema, login, "auditor"), questionnaires.Decode)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		teamLogin(t, schema, login, "auditor", "analyst")
		roles, err := db.ReadRoles(context.Background())
		if err != nil || strings.Join(roles, ",") != "analyst,auditor" {
			t.Fatalf("roles read again: %v, %v; want analyst and auditor", roles, err)
		}
		if got := strings.Join(db.Roles(), ","); got != "analyst,auditor" {
			t.Errorf("Roles after reading them again: %s", got)
		}
	})
}
