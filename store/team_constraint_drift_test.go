package store

import (
	"strings"
	"testing"
)

// The server's rules that are neither triggers nor indexes are the
// tables' CHECK and foreign-key constraints: the archive flag held to 0
// or 1 (schema 014), the one row naming the ledger's last entry, each
// audit record tied to its assessment. The owner role owns the tables and
// can drop any of them with ALTER TABLE, and verify must name that as it
// names a trigger dropped: team.md promises the archive flag's rule holds
// "from any login", and a rule gone unnoticed holds from none.
func TestVerifyNamesConstraintsDroppedOutsideAssay(t *testing.T) {
	requirePostgres(t)
	cases := []struct {
		name   string
		tamper []string
		want   []string
	}{
		{"the archive flag's rule dropped",
			[]string{`ALTER TABLE assessments DROP CONSTRAINT assay_archived_is_0_or_1`},
			[]string{"the constraint assay_archived_is_0_or_1 on table assessments was dropped or changed outside assay"}},
		{"the archive flag's rule loosened",
			[]string{`ALTER TABLE assessments DROP CONSTRAINT assay_archived_is_0_or_1`,
				`ALTER TABLE assessments ADD CONSTRAINT assay_archived_is_0_or_1 CHECK (archived >= 0)`},
			[]string{"the constraint assay_archived_is_0_or_1 on table assessments was dropped or changed outside assay",
				"the constraint assay_archived_is_0_or_1 on table assessments was added or changed outside assay"}},
		{"the ledger's tip may hold more than one row",
			[]string{`ALTER TABLE ledger_tip DROP CONSTRAINT ledger_tip_only_row_check`},
			[]string{"the constraint ledger_tip_only_row_check on table ledger_tip was dropped or changed outside assay"}},
		{"audit records no longer tied to their assessment",
			[]string{`ALTER TABLE events DROP CONSTRAINT events_assessment_id_fkey`},
			[]string{"the constraint events_assessment_id_fkey on table events was dropped or changed outside assay"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dsn, db := teamTamperFixture(t)
			raw := rawTeam(t, dsn)
			for _, s := range tc.tamper {
				mustExec(t, raw, s)
			}
			res, err := db.Verify(as("Auditor"), 0)
			if err != nil {
				t.Fatalf("verify: %v", err)
			}
			if res.Broken == nil {
				t.Fatalf("verify passed after %s", strings.Join(tc.tamper, "; "))
			}
			msg := res.Broken.Error()
			if !strings.HasPrefix(msg, "the server's protections changed, so the audit trail was not checked: ") {
				t.Errorf("verify said %q\nwant it to say the protections changed", msg)
			}
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("verify said %q\nwant it to say %q", msg, w)
				}
			}
		})
	}
}

// A DBA who validates the archive flag's rule (added NOT VALID, so that an
// upgrade leaves an older server's 7 or -1 in place) once no such row is
// left makes it stricter, not weaker: verify finds nothing to name. A
// guard of the comparison above, which must not take the validation for
// a rule changed.
func TestVerifyTakesTheArchiveRuleValidatedForTheSame(t *testing.T) {
	requirePostgres(t)
	dsn, db := teamTamperFixture(t)
	mustExec(t, rawTeam(t, dsn), `ALTER TABLE assessments VALIDATE CONSTRAINT assay_archived_is_0_or_1`)
	res, err := db.Verify(as("Auditor"), 0)
	if err != nil {
		t.Fatalf("verify: %v", err)
	}
	if res.Broken != nil {
		t.Errorf("verify after the archive flag's rule was validated: %v", res.Broken)
	}
}
