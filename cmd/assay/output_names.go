package main

import (
	"fmt"
	"slices"

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
	return nothingWritten(fileformat.NotWritten(out, "assay "+command, writes))
}

// nothingWritten ends a refusal of an -o name (internal/fileformat's
// words, which the workspace shares) as the command line ends them.
func nothingWritten(refusal error) error {
	return fmt.Errorf("%w; nothing was written", refusal)
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
	oscal := format == "oscal-poam" || format == "oscal-assessment-results"
	switch {
	case named == format || named == "json" && oscal:
		return nil
	case named == "json" && !given:
		return nothingWritten(fileformat.NeedsKind(out, "assay report", "--format oscal-poam", "--format oscal-assessment-results"))
	case !slices.Contains([]string{"md", "html", "pdf", "docx", "csv", "json"}, named):
		return nothingWritten(fileformat.NotWritten(out, "assay report", reportWrites))
	case named == "json":
		return nothingWritten(fileformat.WrittenAsAnother(out, "--format is "+format,
			"give --format oscal-poam or --format oscal-assessment-results, or another file name"))
	}
	return nothingWritten(fileformat.WrittenAsAnother(out, "--format is "+format, "give --format "+named+", or another file name"))
}
