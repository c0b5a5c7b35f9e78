package store

import (
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

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
func archiveFlagOutside(id int64, flag int) error {
	if flag == 0 || flag == 1 {
		return nil
	}
	return &changedOutside{chain: "assessment", id: id, field: "archive flag",
		is: fmt.Sprintf("is %d, which assay never writes (0 kept, 1 archived)", flag)}
}

// archiveFlagRefused is the server's refusal (014) of a change to an
// assessment whose archive flag is neither 0 nor 1: assay never writes
// one, so the flag was set outside assay, before the server held it to
// the rule, and every new version of the row breaks the rule until it is
// put right. Restoring it writes 0, which does. The server's detail
// ("Failing row contains (7, …)") begins with the row's ID.
func archiveFlagRefused(pe *pgconn.PgError) error {
	which := "an assessment's"
	if id, _, ok := strings.Cut(strings.TrimPrefix(pe.Detail, "Failing row contains ("), ","); ok && id != "" && strings.Trim(id, "0123456789") == "" {
		which = "assessment " + id + "'s"
	}
	return assess.Errorf(assess.EInvalid, "%s archive flag is neither 0 nor 1, the only values assay writes: it was set outside assay, and the team database takes no change to the assessment until it is put right (rule %s); nothing was recorded. In the workspace, A shows the archived ones and a on it restores it (archive it again if it is to stay set aside); assay verify names every such assessment",
		which, archivedFlagConstraint)
}
