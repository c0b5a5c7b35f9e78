package store

import (
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// A DBA who grants a role in psql to "Ana-…" beside ana-… (two logins to
// the server, one person to a committee) gets no warning from assay team
// grant, which never ran. Once the look-alike acts here, verify's line
// naming the role granted outside assay says whom the login looks like,
// and what that login holds.
func TestVerifySaysAGrantOutsideAssayLooksLikeAHolder(t *testing.T) {
	requirePostgres(t)
	dsn, db := teamTamperFixture(t)
	ana := uniqueName("ana")
	teamLogin(t, dsn, ana, "analyst")
	fake := "A" + strings.TrimPrefix(ana, "a")
	fakeDSN := teamLogin(t, dsn, fake)
	mustExec(t, rawTeam(t, dsn), `GRANT assay_approver TO `+pgx.Identifier{fake}.Sanitize())
	actsIn(t, fakeDSN)
	want := fake + " holds the approver role, granted outside assay; it looks like " + ana +
		", who holds the analyst role, and is not that login: it differs from it only in case ("
	if got := verifySays(t, db); !strings.Contains(got, want) {
		t.Fatalf("verify said %q\nwant it to say %q", got, want)
	}
}
