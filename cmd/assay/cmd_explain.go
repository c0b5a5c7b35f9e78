package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/safetext"
)

// explainCommand records why answers a consistency check finds
// disagreeing both stand: what lets the assessment go to review without
// changing either answer.
func (a *app) explainCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "explain ID CHECK-ID TEXT",
		Short: "Explain why answers a consistency check finds disagreeing both stand",
		Long: `A questionnaire's consistency checks find answers that cannot both be true as
they read (assay score lists them under "Answers that disagree"). An
assessment goes to review only once each such disagreement is resolved: one
of the answers is changed (assay answer, or the interview), or someone says
why both stand. This command says so: the explanation is recorded in the
audit trail with your name, the time, the check and the answers it read. The
report shows it beside the disagreement.

An explanation holds for the answers it was given for: once any of them is
answered again, the disagreement is unexplained until it is explained again.
The text is one paragraph, at most 2000 characters.`,
		Example: `  assay explain 3 groups-tested-yet-none-compared \
    "The report tests groups one by one; no combination was measured"`,
		Args: cobra.ExactArgs(3),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := assessmentID(args[0])
			if err != nil {
				return err
			}
			if _, err := a.signer(); err != nil {
				return err
			}
			db, err := a.store()
			if err != nil {
				return err
			}
			asmt, err := db.Explain(a.ctx(cmd), id, args[1], args[2])
			if err != nil {
				return err
			}
			for _, d := range assess.Evaluate(asmt, assess.Date{}).Result.Disagreements {
				if d.ID == args[1] && d.Explanation != nil {
					fmt.Fprintf(a.stdout, "Explained %s on assessment %d (answers: %s), by %s; the audit trail records it.\n",
						d.ID, asmt.ID, assess.DisagreeingAnswersLine(d.Answers), safetext.OneLine(d.Explanation.By))
				}
			}
			return nil
		},
	}
}
