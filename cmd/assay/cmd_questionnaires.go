package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/internal/input"
	"github.com/assay-dev/assay/questionnaires"
)

func (a *app) questionnairesCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "questionnaires",
		Short: "List the questionnaires you can start",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lib, err := a.library()
			if err != nil {
				return err
			}
			t := newTable("ID", "VERSION", "KIND", "QUESTIONS", "TITLE", "SOURCE")
			for _, q := range lib.All() {
				source := "built-in"
				if !lib.IsBuiltin(q.ID) {
					source = q.SourceName
				}
				t.row(q.ID, q.Version, string(q.Kind), fmt.Sprint(len(q.Questions)), q.Title, source)
			}
			return t.write(a.stdout)
		},
	}
}

func (a *app) lintCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "lint FILE...",
		Short: "Check questionnaire files and report every problem with its position",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			total, warnings := 0, 0
			for _, path := range args {
				src, err := input.ReadFile(path)
				if err != nil {
					return err
				}
				// Problems stop a file from loading; warnings (valid, but
				// probably not meant) are printed among them by position
				// and never fail the run.
				q, problems, warns, err := a.lintFile(path, src)
				if err != nil {
					return err
				}
				all := append(append(questionnaires.Problems{}, problems...), warns...)
				all.Sort()
				for _, p := range all {
					fmt.Fprintln(a.stdout, asciiMarks(a.stdout, messageLine(p.String())))
				}
				if q != nil && q.Copyright != "" {
					fmt.Fprintln(a.stdout, asciiMarks(a.stdout, messageLine(path+": copyright: "+truncateText(q.Copyright, 300))))
				}
				total += len(problems)
				warnings += len(warns)
			}
			if total > 0 {
				return exitError{code: 1, msg: fmt.Sprintf("%s in %s", assess.Count(total, "problem", "problems"), assess.Count(len(args), "file", "files"))}
			}
			if warnings > 0 {
				fmt.Fprintf(a.stdout, "%s, no problems, %s\n", assess.Count(len(args), "file", "files"), assess.Count(warnings, "warning", "warnings"))
				return nil
			}
			fmt.Fprintf(a.stdout, "%s, no problems\n", assess.Count(len(args), "file", "files"))
			return nil
		},
	}
}

// lintFile checks a questionnaire, an extension file (against the
// questionnaire it extends) or a catalog file, whichever path holds.
// Questionnaires are checked against the user's catalogs too. The file
// itself, and the folder's, are always parsed, so every problem is
// reported at its line; only the built-ins may come from the compiled
// forms of the cache folder (app.decoder), as in every other command.
func (a *app) lintFile(path string, src []byte) (*assess.Questionnaire, questionnaires.Problems, questionnaires.Problems, error) {
	file := questionnaires.ParseSource(path, src) // parsed once: told apart, then read
	switch {
	case file.IsExtension():
		lib, err := a.loadLibrary()
		if err != nil {
			return nil, nil, nil, err
		}
		q, problems, warns := lib.LintExtension(path, src)
		return q, problems, warns, nil
	case file.IsCatalog():
		_, problems := questionnaires.ParseCatalog(path, src)
		return nil, problems, nil, nil
	}
	dir, err := a.questionnaireFolder()
	if err != nil {
		return nil, nil, nil, err
	}
	cat, _, err := questionnaires.LoadCatalog(dir)
	if err != nil {
		return nil, nil, nil, err
	}
	q, problems, warns := file.Lint(cat)
	if len(problems) == 0 {
		taken, err := a.lintIDTaken(q, path)
		if err != nil {
			return nil, nil, nil, err
		}
		problems = taken
	}
	if len(problems) == 0 && len(q.Recommends) > 0 {
		lib, err := a.loadLibrary()
		if err != nil {
			return nil, nil, nil, err
		}
		warns = append(warns, lib.UnknownRecommendations(q)...)
	}
	return q, problems, warns, nil
}
