package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess/safetext"
)

func (a *app) verifyCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "verify [ID]",
		Short: "Check that the audit trail has not been altered",
		Long: `Every change (answer, note, evidence, plan edit, status, sign-off, subject
edit) is an audit record with who, when, the old and the new value. Each
record's hash covers the one before it, and the length and last hash of each
trail are kept with the assessment or subject, so editing, removing or adding a
record outside assay breaks the chain.

assay verify checks the trail of one assessment, or with no ID every
assessment's and subject's. It exits 0 when every trail is intact, and 1 naming
the first broken record otherwise.`,
		Example: `  assay verify
  assay verify 3`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var id int64
			if len(args) == 1 {
				var err error
				if id, err = assessmentID(args[0]); err != nil {
					return err
				}
			}
			db, err := a.store()
			if err != nil {
				return err
			}
			res, err := db.Verify(a.ctx(cmd), id)
			if err != nil {
				return err
			}
			if res.Broken != nil {
				return exitError{code: 1, msg: "audit trail broken: " + safetext.OneLine(res.Broken.Error())}
			}
			what := countOf(res.Assessments, "assessment", "assessments")
			if id == 0 {
				what += ", " + countOf(res.Subjects, "subject", "subjects")
			}
			fmt.Fprintf(a.stdout, "Audit trail intact: %s, %s checked.\n", what, countOf(res.Records, "record", "records"))
			return nil
		},
	}
}

// countOf says "1 record", "2 records".
func countOf(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
