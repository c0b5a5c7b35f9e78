package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/store"
)

func (a *app) migrateCommand() *cobra.Command {
	var to, from string
	cmd := &cobra.Command{
		Use:   "migrate --to|--from DSN",
		Short: "Move a portfolio between your SQLite file and a team database",
		Long: `assay migrate --to DSN copies the portfolio of your SQLite file (--db, or
$ASSAY_DB) into the team database the connection string names; --from DSN
copies a team database's portfolio into your file. Everything moves: every
assessment, subject, audit trail, sign-off, questionnaire snapshot and ledger
entry, as it is, so that the trails and signatures verify there as they did
here, and reports read the same.

The copy is one transaction on the target, checked as assay verify would
before it is committed: if anything fails, the target is left as it was (a
team database lost while the copy was being committed may hold it: assay
says so, and assay --db DSN verify tells). A
file that is not there yet is built beside it, in a folder only you may
enter (.NAME.migrating-PID), and renamed into place once verified, so that
a move killed at any moment leaves no file; the next move into that folder
removes what a killed one left, whatever its name, so a file named as such
a build (.NAME.migrating-PID or .NAME.backup-PID) is refused. A symbolic
link to a file that is not there is followed: the file is built where it
points; a link another user may have planted in a shared folder such as
/tmp is refused, as -o and backup refuse it. The
target must hold no portfolio yet (a ledger is one signed chain, and two
cannot be merged). Copying into a team database takes its owner role, since
the history brought in was recorded under other names. Every signature must be
by a key you trust (assay key trust), as for assay verify. A source whose
protections (its triggers, indexes, constraints) were changed outside assay
is copied all the same, since every record verifies in the copy; assay then
says that the source's own verify fails, what it names, and the verify
command that shows it.`,
		Example: `  assay migrate --to 'postgres://db.example.org/privacy'
  assay migrate --from 'postgres://db.example.org/privacy' \
    --db archive-2026.db`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if (to == "") == (from == "") {
				return fmt.Errorf("give either --to DSN (from your file into a team database) or --from DSN (from a team database into your file)")
			}
			if a.isTeam() {
				// With the team database in $ASSAY_DB (docs/team.md's
				// profile), the person gave no --db: say where the
				// name came from, and how to name the file.
				return fmt.Errorf("%s names a team database: assay migrate moves a portfolio between a SQLite file (--db FILE) and a team database (--to or --from); nothing was copied", a.dbNamer())
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
			// A new file is built where nothing is, or where a link to
			// nothing leads; never under a build's name, which a later
			// backup or move removes, nor through a link another user
			// may have planted in a shared folder, which -o and backup
			// refuse too: the team's portfolio would be built, or
			// copied into a file, where they chose.
			newAt := ""
			if from != "" {
				if err := refusePlantedLinks(a.dbPath, a.dbPath, "nothing was copied"); err != nil {
					return err
				}
				newAt = newFileAt(a.dbPath)
				for _, name := range []string{a.dbPath, newAt} {
					if err := refuseBuildName(name, "nothing was copied"); err != nil {
						return err
					}
				}
			}
			// The team database opens first, so that a login it refuses or
			// a schema with no portfolio creates no file.
			server, err := store.OpenTeam(t.Value, a.decoder().Decode)
			if err != nil {
				return err
			}
			defer server.Close()
			server.SetKeySource(a.signingKey)
			server.SetTrust(a.keyring)
			if newAt != "" {
				err := a.migrateIntoNewFile(cmd.Context(), server, a.dbPath, newAt, sayIfInterrupted(flag, a.dbPath, true))
				if said := a.interruptedMigrate(cmd.Context(), err, flag, a.dbPath, true); said != nil {
					return said
				}
				return err
			}
			// A file that is there takes the copy in one transaction,
			// which a failure or a kill undoes whole. The file copied
			// --to a team database must be there: a mistyped name would
			// become an empty portfolio, copied as if it were the
			// person's (db_existing.go).
			a.mustExist = to != ""
			target := server.Where()
			if from != "" {
				target = a.dbPath
			}
			ctx := store.WhenCommitting(cmd.Context(), sayIfInterrupted(flag, target, false))
			file, err := a.store()
			if err != nil {
				return err
			}
			src, dst := file, server
			if from != "" {
				src, dst = server, file
			}
			done, err := store.CopyPortfolio(ctx, src, dst)
			if said := a.interruptedMigrate(cmd.Context(), err, flag, dst.Where(), false); said != nil {
				return said
			}
			if err == nil {
				a.reportCopy(src.Where(), dst.Where(), done)
			}
			return err
		},
	}
	cmd.Flags().StringVar(&to, "to", "", "the team database to copy your file's portfolio into (a PostgreSQL connection string)")
	cmd.Flags().StringVar(&from, "from", "", "the team database to copy into your file (a PostgreSQL connection string)")
	return cmd
}

// reportCopy says what a move from src to dst copied, that it verified,
// and whether src's own protections were changed outside assay.
func (a *app) reportCopy(src, dst string, done store.Copied) {
	fmt.Fprintf(a.stdout, "Copied from %s to %s: %s, %s, %s, %s, %s.\n",
		shownName(src), shownName(dst),
		assess.Count(done.Assessments, "assessment", "assessments"), assess.Count(done.Subjects, "subject", "subjects"),
		assess.Count(done.Records, "audit record", "audit records"), assess.Count(done.Entries, "ledger entry", "ledger entries"),
		assess.Count(done.Snapshots, "questionnaire snapshot", "questionnaire snapshots"))
	fmt.Fprintf(a.stdout, "Verified in %s before it was committed: %s and %s intact.\n", shownName(dst),
		assess.Count(done.Verified.Records, "audit record", "audit records"), assess.Count(done.Verified.Entries, "ledger entry", "ledger entries"))
	if done.SourceChanged != "" {
		// The records verify in the copy; the source left behind, a file
		// or a team database, fails its own verify, which the person
		// moving off it is told now rather than finding out there later.
		// Its objects' names are whatever sqlite3 or a DBA made them: one
		// line.
		fmt.Fprintf(a.stdout, "The copy is sound, but the protections of %s were changed outside assay, so its own verify fails: %s. Run %s to see it there.\n",
			shownName(src), safetext.OneLine(done.SourceChanged), safetext.OneLine(done.SourceVerify))
	}
}
