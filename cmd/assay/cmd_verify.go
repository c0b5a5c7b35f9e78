package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/export"
	"github.com/assay-dev/assay/assess/history"
	"github.com/assay-dev/assay/assess/ledger"
	"github.com/assay-dev/assay/assess/report"
	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/internal/input"
	"github.com/assay-dev/assay/questionnaires"
	"github.com/assay-dev/assay/store"
)

func (a *app) verifyCommand() *cobra.Command {
	var against string
	var incremental, checkpoint bool
	cmd := &cobra.Command{
		Use:   "verify [ID]", // its flags in its own help, as history's
		Short: "Check that nothing was changed outside assay",
		Long: `Every change (answer, note, evidence, plan edit, status, sign-off, subject
edit) is an audit record with who, when, the old and the new value. Each
record's hash covers the one before it. Every change is also an entry of the
database's ledger, signed with its author's key (kept outside the database,
see assay key), that commits to the trail's head and to the assessment's or
subject's own fields. So editing, removing or adding a record, a row or a
whole assessment outside assay, or rewriting the trail and recomputing its
hashes, is found.

assay verify checks the whole database, or with an ID one assessment: of a
whole personal database first the file itself (SQLite's integrity check,
which finds an index damaged where no table changed), then the lock
triggers, the ledger and every signature, each questionnaire snapshot
against its SHA-256, each trail record by record, every answer, plan edit,
signature and field against the trail, every trail against the ledger, and
the stored summaries against scoring again. It trusts signatures made with
your own key and the keys you trust (assay key trust). It exits 0 when all
is intact, and 1 naming the first record, field or entry at fault.

With --against FILE (a committee report, an OSCAL POA&M or an export made
earlier) it also proves that the database still holds the history the file
pins, and only added to it. An export's content is checked too, as assay
import checks it: the questionnaire against its SHA-256, the audit records'
hash chain to the signed head, and every answer, plan edit, sign-off and
field against them; only who exported it and when are the file's word. A
report (Markdown or HTML) or an OSCAL document carries no signature over
its content: it is not checked, and a copy edited after it was made keeps
its pin and passes too. A PDF or DOCX report is not read back.

With --checkpoint, a verify that finds everything intact signs a verify
checkpoint into the ledger with your key. --incremental then checks only
what changed since your latest checkpoint: the ledger entries since, the
assessments and subjects they changed in full, and every other one's row
and signed head; it does not read again the records, answers and summaries
of assessments nothing changed since (see docs/security.md). Without a
checkpoint of yours, or when anything is amiss, it checks everything.

On a terminal, a progress bar shows on stderr while it works.`,
		Example: `  assay verify
  assay verify 3
  assay verify --against acme-2026.md
  assay verify --checkpoint
  assay verify --incremental --checkpoint`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var id int64
			if len(args) == 1 {
				if against != "" {
					return fmt.Errorf("--against checks the assessment the file pins: give no ID")
				}
				if incremental || checkpoint {
					return fmt.Errorf("--incremental and --checkpoint are of the whole database: give no ID")
				}
				var err error
				if id, err = assessmentID(args[0]); err != nil {
					return err
				}
			}
			var pinned pinnedCopy
			if against != "" && a.isDatabaseFile(against) {
				// Read, it is only "no record line": say what it is.
				return fmt.Errorf("%s is this assay database (or one of its own files), not a copy made from it: --against reads a report in Markdown or HTML, an OSCAL file or an export", against)
			}
			if against != "" {
				var err error
				if pinned, err = readPin(against); err != nil {
					return err
				}
			}
			// Verify of a file that is not there checks nothing: it
			// created an empty database and called it intact, which a
			// restore that checks a mistyped backup's name then trusted.
			target, err := store.ParseTarget(a.dbPath)
			if err != nil {
				return err // what it is, not a file that is not there
			}
			if !target.Postgres {
				// (Other commands read an empty portfolio where nobody
				// named the file; verify has nothing there to vouch for.)
				if _, err := os.Lstat(a.dbPath); errors.Is(err, fs.ErrNotExist) {
					msg := fmt.Sprintf("there is no database at %s to verify: nothing has been recorded there, and nothing was created", safetext.OneLine(a.dbPath))
					if a.dbNamedBy != "" {
						msg += ". If you meant a backup or another file, check the name given with " + a.dbNamedBy
					}
					return errors.New(msg)
				}
			}
			db, err := a.store()
			if err != nil {
				return err
			}
			// Snapshots are decoded from their YAML: the compiled forms in
			// the cache folder are checked for damage, not for forgery.
			db.SetVerifyDecoder(questionnaires.Decode)
			bar := newProgressBar(a.stderr, a.getenv, "assessments and subjects")
			res, err := db.VerifyWith(a.ctx(cmd), store.VerifyOptions{ID: id, Progress: bar.update, Incremental: incremental, Checkpoint: checkpoint})
			bar.done()
			if err != nil && (res.Broken != nil || res.Recorded != nil || !strings.Contains(err.Error(), "checkpoint was not recorded")) {
				return err
			}
			if res.Broken != nil {
				// Worded as assay history words it (history.Verdict): a
				// trail whose protections changed was not checked, one
				// signed with a key not trusted yet is not verified (not a
				// change found, but a failure too), any other is broken.
				v := history.Verdict{Why: res.Broken.Error(), Unchecked: res.Broken.ProtectionsChanged(), Untrusted: res.Broken.Untrusted}
				if own, ok := a.untrustedOwnKey(res.Broken); ok && v.Untrusted {
					v.Why = own
				}
				return exitError{code: 1, msg: v.Failure()}
			}
			if incremental {
				a.printIncremental(res)
			}
			what := assess.Count(res.Assessments, "assessment", "assessments")
			if id == 0 {
				what += ", " + assess.Count(res.Subjects, "subject", "subjects")
			}
			if res.Since != nil {
				fmt.Fprintf(a.stdout, "Audit trail intact: %s; %s changed since, checked in full (%s).\n", what,
					assess.Count(res.Changed, "assessment or subject", "assessments and subjects"), assess.Count(res.Records, "record", "records"))
			} else {
				fmt.Fprintf(a.stdout, "Audit trail intact: %s, %s checked.\n", what, assess.Count(res.Records, "record", "records"))
			}
			a.printLedger(res, id)
			a.printAdded(res.Added)
			a.printUnsignedGrants(res.UnsignedGrants)
			a.printUnacted(res.Unacted)
			if err != nil {
				fmt.Fprintln(a.stderr, "assay: "+messageLine(err.Error()))
			} else if e := res.Recorded; e != nil {
				fmt.Fprintf(a.stdout, "Verify checkpoint recorded: ledger entry %d, signed with your key; assay verify --incremental starts from it.\n", e.Seq)
			}
			if against == "" {
				return nil
			}
			got, err := db.CheckPin(a.ctx(cmd), pinned.pin)
			if err != nil {
				return exitError{code: 1, msg: safetext.OneLine(fmt.Sprintf("%s: %v", against, err))}
			}
			// An export carries its records and signed head: it is held
			// to what assay import holds it to, so that a copy edited
			// after it was made fails here as it would there.
			if pinned.export != nil {
				checked, err := db.CheckExport(a.ctx(cmd), pinned.export)
				var behind *store.LedgerBehindError
				if errors.As(err, &behind) {
					return exitError{code: 1, msg: safetext.OneLine(fmt.Sprintf("%s: the database no longer holds ledger entry %d, which signed the subject's head the export carries "+
						"(its ledger ends at entry %d): it was rolled back since the export was made (a backup restored?), or the export was changed", against, behind.Entry, behind.Tip))}
				}
				if err != nil {
					return exitError{code: 1, msg: safetext.OneLine(fmt.Sprintf("%s: the content of the export is not as assay wrote it: %v; "+
						"the database still holds the record it pins, so an export made afresh shows the assessment as it is now", against, a.ownRetiredSigner(err)))}
				}
				pinned.headsPlaced = checked.Heads == store.HeadsChecked
			}
			a.printAgainst(against, pinned, got)
			return nil
		},
	}
	cmd.Flags().StringVar(&against, "against", "", "a report, OSCAL POA&M or export made earlier: prove the database still holds the history it pins")
	cmd.Flags().BoolVar(&checkpoint, "checkpoint", false, "when all is intact, sign a verify checkpoint into the ledger for --incremental to start from")
	cmd.Flags().BoolVar(&incremental, "incremental", false, "check only what changed since your latest verify checkpoint (see docs/security.md for what it does not read again)")
	return cmd
}

// printAdded names the tables, views and indexes the file holds that
// assay did not make: they cannot change what it records, so the trail
// stands, but verify vouches for the whole file and says what in it is
// not assay's. Their names are whoever made them's: shown inert.
func (a *app) printAdded(added []string) {
	if len(added) == 0 {
		return
	}
	names := make([]string, len(added))
	for i, n := range added {
		names[i] = safetext.OneLine(n)
	}
	fmt.Fprintf(a.stdout, "The file also holds what assay did not make, which verify does not read: %s. "+
		"A table, view or index cannot change what assay records (your own analysis, perhaps); if no one you know added it, find out who did.\n",
		strings.Join(names, ", "))
}

// printIncremental says where an incremental verify started, or why it
// checked everything.
func (a *app) printIncremental(res store.VerifyResult) {
	if cp := res.Since; cp != nil {
		fmt.Fprintf(a.stdout, "Incremental: checked what changed since your verify checkpoint of %s (ledger entry %d). "+
			"Records, answers and summaries of assessments unchanged since were not read again: assay verify checks everything.\n", cp.At, cp.Seq)
		return
	}
	fmt.Fprintf(a.stdout, "Checked everything: %s.\n", safetext.OneLine(res.FullWhy))
}

// printLedger says how many ledger entries were checked, who signed them,
// and since when the database is signed.
func (a *app) printLedger(res store.VerifyResult, id int64) {
	if res.Entries == 0 {
		fmt.Fprintln(a.stdout, "Ledger: empty; nothing has been written yet.")
		return
	}
	var who []string
	for _, s := range res.Signers {
		name := safetext.OneLine(s.Name)
		switch {
		case s.Entries == 0:
		case s.Trust.Own:
			who = append(who, fmt.Sprintf("%s (your key %s)", name, s.KeyID))
		case s.Trusted:
			who = append(who, fmt.Sprintf("%s (trusted as %s, key %s)", name, safetext.OneLine(s.Trust.Name), s.KeyID))
		}
	}
	switch {
	case res.Since != nil:
		fmt.Fprintf(a.stdout, "Ledger intact: %s since the checkpoint, signed by %s.\n", assess.Count(res.Entries, "entry", "entries"), strings.Join(who, ", "))
	case id == 0:
		fmt.Fprintf(a.stdout, "Ledger intact: %s, signed by %s.\n", assess.Count(res.Entries, "entry", "entries"), strings.Join(who, ", "))
	default:
		fmt.Fprintf(a.stdout, "Ledger intact: %s linked; the %s signing assessment %d verified, signed by %s.\n",
			assess.Count(res.Entries, "entry", "entries"), assess.Count(res.Checked, "entry", "entries"), id, strings.Join(who, ", "))
	}
	if n := res.OlderScoring; n > 0 {
		fmt.Fprintf(a.stdout, "The stored summaries of %s were written under other scoring rules and were not compared; an assay with newer rules scores older ones again when it opens the database with write access.\n",
			assess.Count(n, "assessment", "assessments"))
	}
	if cp := res.Checkpoint; cp != nil {
		fmt.Fprintf(a.stdout, "Signed since %s (ledger entry %d, a checkpoint of a database written before signing): "+
			"before it, the history of %s is hash-chained only.\n", cp.At, cp.Seq, assess.Count(res.HashOnly, "assessment or subject", "assessments and subjects"))
	}
}

func (a *app) printAgainst(file string, c pinnedCopy, got store.Against) {
	p := c.pin
	now := ""
	if got.Records > p.Records {
		now = fmt.Sprintf("; %s added since", assess.Count(int(got.Records-p.Records), "record", "records"))
	}
	fmt.Fprintf(a.stdout, "The database still holds the record %s pins: assessment %d, audit records 1 to %d%s.\n",
		safetext.OneLine(file), got.ID, p.Records, now)
	if p.Entry == 0 {
		fmt.Fprintln(a.stdout, "The file pins no signed ledger entry, so it proves the hash chain only.")
	} else {
		fmt.Fprintf(a.stdout, "Ledger entry %d, signed by %s (key %s), is unchanged; %s since.\n",
			p.Entry, safetext.OneLine(got.Signer), p.KeyID, assess.Count(int(got.Entries-p.Entry), "entry was added", "entries were added"))
	}
	if c.export != nil {
		placed := "" // the ledger that places the two signed heads is another database's
		if c.headsPlaced {
			placed = ", and that the two signed heads, the assessment's and its subject's, were each their chain's latest at the later of the two in this database's ledger"
		}
		fmt.Fprintf(a.stdout, "The content of %s was checked as assay import checks an export: the questionnaire against its SHA-256, "+
			"the audit records' hash chain to the head the ledger entry signed, and every answer, note, evidence, plan edit, sign-off, "+
			"field and the subject's record against those records and that signature%s. Its exported_by and exported_at are the file's word: "+
			"no signature covers them (exported_at is only held between its records and now).\n", safetext.OneLine(file), placed)
		return
	}
	// The pin is a position in the history, which an edited copy keeps:
	// said every time, so that no reader takes the lines above as proof
	// that the file is as assay wrote it.
	fmt.Fprintf(a.stdout, "The content of %s was not checked: %s carries no signature over its content, only the record it pins, "+
		"so a copy edited after it was made passes too; compare it with the copy kept where the database's writers cannot change it, "+
		"or with one made afresh, which shows the assessment as it is now.\n",
		safetext.OneLine(file), c.kind)
}

// pinnedCopy is a file given to --against: the record it pins, what kind
// of file it is (as a sentence names it), and, for an export, the file
// itself, whose content can be checked.
type pinnedCopy struct {
	pin    ledger.Pin
	kind   string
	export *export.File
	// headsPlaced: the export's two signed heads were placed together in
	// this database's ledger (store.HeadsChecked).
	headsPlaced bool
}

// readPin reads the record a report (Markdown or HTML), an OSCAL document
// or an export pins.
func readPin(name string) (pinnedCopy, error) {
	if kind := binaryReport(name); kind != "" {
		return pinnedCopy{}, fmt.Errorf("%s: a %s report cannot be read back; give the same report in Markdown or HTML, an OSCAL file or the export", name, kind)
	}
	b, err := input.ReadFile(name)
	if err != nil {
		return pinnedCopy{}, err
	}
	var c pinnedCopy
	if isPlanCSV(b) {
		return c, fmt.Errorf("%s: a CSV plan, which pins no record: give the committee report in Markdown or HTML, an OSCAL file or the export", name)
	}
	if t := bytes.TrimSpace(b); len(t) > 0 && t[0] == '{' {
		var probe map[string]json.RawMessage
		if err := json.Unmarshal(t, &probe); err != nil {
			return c, fmt.Errorf("%s: not valid JSON: %v", name, err)
		}
		switch {
		case probe["format"] != nil:
			f, err := export.Unmarshal(name, b)
			if err != nil {
				return c, err
			}
			c.kind, c.export = "an export", f
			c.pin, err = f.Pin()
			if err != nil {
				return c, fmt.Errorf("%s: %w", name, err)
			}
			return c, nil
		case probe[export.OSCALRoots[0]] != nil || probe[export.OSCALRoots[1]] != nil:
			c.kind = "an OSCAL document"
			if c.pin, err = export.PinFromOSCAL(name, b); err != nil {
				return c, err
			}
		default:
			err = fmt.Errorf("neither an assay export nor an OSCAL POA&M or assessment results")
		}
	} else {
		c.kind = "a Markdown report"
		if report.LooksHTML(string(b)) {
			c.kind = "an HTML report"
		}
		c.pin, err = report.ParsePin(string(b))
	}
	if err != nil {
		return c, fmt.Errorf("%s: %w", name, err)
	}
	return c, nil
}

// isPlanCSV tells the remediation plan as CSV (export.PlanCSV) by its
// header. It pins nothing; read as a Markdown report, a cell holding a
// record line on a line of its own passed for its pin.
func isPlanCSV(b []byte) bool {
	header := strings.Join(export.CSVHeader[:3], ",") + ","
	return bytes.HasPrefix(bytes.TrimPrefix(b, []byte("\uFEFF")), []byte(header))
}

// binaryReport names the format of a PDF or DOCX file, "" for another. It
// opens the file as every file assay reads is opened (input.OpenRegular):
// a plain open of a named pipe waits for a writer for ever, and whatever
// is not a regular file is refused by the reading that follows.
func binaryReport(name string) string {
	f, err := input.OpenRegular(name)
	if err != nil {
		return ""
	}
	defer f.Close()
	head := make([]byte, 4)
	n, _ := io.ReadFull(f, head)
	switch {
	case bytes.HasPrefix(head[:n], []byte("%PDF")):
		return "PDF"
	case bytes.HasPrefix(head[:n], []byte("PK\x03\x04")):
		return "DOCX"
	}
	return ""
}

// printUnsignedGrants lists the team roles that only a record of grants
// written before grants were signed (team schema 011) says assay
// granted: verify does not fail for them, nor vouch for them.
func (a *app) printUnsignedGrants(grants []string) {
	if len(grants) == 0 {
		return
	}
	fmt.Fprintf(a.stdout, "Recorded before grants were signed, so no signature vouches that assay granted %s: %s. "+
		"assay team grant LOGIN ROLE, run by an owner, records each again, signed.\n",
		assess.Plural(len(grants), "it", "them"), safetext.OneLine(strings.Join(grants, "; ")))
}

// printUnacted lists the team roles held by logins that never acted in
// this portfolio and that assay did not grant here (an auditor given
// the role in psql reads everything and signs nothing): verify names
// them without failing, as roles are the server's and shared by every
// team database on it.
func (a *app) printUnacted(held []string) {
	if len(held) == 0 {
		return
	}
	fmt.Fprintf(a.stdout, "Not granted by assay in this database, and never acted here (verify names a role granted outside assay once its holder acts): %s. "+
		"Roles are the server's: one granted for another team database on it is held here too. assay team grant LOGIN ROLE records it if it was meant, assay team revoke takes it back.\n",
		safetext.OneLine(strings.Join(held, "; ")))
}
