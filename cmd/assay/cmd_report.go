package main

import (
	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
	"github.com/assay-dev/assay/questionnaires"
)

func (a *app) reportCommand() *cobra.Command {
	var out, asOf string
	cmd := &cobra.Command{
		Use:   "report ID [-o FILE]",
		Short: "Write the committee report (Markdown)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			day, err := today(asOf)
			if err != nil {
				return err
			}
			asmt, err := a.assessment(cmd, args[0])
			if err != nil {
				return err
			}
			md := report.Markdown(assess.Evaluate(asmt, day), a.reportOptions(day))
			return a.writeOutput(out, []byte(md))
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to FILE instead of standard output")
	cmd.Flags().StringVar(&asOf, "as-of", "", "report as of this day, YYYY-MM-DD (default today)")
	return cmd
}

// reportOptions are the report's settings on day: the control catalog, and
// the library's titles for a pre-screen's recommendations.
func (a *app) reportOptions(day assess.Date) report.Options {
	opts := report.Options{Today: day, Catalog: questionnaires.Catalog()}
	if lib, err := a.library(); err == nil {
		opts.QuestionnaireTitle = func(id string) string {
			if q, ok := lib.Get(id); ok {
				return q.Title
			}
			return ""
		}
	}
	return opts
}
