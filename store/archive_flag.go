package store

import (
	"fmt"

	"github.com/assay-dev/assay/assess"
)

// An assessment's archive flag is 0 (kept) or 1 (archived): assay writes
// nothing else. Another integer (7, -1) comes from SQL outside assay: on a
// file, anyone's sqlite3; on a team database, a login in psql before
// schema 014. Every reader takes it for archived (not 0), as the team
// server's rules of the archive do (013); verify names it, since the
// signed ledger keeps only whether the assessment is archived; and since
// 014 the server refuses to write it, and so takes no new version of a
// row that still holds one (docs/team.md, Who did what).

// archivedFlagConstraint is the rule of migration 014, named in the
// server's refusals.
const archivedFlagConstraint = "assay_archived_is_0_or_1"

// archiveFlagOutside is an assessment's archive flag other than the 0
// (kept) or 1 (archived) assay writes: every reader takes it for archived,
// as the team server's rules do, but assay never wrote it.
func archiveFlagOutside(id int64, flag assess.ArchiveFlag) error {
	if !flag.SetOutsideAssay() {
		return nil
	}
	return &changedOutside{chain: "assessment", id: id, field: "archive flag",
		is: fmt.Sprintf("is %d, which assay never writes (0 kept, 1 archived)", flag)}
}
