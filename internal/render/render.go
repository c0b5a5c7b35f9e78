// Package render turns the committee report's document into a file in one
// of the formats a committee reads: Markdown, HTML, PDF or DOCX. The CLI and
// the workspace both export through it, so a format is added in one place.
package render

import (
	"fmt"
	"strings"

	"github.com/assay-dev/assay/assess/report"
	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/internal/render/docx"
	"github.com/assay-dev/assay/internal/render/htmldoc"
	"github.com/assay-dev/assay/internal/render/pdfdoc"
)

// Format is a committee report format, named as --format takes it.
type Format string

// The report formats, in the order they are offered.
const (
	Markdown Format = "md"
	HTML     Format = "html"
	PDF      Format = "pdf"
	DOCX     Format = "docx"
)

// Formats lists the formats of the committee report.
var Formats = []Format{Markdown, HTML, PDF, DOCX}

// Parse reads a format name; "markdown" is md.
func Parse(s string) (Format, bool) {
	if s == "markdown" {
		return Markdown, true
	}
	for _, f := range Formats {
		if string(f) == strings.ToLower(s) {
			return f, true
		}
	}
	return "", false
}

// Binary reports whether a format is not text: such a file would garble a
// terminal, so it is written to a file or a pipe only.
func (f Format) Binary() bool { return f == PDF || f == DOCX }

// Extension is the file name extension for the format, with its dot.
func (f Format) Extension() string { return "." + string(f) }

// Render writes the document in the format.
func Render(f Format, d *document.Document) ([]byte, error) {
	switch f {
	case Markdown:
		return []byte(report.Render(d)), nil
	case HTML:
		return htmldoc.Render(d), nil
	case PDF:
		return pdfdoc.Render(d)
	case DOCX:
		return docx.Render(d)
	}
	return nil, fmt.Errorf("%q is not a report format", string(f))
}
