package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/store"
)

func (a *app) migrateCommand() *cobra.Command {
	var to, from string
	cmd := &cobra.Command{
		Use:   "migrate --to DSN | --from DSN",
		Short: "Move a portfolio between your SQLite file and a team database",
		Long: `assay migrate --to DSN copies the portfolio of your SQLite file (--db, or
$ASSAY_DB) into the team database the connection string names; --from DSN
copies a team database's portfolio into your file. Everything moves: every
assessment, subject, audit trail, sign-off, questionnaire snapshot and ledger
entry, as it is, so that the trails and signatures verify there as they did
here, and reports read the same.

The copy is one transaction on the target, checked as assay verify would
before it is committed: if anything fails, the target is left as it was. The
target must hold no portfolio yet (a ledger is one signed chain, and two
cannot be merged). Copying into a team database takes its owner role, since
the history brought in was recorded under other names. Every signature must be
by a key you trust (assay key trust), as for assay verify.`,
		Example: `  assay migrate --to 'postgres://db.example.org/privacy'
  assay migrate --from 'postgres://db.example.org/privacy' \
    --db archive-2026.db`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if (to == "") == (from == "") {
				return fmt.Errorf("give either --to DSN (from your file into a team database) or --from DSN (from a team database into your file)")
			}
			if a.isTeam() {
				return fmt.Errorf("--db names a team database: assay migrate moves a portfolio between a SQLite file (--db) and a team database (--to or --from)")
			}
			team := to + from
			flag := map[bool]string{true: "--to", false: "--from"}[to != ""]
			if cmd.Flags().Changed(flag[2:]) {
				a.warnPassword(flag, team)
			}
			t, err := store.ParseTarget(team)
			if err != nil {
				return err
			}
			if !t.Postgres {
				return fmt.Errorf("%s takes a team database's PostgreSQL connection string (postgres://HOST/DATABASE or host=HOST dbname=DATABASE), not a file", flag)
			}
			// The team database opens first, so that a login it refuses or
			// a schema with no portfolio creates no file; and a file that
			// --from creates is removed again if anything fails after: the
			// target is left as it was, absent.
			server, err := store.OpenTeam(t.Value, a.decoder().Decode)
			if err != nil {
				return err
			}
			defer server.Close()
			server.SetKeySource(a.signingKey)
			server.SetTrust(a.keyring)
			_, statErr := os.Lstat(a.dbPath)
			created := from != "" && errors.Is(statErr, fs.ErrNotExist)
			file, err := a.store()
			if err == nil {
				src, dst := file, server
				if from != "" {
					src, dst = server, file
				}
				var done store.Copied
				if done, err = store.CopyPortfolio(cmd.Context(), src, dst); err == nil {
					a.reportCopy(src, dst, done)
					return nil
				}
			}
			if created {
				if a.db != nil {
					a.db.Close()
					a.db = nil
				}
				for _, suffix := range databaseSuffixes {
					_ = os.Remove(a.dbPath + suffix)
				}
			}
			return err
		},
	}
	cmd.Flags().StringVar(&to, "to", "", "the team database to copy your file's portfolio into (a PostgreSQL connection string)")
	cmd.Flags().StringVar(&from, "from", "", "the team database to copy into your file (a PostgreSQL connection string)")
	return cmd
}

// reportCopy says what a move copied, and that it verified.
func (a *app) reportCopy(src, dst *store.DB, done store.Copied) {
	fmt.Fprintf(a.stdout, "Copied from %s to %s: %s, %s, %s, %s, %s.\n",
		safetext.OneLine(src.Where()), safetext.OneLine(dst.Where()),
		assess.Count(done.Assessments, "assessment", "assessments"), assess.Count(done.Subjects, "subject", "subjects"),
		assess.Count(done.Records, "audit record", "audit records"), assess.Count(done.Entries, "ledger entry", "ledger entries"),
		assess.Count(done.Snapshots, "questionnaire snapshot", "questionnaire snapshots"))
	fmt.Fprintf(a.stdout, "Verified in %s before it was committed: %s and %s intact.\n", safetext.OneLine(dst.Where()),
		assess.Count(done.Verified.Records, "audit record", "audit records"), assess.Count(done.Verified.Entries, "ledger entry", "ledger entries"))
}
