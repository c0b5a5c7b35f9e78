package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/safetext"
)

func (a *app) newCommand() *cobra.Command {
	var questionnaire, subject, kind, date string
	cmd := &cobra.Command{
		Use:   "new -q ID -s NAME",
		Short: "Start an assessment and print its ID",
		Example: `  assay new --questionnaire vendor-security-screen \
    --subject "Acme Cloud Ltd" --reviewer "Dana Reyes"
  assay new -q vendor-security-screen -s "Acme Cloud Ltd" \
    --kind vendor --date 2026-01-20`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lib, err := a.library()
			if err != nil {
				return err
			}
			q, ok := lib.Get(questionnaire)
			if !ok {
				if hint := lib.Suggest(questionnaire); hint != "" {
					return fmt.Errorf("no questionnaire %q (%s assay questionnaires lists them)", questionnaire, hint)
				}
				return fmt.Errorf("no questionnaire %q (see assay questionnaires)", questionnaire)
			}
			if strings.TrimSpace(subject) == "" {
				return fmt.Errorf("--subject is required: the vendor, system or dataset assessed")
			}
			cfg, err := a.config()
			if err != nil {
				return err
			}
			asmt := &assess.Assessment{Subject: strings.TrimSpace(subject), SubjectKind: kind, Reviewer: a.actor(), Questionnaire: q,
				Deadlines: cfg.DeadlinesFor(q)}
			if kind == "" {
				// What the questionnaire is about, as the workspace offers
				// it; a subject already recorded keeps its own kind.
				asmt.SubjectKind, asmt.SubjectKindOffered = q.Kind.SubjectKind(), true
			}
			if date != "" {
				d, err := assess.ParseRecordDate(date)
				if err != nil {
					return fmt.Errorf("--date: %w", err)
				}
				// Dated ahead, its deadlines would run from a day not yet
				// come and keep its items off the overdue list till then.
				if now, _ := today(""); d.After(now) {
					return fmt.Errorf("--date: %s is after today (%s): an assessment is dated the day it is made, or the earlier day it was", d, now)
				}
				asmt.AssessedOn = d
			}
			if err := checkBeforeOpening(asmt); err != nil {
				return err
			}
			db, err := a.store()
			if err != nil {
				return err
			}
			if err := db.CreateAssessment(a.ctx(cmd), asmt); err != nil {
				return err
			}
			fmt.Fprintln(a.stdout, asmt.ID)
			// Created either way: the note is about the label, not this
			// assessment, which keeps what it started with.
			if others, err := db.StartedWithOtherContent(a.ctx(cmd), q); err == nil {
				if note := assess.SameVersionNote(q, others); note != "" {
					inform(a.stderr, "Note: "+safetext.OneLine(note))
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&questionnaire, "questionnaire", "q", "", "questionnaire ID (see assay questionnaires)")
	cmd.Flags().StringVarP(&subject, "subject", "s", "", "the vendor, system or dataset assessed")
	cmd.Flags().StringVar(&kind, "kind", "", "what the subject is: vendor, system or dataset (default: what the questionnaire is about; a subject already recorded keeps its own)")
	cmd.Flags().StringVar(&date, "date", "", "assessment date, YYYY-MM-DD, today or earlier (default today); deadlines run from it")
	_ = cmd.MarkFlagRequired("questionnaire")
	_ = cmd.MarkFlagRequired("subject")
	return cmd
}

// checkBeforeOpening refuses, before the database opens, what
// CreateAssessment would refuse whatever the database holds: a subject
// name no recorded name may be (a control character, an escape sequence,
// over 200 characters), an unknown kind, a reviewer name that is not
// one. Refused there, a first command would leave an empty database
// behind, having changed nothing. A subject name with a character only a
// new name may not hold is checked by the store, which knows whether it
// is recorded.
func checkBeforeOpening(asmt *assess.Assessment) error {
	if err := assess.CheckStoredName("subject name", asmt.Subject); err != nil {
		return err
	}
	if _, err := assess.ParseSubjectKind(asmt.SubjectKind); err != nil {
		return err
	}
	_, err := assess.CleanName("reviewer", asmt.Reviewer)
	return err
}
