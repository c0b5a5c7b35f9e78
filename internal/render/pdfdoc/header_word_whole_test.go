package pdfdoc

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/internal/render/fonts"
)

// The report's "By dimension" table of a third-party due diligence, whose
// last note is long, printed its "Share" header as "Shar" over "e": the
// columns are shared by their longest word, and a column whose longest
// word is also its whole text (a header above short figures) gets exactly
// that word's width. Taking the padding off again lost a little to
// rounding, the word no longer fitted the width it was measured for, and
// it was broken between its letters. Every header word must stay whole in
// the width the table gives it.
func TestTableHeaderWordsStayWholeInTheWidthMeasuredForThem(t *testing.T) {
	p, err := newPDF(document.Meta{Title: "T"})
	if err != nil {
		t.Fatal(err)
	}
	header := []string{"Dimension", "Score", "Maximum", "Share", "Higher is", "Note"}
	tbl := &document.Table{Header: cellsOf(header...), Rows: [][]document.Text{
		cellsOf("Control gaps", "7", "230", "3.0%", "worse", "-"),
		cellsOf("Our data and access", "13", "35", "37.1%", "worse", "share of the full maximum"),
		cellsOf("Business criticality", "17", "20", "85.0%", "worse", "share of the full maximum"),
		cellsOf("Personal data supplied", "0", "20", "0.0%", "worse", "share of the full maximum; the questions counted have a maximum of 1"),
	}}
	widths := p.columnWidths(tbl)
	for i, cell := range p.layoutRow(tbl.Header, fonts.SansBold, widths) {
		var got []string
		for _, l := range cell {
			got = append(got, lineText(l))
		}
		for _, word := range strings.Fields(header[i]) {
			whole := false
			for _, s := range got {
				for _, w := range strings.Fields(s) {
					whole = whole || w == word
				}
			}
			if !whole {
				t.Errorf("header %q in a column %.2f points wide is set as %q: %q is broken", header[i], widths[i], got, word)
			}
		}
	}
}

func cellsOf(s ...string) []document.Text {
	out := make([]document.Text, len(s))
	for i, v := range s {
		out[i] = document.Text{{Text: v}}
	}
	return out
}
