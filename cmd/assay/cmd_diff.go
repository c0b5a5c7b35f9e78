package main

import (
	"fmt"
	"io"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/safetext"
)

func (a *app) diffCommand() *cobra.Command {
	var asOf string
	cmd := &cobra.Command{
		// Not "diff [A] B": fang prints an optional part last ("diff B [A]"),
		// which reads as the later first. Long says B may come alone.
		Use:   "diff A B",
		Short: "Show what changed between two assessments of one subject, or two revisions",
		Long: `Compare assessment A (the earlier) with assessment B: where each review
stands (state, who approved, rejected, submitted or withdrawn it, when and
with what comment or conditions) and the DPO's opinion when they differ, the
answers, notes and evidence that changed (old -> new), the scores and levels
that moved, the findings opened, closed or changed in severity, and the
remediation plan's items that changed (owner, due date, status, accepted
risk, action, milestones). Text that differs only in spaces or Unicode
normalisation is no change. Both must be about the same
subject: last year's and this year's assessment of a vendor, or an approved
assessment and its revision. When they ran different questionnaires or
versions, answers are matched by question ID. A must be the earlier: the
later given first is refused. Given B alone (assay diff B), A is the one
before it, as C on the home screen picks: the assessment B revises, or else
the latest of its subject assessed before it.`,
		Example: `  assay diff 3 7
  assay diff 7`,
		Args: cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			day, err := today(asOf)
			if err != nil {
				return err
			}
			to, err := a.assessment(cmd, args[len(args)-1])
			if err != nil {
				return err
			}
			if err := asOfNotBeforeRecord(asOf, day, to); err != nil {
				return err
			}
			from := ""
			if len(args) == 2 {
				from = args[0]
			} else if from, err = a.previous(cmd, to); err != nil {
				return err
			}
			d, err := a.since(cmd, from, asOf, assess.Evaluate(to, day), func(earlier, later int64) string {
				return fmt.Sprintf("assay diff %d %d", earlier, later)
			})
			if err != nil {
				return err
			}
			writeDiff(a.stdout, d)
			return nil
		},
	}
	cmd.Flags().StringVar(&asOf, "as-of", "", "score both as of this day, YYYY-MM-DD (default today)")
	return cmd
}

// previous is the ID of the assessment before a (assess.Previous), among
// every assessment, archived ones included.
func (a *app) previous(cmd *cobra.Command, to *assess.Assessment) (string, error) {
	db, err := a.store()
	if err != nil {
		return "", err
	}
	all, err := db.Assessments(a.ctx(cmd), assess.Filter{IncludeArchived: true})
	if err != nil {
		return "", err
	}
	prev := assess.Previous(to, all)
	if prev == nil {
		return "", fmt.Errorf("assessment %d has no earlier assessment of %s to compare with: give both IDs (assay diff A B)", to.ID, safetext.OneLine(to.Subject))
	}
	return strconv.FormatInt(prev.ID, 10), nil
}

// since compares an evaluated assessment with an earlier one of the same
// subject, named by arg, both judged on one day (assess.CompareOn): the
// comparison shows the earlier one's sign-offs too, so an --as-of (asOf)
// before any of them is refused as the later one's are, and today before
// one (a colleague ahead in time signed it) judges both on its day; the
// Diff's To is the later assessment judged so. One that comes after it
// is refused, since the comparison would read backwards (a finding
// closed since as opened); inOrder is the command that puts the two the
// right way round.
func (a *app) since(cmd *cobra.Command, arg, asOf string, to *assess.Evaluation, inOrder func(earlier, later int64) string) (*assess.Diff, error) {
	from, err := a.assessment(cmd, arg)
	if err != nil {
		return nil, err
	}
	if from.ID == to.Assessment.ID {
		return nil, fmt.Errorf("assessment %d compared with itself: give two assessments, or one to compare with the one before it", from.ID)
	}
	if from.SubjectID != to.Assessment.SubjectID {
		return nil, fmt.Errorf("assessments %d and %d are about different subjects (%s, %s): a comparison is of one subject over time, or of two revisions",
			from.ID, to.Assessment.ID, safetext.OneLine(from.Subject), safetext.OneLine(to.Assessment.Subject))
	}
	if why, after := from.ComesAfter(to.Assessment); after {
		return nil, fmt.Errorf("assessment %d comes after assessment %d (%s): a comparison runs from the earlier to the later (%s)",
			from.ID, to.Assessment.ID, why, inOrder(to.Assessment.ID, from.ID))
	}
	if err := asOfNotBeforeRecord(asOf, to.Today, from); err != nil {
		return nil, err
	}
	return assess.CompareOn(from, to.Assessment, to.Today), nil
}

// diffSide names one side of a comparison: the assessment, its
// questionnaire, date and status (e.StatusWords: with "must not be used"
// for a use the law forbids, as assay list says it).
func diffSide(e *assess.Evaluation) string {
	a := e.Assessment
	s := fmt.Sprintf("assessment %d: %s, %s %s, %s, %s", a.ID, safetext.OneLine(a.Subject), a.Questionnaire.ID,
		safetext.OneLine(a.Questionnaire.Version), a.AssessedOn, e.StatusWords())
	if a.Revision > 1 {
		s += fmt.Sprintf(", revision %d", a.Revision)
		if a.RevisionOf != 0 {
			s += fmt.Sprintf(" of %d", a.RevisionOf)
		}
	}
	if a.Imported != nil {
		s += ", " + a.Imported.Words()
	}
	return s
}

// writeDiff prints a comparison for people: the review first (where each
// stands), then what changed in the outcome, the plan and the answers,
// each part as the report's "Changes since" and the workspace's Compare
// tell it (assess words them once).
func writeDiff(w io.Writer, d *assess.Diff) {
	const arrow = "->"
	fmt.Fprintf(w, "From %s\nTo   %s\n", diffSide(d.From), diffSide(d.To))
	if note := d.QuestionnaireNote(arrow); note != "" {
		fmt.Fprintln(w, note)
	}
	if len(d.Review) > 0 {
		fmt.Fprintln(w)
		for _, c := range d.Review {
			fmt.Fprintln(w, c.Text(arrow))
		}
	}
	if s := d.NoChanges(); s != "" {
		fmt.Fprintln(w, "\n"+s)
		if note := d.DueShiftNote(); note != "" {
			fmt.Fprintln(w, note)
		}
		return
	}
	if len(d.Answers) > 0 {
		fmt.Fprintf(w, "\nAnswers changed: %d\n", len(d.Answers))
		labelW := fieldLabelWidth(d.Answers)
		for _, c := range d.Answers {
			fmt.Fprintf(w, "  %s: %s\n", c.Label(), safetext.OneLine(c.Question))
			for _, f := range c.Fields() {
				fmt.Fprintf(w, "    %-*s %s %s %s\n", labelW, f.Field+":", f.Old, arrow, f.New)
			}
		}
	}
	if len(d.Dimensions) > 0 {
		fmt.Fprintln(w, "\nScores:")
		for _, c := range d.Dimensions {
			fmt.Fprintf(w, "  %s: %s\n", safetext.OneLine(c.Title), c.Change(arrow))
		}
	}
	if len(d.Levels) > 0 {
		fmt.Fprintln(w, "\nLevels:")
		for _, c := range d.Levels {
			fmt.Fprintf(w, "  %s: %s\n", c.Label(), c.Change(arrow))
		}
	}
	findings := func(title, sign string, fs []assess.Finding) {
		if len(fs) == 0 {
			return
		}
		fmt.Fprintf(w, "\n%s: %d\n", title, len(fs))
		for _, f := range fs {
			fmt.Fprintf(w, "  %s %s [%s] %s\n", sign, f.Key, f.Severity, safetext.OneLine(f.Question))
		}
	}
	findings("Findings opened", "+", d.Opened)
	findings("Findings closed", "-", d.Closed)
	if len(d.Changed) > 0 {
		fmt.Fprintf(w, "\nFindings changed in severity: %d\n", len(d.Changed))
		for _, c := range d.Changed {
			fmt.Fprintf(w, "  ~ %s [%s %s %s] %s\n", c.Key, c.Old, arrow, c.New, safetext.OneLine(c.Question))
		}
	}
	if len(d.Plan) > 0 {
		fmt.Fprintf(w, "\nPlan items changed: %d\n", len(d.Plan))
		for _, c := range d.Plan {
			fmt.Fprintf(w, "  ~ %s: %s\n", c.Item.Key(), c.Text(arrow))
		}
	}
	if note := d.DueShiftNote(); note != "" {
		fmt.Fprintln(w, "\n"+note)
	}
}

// fieldLabelWidth is the width of the longest field label, colon and all,
// that the changed answers show: every value then starts in one column,
// whichever fields a diff tells ("plan items:" is wider than the rest).
func fieldLabelWidth(cs []assess.AnswerChange) int {
	w := 0
	for _, c := range cs {
		for _, f := range c.Fields() {
			w = max(w, len(f.Field)+1)
		}
	}
	return w
}
