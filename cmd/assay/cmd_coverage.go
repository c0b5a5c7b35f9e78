package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/safetext"
)

func (a *app) coverageCommand() *cobra.Command {
	var framework string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "coverage ID",
		Short: "Show which framework controls the answers meet, partly meet or leave a gap",
		Long: `For ISO/IEC 27001:2022, NIST CSF 2.0 and SOC 2, list every control the
assessment's visible questions map to, whether the answers show it met, partly
met or a gap (or not yet answered, or not applicable), and the questions behind
each. A control is a gap if any question behind it shows a full gap; partly met
if any shows a partial gap, or some are met and some unanswered; met if every
answered question is met. A question that only gives context, such as what data
a vendor will hold, scores no gap either way and is no evidence that a control
is met: it decides nothing while another question is behind the control, and a
control behind such questions alone is "context only". A gap the
questionnaire requires closed only from a higher level (such as alert
thresholds at impact level III) makes no finding but is no evidence either:
beside met questions the control is partly met, alone it is "not required at
this level". Questions hidden by their conditions do not count.`,
		Example: `  assay coverage 3
  assay coverage 3 --framework iso27001
  assay coverage 3 --json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			asmt, err := a.assessment(cmd, args[0])
			if err != nil {
				return err
			}
			q := asmt.Questionnaire
			// A questionnaire may map to a user catalog as well.
			frameworks := q.Frameworks()
			if framework != "" {
				f := assess.Framework(framework)
				if !slices.Contains(frameworks, f) {
					// A catalog of the questionnaires folder is known, but
					// only to the questionnaires that map to it: "unknown"
					// would send the reader looking for a misspelt ID.
					if a.catalog().Holds(f) {
						return fmt.Errorf("--framework: %s, the questionnaire of assessment %d, maps no question to the catalog %q (it maps to %s)", q.ID, asmt.ID, framework, frameworkList(frameworks))
					}
					return fmt.Errorf("--framework: unknown framework %q (use %s)", framework, frameworkList(frameworks))
				}
				frameworks = []assess.Framework{f}
			}
			res := assess.Score(q, asmt.Answers, asmt.AssessedOn)
			cat := a.catalog()
			var reports []frameworkCoverage
			for _, f := range frameworks {
				cov := assess.Coverage(q, res, cat, f)
				reports = append(reports, frameworkCoverage{Framework: f, Title: cat.Title(f), Controls: cov, Summary: assess.SummarizeCoverage(f, cov)})
			}
			if asJSON {
				return writeCoverageJSON(a.stdout, asmt, res, reports)
			}
			fmt.Fprintf(a.stdout, "%s: %s (%s %s)\n", safetext.OneLine(asmt.Subject), safetext.OneLine(q.Title), q.ID, safetext.OneLine(q.Version))
			for _, r := range reports {
				writeCoverageText(a.stdout, r)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&framework, "framework", "", "only this framework: iso27001, nist-csf, soc2 or a user catalog's ID (default all)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

type frameworkCoverage struct {
	Framework assess.Framework
	Title     string // the framework's, or the user catalog's, title
	Controls  []assess.ControlCoverage
	Summary   assess.CoverageSummary
}

// summaryWords reads "9 controls touched: 3 met, 2 partly met, 1 gap, 1
// context only", leaving out the statuses no control has.
func summaryWords(s assess.CoverageSummary) string {
	if s.Touched == 0 {
		return "no controls touched"
	}
	var parts []string
	for _, c := range []struct {
		n      int
		status assess.CoverageStatus
	}{
		{s.Met, assess.CoverageMet}, {s.Partial, assess.CoveragePartial}, {s.Gap, assess.CoverageGap},
		{s.NotRequired, assess.CoverageNotRequired}, {s.Context, assess.CoverageContext},
		{s.Unanswered, assess.CoverageUnanswered}, {s.NA, assess.CoverageNA},
	} {
		if c.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c.n, c.status))
		}
	}
	noun := "controls"
	if s.Touched == 1 {
		noun = "control"
	}
	return fmt.Sprintf("%d %s touched: %s", s.Touched, noun, strings.Join(parts, ", "))
}

// writeCoverageText prints one framework: a summary line, then each control
// with its status and name, and the questions behind it on the next line.
func writeCoverageText(w io.Writer, r frameworkCoverage) {
	fmt.Fprintf(w, "\n%s: %s\n", safetext.OneLine(r.Title), summaryWords(r.Summary))
	// A user's catalog may give a control an ID with an escape sequence or
	// a line break: it is printed clean, on one line, and padded by the
	// terminal cells it takes (cellWidth).
	ids := make([]string, len(r.Controls))
	idWidth, statusWidth := 0, 0
	for i, c := range r.Controls {
		ids[i] = safetext.OneLine(c.Control.ID)
		idWidth = max(idWidth, cellWidth(ids[i]))
		statusWidth = max(statusWidth, len(c.Status))
	}
	indent := strings.Repeat(" ", 2+idWidth+2+statusWidth+2)
	for i, c := range r.Controls {
		fmt.Fprintf(w, "  %s  %-*s  %s\n", padCells(ids[i], idWidth), statusWidth, c.Status, safetext.OneLine(c.Control.Name))
		qs := make([]string, len(c.Questions))
		for i, qr := range c.Questions {
			qs[i] = fmt.Sprintf("%s (%s)", qr.ID, qr.CoverageWord())
		}
		fmt.Fprintf(w, "%s%s\n", indent, strings.Join(qs, ", "))
	}
}

type coverageJSON struct {
	Assessment           int64                   `json:"assessment"`
	Subject              string                  `json:"subject"`
	Questionnaire        string                  `json:"questionnaire"`
	QuestionnaireVersion string                  `json:"questionnaire_version"`
	ScoringVersion       string                  `json:"scoring_version"`
	Frameworks           []frameworkCoverageJSON `json:"frameworks"`
}

type frameworkCoverageJSON struct {
	Framework assess.Framework      `json:"framework"`
	Title     string                `json:"title"`
	Summary   coverageSummaryJSON   `json:"summary"`
	Controls  []controlCoverageJSON `json:"controls"`
}

type coverageSummaryJSON struct {
	Touched       int `json:"touched"`
	Met           int `json:"met"`
	PartlyMet     int `json:"partly_met"`
	Gap           int `json:"gap"`
	NotAnswered   int `json:"not_answered"`
	NotApplicable int `json:"not_applicable"`
	// ContextOnly counts controls whose only answered questions give
	// context (what data, how many people): asked about, not shown met.
	ContextOnly int `json:"context_only"`
	// NotRequired counts controls whose measure the answers show missing
	// where the questionnaire requires it only from a higher level on.
	NotRequired int `json:"not_required_at_this_level"`
}

type controlCoverageJSON struct {
	ID        string                 `json:"id"`
	Name      string                 `json:"name"`
	Group     string                 `json:"group,omitempty"`
	Status    assess.CoverageStatus  `json:"status"`
	Questions []coverageQuestionJSON `json:"questions"`
}

type coverageQuestionJSON struct {
	ID     string        `json:"id"`
	Status assess.Status `json:"status"`
	// GapNotRequired: "answered", but a gap below the level where the
	// question's obligation starts, so no evidence the control is met.
	GapNotRequired bool   `json:"gap_not_required,omitempty"`
	Answer         string `json:"answer,omitempty"`
}

func frameworkList(fws []assess.Framework) string {
	var names []string
	for _, f := range fws {
		names = append(names, string(f))
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

func writeCoverageJSON(w io.Writer, asmt *assess.Assessment, res *assess.Result, reports []frameworkCoverage) error {
	out := coverageJSON{
		Assessment: asmt.ID, Subject: asmt.Subject, Questionnaire: res.QuestionnaireID,
		QuestionnaireVersion: res.QuestionnaireVersion, ScoringVersion: res.ScoringVersion,
		Frameworks: []frameworkCoverageJSON{},
	}
	for _, r := range reports {
		s := r.Summary
		fj := frameworkCoverageJSON{
			Framework: r.Framework, Title: r.Title,
			Summary:  coverageSummaryJSON{Touched: s.Touched, Met: s.Met, PartlyMet: s.Partial, Gap: s.Gap, NotAnswered: s.Unanswered, NotApplicable: s.NA, ContextOnly: s.Context, NotRequired: s.NotRequired},
			Controls: []controlCoverageJSON{},
		}
		for _, c := range r.Controls {
			cj := controlCoverageJSON{ID: c.Control.ID, Name: c.Control.Name, Group: c.Control.Group, Status: c.Status}
			for _, qr := range c.Questions {
				cj.Questions = append(cj.Questions, coverageQuestionJSON{ID: qr.ID, Status: qr.Status, GapNotRequired: qr.GapNotRequired, Answer: qr.Answer})
			}
			fj.Controls = append(fj.Controls, cj)
		}
		out.Frameworks = append(out.Frameworks, fj)
	}
	return writeJSONTo(w, out)
}
