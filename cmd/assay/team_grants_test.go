package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// A protection changed on the server is not a broken trail: verify says
// what changed, that the trail was not checked past it, and exits 1. A
// team role a DBA granted in psql is named once its holder acts, and the
// owner's assay team grant records it (granting nothing again).
func TestTeamVerifyNamesProtectionsAndGrantsChanged(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst", "approver")
	ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01")
	ana.ok("verify")

	if _, err := s.raw.Exec(`GRANT UPDATE ON events TO assay_analyst`); err != nil {
		t.Fatal(err)
	}
	r := ana.run("verify")
	want := "assay: the server's protections changed, so the audit trail was not checked: the analyst role can UPDATE the audit records (table events): granted outside assay\n"
	if r.code != 1 || r.errs != want {
		t.Fatalf("verify after a grant outside assay: exit %d, stderr %q; want exit 1 and %q", r.code, r.errs, want)
	}
	if _, err := s.raw.Exec(`REVOKE UPDATE ON events FROM assay_analyst`); err != nil {
		t.Fatal(err)
	}

	mallory := s.person("mallory")
	if _, err := s.raw.Exec(`GRANT assay_analyst TO ` + pgx.Identifier{mallory.login}.Sanitize()); err != nil {
		t.Fatal(err)
	}
	ana.ok("verify") // she has not acted here yet
	// assay team list shows every holder, and marks the role no one
	// granted through assay even before she acts.
	list := s.admin("team", "list").stdout
	if !containsSpaced(list, mallory.login+"  analyst  none registered  granted outside assay: analyst") ||
		!outsideCount.MatchString(list) || // other tests on the server add to the count
		!strings.Contains(list, " a team role assay did not grant in this database: assay team grant records it if it was meant, assay team revoke takes it back.\n") ||
		containsSpaced(list, ana.login+"  analyst, approver  registered  granted outside assay") {
		t.Errorf("team list does not mark mallory's role granted outside assay, or marks ana's:\n%s", list)
	}
	mallory.ok("new", "-q", "vendor-security-screen", "-s", "Globex", "--date", "2026-03-01")
	r = ana.run("verify")
	if w := mallory.login + " holds the analyst role, granted outside assay"; r.code != 1 || !strings.Contains(r.errs, w) ||
		!strings.HasPrefix(r.errs, "assay: the server's protections changed") {
		t.Fatalf("verify after mallory acted under a role granted in psql: exit %d, stderr %q; want exit 1 naming %q", r.code, r.errs, w)
	}
	g := s.admin("team", "grant", mallory.login, "analyst")
	// The portfolio has begun: the ledger records the record of grants
	// as the grant leaves it.
	if w := fmt.Sprintf("BEGIN;\nSELECT assay_record_grant('%s', 'analyst', 'grant', …);\nINSERT INTO ledger …;\nCOMMIT;\n", mallory.login); g.code != 0 || withoutSignatures(g.stdout) != w {
		t.Fatalf("team grant of a role held: exit %d, printed %q, want %q %s", g.code, g.stdout, w, g.errs)
	}
	ana.trust(mallory)
	ana.ok("verify")
}
