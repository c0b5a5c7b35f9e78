package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/internal/wraptext"
	"github.com/assay-dev/assay/store"
)

func (a *app) teamCommand() *cobra.Command {
	// Each role's row wraps under its own column at 78: fang sets the
	// long help two columns in, so that help through a pipe shows the
	// table whole at 80 (a row ran to 100), and in a terminal the help is
	// wrapped again under the same column (help_fit.go).
	var roles strings.Builder
	for _, r := range store.TeamRoles {
		for _, l := range wraptext.Row(fmt.Sprintf("  %-9s %s", r.Name, r.May), 78) {
			roles.WriteString(strings.TrimRight(l, " ") + "\n")
		}
	}
	cmd := &cobra.Command{
		Use:   "team",
		Short: "Set up a team database on PostgreSQL and say who may do what",
		Long: `A team keeps one portfolio on a PostgreSQL server: --db or $ASSAY_DB names it
with a connection string (postgres://HOST/DATABASE, or host=HOST
dbname=DATABASE). Every change is recorded under the login the server
authenticated, and the server itself enforces what each role may do:

` + roles.String() + `
assay team init sets up the schema and the roles (run it as a login that may
create roles, once, and again after upgrading assay); assay team grant and
revoke give logins roles and take them back, and record it in the team
database (assay verify names a role held that assay did not grant); revoke
also takes what a login was granted by name on the team schema's tables and
functions; assay team list shows who holds which. Each prints the SQL
statements it ran. Passwords never go on a command
line: create a login in psql (CREATE ROLE name LOGIN; \password name), and
give assay yours in ~/.pgpass or the file PGPASSFILE names. See docs/team.md.`,
		Example: `  export ASSAY_DB='postgres://db.example.org/privacy'
  assay team init
  assay team grant ana analyst
  assay team grant dee approver
  assay team list`,
	}
	cmd.AddCommand(
		&cobra.Command{
			Use:   "init",
			Short: "Set up (or bring up to date) the team schema and its roles",
			Args:  cobra.NoArgs,
			RunE: func(cmd *cobra.Command, _ []string) error {
				dsn, err := a.teamDSN()
				if err != nil {
					return err
				}
				ran, err := store.TeamInit(cmd.Context(), dsn, a.signingKey)
				if err != nil {
					a.printRan(ran, err, "")
					return err
				}
				rescored, err := a.rescoreTeam(cmd.Context())
				if len(ran) == 0 && rescored == 0 && err == nil {
					fmt.Fprintln(a.stdout, "The team database is up to date; nothing to do.")
				}
				if len(ran) > 0 {
					a.printRan(ran, nil, "")
				}
				if rescored > 0 {
					fmt.Fprintf(a.stdout, "Scored %s again under %s: %s from an older assay.\n", assess.Count(rescored, "assessment", "assessments"),
						assess.ScoringVersion, assess.Plural(rescored, "its stored level came", "their stored levels came"))
				}
				return err
			},
		},
		a.teamMembershipCommand("grant", "Give a login team roles"),
		a.teamMembershipCommand("revoke", "Take team roles back from a login, with what it was granted by name on the team schema"),
		&cobra.Command{
			Use:   "list",
			Short: "List the logins holding a team role",
			Args:  cobra.NoArgs,
			RunE: func(cmd *cobra.Command, _ []string) error {
				dsn, err := a.teamDSN()
				if err != nil {
					return err
				}
				members, err := store.TeamMembers(cmd.Context(), dsn)
				if err != nil {
					return err
				}
				if len(members) == 0 {
					fmt.Fprintln(a.stdout, "No login holds a team role yet: assay team grant LOGIN ROLE gives one.")
					return nil
				}
				return a.writeTeamMembers(members)
			},
		},
	)
	return asGroup(cmd)
}

// writeTeamMembers prints who holds which team role, and marks what
// tests and years of use leave behind: a role holder that cannot log in,
// or that never registered a signing key in this portfolio (a login
// registers one with its first change; an auditor never needs one); and
// logins drawn like one another, which read as one person in a trail.
func (a *app) writeTeamMembers(members []store.TeamMember) error {
	t := newTable("LOGIN", "ROLES", "SIGNING KEY", "NOTE")
	cannot, keyless, outside := 0, 0, 0
	alike := lookAlikeNotes(members)
	for i, m := range members {
		key := ""
		switch {
		case m.Keys == 0:
			key = "none registered"
			keyless++
		case m.Keys > 0:
			key = "registered"
		}
		var notes []string
		if m.CannotLogIn != "" {
			notes = append(notes, "cannot log in: "+m.CannotLogIn)
			cannot++
		}
		if len(m.OutsideAssay) > 0 {
			notes = append(notes, "granted outside assay: "+strings.Join(m.OutsideAssay, ", "))
			outside++
		}
		if like, ok := alike[i]; ok {
			notes = append(notes, like)
		}
		t.row(m.Login, strings.Join(m.Roles, ", "), key, strings.Join(notes, "; "))
	}
	if err := t.write(a.stdout); err != nil {
		return err
	}
	if cannot > 0 || keyless > 0 || outside > 0 || len(alike) > 0 {
		fmt.Fprintln(a.stdout) // the notes are not a row of the table
	}
	if cannot > 0 {
		fmt.Fprintf(a.stdout, "%s a team role but cannot log in: assay team revoke takes the roles back.\n",
			assess.Plural(cannot, "1 role holds", fmt.Sprintf("%d roles hold", cannot)))
	}
	if outside > 0 {
		fmt.Fprintf(a.stdout, "%s a team role assay did not grant in this database: assay team grant records it if it was meant, assay team revoke takes it back.\n",
			assess.Plural(outside, "1 login or role holds", fmt.Sprintf("%d logins or roles hold", outside)))
	}
	if len(alike) > 0 {
		fmt.Fprintf(a.stdout, "%d logins are drawn like another holder's: what each does reads as the other's wherever a name is shown; "+
			"assay team revoke takes back a role that was not meant.\n", len(alike))
	}
	if keyless > 0 {
		fmt.Fprintf(a.stdout, "%s no signing key registered in this portfolio: nothing in its ledger is signed by %s.\n",
			assess.Plural(keyless, "1 login holding a team role has", fmt.Sprintf("%d logins holding a team role have", keyless)),
			assess.Plural(keyless, "it", "them"))
	}
	return nil
}

func (a *app) teamMembershipCommand(verb, short string) *cobra.Command {
	return &cobra.Command{
		Use:     verb + " LOGIN ROLE...",
		Short:   short,
		Example: "  assay team " + verb + " ana analyst approver",
		Args:    cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			dsn, err := a.teamDSN()
			if err != nil {
				return err
			}
			var members []store.TeamMember
			if verb == "grant" {
				// Read before the grant, so the login is compared with
				// the others, not found among them. A server that cannot
				// list them fails the grant itself, which says why.
				members, _ = store.TeamMembers(cmd.Context(), dsn)
			}
			change, err := store.ChangeTeamRoles(cmd.Context(), dsn, a.signingKey, args[0], args[1:], verb == "grant")
			if err == nil {
				// Said after the SQL it ran, the grant made.
				if change.LedgerGap != "" {
					defer inform(a.stderr, change.LedgerGap)
				}
				if warning := lookAlikeLogin(args[0], args[1:], members); warning != "" {
					defer inform(a.stderr, warning)
				}
			}
			a.printRan(change.Ran, err, fmt.Sprintf("Nothing to do: %s already %s.", safetext.OneLine(args[0]), map[string]string{
				"grant": "holds those roles", "revoke": "holds none of those roles"}[verb]))
			return withOwnKeyRemedy(err, verb, args)
		},
	}
}

// rescoreTeam scores again the summaries of a team database that an
// assay with older scoring rules stored, so that everyone's lists and
// home screens show the levels the reports give. A team database has no
// mark that would make each person's command do it once (as a file does),
// so the owner's assay team init, run after every upgrade, does it.
func (a *app) rescoreTeam(ctx context.Context) (int, error) {
	db, err := a.store()
	if err != nil {
		return 0, err
	}
	return db.RescoreOlderNow(ctx, nil)
}

// teamDSN is the team database's connection string; assay team has
// nothing to do with a SQLite file.
func (a *app) teamDSN() (string, error) {
	t, err := store.ParseTarget(a.dbPath)
	if err != nil {
		return "", err
	}
	if !t.Postgres {
		return "", fmt.Errorf("assay team sets up a team database on PostgreSQL: give its connection string with --db or $ASSAY_DB (postgres://HOST/DATABASE); %s is a SQLite file", safetext.OneLine(a.dbPath))
	}
	return t.Value, nil
}

// printRan prints the statements a team command ran, as SQL, or that it
// had nothing to do. None of them holds a password. A command that failed
// part way prints what it ran before the failure.
func (a *app) printRan(ran []string, err error, nothing string) {
	if len(ran) == 0 && err == nil {
		fmt.Fprintln(a.stdout, nothing)
		return
	}
	for _, s := range ran {
		fmt.Fprintln(a.stdout, strings.TrimRight(strings.TrimSpace(s), ";")+";")
	}
}

// withOwnKeyRemedy adds to the server's refusal of a grant record signed
// with a key the ledger registers for another name (the person's own
// portfolio, moved in under another login) what to do, in the order
// docs/team.md gives: a key of the login's own first, then the grant
// again. The refusal is the server's (migration 012), so it is known by
// its words.
func withOwnKeyRemedy(err error, verb string, args []string) error {
	if err == nil || !strings.Contains(err.Error(), "may not sign a grant with key") {
		return err
	}
	return fmt.Errorf("%w. A key belongs to one person: give this login a key of its own with assay key new on this team database "+
		"(it keeps the old key trusted), then run assay team %s %s again", err, verb, safetext.OneLine(strings.Join(args, " ")))
}
