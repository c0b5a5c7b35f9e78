package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess"
)

func (a *app) dueCommand() *cobra.Command {
	var asOf string
	within := newDaysFlag("--within", 30)
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "due",
		Short: "List subjects due or overdue for reassessment",
		Long: `List the subjects whose reassessment is overdue, due within --within days
(default 30), or that have never been assessed, most urgent first.

With --as-of, each assessment counts as it stood on that day: one approved
or rejected after it was still in review.

A subject is reassessed every so many months after its latest approved
assessment (or, if none is approved yet, its latest one that is neither
rejected nor archived), by its tier: critical and high every 12 months,
moderate every 24, low and subjects with no tier every 36. Change the months
in the config file:

  cadence:
    critical: 6
    high: 12
    moderate: 24
    default: 36`,
		Example: `  assay due
  assay due --as-of 2027-01-01 --within 60`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			day, err := today(asOf)
			if err != nil {
				return err
			}
			within, err := within.days()
			if err != nil {
				return err
			}
			policy, subjects, err := a.portfolio(cmd)
			if err != nil {
				return err
			}
			policy.Soon = within
			if asOf != "" {
				// On an earlier day, as its assessments stood then: one
				// approved since was in review. Without --as-of the
				// record stands as it is, a decision dated tomorrow by a
				// colleague ahead in time included: it has been taken.
				subjects = assess.SubjectsOn(subjects, day)
			}
			due := assess.DueSubjects(subjects, policy, day)
			if asJSON {
				return a.writeJSON(dueJSON(due))
			}
			if len(due) == 0 {
				fmt.Fprintf(a.stdout, "No subject is due for reassessment within %d days of %s.\n", within, day)
				return nil
			}
			t := newTable("SUBJECT", "KIND", "TIER", "EVERY", "LAST ASSESSED", "DUE", "STATE", "IN PROGRESS")
			for _, d := range due {
				last := "-"
				if d.Last.ID != 0 {
					last = fmt.Sprintf("%s (#%d", d.Last.AssessedOn, d.Last.ID)
					if !d.LastApproved {
						last += ", not approved"
					}
					last += ")"
				}
				progress := "-"
				if d.InProgress != 0 {
					progress = fmt.Sprintf("#%d", d.InProgress)
				}
				t.row(d.Subject.Name, orDash(d.Subject.Kind), orDash(d.Tier),
					assess.Count(d.Months, "month", "months"), last, orDash(d.Due.String()), dueWords(d), progress)
			}
			return t.write(a.stdout)
		},
	}
	cmd.Flags().StringVar(&asOf, "as-of", "", "judge as of this day, YYYY-MM-DD (default today)")
	cmd.Flags().Var(within, "within", "also list subjects due within this many days")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// dueWords is a due state for a table cell.
func dueWords(d assess.DueSubject) string {
	switch d.State {
	case assess.DueNever:
		return "never assessed"
	case assess.DueOverdue:
		return fmt.Sprintf("overdue by %s", assess.Count(-d.DaysLeft, "day", "days"))
	case assess.DueSoon:
		if d.DaysLeft == 0 {
			return "due today"
		}
		return fmt.Sprintf("due in %s", assess.Count(d.DaysLeft, "day", "days"))
	}
	return "ok"
}

// dueSentence is a due state for a sentence.
func dueSentence(d assess.DueSubject) string {
	if d.State == assess.DueNever {
		return "never assessed: due now"
	}
	s := fmt.Sprintf("next due %s (%s)", d.Due, dueWords(d))
	if d.InProgress != 0 {
		s += fmt.Sprintf("; assessment %d under way", d.InProgress)
	}
	return s
}

type dueRow struct {
	ID           int64  `json:"subject_id"`
	Name         string `json:"name"`
	Kind         string `json:"kind"`
	Tier         string `json:"tier"`
	Months       int    `json:"every_months"`
	Last         int64  `json:"last_assessment,omitempty"`
	LastDate     string `json:"last_assessed,omitempty"`
	LastApproved bool   `json:"last_approved"`
	Due          string `json:"due,omitempty"`
	DaysLeft     int    `json:"days_left"`
	State        string `json:"state"`
	InProgress   int64  `json:"in_progress,omitempty"`
	Assessments  int    `json:"assessments"`
}

func dueJSON(ds []assess.DueSubject) []dueRow {
	out := []dueRow{}
	for _, d := range ds {
		out = append(out, dueRow{ID: d.Subject.ID, Name: d.Subject.Name, Kind: d.Subject.Kind, Tier: d.Tier, Months: d.Months,
			Last: d.Last.ID, LastDate: d.Last.AssessedOn.String(), LastApproved: d.LastApproved, Due: d.Due.String(),
			DaysLeft: d.DaysLeft, State: string(d.State), InProgress: d.InProgress, Assessments: len(d.Subject.Assessments)})
	}
	return out
}
