package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/export"
	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/internal/input"
	"github.com/assay-dev/assay/store"
)

func (a *app) exportCommand() *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "export ID",
		Short: "Write the whole assessment as JSON, for another assay database",
		Long: `Write everything about an assessment to one JSON file: the questionnaire it
pinned (byte for byte, with its SHA-256), every answer with its note, evidence
and source, the plan edits, the signatures and the whole audit trail with its
hash chain. assay import reads it into any assay database.

The file holds confidential answers: with -o it is written with mode 0600.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			asmt, err := a.assessment(cmd, args[0])
			if err != nil {
				return err
			}
			if err := a.checkWrittenAs("export", out, "JSON (.json)", "json"); err != nil {
				return err
			}
			f, err := a.db.Export(a.ctx(cmd), asmt.ID)
			if err != nil {
				return err
			}
			if err := f.CheckFields(); err != nil {
				return unimportable(asmt.ID, err)
			}
			if err := clockBeforeTrail(f, a.db.Now(), asmt.ID); err != nil {
				return err
			}
			b, err := export.Marshal(f)
			if err != nil {
				return err
			}
			return a.writeOutput(out, b)
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to FILE instead of standard output")
	return cmd
}

func (a *app) importCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: "Read an assessment written by assay export",
		Long: `Read an assessment file written by assay export into this database, as a new
assessment with the same UUID, answers, plan, signatures and audit trail. The
file is checked first: its format version, the questionnaire's SHA-256, every
answer against the questionnaire, and the audit trail's hash chain. A damaged
or altered file is refused with the field at fault, and nothing is stored.
Prints the assessment's ID here ("imported UUID as assessment 7").`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			name := args[0]
			if a.isDatabaseFile(name) {
				// Read, it is only "binary": say what it is.
				return fmt.Errorf("%s is this assay database (or one of its own files), not an export: assay import reads a file assay export wrote; nothing was imported", name)
			}
			src, err := input.ReadFile(name)
			if err != nil {
				return err
			}
			f, err := export.Unmarshal(name, src)
			if err != nil {
				return fmt.Errorf("%w; nothing was imported", err)
			}
			db, err := a.store()
			if err != nil {
				return err
			}
			// Asked before: the file's subject record is used only when the
			// import creates the subject (a database's own record wins).
			subjectWasHere := subjectHere(a.ctx(cmd), db, f.Assessment.Subject)
			asmt, err := db.Import(a.ctx(cmd), f)
			if err != nil {
				return leftUnchanged(fmt.Errorf("%s: %w", name, a.ownRetiredSigner(err)), "nothing was imported")
			}
			fmt.Fprintf(a.stdout, "imported %s as assessment %d\n", asmt.UUID, asmt.ID)
			sayStatedNameDoubts(a.stdout, asmt.Imported)
			switch {
			case asmt.RevisionOf != 0:
				fmt.Fprintf(a.stdout, "it is revision %d of assessment %d\n", asmt.Revision, asmt.RevisionOf)
			case f.Assessment.RevisionOf != "":
				fmt.Fprintf(a.stdout, "it revises assessment %s, which is not here as an approved assessment without a revision: imported without that link\n",
					safetext.OneLine(f.Assessment.RevisionOf))
			}
			sayCarriedNotHere(a.stdout, asmt)
			sayStepsBeforeAcceptance(a.stdout, f, asmt)
			if !subjectWasHere {
				a.saySubjectNotPlaced(a.ctx(cmd), db, name, f, asmt)
			}
			return nil
		},
	}
	return cmd
}

// subjectHere reports whether this database holds a subject of that
// name. A read that fails says it may not: the import's note about the
// subject's record is then said rather than left out.
func subjectHere(ctx context.Context, db *store.DB, name string) bool {
	_, err := db.SubjectByName(ctx, name)
	return err == nil
}

// saySubjectNotPlaced is said when the import created the subject with
// the file's record and that record's signed head is older than the
// assessment's: nothing here shows the record was still the subject's
// when the assessment was last changed, as only the database the file
// was made from holds the ledger that places the two heads
// (store.CheckExport), and a subject head taken from an older export
// passes anywhere else. It was said on nearly every import from another
// database, since a subject is usually edited before its assessment is,
// and also where it told nothing: where the subject was already here with
// the same record (its own record kept, the file's unused). It names what
// was placed, and says nothing of a record that holds nothing. The import
// is done: a read that fails here says the note rather than none.
func (a *app) saySubjectNotPlaced(ctx context.Context, db *store.DB, name string, f *export.File, asmt *assess.Assessment) {
	rec, h := f.SubjectRecord, f.Head
	if rec == nil || h == nil || h.Subject == nil || h.Assessment == nil || h.Subject.Entry.Seq >= h.Assessment.Entry.Seq || asmt.SubjectID == 0 {
		return
	}
	var placed []string
	for _, field := range []struct {
		name string
		set  bool
	}{{"owner", rec.Owner != ""}, {"contacts", len(rec.Contacts) > 0}, {"tier", rec.Tier != ""}, {"notes", rec.Notes != ""}} {
		if field.set {
			placed = append(placed, field.name)
		}
	}
	if len(placed) == 0 {
		return
	}
	if held, err := db.HoldsLedgerOf(ctx, f); err == nil && held {
		return
	}
	fmt.Fprintf(a.stdout, "the subject %s is new here, with the %s the file carries from the subject's signed head of ledger entry %d; "+
		"the assessment was changed after that (entry %d), and this database cannot check that they were still the subject's then: "+
		"assay verify --against %s in the database it was exported from checks it\n",
		safetext.OneLine(f.Assessment.Subject), assess.JoinAnd(placed), h.Subject.Entry.Seq, h.Assessment.Entry.Seq, safetext.OneLine(name))
}

// clockBeforeTrail refuses to export while this computer's clock reads
// before what the assessment's trail records here: the file would say it
// was made before records it carries, which import refuses
// (export.File.CheckDated), so the colleague would get a file they cannot
// read. Better said here, with what to do.
func clockBeforeTrail(f *export.File, now time.Time, id int64) error {
	latest, _, ok := f.LatestRecordedHere()
	if !ok || !latest.After(now.Add(export.ClockSkew)) {
		return nil
	}
	at := latest.UTC().Format(time.RFC3339)
	return fmt.Errorf("this computer's clock reads %s, before the latest time assessment %d's audit trail records, %s: assay import refuses a file dated before what it carries. "+
		"Check and correct the clock (if it is right now and was ahead then, wait until %s) and export again; nothing was written",
		now.UTC().Format(time.RFC3339), id, at, at)
}

// unimportable refuses to export an assessment that import would refuse:
// text an older assay stored (escape sequences in a note, before
// 2026-12-03) that this assay shows inert but cannot clean in a file,
// since the trail's hashes cover it as stored, or more evidence
// references on an answer than one may list. The way forward is to
// replace that text here; the old records that held it stay as they are.
func unimportable(id int64, err error) error {
	return fmt.Errorf("assessment %d holds what assay import refuses, which an older assay stored: %w. "+
		"Replace it here (assay answer %d with --overwrite for an answer, note or evidence; assay plan %d for a plan item; "+
		"assay subject edit for a subject) and export again; nothing was written", id, err, id, id)
}

// sayStepsBeforeAcceptance names each submission, approval or rejection
// of the file dated before a risk acceptance it signs
// (export.File.StepsBeforeAcceptance). assay refuses to record such a
// step since 2026-12-06, but an older one let it be typed so: the file
// is its signer's record, signed with a key trusted here, and an
// approved assessment can no longer be changed, so refused it could never
// move to another database. It is imported as signed, and said.
func sayStepsBeforeAcceptance(w io.Writer, f *export.File, asmt *assess.Assessment) {
	accepted := map[string]bool{}
	for _, it := range assess.Evaluate(asmt, assess.DateOf(time.Now())).Plan {
		if it.Status == assess.ItemAccepted {
			accepted[it.Key()] = true
		}
	}
	for _, s := range f.StepsBeforeAcceptance(accepted) {
		fmt.Fprintf(w, "its %s dated %s by %s is dated before the risk acceptance of %s it signs, recorded on %s or later on any calendar: "+
			"an older assay let a step be dated so, and assay now refuses to record such a step; the assessment was imported as signed\n",
			assess.SignOffNoun(s.Step), s.Step.On, safetext.OneLine(s.Step.Name), safetext.OneLine(s.Item), s.AcceptedOn)
	}
}

// sayCarriedNotHere names the explanations an imported revision carried
// from the assessment it revises, which is not linked here: nothing here
// vouches for them, so they explain nothing, and the reviewer would
// otherwise find those disagreements unexplained with no word of why.
func sayCarriedNotHere(w io.Writer, asmt *assess.Assessment) {
	n := len(asmt.CarriedNotHere)
	if n == 0 {
		return
	}
	each := make([]string, n)
	for i, e := range asmt.CarriedNotHere {
		each[i] = safetext.OneLine(e.Check) + " (" + e.Words() + ")"
	}
	fmt.Fprintf(w, "so the %s it carried from that assessment %s nothing here: %s\n",
		assess.Plural(n, "explanation", fmt.Sprintf("%d explanations", n)), assess.Plural(n, "explains", "explain"), strings.Join(each, "; "))
	switch {
	case asmt.Status == assess.Approved:
		fmt.Fprintf(w, "The assessment is approved: its report shows %s unexplained.\n", assess.Plural(n, "that disagreement", "those disagreements"))
	case n == 1:
		fmt.Fprintf(w, "If it still holds, explain it again: assay explain %d %s TEXT\n", asmt.ID, safetext.OneLine(asmt.CarriedNotHere[0].Check))
	default:
		fmt.Fprintf(w, "Explain again each that still holds: assay explain %d CHECK TEXT\n", asmt.ID)
	}
}
