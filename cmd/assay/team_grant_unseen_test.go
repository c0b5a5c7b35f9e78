package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// A login that may grant a role (it holds the auditor role WITH ADMIN
// OPTION) but not write the ledger (it holds none of the analyst,
// approver and owner roles) grants it and records the grant, signed; no
// ledger entry records the chain of grants it leaves, so until one does,
// that record cut off the end goes unnoticed (docs/security.md). assay
// team grant said nothing of it: it now says so on stderr, with the
// remedy, and exits 0, as the grant was made.
func TestTeamGrantByALoginThatCannotWriteTheLedgerSaysSo(t *testing.T) {
	s := newTeamServer(t)
	granter := s.person("granter")
	if _, err := s.raw.Exec(`GRANT assay_auditor TO ` + pgx.Identifier{granter.login}.Sanitize() + ` WITH ADMIN OPTION`); err != nil {
		t.Fatal(err)
	}
	carol := s.person("carol")
	// Before the portfolio's first entry the ledger is empty, and its
	// genesis will record the grants: nothing to say.
	if r := granter.run("team", "grant", carol.login, "auditor"); r.code != 0 || strings.Contains(r.stdout, "INSERT INTO ledger") || r.errs != "" {
		t.Fatalf("team grant before the ledger began: exit %d, printed %q, stderr %q; want exit 0, no ledger entry and nothing on stderr", r.code, r.stdout, r.errs)
	}
	ana := s.person("ana", "analyst")
	ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01") // the ledger has begun

	for _, verb := range []string{"revoke", "grant"} {
		r := granter.run("team", verb, carol.login, "auditor")
		statement := map[string]string{"grant": "GRANT assay_auditor TO ", "revoke": "REVOKE assay_auditor FROM "}[verb] + pgx.Identifier{carol.login}.Sanitize()
		want := fmt.Sprintf("BEGIN;\n%s;\nSELECT assay_record_grant('%s', 'auditor', '%s', …);\nCOMMIT;\n", statement, carol.login, verb)
		if r.code != 0 || withoutSignatures(r.stdout) != want {
			t.Fatalf("team %s by a login that may not write the ledger: exit %d, printed %q, want exit 0 and %q\n%s", verb, r.code, r.stdout, want, r.errs)
		}
		for _, w := range []string{
			"no ledger entry records",
			"login " + granter.login + " may " + verb + " roles but not write the ledger",
			"assay verify --checkpoint",
			"analyst, approver or owner role",
		} {
			if !strings.Contains(r.errs, w) {
				t.Errorf("team %s by a login that may not write the ledger: stderr lacks %q:\n%s", verb, w, r.errs)
			}
		}
		if strings.Count(r.errs, "\n") != 1 || strings.ContainsRune(r.errs, '\x1b') {
			t.Errorf("team %s: stderr is not one plain line:\n%q", verb, r.errs)
		}
	}

	// The owner's revocation writes the ledger entry and says nothing of it.
	r := s.admin("team", "revoke", carol.login, "auditor")
	if r.code != 0 || !strings.Contains(r.stdout, "INSERT INTO ledger") || r.errs != "" {
		t.Fatalf("the owner's team revoke: exit %d, printed %q, stderr %q; want the ledger entry and nothing on stderr", r.code, r.stdout, r.errs)
	}
}
