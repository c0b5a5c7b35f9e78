package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/internal/input"
	"github.com/assay-dev/assay/questionnaires"
)

func (a *app) answerCommand() *cobra.Command {
	var file string
	cmd := &cobra.Command{
		Use:   "answer ID --file FILE",
		Short: "Record answers from a file, all or nothing",
		Long: `Record answers from a YAML file. Every answer is checked against the
assessment's questionnaire first; if any is wrong, nothing is recorded and each
problem is printed with its line and field.

  answers:
    mfa: yes
    policy:
      answer: partial
      note: Last reviewed in 2023.
      evidence: [Information security policy v3.2]`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			asmt, err := a.assessment(cmd, args[0])
			if err != nil {
				return err
			}
			src, err := input.ReadFile(file)
			if err != nil {
				return err
			}
			parsed, problems := questionnaires.ParseAnswers(file, src, asmt.Questionnaire)
			if len(problems) > 0 {
				for _, p := range problems {
					// The field path holds the file's own keys: untrusted text.
					fmt.Fprintln(a.stderr, messageLine(p.String()))
				}
				return exitError{code: 1, msg: fmt.Sprintf("%s: %s; nothing was recorded", file, countOf(len(problems), "problem", "problems"))}
			}
			if err := checkAnswersFor(file, src, parsed, asmt.UUID); err != nil {
				fmt.Fprintln(a.stderr, err)
				return exitError{code: 1, msg: fmt.Sprintf("%s: 1 problem; nothing was recorded", file)}
			}
			if err := a.db.SaveAnswers(a.ctx(cmd), asmt.ID, parsed.Answers); err != nil {
				return leftUnchanged(fmt.Errorf("%s: %w", file, err), "nothing was recorded")
			}
			fmt.Fprintf(a.stdout, "recorded %s in assessment %d\n", countOf(len(parsed.Answers), "answer", "answers"), asmt.ID)
			return nil
		},
	}
	cmd.Flags().StringVarP(&file, "file", "f", "", "answers file (YAML)")
	_ = cmd.MarkFlagRequired("file")
	return cmd
}
