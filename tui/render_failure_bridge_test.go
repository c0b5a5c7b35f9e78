package tui

import (
	"testing"

	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/internal/render"
)

// FailRenderingForTest makes every rendering of a report fail with err,
// as a renderer's own failure would, until the test ends.
func FailRenderingForTest(t *testing.T, err error) {
	was := renderReport
	renderReport = func(render.Format, *document.Document) ([]byte, error) { return nil, err }
	t.Cleanup(func() { renderReport = was })
}
