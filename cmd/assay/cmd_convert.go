package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/internal/input"
	"github.com/assay-dev/assay/questionnaires"
	"github.com/assay-dev/assay/questionnaires/convert"
)

func (a *app) convertCommand() *cobra.Command {
	var out, id, kind, severity string
	var mappings, relations []string
	cmd := &cobra.Command{
		Use:   "convert FILE",
		Short: "Turn another tool's questionnaire (CISO Assistant, CSA CAIQ v4) or an OSCAL catalog into assay's format",
		Long: `Convert a file of another tool into an assay questionnaire that assay lint
accepts, or an OSCAL catalog into an assay control catalog. The format is
read from the file's content:

  CISO Assistant library   a framework library (YAML), old or new question
                           format; with --mapping, its mapping sets give each
                           requirement's ISO/IEC 27001:2022, NIST CSF 2.0 or
                           SOC 2 controls
  CSA CAIQ v4              the machine-readable JSON or YAML a user downloads
                           from CSA (assay ships none of it)
  OSCAL catalog            JSON or YAML; the result is a catalog: put it in
                           the catalogs folder of your questionnaires folder
                           and map questions to it under its ID

Everything that could not be carried over, or was carried differently, is
listed question by question, here and as comments in the file written. A
file assay cannot read is refused with its line and field, and nothing is
written. See docs/convert.md.`,
		Example: `  assay convert cisa-vendor-scrm.yaml \
    -o ~/.config/assay/questionnaires/cisa-scrm.yaml
  assay convert nist-csf-2.0.yaml \
    --mapping mapping-nist-csf-2.0-to-iso27001-2022.yaml -o csf.yaml
  assay convert caiq-v4.json --severity medium -o caiq.yaml
  assay convert sp800-53-low.json \
    -o ~/.config/assay/questionnaires/catalogs/sp800-53-low.yaml`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			name := args[0]
			// Checked before the input is read: the name is wrong whatever
			// the input holds.
			if err := a.checkWrittenAs("convert", out, "YAML (.yaml or .yml)", "yaml"); err != nil {
				return err
			}
			if out != "" && out != "-" {
				for _, in := range append([]string{name}, mappings...) {
					if sameFile(in, out) {
						return fmt.Errorf("-o %s is the file being read; write the conversion to another file", out)
					}
				}
			}
			src, err := input.ReadFile(name)
			if err != nil {
				return err
			}
			opts := convert.Options{ID: id, Kind: kind, Severity: severity, Catalog: questionnaires.Catalog()}
			for _, r := range relations {
				for _, part := range strings.Split(r, ",") {
					if part = strings.TrimSpace(part); part != "" {
						opts.Relations = append(opts.Relations, part)
					}
				}
			}
			for _, m := range mappings {
				msrc, err := input.ReadFile(m)
				if err != nil {
					return err
				}
				opts.Mappings = append(opts.Mappings, convert.MappingFile{Name: m, Src: msrc})
			}
			outName := out
			if outName == "" {
				outName = "-"
			}
			res, err := convert.Convert(name, src, outName, opts)
			var problems convert.Problems
			if errors.As(err, &problems) {
				for _, p := range problems {
					fmt.Fprintln(a.stderr, messageLine(p.String()))
				}
				return fmt.Errorf("%s: %s; nothing was written", name, assess.Count(len(problems), "problem", "problems"))
			}
			if err != nil {
				return err
			}
			if err := keepQuestionnaireAt(out, res.What, res.ID, "the conversion ("+res.What+" "+res.ID+")"); err != nil {
				return err
			}
			if res.What != "catalog" {
				if err := a.convertIDTaken(res.ID, out); err != nil {
					return err
				}
			}
			if err := a.writeOutput(out, res.YAML); err != nil {
				return err
			}
			report := a.stdout
			if out == "" || out == "-" {
				report = a.stderr // standard output holds the file
			}
			writeConvertReport(report, name, outName, res)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVarP(&out, "output", "o", "", "write to FILE instead of standard output")
	f.StringArrayVar(&mappings, "mapping", nil, "a CISO Assistant mapping set to take controls from (repeatable)")
	f.StringSliceVar(&relations, "relations", nil, "mapping relationships to carry over: equal, superset, subset, intersect (default all)")
	f.StringVar(&id, "id", "", "the questionnaire's or catalog's ID (default from the file; a catalog's from -o's name)")
	f.StringVar(&kind, "kind", "", "the questionnaire's kind (default security; third-party for CAIQ)")
	f.StringVar(&severity, "severity", "", "give every question that can show a gap this severity (low, medium, high, critical), so that gaps become findings")
	return cmd
}

// writeConvertReport says what was converted and, question by question,
// what was not carried over. Every text from the file is made safe to
// print.
func writeConvertReport(w io.Writer, name, outName string, res *convert.Result) {
	line := func(format string, args ...any) {
		fmt.Fprintln(w, asciiMarks(w, safetext.OneLine(fmt.Sprintf(format, args...))))
	}
	item := func(format string, args ...any) {
		fmt.Fprintln(w, asciiMarks(w, "  "+safetext.OneLine(fmt.Sprintf(format, args...))))
	}
	line("converted %s (%s) to %s", name, strings.TrimPrefix(strings.TrimPrefix(res.Format, "a "), "an "), outName)
	if res.What == "catalog" {
		line("catalog %s %q: %s in %s", res.ID, res.Title, assess.Count(res.Questions, "control", "controls"), assess.Count(res.Sections, "group", "groups"))
		line("put it in the %s folder of your questionnaires folder; questions map to it with controls: {%s: [...]}", questionnaires.CatalogDir, res.ID)
	} else {
		line("questionnaire %s version %s %q: %s in %s", res.ID, res.Version, res.Title, assess.Count(res.Questions, "question", "questions"), assess.Count(res.Sections, "section", "sections"))
	}
	if res.Copyright != "" {
		line("copyright: %s", truncateText(res.Copyright, 300))
	}
	if len(res.Notes) == 0 {
		line("everything was carried over")
		return
	}
	line("not carried over, or carried differently (%d):", len(res.Notes))
	for _, n := range res.Notes {
		who := n.Question
		if who == "" {
			who = "(whole file)"
		}
		item("%s: %s", who, n.Text)
	}
}

func truncateText(s string, n int) string {
	s = safetext.OneLine(s)
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// sameFile reports whether two paths name the same existing file.
func sameFile(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	if err != nil {
		return false
	}
	return os.SameFile(fa, fb)
}
