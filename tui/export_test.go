package tui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report/document"
)

// OpenForTest loads an assessment's interview as the home screen's enter
// key does; benchmarks use it to skip the portfolio.
func OpenForTest(d Deps, id int64) tea.Cmd { return loadAssessment(d, id, viewInterview, 0) }

// SessionForTest is the open assessment as the workspace holds it in
// memory, or nil: the model-based test compares it with the store.
func SessionForTest(m tea.Model) *assess.Assessment {
	if s := m.(Model).sh.sess; s != nil {
		return s.a
	}
	return nil
}

// PendingForTest reports whether a write is queued or running.
func PendingForTest(m tea.Model) bool {
	return m.(Model).sh.saves.pending()
}

// ScreenForTest names the screen shown.
func ScreenForTest(m tea.Model) string {
	switch m.(Model).cur.(type) {
	case *home:
		return "home"
	case *interview:
		return "interview"
	case *review:
		return "review"
	case *plan:
		return "plan"
	case *reportView:
		return "report"
	}
	return "other"
}

// CapturingForTest reports whether a text field or form has the keyboard.
func CapturingForTest(m tea.Model) bool { return m.(Model).cur.Capturing() }

// DueLineForTest is the home screen's reminder of the subjects due.
func DueLineForTest(due []assess.DueSubject) string { return dueLine(due) }

// RenderReportForTest lays a report out as the report view does.
func RenderReportForTest(d *document.Document, width int) string {
	return renderDocument(d, width, newStyles(true), false)
}

// RenderReportInProfileForTest lays a report out as the report view does
// on a terminal of the given colour depth.
func RenderReportInProfileForTest(d *document.Document, width int, profile colorprofile.Profile) string {
	return renderDocument(d, width, stylesFor(true, profile), false)
}

// RenderReportInASCIIForTest lays a report out as the report view does
// on a terminal of the given colour depth whose locale is not UTF-8,
// drawn in ASCII as the workspace draws every frame there.
func RenderReportInASCIIForTest(d *document.Document, width int, profile colorprofile.Profile) string {
	return asciiFrame(renderDocument(d, width, stylesFor(true, profile), true))
}
