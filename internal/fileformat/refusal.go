package fileformat

import (
	"fmt"

	"github.com/assay-dev/assay/assess/safetext"
)

// The refusals of a file's name for its format, in the words every -o
// and the workspace's and accessible mode's exports use, so that one
// mistake reads the same wherever it is made. Each is a sentence without
// its end: the command line adds "; nothing was written", the workspace
// the same, and accessible mode puts "Not written: " before it and a full
// stop after. The name is what the person typed, quoted with what a
// terminal would act on written out where it holds any (safetext.FileName),
// as every message names a file.

// ReportExportWrites names the formats the workspace's and accessible
// mode's export write the report in.
const ReportExportWrites = "Markdown (.md), HTML (.html), PDF (.pdf) or DOCX (.docx)"

// NotWritten refuses name, named for a format writer never writes
// ("assay export", "the report's export"); writes lists the formats it
// writes, as "JSON (.json)".
func NotWritten(name, writer, writes string) error {
	return fmt.Errorf("%s is named for %s file, which %s does not write: it writes %s",
		safetext.FileName(name), Article(Of(name)), writer, writes)
}

// NotExported is NotWritten for the report's export in the workspace and
// accessible mode.
func NotExported(name string) error {
	return NotWritten(name, "the report's export", ReportExportWrites)
}

// WrittenAsAnother refuses name, named for one format the writer writes
// while the file is written in another: written says which ("--format is
// md", "the report is HTML"), remedy what to do instead ("give --format
// pdf, or another file name", "name it .pdf, or choose HTML").
func WrittenAsAnother(name, written, remedy string) error {
	return fmt.Errorf("%s is named for %s file, but %s: %s", safetext.FileName(name), Article(Of(name)), written, remedy)
}

// PlanNotCSV refuses name for the plan written as CSV (assay plan --csv
// -o, accessible mode's plan CSV) when it is named for another format.
func PlanNotCSV(name string) error {
	return WrittenAsAnother(name, "the plan is written as CSV", "name it .csv")
}

// PlanNotText refuses name for assay plan's text listing when it is
// named for CSV (which --csv writes) or for a report's format (which
// assay report writes).
func PlanNotText(name string) error {
	named := Of(name)
	if named == "csv" {
		return WrittenAsAnother(name, "the plan is written as text", "give --csv")
	}
	return WrittenAsAnother(name, "the plan is written as text", "write it to a .txt file, or assay report --format "+named)
}

// NeedsKind refuses name, named for a format writer writes in two kinds
// (a JSON file: OSCAL's plan of action or its assessment results),
// without a word of which: one and other are what says it.
func NeedsKind(name, writer, one, other string) error {
	return fmt.Errorf("%s is named for %s file: %s writes two, give %s or %s", safetext.FileName(name), Article(Of(name)), writer, one, other)
}
