package main

import (
	"fmt"
	"slices"

	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/internal/fileformat"
)

// checkWrittenAs refuses file out when its extension names a format
// other than the command's (exts, the extensions of what it writes, as
// writes says it): assay export -o acme.md wrote JSON into a .md file.
// What no file may be (the database, a pipe) is refused first. Nothing
// has been written when it refuses.
func (a *app) checkWrittenAs(command, out, writes string, exts ...string) error {
	if _, err := a.namedFormat(out); err != nil {
		return err
	}
	return refuseOtherExtension(command, out, writes, exts...)
}

// refuseOtherExtension is checkWrittenAs's check of the extension alone,
// for a command that checks where it writes by rules of its own (backup,
// which may replace an earlier backup).
func refuseOtherExtension(command, out, writes string, exts ...string) error {
	named := fileformat.Of(out)
	if named == "" {
		return nil
	}
	for _, e := range exts {
		if fileformat.Of("x."+e) == named {
			return nil
		}
	}
	return fmt.Errorf("%s is named for %s file, which assay %s does not write: it writes %s; nothing was written",
		safetext.OneLine(out), fileformat.Article(named), command, writes)
}

// namedFormat is the format file out's extension names (fileformat.Of),
// or "" for any other and for standard output; what no file may be (the
// database, a pipe) is refused first.
func (a *app) namedFormat(out string) (string, error) {
	if out == "" || out == "-" {
		return "", nil // standard output
	}
	if _, err := a.outputTarget(out, out); err != nil {
		return "", err
	}
	return fileformat.Of(out), nil
}

// reportWrites names the formats assay report writes, as its
// refusals say them.
const reportWrites = "Markdown (.md), HTML (.html), PDF (.pdf), DOCX (.docx), CSV (.csv) or OSCAL JSON (.json, with --format)"

// checkReportOutput refuses a file named for another format than the one
// written: assay report 3 --format md -o acme.pdf wrote the Markdown
// report into acme.pdf, and assay report 3 -o ar.json too. format is the
// --format given, or the one the name picked (formatOfName); given says
// which. A .json name takes either OSCAL document, which --format says.
func (a *app) checkReportOutput(out, format string, given bool) error {
	named, err := a.namedFormat(out)
	if err != nil || named == "" {
		return err
	}
	name := safetext.OneLine(out)
	oscal := format == "oscal-poam" || format == "oscal-assessment-results"
	switch {
	case named == format || named == "json" && oscal:
		return nil
	case named == "json" && !given:
		return fmt.Errorf("%s is named for a JSON file: assay report writes two, give --format oscal-poam or --format oscal-assessment-results; nothing was written", name)
	case !slices.Contains([]string{"md", "html", "pdf", "docx", "csv", "json"}, named):
		return fmt.Errorf("%s is named for %s file, which assay report does not write: it writes %s; nothing was written",
			name, fileformat.Article(named), reportWrites)
	case named == "json":
		return fmt.Errorf("%s is named for a JSON file, but --format is %s: give --format oscal-poam or --format oscal-assessment-results, or another file name; nothing was written",
			name, format)
	}
	return fmt.Errorf("%s is named for %s file, but --format is %s: give --format %s, or another file name; nothing was written",
		name, fileformat.Article(named), format, named)
}
