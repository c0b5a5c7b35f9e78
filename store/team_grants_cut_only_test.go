package store

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A revocation's record deleted by a DBA, with the server's triggers off,
// and nothing else: bob no longer holds the role the record, cut back,
// now says assay granted. Verify compared the roles held with the record
// before it checked the record against the ledger, and said "bob no
// longer holds the approver role assay granted: revoked outside assay":
// nobody revoked anything outside assay, assay did, and its record was
// what was removed. The comparison is worth what the record is, so the
// cut, which a signed ledger entry saw, is what verify names.
func TestVerifyNamesARevocationCutOffRatherThanARevocationOutsideAssay(t *testing.T) {
	requirePostgres(t)
	db, dsn, bob, _, _, raw := grantRecordFixture(t)
	if _, err := TeamRevoke(context.Background(), dsn, grantKey(t, dsn), bob, []string{"approver"}); err != nil {
		t.Fatal(err)
	}
	if err := db.CreateSubject(as("Ana Analyst"), &assess.Subject{Name: "Hooli after the revocation", Kind: "vendor"}); err != nil {
		t.Fatal(err)
	}
	if got := verifySays(t, db); got != "" {
		t.Fatalf("verify after assay team revoke: %s", got)
	}
	mustExec(t, raw, `SET session_replication_role = replica`)
	last, _ := lastGrantRecord(t, raw)
	mustExec(t, raw, `DELETE FROM team_grants WHERE seq = $1`, last)
	got := verifySays(t, db)
	if !strings.Contains(got, "the record of team grants was cut back outside assay: ledger entry ") ||
		!strings.Contains(got, "signed grant records, and the record now holds ") {
		t.Errorf("verify said %q\nwant the revocation's record cut off named", got)
	}
	if strings.Contains(got, "revoked outside assay") {
		t.Errorf("verify said %q\nwhich blames a revocation outside assay for assay's own revocation, whose record was cut off", got)
	}
}
