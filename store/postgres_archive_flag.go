package store

import (
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
	if id, _, ok := strings.Cut(strings.TrimPrefix(pe.Detail, "Failing row contains ("), ","); ok && id != "" && strings.Trim(id, "0123456789") == "" {
		which = "assessment " + id + "'s"
	}
	return assess.Errorf(assess.EInvalid, "%s archive flag is neither 0 nor 1, the only values assay writes: it was set outside assay, and the team database takes no change to the assessment until it is put right (rule %s); nothing was recorded. In the workspace, A shows the archived ones and a on it restores it (archive it again if it is to stay set aside); assay verify names every such assessment",
		which, archivedFlagConstraint)
}
