package main

import (
	"fmt"
	"sort"

	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/safetext"
)

// overdueItem is one overdue remediation item in the portfolio.
type overdueItem struct {
	Assessment  int64             `json:"assessment"`
	Subject     string            `json:"subject"`
	Item        string            `json:"item"`
	Severity    assess.Severity   `json:"severity"`
	Due         assess.Date       `json:"due"`
	DaysOverdue int               `json:"days_overdue"`
	Status      assess.ItemStatus `json:"status"`
	Owner       string            `json:"owner"`
	Action      string            `json:"action"`
	// JudgedOn is the day the item's assessment is judged on: the --as-of
	// day, or a later one its plan and report are judged on
	// (assess.JudgedOn), a sign-off after it.
	JudgedOn assess.Date `json:"judged_on"`
}

func (a *app) overdueCommand() *cobra.Command {
	var asOf string
	var asJSON, archived bool
	cmd := &cobra.Command{
		Use:   "overdue",
		Short: "List remediation items past due, across every assessment",
		Long: `List every remediation item that is past its due date and not closed, in all
assessments, most overdue first. An item is closed when done, or when its risk
is accepted and the acceptance has not expired: an expired acceptance makes the
item open again. An approved assessment that has a revision is followed in the
revision, which carries its plan (the approved one is locked). Archived
assessments are left out unless --archived is given.

Each assessment is judged on the day its plan and report are: today or
--as-of, or the day of a sign-off given after it, or, without --as-of, the
day of a risk acceptance given after today (by a colleague whose calendar or
clock is ahead), which the list then names.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			day, err := today(asOf)
			if err != nil {
				return err
			}
			db, err := a.store()
			if err != nil {
				return err
			}
			ctx := a.ctx(cmd)
			list, err := db.Assessments(ctx, assess.Filter{IncludeArchived: archived})
			if err != nil {
				return err
			}
			days, err := assess.ReadReportDays(ctx, db, day, asOf != "")
			if err != nil {
				return err
			}
			revised := assess.Revised(list)
			var items []overdueItem
			var laterDays []string // what judges an assessment after day
			for _, s := range list {
				if revised[s.ID] {
					continue
				}
				if !overduePrecheck(s, day, days.Bound(s)) {
					continue
				}
				asmt, err := db.Assessment(ctx, s.ID)
				if err != nil {
					return err
				}
				// Judged on the day its plan and report are: a sign-off
				// after day, or made today an acceptance after it, moves
				// both its deadlines and its acceptances' expiries to
				// that day, never one alone.
				ev, err := days.Judge(ctx, db, asmt)
				if err != nil {
					return err
				}
				listed := false
				for _, it := range ev.Plan {
					if !it.Overdue(ev.Today) {
						continue
					}
					listed = true
					items = append(items, overdueItem{
						Assessment: asmt.ID, Subject: asmt.Subject, Item: it.Key(), Severity: it.Finding.Severity,
						Due: it.Due, DaysOverdue: it.Due.DaysUntil(ev.Today), Status: it.EffectiveStatus(),
						Owner: it.Owner, Action: it.Action, JudgedOn: ev.Today,
					})
				}
				if note := judgedLaterNote(asmt, ev.Today, day); listed && note != "" {
					laterDays = append(laterDays, note)
				}
			}
			sort.SliceStable(items, func(i, j int) bool {
				x, y := items[i], items[j]
				if x.Due != y.Due {
					return x.Due.Before(y.Due)
				}
				if x.Severity != y.Severity {
					return x.Severity > y.Severity
				}
				if x.Assessment != y.Assessment {
					return x.Assessment < y.Assessment
				}
				return x.Item < y.Item
			})
			if asJSON {
				if items == nil {
					items = []overdueItem{}
				}
				return a.writeJSON(map[string]any{"as_of": day, "overdue": items})
			}
			if len(items) == 0 {
				fmt.Fprintf(a.stdout, "No overdue items as of %s.\n", day)
				return nil
			}
			fmt.Fprintf(a.stdout, "%s as of %s\n\n", assess.Count(len(items), "overdue item", "overdue items"), day)
			t := newTable("ID", "SUBJECT", "ITEM", "SEVERITY", "DUE", "DAYS LATE", "STATUS", "OWNER")
			for _, it := range items {
				owner := cutCells(it.Owner, 30)
				if owner == "" {
					owner = "-"
				}
				t.row(fmt.Sprint(it.Assessment), cutCells(it.Subject, 30), it.Item, fmt.Sprint(it.Severity), fmt.Sprint(it.Due),
					fmt.Sprint(it.DaysOverdue), it.Status.Words(), owner)
			}
			if err := t.write(a.stdout); err != nil {
				return err
			}
			if len(laterDays) > 0 {
				fmt.Fprintln(a.stdout)
				for _, note := range laterDays {
					fmt.Fprintln(a.stdout, note)
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&asOf, "as-of", "", "judge on this day, YYYY-MM-DD (default today)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().BoolVar(&archived, "archived", false, "include archived assessments")
	return cmd
}

// overduePrecheck is mayBeOverdue; BenchmarkOverdue puts the pre-check it
// replaced in its place to measure the two in one run.
var overduePrecheck = mayBeOverdue

// mayBeOverdue says from the stored list summary whether the assessment
// may have items overdue as of day, so that only those are loaded and
// planned in full. It is judged on the day its plan and report are
// (assess.JudgedOn): day, its assessment date, or the day of the latest
// sign-off it shows if later, or made today of an acceptance after it. A
// list row carries no sign-offs, so through (assess.ReportDays.Bound) gives that
// day, or a later one: for a revision (store.SignedThrough), or for the
// latest plan record after today, which need not be an acceptance. An
// item overdue on its own day is overdue on any later one too (its due
// date has passed, and an acceptance that had run out has run out), so
// judging on a later day skips nothing. Any assessment may have been
// signed, a draft too: one withdrawn from review, or one with a DPO
// opinion.
func mayBeOverdue(s *assess.Assessment, day, through assess.Date) bool {
	on := s.JudgedOn(day)
	if on.Before(through) {
		on = through
	}
	_, overdue := s.Summary.OpenOn(on)
	return overdue > 0
}

// judgedLaterNote says why an assessment's items are judged on a day, on,
// after day, as its plan and report are: the day of a sign-off (they
// refuse --as-of day itself), or, made today, of a risk acceptance; ""
// when on is day, or the assessment date (nothing decided after day).
func judgedLaterNote(asmt *assess.Assessment, on, day assess.Date) string {
	so, ok := asmt.ShownSignOff()
	switch {
	case !day.Before(on) || (on == asmt.AssessedOn && (!ok || so.On != on)):
		return ""
	case !ok || so.On != on:
		return fmt.Sprintf("Assessment %d is judged on %s, the day a risk of it was accepted, after %s, as its plan and report are.",
			asmt.ID, on, day)
	}
	of := "its " + assess.SignOffNoun(so.SignOff)
	if so.Of != asmt.ID {
		of = fmt.Sprintf("the %s of assessment %d, which it revises,", assess.SignOffNoun(so.SignOff), so.Of)
	}
	return fmt.Sprintf("Assessment %d is judged on %s, the day of %s by %s, after %s, as its plan and report are.",
		asmt.ID, so.On, of, safetext.OneLine(so.Name), day)
}
