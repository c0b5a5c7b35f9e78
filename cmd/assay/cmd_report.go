package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/export"
	"github.com/assay-dev/assay/assess/report"
	"github.com/assay-dev/assay/internal/fileformat"
	"github.com/assay-dev/assay/internal/render"
)

func (a *app) reportCommand() *cobra.Command {
	var out, asOf, format, since string
	cmd := &cobra.Command{
		Use:   "report ID",
		Short: "Write the committee report (Markdown, HTML, PDF, DOCX), the action plan (CSV), or OSCAL POA&M or assessment results",
		Long: `Write the committee report in Markdown (the default), or with --format:

  html        the committee report as one self-contained HTML file (inline
              CSS and SVG pictures, no script, nothing loaded from the
              network), with a print stylesheet
  pdf         the committee report as a paginated PDF with a title page,
              running headers and page numbers, fonts embedded
  docx        the committee report as a Word (.docx) document
              with heading styles, tables and pictures
  csv         the remediation plan, one row per item (RFC 4180, UTF-8 with a
              byte order mark; cells that a spreadsheet would run as a
              formula start with an apostrophe); same as assay plan ID --csv
  oscal-poam  an OSCAL 1.2 plan of action and milestones (JSON): findings,
              risks with deadline and status, remediations with milestones;
              its UUIDs derive from the assessment's, so it is stable
  oscal-assessment-results
              OSCAL 1.2 assessment results (JSON): an observation per
              answer, a finding per control the answers touch (satisfied
              or not), the plan's findings and risks; an observation,
              finding or risk has the same UUID as in the POA&M

HTML, PDF and DOCX add pictures to the Markdown report's content: the
likelihood x impact maps as coloured grids, coverage per framework, findings
by severity and the plan's due dates. PDF and DOCX are binary: assay writes
them with -o, or to standard output only when it is not a terminal. A file
named for a format (.md or .markdown, .html or .htm, .pdf, .docx, .csv) is
written in that format when --format is not given, and refused when
--format names another; a .json file takes --format oscal-poam or
oscal-assessment-results. A file named for a format assay report does not
write (.yaml, .xlsx, .db and the like) is refused; any other name (.txt,
none) gets the Markdown report, or the format --format gives.

With --since EARLIER, the committee report adds what changed since an earlier
assessment of the same subject (last year's, or the approved assessment a
revision was made from): levels, scores, findings opened and closed, and the
answers that changed, as assay diff shows them.`,
		Example: `  assay report 7 -o acme-2026.md
  assay report 7 -o acme-2026.pdf
  assay report 7 --format docx > acme-2026.docx
  # with the changes since last year's assessment 3:
  assay report 7 --since 3 -o acme-2026.md
  assay report 7 --format csv -o plan.csv`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if named := formatOfName(out); named != "" && !cmd.Flags().Changed("format") {
				format = named // -o acme.pdf says what --format would
			}
			format = strings.ToLower(format) // PDF is pdf, CSV csv
			doc, isDoc := render.Parse(format)
			if !isDoc && format != "csv" && format != "oscal-poam" && format != "oscal-assessment-results" {
				return fmt.Errorf("--format: %q is not a format (use %s, csv, oscal-poam or oscal-assessment-results)", format, formatNames())
			}
			if since != "" && !isDoc {
				return fmt.Errorf("--since adds a section to the committee report; it does not apply to --format %s", format)
			}
			if isDoc && doc.Binary() && (out == "" || out == "-") && isTerminal(a.stdout) {
				return fmt.Errorf("a %s report is binary and would garble the terminal: write it with -o FILE%s, or redirect standard output", strings.ToUpper(string(doc)), doc.Extension())
			}
			// The report and the OSCAL documents pin the assessment's audit
			// history as they show it, for assay verify --against.
			ev, pin, stamps, err := a.evaluatePinned(cmd, args[0], asOf)
			if err != nil {
				return err
			}
			if asOf == "" {
				// Made today: never dated before an acceptance it shows.
				ev, _ = assess.JudgedAsReported(ev, stamps)
			}
			// With the database open, so that a path to its -wal file is
			// refused as such first.
			if err := a.checkReportOutput(out, formatName(format), cmd.Flags().Changed("format")); err != nil {
				return err
			}
			switch format {
			case "csv":
				return a.writeOutput(out, export.PlanCSV(ev, ev.Today, assess.AcceptedOn(ev, stamps)))
			case "oscal-poam":
				b, err := export.OSCALPOAM(ev, ev.Today, &pin, stamps)
				if err != nil {
					return fmt.Errorf("assessment %d: %w", ev.Assessment.ID, err)
				}
				return a.writeOutput(out, b)
			case "oscal-assessment-results":
				b, err := export.OSCALAssessmentResults(ev, ev.Today, a.catalog(), &pin, stamps)
				if err != nil {
					return fmt.Errorf("assessment %d: %w", ev.Assessment.ID, err)
				}
				return a.writeOutput(out, b)
			}
			opts := a.reportOptions(ev.Today)
			opts.Record = &pin
			opts.AcceptedOn = assess.AcceptedOn(ev, stamps)
			opts.AsOf = asOf != ""
			if since != "" {
				if opts.Since, err = a.since(cmd, since, asOf, ev, func(earlier, later int64) string {
					return fmt.Sprintf("assay report %d --since %d", later, earlier)
				}); err != nil {
					if errors.As(err, new(asOfRefused)) {
						return err // --as-of's, as diff and plan word it
					}
					return fmt.Errorf("--since: %w", err)
				}
				// Judged no earlier than a sign-off of the earlier
				// assessment that the changes show.
				ev, opts.Today = opts.Since.To, opts.Since.To.Today
			}
			b, err := render.Render(doc, report.Build(ev, opts))
			if err != nil {
				return fmt.Errorf("assessment %d: %w", ev.Assessment.ID, err)
			}
			return a.writeOutput(out, b)
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to FILE instead of standard output")
	cmd.Flags().StringVar(&format, "format", "md", "format: "+formatNames()+", csv, oscal-poam or oscal-assessment-results")
	cmd.Flags().StringVar(&asOf, "as-of", "", "report as of this day, YYYY-MM-DD (default today)")
	cmd.Flags().StringVar(&since, "since", "", "add the changes since this earlier assessment of the same subject (committee report only)")
	return cmd
}

// reportOptions are the report's settings on day: the control catalog, and
// the library's titles for a pre-screen's recommendations.
func (a *app) reportOptions(day assess.Date) report.Options {
	opts := report.Options{Today: day, Catalog: a.catalog()}
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

// formatOfName is the format assay report writes that the extension of
// file out names (md or markdown, html or htm, pdf, docx, csv), or "" for
// any other, none, and standard output.
func formatOfName(out string) string {
	switch f := fileformat.Of(out); f {
	case "md", "html", "pdf", "docx", "csv":
		return f
	}
	return ""
}

// formatName is a --format value as formatOfName names it: markdown is md.
func formatName(format string) string {
	if f, ok := render.Parse(format); ok {
		return string(f)
	}
	return format
}

// formatNames lists the committee report's formats for messages and help.
func formatNames() string {
	names := make([]string, len(render.Formats))
	for i, f := range render.Formats {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}
