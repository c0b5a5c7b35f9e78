package store

import (
	"context"
	"database/sql"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
)

// grantKeyClash refuses a copy into a team database whose record of
// grants is signed with a key the copied ledger registers for another
// name: an administrator who granted roles, then moves in their own
// personal portfolio, signed with one key as their login and as their
// name. A key belongs to one person, so the copy could never verify
// there; verify, which cannot tell this from a record of grants edited
// by someone holding that key, would call it forged. Said before anything
// is copied, with what to do (docs/team.md, Setting up).
func grantKeyClash(ctx context.Context, src, dst *sql.Tx, from, to *DB) error {
	if !to.dialect.team() {
		return nil
	}
	records, err := readGrantRecords(ctx, dst, "team_grants")
	if err != nil {
		return err
	}
	owners, err := registeredKeyOwners(ctx, src)
	if err != nil {
		return err
	}
	for _, g := range records {
		name, registered := owners[g.Key]
		if !g.Signed() || !registered || name == g.ByLogin {
			continue
		}
		key, err := ledger.ParsePublicKey(g.Key)
		if err != nil {
			continue // verify names a key that is no key
		}
		return assess.Errorf(assess.EConflict, "nothing was copied into %s: grant record %d there (%s) is signed by %s with %s, and %s registers it for %q: a key belongs to one person, so the copy could not verify there. "+
			"Set up a new team schema (?search_path=NAME in the connection string), give the login that grants a key of its own there (assay key new, once assay team init has run) before its first grant, then copy into it (docs/team.md, Setting up); %s is as it was",
			to.where(), g.Seq, g.Describe(), g.ByLogin, key.ID(), from.where(), name, from.where())
	}
	return nil
}
