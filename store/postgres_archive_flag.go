package store

import (
	"errors"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/assay-dev/assay/assess"
)

// archiveFlagRefused is the server's refusal (014) of a change to an
// assessment whose archive flag is neither 0 nor 1: assay never writes
// one, so the flag was set outside assay, before the server held it to
// the rule, and every new version of the row breaks the rule until it is
// put right. Restoring it writes 0, which does. The server's detail
// ("Failing row contains (7, …)") begins with the row's ID.
func archiveFlagRefused(pe *pgconn.PgError) error {
	which := "an assessment's"
	if id := refusedRowID(pe); id != "" {
		which = "assessment " + id + "'s"
	}
	return assess.Errorf(assess.EInvalid, "%s archive flag is neither 0 nor 1, the only values assay writes: it was set outside assay, and the team database takes no change to the assessment until it is put right (rule %s); nothing was recorded. In the workspace, A shows the archived ones and a on it restores it (archive it again if it is to stay set aside); assay verify names every such assessment",
		which, archivedFlagConstraint)
}

// refusedRowID is the ID the server's detail of a refused row begins
// with, "" when it does not.
func refusedRowID(pe *pgconn.PgError) string {
	if id, _, ok := strings.Cut(strings.TrimPrefix(pe.Detail, "Failing row contains ("), ","); ok && id != "" && strings.Trim(id, "0123456789") == "" {
		return id
	}
	return ""
}

// copyRefused is the refusal of assay migrate --to when the team
// database's rule (014) refused an assessment of the file from whose
// archive flag was set outside assay (sqlite3): the file's assessment is
// at fault, and is put right in the file, not in the team database,
// which holds nothing of the copy. nil when err is not that refusal. It
// said the server's refusal of a change, with the team workspace's keys
// and "nothing was recorded", then "nothing was copied".
func (*pgDialect) copyRefused(err error, from, to *DB) error {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || pe.ConstraintName != archivedFlagConstraint {
		return nil
	}
	which, on := "an assessment", "on it"
	if id := refusedRowID(pe); id != "" {
		which, on = "assessment "+id, "on assessment "+id
	}
	return assess.Errorf(assess.EInvalid, "%s in %s has an archive flag set outside assay (neither 0 nor 1, the only values assay writes), which the team database %s refuses (rule %s), so nothing was copied. "+
		"Put it right in the file: open it with assay --db %s, press A to show the archived assessments and a %s to restore it (archive it again if it is to stay set aside); %s names every such assessment. Then run assay migrate --to again",
		which, from.where(), to.where(), archivedFlagConstraint, shellQuoted(from.path), on, from.verifyCommand())
}
