package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
)

func (a *app) scoreCommand() *cobra.Command {
	var explain, asJSON bool
	var asOf string
	cmd := &cobra.Command{
		Use:   "score ID",
		Short: "Print an assessment's score, level and findings",
		Long: `Print an assessment's score, level and findings. --explain shows the working:
every dimension with each contributing answer and its points, the rules applied,
the levels and why, and what is still unanswered.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			e, err := a.evaluate(cmd, args[0], asOf)
			if err != nil {
				return err
			}
			if asJSON {
				return a.writeJSON(scoreJSON{Assessment: e.Assessment.ID, Subject: e.Assessment.Subject, Result: e.Result, Plan: planJSON(e.Plan, e.Today)})
			}
			if explain {
				fmt.Fprint(a.stdout, report.Explain(e))
				return nil
			}
			fmt.Fprint(a.stdout, report.Summary(e))
			return nil
		},
	}
	cmd.Flags().BoolVar(&explain, "explain", false, "show every contributing answer, rule and level")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the full result as JSON")
	cmd.Flags().StringVar(&asOf, "as-of", "", "judge deadlines as of this day, YYYY-MM-DD (default today)")
	return cmd
}

type scoreJSON struct {
	Assessment int64          `json:"assessment"`
	Subject    string         `json:"subject"`
	Result     *assess.Result `json:"result"`
	Plan       []planItemJSON `json:"plan"`
}

type planItemJSON struct {
	Finding  string            `json:"finding"`
	Severity assess.Severity   `json:"severity"`
	Action   string            `json:"action"`
	Owner    string            `json:"owner"`
	Due      assess.Date       `json:"due"`
	Status   assess.ItemStatus `json:"status"`
	Overdue  bool              `json:"overdue"`
}

func planJSON(plan []assess.PlanItem, day assess.Date) []planItemJSON {
	out := []planItemJSON{}
	for _, it := range plan {
		out = append(out, planItemJSON{it.Key(), it.Finding.Severity, it.Action, it.Owner, it.Due, it.EffectiveStatus(), it.Overdue(day)})
	}
	return out
}
