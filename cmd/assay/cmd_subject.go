package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/safetext"
)

func (a *app) subjectCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "subject",
		Short: "Vendors, systems and datasets: their records and assessments over time",
		Long: `A subject is what is assessed: a vendor, a system or a dataset, with a name, an
owner, contacts, a tier and notes, and its assessments over time. assay new
attaches an assessment to the subject of that name (ignoring case), creating
the subject if there is none.

A vendor's tier comes from its latest third-party assessment (neither rejected
nor archived) whose questionnaire sets an inherent tier; a tier set by hand
with --tier counts only while no assessment sets one. The tier sets how often
the subject is reassessed: see assay due.`,
	}
	cmd.AddCommand(a.subjectListCommand(), a.subjectAddCommand(), a.subjectShowCommand(), a.subjectEditCommand())
	return asGroup(cmd)
}

type subjectFlags struct {
	name, kind, owner, tier, notes string
	contacts                       []string
}

func (f *subjectFlags) add(cmd *cobra.Command, withName bool) {
	fl := cmd.Flags()
	if withName {
		fl.StringVar(&f.name, "name", "", "a new name")
	}
	fl.StringVar(&f.kind, "kind", "", "what the subject is: vendor, system or dataset")
	fl.StringVar(&f.owner, "owner", "", "who in the organisation answers for it")
	fl.StringArrayVar(&f.contacts, "contact", nil, "a contact (repeat for several)")
	fl.StringVar(&f.tier, "tier", "", "tier set by hand: low, moderate, high or critical (a third-party assessment's tier wins)")
	fl.StringVar(&f.notes, "notes", "", "notes")
}

func (a *app) subjectAddCommand() *cobra.Command {
	var f subjectFlags
	cmd := &cobra.Command{
		Use:   "add NAME",
		Short: "Add a subject and print its ID",
		Example: `  assay subject add "Acme Cloud Ltd" --kind vendor \
    --owner "IT procurement" --contact "security@acme.example"`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s := &assess.Subject{Name: args[0], Kind: f.kind, Owner: strings.TrimSpace(f.owner), Contacts: f.contacts, SetTier: f.tier, Notes: f.notes}
			// Checked (on a copy, which Validate trims) before the
			// database opens, as CreateSubject checks it: refused there,
			// a first command would leave an empty database behind.
			check := *s
			if err := check.Validate(); err != nil {
				return err
			}
			db, err := a.store()
			if err != nil {
				return err
			}
			if err := db.CreateSubject(a.ctx(cmd), s); err != nil {
				return err
			}
			fmt.Fprintln(a.stdout, s.ID)
			return nil
		},
	}
	f.add(cmd, false)
	return cmd
}

func (a *app) subjectEditCommand() *cobra.Command {
	var f subjectFlags
	cmd := &cobra.Command{
		Use:   "edit NAME|ID",
		Short: "Change a subject's record and print its ID",
		Long: `Change the fields given; --contact replaces the list of contacts (give
--contact "" to clear it), --tier "" clears the tier set by hand. Renaming a
subject renames it on its assessments too, except approved ones, which keep
the name they were approved under. Prints the subject's ID alone on stdout,
for scripts.`,
		Example: `  assay subject edit "Acme Cloud Ltd" --tier high \
    --owner "Vendor management"`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			db, err := a.store()
			if err != nil {
				return err
			}
			ctx := a.ctx(cmd)
			s, err := db.FindSubject(ctx, args[0])
			if err != nil {
				return err
			}
			changed := cmd.Flags().Changed
			given := func(flag string, v *string) *string {
				if changed(flag) {
					return v
				}
				return nil
			}
			ch := assess.SubjectChange{Name: given("name", &f.name), Kind: given("kind", &f.kind), Owner: given("owner", &f.owner),
				SetTier: given("tier", &f.tier), Notes: given("notes", &f.notes)}
			if changed("contact") {
				ch.Contacts = &f.contacts
			}
			if ch.Empty() {
				return fmt.Errorf("nothing to change: give --name, --kind, --owner, --contact, --tier or --notes")
			}
			// The store applies the change to the record as it is when it
			// writes: another process may have changed it since.
			if s, err = db.EditSubject(ctx, s.ID, ch); err != nil {
				return err
			}
			fmt.Fprintln(a.stdout, s.ID)
			return nil
		},
	}
	f.add(cmd, true)
	return cmd
}

func (a *app) subjectListCommand() *cobra.Command {
	var asOf string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List subjects with their tier, last assessment and next reassessment",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			day, err := today(asOf)
			if err != nil {
				return err
			}
			policy, subjects, err := a.portfolio(cmd)
			if err != nil {
				return err
			}
			var rows []assess.DueSubject
			for _, s := range subjects {
				rows = append(rows, assess.Cadence(s, policy, day))
			}
			if asJSON {
				return a.writeJSON(dueJSON(rows))
			}
			t := newTable("ID", "NAME", "KIND", "TIER", "OWNER", "ASSESSMENTS", "LAST", "NEXT DUE", "STATE")
			for _, d := range rows {
				s := d.Subject
				t.row(fmt.Sprint(s.ID), s.Name, orDash(s.Kind), orDash(s.Tier), orDash(safetext.OneLine(s.Owner)),
					fmt.Sprint(len(s.Assessments)), orDash(d.Last.AssessedOn.String()), orDash(d.Due.String()), dueWords(d))
			}
			return t.write(a.stdout)
		},
	}
	cmd.Flags().StringVar(&asOf, "as-of", "", "judge reassessments due as of this day, YYYY-MM-DD (default today)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func (a *app) subjectShowCommand() *cobra.Command {
	var asOf string
	cmd := &cobra.Command{
		Use:   "show NAME|ID",
		Short: "Show a subject's record, its assessments over time and its next reassessment",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			day, err := today(asOf)
			if err != nil {
				return err
			}
			db, err := a.store()
			if err != nil {
				return err
			}
			cfg, err := a.config()
			if err != nil {
				return err
			}
			s, err := db.FindSubject(a.ctx(cmd), args[0])
			if err != nil {
				return err
			}
			d := assess.Cadence(s, cfg.CadencePolicy(), day)
			w := a.stdout
			fmt.Fprintf(w, "Subject %d: %s\n", s.ID, safetext.OneLine(s.Name))
			fmt.Fprintf(w, "  Kind:     %s\n", orDash(s.Kind))
			fmt.Fprintf(w, "  Owner:    %s\n", orDash(safetext.OneLine(s.Owner)))
			for i, c := range s.Contacts {
				label := "          "
				if i == 0 {
					label = "Contacts: "
				}
				fmt.Fprintf(w, "  %s%s\n", label, safetext.OneLine(c))
			}
			tier := orDash(s.Tier)
			switch {
			case s.TierFrom != 0:
				tier += fmt.Sprintf(" (from assessment %d)", s.TierFrom)
			case s.Tier != "":
				tier += " (set by hand)"
			}
			fmt.Fprintf(w, "  Tier:     %s\n", tier)
			if s.Notes != "" {
				fmt.Fprintf(w, "  Notes:    %s\n", safetext.OneLine(s.Notes))
			}
			fmt.Fprintf(w, "  Cadence:  every %s; %s\n", assess.Count(d.Months, "month", "months"), dueSentence(d))
			if len(s.Assessments) == 0 {
				fmt.Fprintln(w, "\nNo assessments yet.")
				return nil
			}
			fmt.Fprintln(w)
			t := newTable("ID", "DATE", "QUESTIONNAIRE", "STATUS", "REVISION", "LEVEL", "TIER")
			for _, r := range s.Assessments {
				status := statusCell(r.Status.Words(), r.Archived, r.UseForbidden)
				rev := fmt.Sprint(r.Revision)
				if r.RevisionOf != 0 {
					rev += fmt.Sprintf(" (of %d)", r.RevisionOf)
				}
				t.row(fmt.Sprint(r.ID), r.AssessedOn.String(), r.Questionnaire, status, rev, orDash(r.Level), orDash(r.Tier))
			}
			return t.write(w)
		},
	}
	cmd.Flags().StringVar(&asOf, "as-of", "", "judge the next reassessment as of this day, YYYY-MM-DD (default today)")
	return cmd
}

// portfolio loads the cadence policy and every subject.
func (a *app) portfolio(cmd *cobra.Command) (assess.CadencePolicy, []*assess.Subject, error) {
	cfg, err := a.config()
	if err != nil {
		return assess.CadencePolicy{}, nil, err
	}
	db, err := a.store()
	if err != nil {
		return assess.CadencePolicy{}, nil, err
	}
	subjects, err := db.Subjects(a.ctx(cmd))
	return cfg.CadencePolicy(), subjects, err
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return s
}
