package main

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/history"
	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/internal/fileformat"
	"github.com/assay-dev/assay/questionnaires"
)

func (a *app) historyCommand() *cobra.Command {
	var asJSON bool
	var f history.Filter
	var since, out string
	cmd := &cobra.Command{
		// The flags are listed in this command's own help: a usage line
		// naming them all took assay --help's list of commands out of two
		// columns in an 80- or 100-column terminal (help_columns_test.go).
		Use:   "history ID",
		Short: "Show who changed what in an assessment, and when",
		Long: `Show an assessment's audit trail as people read it: one entry a record, with
when it was recorded (UTC), who recorded it (in team mode, the database login)
and what it changed: answers and notes with the old and the new value, plan
edits field by field, submissions and sign-off decisions with their comments,
revisions, imports with where the file came from, sendings to the vendor.
The old values are what the trail held before each record. An answer
reads as the labels of the options chosen ("Partly", not partial), from
the questionnaire version the assessment pinned; a value that is no option
of it is shown as it is, saying so. --json gives the value and the label.

It first verifies the trail as assay verify ID does, and says so at the top.
If the trail is broken, it says where, still shows every record, and marks
with ! the records from the break on, which nothing vouches for; it then
exits 1.

A value written in lines shows its first line in the table and is shown
whole under it.

An archived assessment's trail is read as any other's. A revision's trail
starts from the copy of the assessment it revises; assay history names
that assessment, whose own trail shows how it came to be.

--since keeps a record whose recorded time does not read (one written
outside assay): nobody can say it is older than the day asked about.

-o writes the history to a file instead: text, or JSON for a .json name.`,
		Example: `  assay history 3
  assay history 3 --question encryption
  assay history 3 --since 2026-03-01 --by "Rita Reviewer"
  assay history 3 --json
  assay history 3 -o trail-3.txt`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := assessmentID(args[0])
			if err != nil {
				return err
			}
			if f.Since, err = sinceDay(since); err != nil {
				return err
			}
			if err := a.checkWrittenAs("history", out, historyWrites, "md", "json"); err != nil {
				return err
			}
			if asJSON && fileformat.Of(out) == "md" {
				// JSON in a name that promises Markdown text.
				return nothingWritten(fileformat.WrittenAsAnother(out, "--json writes JSON", "name it .json, or leave out --json"))
			}
			asJSON = asJSON || fileformat.Of(out) == "json"
			db, err := a.store()
			if err != nil {
				return err
			}
			asmt, err := db.Assessment(a.ctx(cmd), id)
			if err != nil {
				return err
			}
			// Snapshots are decoded from their YAML, as assay verify does.
			db.SetVerifyDecoder(questionnaires.Decode)
			v, entries, err := a.auditHistory(db)(a.ctx(cmd), id)
			if err != nil {
				return err
			}
			if err := questionAsked(asmt, entries, f.Question); err != nil {
				return err
			}
			t := history.Trail{Assessment: asmt.ID, Archived: asmt.Archive.Archived(), Revision: asmt.Revision, RevisionOf: asmt.RevisionOf,
				Verdict: v, Entries: entries, Filter: f}
			content, err := historyContent(t, asJSON)
			if err == nil {
				err = a.writeOutput(out, content)
			}
			if err == nil && !v.Intact {
				return exitError{code: 1, msg: v.Failure()}
			}
			return err
		},
	}
	cmd.Flags().StringVar(&f.Question, "question", "", "only the records about this question (its answer, its plan item)")
	cmd.Flags().StringVar(&since, "since", "", "only the records made on or after this day (UTC), YYYY-MM-DD")
	cmd.Flags().StringVar(&f.By, "by", "", "only the records made by this person (in team mode, this login)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the entries as JSON")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the history to FILE instead of standard output (JSON for a .json name)")
	return cmd
}

// historyWrites names the formats assay history writes, as refusals
// of another say them.
const historyWrites = "text (.txt or .md) or JSON (.json)"

// historyContent is the trail t as assay history prints it, or as JSON.
func historyContent(t history.Trail, asJSON bool) ([]byte, error) {
	var b bytes.Buffer
	if asJSON {
		if err := writeJSONTo(&b, historyJSONOf(t)); err != nil {
			return nil, err
		}
		return b.Bytes(), nil
	}
	writeHistory(&b, t)
	return b.Bytes(), nil
}

// trailFile is the workspace's export of the trail shown (tui.Deps):
// what assay history -o writes to path, text or JSON as the name says;
// a name for another format is refused before anything is written.
func trailFile(path string, t history.Trail) ([]byte, error) {
	if err := refuseOtherExtension("history", path, historyWrites, "md", "json"); err != nil {
		return nil, err
	}
	return historyContent(t, fileformat.Of(path) == "json")
}

// writeHistory prints the verdict, then the entries shown as a table,
// then the values written in lines, whole.
func writeHistory(w io.Writer, t history.Trail) {
	entries, shown, f := t.Entries, t.Shown(), t.Filter
	for _, l := range t.Head() {
		fmt.Fprintln(w, l)
	}
	if len(shown) == 0 {
		switch {
		case len(entries) == 0:
			fmt.Fprintln(w, "\nThe trail holds no records.")
		case f.By != "" && (history.Filter{By: f.By}).Apply(entries) == nil:
			fmt.Fprintf(w, "\nNo record matches %s. The records were made by %s.\n", filterWords(f), assess.JoinAnd(authors(entries)))
		default:
			fmt.Fprintln(w, "\nNo record matches "+filterWords(f)+".")
		}
		return
	}
	fmt.Fprintln(w)
	tbl := newTable("#", "WHEN (UTC)", "WHO", "WHAT")
	var texts []history.Text
	for _, e := range shown {
		seq := strconv.FormatInt(e.Seq, 10)
		if !e.Verified {
			seq += " !"
		}
		for i, line := range e.Lines("->") {
			if i == 0 {
				tbl.row(seq, e.When(), e.Who(), line)
			} else {
				tbl.row("", "", "", "- "+line)
			}
		}
		for _, tx := range e.Texts() {
			tx.Label = seq + ", " + tx.Label
			texts = append(texts, tx)
		}
	}
	tbl.write(w)
	writeHistoryTexts(w, texts)
}

// writeHistoryTexts shows the values the table cut to their first line,
// each under its record's number and label, its lines further in and a
// blank line where a paragraph ends, as assay plan shows an action
// written in lines.
func writeHistoryTexts(w io.Writer, texts []history.Text) {
	for _, tx := range texts {
		fmt.Fprintf(w, "\n%s:\n", tx.Label)
		for _, line := range tx.Lines {
			if line == "" {
				fmt.Fprintln(w)
				continue
			}
			fmt.Fprintf(w, "    %s\n", line)
		}
	}
}

// filterWords says what the filters asked for.
func filterWords(f history.Filter) string {
	var parts []string
	if f.Question != "" {
		parts = append(parts, "question "+safetext.OneLine(f.Question))
	}
	if !f.Since.IsZero() {
		parts = append(parts, "since "+f.Since.String())
	}
	if f.By != "" {
		parts = append(parts, "by "+safetext.OneLine(f.By))
	}
	if history.Needle(f.Text) != "" {
		parts = append(parts, "text "+strconv.Quote(safetext.OneLine(strings.TrimSpace(f.Text))))
	}
	return strings.Join(parts, ", ")
}

// historyJSON is assay history --json.
type historyJSON struct {
	Assessment int64           `json:"assessment"`
	Verified   bool            `json:"verified"`
	BrokenAt   int64           `json:"broken_at,omitempty"` // first record not vouched for
	Why        string          `json:"why,omitempty"`
	Entries    []history.Entry `json:"entries"`
}

func historyJSONOf(t history.Trail) historyJSON {
	out := historyJSON{Assessment: t.Assessment, Verified: t.Verdict.Intact, Entries: t.Shown()}
	if !t.Verdict.Intact {
		out.BrokenAt, out.Why = t.Verdict.From, t.Verdict.Why
	}
	if out.Entries == nil {
		out.Entries = []history.Entry{}
	}
	return out
}
