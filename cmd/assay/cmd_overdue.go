package main

import (
	"fmt"
	"sort"

	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess"
)

// overdueItem is one overdue remediation item in the portfolio.
type overdueItem struct {
	Assessment  int64           `json:"assessment"`
	Subject     string          `json:"subject"`
	Item        string          `json:"item"`
	Severity    assess.Severity `json:"severity"`
	Due         assess.Date     `json:"due"`
	DaysOverdue int             `json:"days_overdue"`
	Status      string          `json:"status"`
	Owner       string          `json:"owner"`
	Action      string          `json:"action"`
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
assessments are left out unless --archived is given.`,
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
			revised := assess.Revised(list)
			var items []overdueItem
			for _, s := range list {
				if revised[s.ID] {
					continue
				}
				// The stored summary says which assessments have overdue
				// items; only those are loaded and planned in full.
				if _, n := s.Summary.OpenOn(day); n == 0 {
					continue
				}
				asmt, err := db.Assessment(ctx, s.ID)
				if err != nil {
					return err
				}
				for _, it := range assess.Evaluate(asmt, day).Plan {
					if !it.Overdue(day) {
						continue
					}
					items = append(items, overdueItem{
						Assessment: asmt.ID, Subject: asmt.Subject, Item: it.Key(), Severity: it.Finding.Severity,
						Due: it.Due, DaysOverdue: it.Due.DaysUntil(day), Status: string(it.EffectiveStatus()),
						Owner: it.Owner, Action: it.Action,
					})
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
					fmt.Sprint(it.DaysOverdue), fmt.Sprint(it.Status), owner)
			}
			return t.write(a.stdout)
		},
	}
	cmd.Flags().StringVar(&asOf, "as-of", "", "judge on this day, YYYY-MM-DD (default today)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().BoolVar(&archived, "archived", false, "include archived assessments")
	return cmd
}
