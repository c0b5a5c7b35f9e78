package main

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/export"
	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/internal/fileformat"
)

func (a *app) planCommand() *cobra.Command {
	var (
		asOf, item, owner, action, due, reason, status string
		approver, acceptReason, acceptExpires          string
		milestones                                     []string
		milestoneDone                                  []int
		clearMilestones, resetDue, overwrite           bool
		ownerSet, actionSet                            bool
		csvOut                                         bool
		out                                            string
	)
	cmd := &cobra.Command{
		Use:   "plan ID",
		Short: "List the remediation plan, or change one item of it",
		Long: `Without --item, list the remediation plan: one item per finding, sorted by
due date, with owner, status and milestones. With --item KEY (the finding's
question ID, as listed), change that item:

  --owner NAME            who fixes it
  --action TEXT           replace the questionnaire's recommended action
  --due YYYY-MM-DD        move the due date; --reason is required and kept
  --due default           back to the date the deadline policy gives
  --status STATUS         open, in-progress, done or risk-accepted
  --accept-approver NAME  accept the risk: approver, reason and expiry
  --accept-reason TEXT    are all required (a risk acceptance reopens
  --accept-expires DATE   the item once it expires)
  --milestone "[YYYY-MM-DD] TITLE"   add a milestone (repeatable)
  --milestone-done N      mark the Nth milestone done (repeatable)

An owner, action, due date or status someone else set last is not
replaced unless --overwrite is given: assay says who set it, when, and
what it is, and records nothing. Milestones are added, never replaced;
--clear-milestones removes them all, and needs --overwrite while they
hold a milestone someone else added or ticked.

Every change is recorded in the assessment's audit trail. --csv writes the
plan as CSV (RFC 4180) instead, one row per item, for spreadsheets.`,
		Example: `  assay plan 3
  assay plan 3 --item mfa --owner "Sam Ortiz" \
    --milestone "2026-02-20 Enforce MFA for admins"
  assay plan 3 --item pentest --due 2026-06-30 \
    --reason "Pen test booked for June"
  assay plan 3 --item dpa --accept-approver "CISO" \
    --accept-reason "Contract renewal in Q3" --accept-expires 2026-09-30
  assay plan 3 --csv -o plan.csv`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ev, err := a.evaluate(cmd, args[0], asOf)
			if err != nil {
				return err
			}
			asmt, day := ev.Assessment, ev.Today
			if item == "" {
				if edits := cmd.Flags().NFlag(); edits > 0 && hasEditFlags(cmd) {
					return fmt.Errorf("say which item to change with --item KEY (see assay plan %d)", asmt.ID)
				}
				if formatOfName(out) == "csv" && !cmd.Flags().Changed("csv") {
					csvOut = true // -o plan.csv says what --csv would
				}
				if err := a.checkPlanOutput(out, csvOut); err != nil {
					return err
				}
				ev, acceptedOn, err := a.planAsReported(cmd, ev, asOf)
				if err != nil {
					return err
				}
				if csvOut {
					return a.writeOutput(out, export.PlanCSV(ev, ev.Today, acceptedOn))
				}
				var b strings.Builder
				if out == "" || out == "-" {
					defer drawnLike(a.stdout, &b)() // the locale's glyphs; a file is UTF-8
				}
				writePlan(&b, ev, acceptedOn)
				return a.writeOutput(out, []byte(b.String()))
			}
			if err := refuseListingFlags(csvOut, out); err != nil {
				return err
			}
			it, ok := planItem(ev, item)
			if !ok {
				return fmt.Errorf("assessment %d has no plan item %q (items: %s)", asmt.ID, safetext.OneLine(item), strings.Join(planKeys(ev), ", "))
			}
			// Nothing of the item was shown before this change: a field
			// another person set last is replaced only knowingly.
			ch := assess.PlanChange{DueReason: reason, ResetDue: resetDue, DoneMilestones: milestoneDone, ClearMilestones: clearMilestones,
				OwnOnly: !overwrite}
			ownerSet, actionSet = cmd.Flags().Changed("owner"), cmd.Flags().Changed("action")
			if ownerSet {
				ch.Owner = &owner
			}
			if actionSet {
				ch.Action = &action
			}
			switch due {
			case "":
			case "default":
				ch.ResetDue = true
			default:
				if ch.Due, err = assess.ParseRecordDate(due); err != nil {
					return fmt.Errorf("--due: %w", err)
				}
			}
			if status != "" {
				if ch.Status, err = assess.ParseItemStatus(status); err != nil {
					return fmt.Errorf("--status: %w", err)
				}
			}
			ch.Accept = assess.Acceptance{Approver: approver, Reason: acceptReason}
			if acceptExpires != "" {
				if ch.Accept.Expires, err = assess.ParseRecordDate(acceptExpires); err != nil {
					return fmt.Errorf("--accept-expires: %w", err)
				}
			}
			for _, m := range milestones {
				ms, err := parseMilestone(m)
				if err != nil {
					return err
				}
				ch.AddMilestones = append(ch.AddMilestones, ms)
			}
			// The store applies the change to the item as it is when it
			// writes, not to the copy read above: another process may
			// have changed the item since.
			// The change is made today, whatever --as-of judges the plan
			// on: an acceptance already expired is not recorded.
			now, _ := today("")
			_, changed, err := a.db.ChangePlanItem(a.ctx(cmd), asmt.ID, it.Key(), ch, now)
			var conflict *assess.ConflictError
			if errors.As(err, &conflict) {
				for _, f := range conflict.Fields {
					fmt.Fprintln(a.stderr, messageLine(f.String()))
				}
				return exitError{code: 1, msg: fmt.Sprintf("plan item %s: nothing was recorded; --overwrite replaces what others set", it.Key())}
			}
			if err != nil {
				return err
			}
			asmt, err = a.db.Assessment(a.ctx(cmd), asmt.ID)
			if err != nil {
				return err
			}
			ev = assess.Evaluate(asmt, day)
			// Shown on the day the listing and the report judge the plan
			// on: a colleague's acceptance on a day ahead of this one
			// moves it (planAsReported).
			var acceptedOn map[string]assess.Date
			if ev, acceptedOn, err = a.planAsReported(cmd, ev, asOf); err != nil {
				return err
			}
			it, _ = planItem(ev, it.Key())
			if !changed {
				fmt.Fprintf(a.stdout, "nothing to change in %s of assessment %d: it already reads so\n", it.Key(), asmt.ID)
			} else {
				fmt.Fprintf(a.stdout, "updated %s in assessment %d\n", it.Key(), asmt.ID)
			}
			writeItemDetail(a.stdout, it, ev.Today, acceptedOn)
			noteInReview(a.stderr, asmt)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&asOf, "as-of", "", "judge overdue items and expired acceptances on this day, YYYY-MM-DD (default today)")
	f.StringVar(&item, "item", "", "the item to change: its finding's question ID")
	f.StringVar(&owner, "owner", "", "who fixes it")
	f.StringVar(&action, "action", "", "what to do, replacing the recommended action")
	f.StringVar(&due, "due", "", "new due date, YYYY-MM-DD (needs --reason), or \"default\"")
	f.StringVar(&reason, "reason", "", "why the due date moved")
	f.StringVar(&status, "status", "", "status: open, in-progress, done or risk-accepted")
	f.StringVar(&approver, "accept-approver", "", "who accepted the risk")
	f.StringVar(&acceptReason, "accept-reason", "", "why the risk is accepted")
	f.StringVar(&acceptExpires, "accept-expires", "", "until when the acceptance holds, YYYY-MM-DD")
	f.StringArrayVar(&milestones, "milestone", nil, "add a milestone: \"[YYYY-MM-DD] title\"")
	f.IntSliceVar(&milestoneDone, "milestone-done", nil, "mark milestone N (1-based) done")
	f.BoolVar(&clearMilestones, "clear-milestones", false, "remove every milestone first")
	f.BoolVar(&resetDue, "reset-due", false, "same as --due default")
	f.BoolVar(&overwrite, "overwrite", false, "replace an owner, action, due date or status someone else set, or clear their milestones")
	f.BoolVar(&csvOut, "csv", false, "write the plan as CSV (RFC 4180)")
	f.StringVarP(&out, "output", "o", "", "write the listing or CSV to FILE instead of standard output")
	return cmd
}

var planEditFlags = []string{"owner", "action", "due", "reason", "status", "accept-approver", "accept-reason", "accept-expires", "milestone", "milestone-done", "clear-milestones", "reset-due", "overwrite"}

func hasEditFlags(cmd *cobra.Command) bool {
	for _, n := range planEditFlags {
		if cmd.Flags().Changed(n) {
			return true
		}
	}
	return false
}

// refuseListingFlags refuses --csv and -o beside --item: they write the
// plan's listing, which a change does not, and the change would be
// recorded with no file written.
func refuseListingFlags(csvOut bool, out string) error {
	var given []string
	if csvOut {
		given = append(given, "--csv")
	}
	if out != "" {
		given = append(given, "-o")
	}
	switch len(given) {
	case 0:
		return nil
	case 1:
		return fmt.Errorf("%s writes the plan's listing, and --item changes one item: give it to assay plan without --item; nothing was recorded", given[0])
	}
	return fmt.Errorf("%s write the plan's listing, and --item changes one item: give them to assay plan without --item; nothing was recorded",
		strings.Join(given, " and "))
}

// parseMilestone reads "TITLE" or "YYYY-MM-DD TITLE". A first word that
// is a year, a hyphen and more digits and hyphens is meant as the date:
// one mistyped (2026-02-30, 2026-3-15) is refused rather than kept as part
// of a title with no date.
func parseMilestone(s string) (assess.Milestone, error) {
	s = strings.TrimSpace(s)
	first, rest := s, ""
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		first, rest = s[:i], s[i:]
	}
	d, err := assess.ParseRecordDate(first)
	if err != nil && meantAsDate(first) {
		// "2027-03-15: Kickoff" is a good date with a sign run into it.
		if sign := first[len(first)-1:]; strings.ContainsAny(sign, ":,;") {
			if day, e := assess.ParseRecordDate(strings.TrimSuffix(first, sign)); e == nil {
				return assess.Milestone{}, fmt.Errorf("--milestone %q: put a space between the date and the title: %s %s", s, day, strings.TrimSpace(rest))
			}
		}
		return assess.Milestone{}, fmt.Errorf("--milestone %q: %v", s, err)
	}
	if err == nil {
		if strings.TrimSpace(rest) == "" {
			return assess.Milestone{}, fmt.Errorf("--milestone %q: a milestone needs a title after its date", s)
		}
		return assess.Milestone{Title: strings.TrimSpace(rest), Due: d}, nil
	}
	if s == "" {
		return assess.Milestone{}, fmt.Errorf("--milestone: a milestone needs a title")
	}
	return assess.Milestone{Title: s}, nil
}

// dateLike is a first word written as a date, rightly or not: YYYY- and
// more digits and dashes ("2026-3-15", but not "24-7" or "2026-Q1"), a
// day, month and year between slashes or dots ("15/03/2027", "03.15.2027",
// but not "24/7" or "3.2"), eight digits ("20270315"), any of them
// followed by a colon, comma or semicolon.
var dateLike = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(\d{4}-[\d-]+|\d{1,4}[/.]\d{1,2}[/.]\d{1,4}|\d{8})[:,;]?$`)
})

// meantAsDate reports whether a milestone's first word is written as a
// date: taken into the title, the milestone would keep no date and never
// be seen to pass it.
func meantAsDate(word string) bool { return dateLike().MatchString(word) }

func planItem(ev *assess.Evaluation, key string) (assess.PlanItem, bool) {
	for _, it := range ev.Plan {
		if it.Key() == key {
			return it, true
		}
	}
	return assess.PlanItem{}, false
}

func planKeys(ev *assess.Evaluation) []string {
	keys := make([]string, 0, len(ev.Plan))
	for _, it := range ev.Plan {
		keys = append(keys, it.Key())
	}
	sort.Strings(keys)
	if len(keys) == 0 {
		return []string{"none: the assessment has no findings"}
	}
	return keys
}

// itemStatusText is the status as lists show it on day today.
func itemStatusText(it assess.PlanItem, today assess.Date) string {
	s := it.EffectiveStatus().Words()
	if it.Reopened {
		s += " (acceptance expired)"
	}
	if it.Overdue(today) {
		s += ", OVERDUE"
	}
	return s
}

// writePlan lists the plan as text: a table, then the details that do not
// fit in it (moved dates, acceptances, milestones). acceptedOn dates the
// acceptances (assess.AcceptedOn): one given after the day the plan is
// judged on (--as-of) is said to be.
func writePlan(w io.Writer, ev *assess.Evaluation, acceptedOn map[string]assess.Date) {
	a := ev.Assessment
	q := a.Questionnaire
	fmt.Fprintf(w, "Assessment %d: %s (%s %s), assessed %s\n", a.ID, safetext.OneLine(a.Subject), q.ID, safetext.OneLine(q.Version), a.AssessedOn)
	fmt.Fprintf(w, "Deadlines: %s\n", deadlinesText(a.Deadlines))
	// The plan holds the gaps of the answers given: while questions are
	// still to answer, it is not the whole of it.
	incomplete := !ev.Result.Complete
	if incomplete {
		fmt.Fprintf(w, "Answered: %d of %d (incomplete): a question becomes an item once its answer shows a gap\n", ev.Result.Answered, ev.Result.Total)
	}
	switch {
	case len(ev.Plan) == 0 && incomplete:
		fmt.Fprintln(w, "No remediation items yet: no answer so far shows a gap.")
		return
	case len(ev.Plan) == 0:
		fmt.Fprintln(w, "No remediation items: the assessment has no findings.")
		return
	}
	open, overdue := ev.Open()
	fmt.Fprintf(w, "Items: %d, open %d, overdue %d (as of %s)\n\n", len(ev.Plan), open, overdue, ev.Today)
	t := newTable("ITEM", "SEVERITY", "DUE", "STATUS", "OWNER", "ACTION")
	for _, it := range ev.Plan {
		owner := safetext.OneLine(it.Owner)
		if owner == "" {
			owner = "-"
		}
		due := it.Due.String()
		if it.DueReason != "" {
			due += "*"
		}
		t.row(it.Key(), it.Finding.Severity.String(), due, itemStatusText(it, ev.Today), cutCells(owner, ownerCells), actionCell(it.Action))
	}
	t.write(w)
	var notes []string
	moved := false
	for _, it := range ev.Plan {
		var b strings.Builder
		// What the table cut, it shows whole here.
		if actionCell(it.Action) != safetext.OneLine(it.Action) {
			writeNote(&b, "action", it.Action)
		}
		if owner := safetext.OneLine(it.Owner); cutCells(owner, ownerCells) != owner {
			writeNote(&b, "owner", owner)
		}
		writeItemNotes(&b, it, ev.Today, acceptedOn)
		if b.Len() > 0 {
			notes = append(notes, safetext.OneLine(it.Key())+":\n"+b.String())
		}
		moved = moved || it.DueReason != ""
	}
	// The footnote explains the star, so it is there only when a star is.
	if moved {
		fmt.Fprintln(w, "\n* due date moved by hand")
	}
	if len(notes) > 0 {
		fmt.Fprintln(w)
		fmt.Fprint(w, strings.Join(notes, ""))
	}
}

// writeItemDetail shows one item in full, after a change.
func writeItemDetail(w io.Writer, it assess.PlanItem, today assess.Date, acceptedOn map[string]assess.Date) {
	owner := safetext.OneLine(it.Owner)
	if owner == "" {
		owner = "unassigned"
	}
	fmt.Fprintf(w, "  severity %s, due %s, status %s, owner %s\n", it.Finding.Severity, it.Due, itemStatusText(it, today), owner)
	writeNote(w, "action", it.Action)
	writeItemNotes(w, it, today, acceptedOn)
}

// writeItemNotes writes what an item's row leaves out: a default due date
// that is not the severity's deadline, a moved due date, an acceptance
// (marked, as the CSV marks it, when given after today, the day the plan
// is judged on: export.AcceptedAfter), its milestones.
func writeItemNotes(w io.Writer, it assess.PlanItem, today assess.Date, acceptedOn map[string]assess.Date) {
	// A default due before the severity's deadline the header lists is
	// said with why (the certificate's expiry), in the report's words:
	// without it the date reads as a mistake.
	if it.DueOnLapse {
		fmt.Fprintf(w, "  default due %s: %s\n", it.DefaultDue, safetext.OneLine(it.DefaultDueWhy()))
	}
	if it.DueReason != "" {
		writeNote(w, fmt.Sprintf("due moved from %s to %s", it.DefaultDue, it.Due), it.DueReason)
	}
	if acc := it.Acceptance; acc != nil && it.Status == assess.ItemAccepted {
		state := "in force"
		if it.Reopened {
			state = "expired, item open again"
		}
		if after := export.AcceptedAfter(it, acceptedOn, today); after != "" {
			state += "; " + after
		}
		writeNote(w, fmt.Sprintf("risk accepted by %s until %s (%s)", safetext.OneLine(acc.Approver), acc.Expires, state), acc.Reason)
	}
	for i, m := range it.Milestones {
		mark := " "
		if m.Done {
			mark = "x"
		}
		due := ""
		if !m.Due.IsZero() {
			due = " by " + m.Due.String()
		}
		fmt.Fprintf(w, "  [%s] %d. %s%s\n", mark, i+1, safetext.OneLine(m.Title), due)
	}
}

// writeNote writes a label of an item's notes and text someone may have
// written in lines or paragraphs (an action, a reason), as the report
// keeps them: after the label when the text is one line; else each line
// on its own under the label, further in, and a blank line where a
// paragraph ends. Each line is cleaned (safetext.Lines): untrusted text.
func writeNote(w io.Writer, label, text string) {
	lines := safetext.Lines(text)
	if len(lines) <= 1 {
		fmt.Fprintf(w, "  %s: %s\n", label, strings.Join(lines, ""))
		return
	}
	fmt.Fprintf(w, "  %s:\n", label)
	for _, line := range lines {
		if line == "" {
			fmt.Fprintln(w)
			continue
		}
		fmt.Fprintf(w, "    %s\n", line)
	}
}

// The plan table's owner and action cells are cut to these many
// terminal cells, to keep each item one line; the notes under the table
// show whole what was cut.
const ownerCells, actionCells = 30, 60

// actionCell is the action in the table's one-line cell: an action
// written in lines shows its first, marked as going on, a long one is
// cut, and the notes under the table show it whole.
func actionCell(action string) string {
	if lines := safetext.Lines(action); len(lines) > 1 {
		return cutCells(lines[0]+" …", actionCells)
	}
	return cutCells(action, actionCells)
}

// cutCells makes text one line, cleaned, and cuts it to n terminal
// cells, the last an ellipsis: an owner or an action in a table.
func cutCells(s string, n int) string {
	return truncateCells(safetext.OneLine(s), n)
}

func deadlinesText(d assess.Deadlines) string {
	if d == nil {
		d = assess.DefaultDeadlines()
	}
	var parts []string
	for _, s := range assess.Severities {
		parts = append(parts, s.String()+" "+strconv.Itoa(d[s]))
	}
	return strings.Join(parts, ", ") + " days"
}

// checkPlanOutput refuses a file named for another format than the plan's
// (a text listing, or CSV with --csv), as assay report does: plan -o
// plan.pdf wrote the text listing into a .pdf. A .md file
// takes the text listing, as a .txt does: plain text is a valid Markdown
// file, where it would be a broken PDF, DOCX, HTML or CSV one.
func (a *app) checkPlanOutput(out string, csvOut bool) error {
	named, err := a.namedFormat(out)
	if err != nil || named == "" {
		return err
	}
	switch {
	case csvOut && named != "csv":
		return nothingWritten(fileformat.PlanNotCSV(out))
	case !csvOut && (named == "csv" || named == "html" || named == "pdf" || named == "docx"):
		return nothingWritten(fileformat.PlanNotText(out))
	case !csvOut && named != "md":
		return nothingWritten(fileformat.NotWritten(out, "assay plan", "text (.txt or .md) or CSV (.csv)"))
	}
	return nil
}
