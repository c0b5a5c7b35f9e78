package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/safetext"
)

func (a *app) listCommand() *cobra.Command {
	var all, asJSON bool
	var asOf string
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List assessments with their progress, level and open items",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			day, err := today(asOf)
			if err != nil {
				return err
			}
			db, err := a.store()
			if err != nil {
				return err
			}
			list, err := db.Assessments(a.ctx(cmd), assess.Filter{IncludeArchived: all})
			if err != nil {
				return err
			}
			if asJSON {
				return a.listJSON(list, day)
			}
			w := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(w, "ID\tSUBJECT\tQUESTIONNAIRE\tSTATUS\tPROGRESS\tLEVEL\tOPEN\tOVERDUE")
			for _, x := range list {
				open, overdue := x.Summary.OpenOn(day)
				status := string(x.Status)
				if x.Archived {
					status += " (archived)"
				}
				fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%d/%d\t%s\t%d\t%d\n", x.ID, safetext.OneLine(x.Subject), x.Questionnaire.ID,
					status, x.Summary.Answered, x.Summary.Total, levelOrDash(x.Summary.Level), open, overdue)
			}
			return w.Flush()
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, "include archived assessments")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().StringVar(&asOf, "as-of", "", "count overdue items as of this day, YYYY-MM-DD (default today)")
	return cmd
}

func levelOrDash(l string) string {
	if l == "" {
		return "-"
	}
	return l
}

func (a *app) listJSON(list []*assess.Assessment, day assess.Date) error {
	type row struct {
		ID            int64  `json:"id"`
		UUID          string `json:"uuid"`
		Subject       string `json:"subject"`
		Questionnaire string `json:"questionnaire"`
		Version       string `json:"questionnaire_version"`
		Status        string `json:"status"`
		Archived      bool   `json:"archived"`
		Answered      int    `json:"answered"`
		Total         int    `json:"total"`
		Level         string `json:"level"`
		Open          int    `json:"open_items"`
		Overdue       int    `json:"overdue_items"`
		AssessedOn    string `json:"assessed_on"`
	}
	out := []row{}
	for _, x := range list {
		open, overdue := x.Summary.OpenOn(day)
		out = append(out, row{x.ID, x.UUID, x.Subject, x.Questionnaire.ID, x.Questionnaire.Version, string(x.Status), x.Archived,
			x.Summary.Answered, x.Summary.Total, x.Summary.Level, open, overdue, x.AssessedOn.String()})
	}
	return a.writeJSON(out)
}
