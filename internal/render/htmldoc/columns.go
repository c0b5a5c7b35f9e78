package htmldoc

import "github.com/assay-dev/assay/assess/report/document"

// printWidth is the text width of an A4 page with the print stylesheet's
// margins (15 mm each side), in points, and tableSize the tables' font
// size on it. (On screen the page is wider by more than the tables' font
// grows, so the shares fit there too.)
const printWidth, tableSize = (210.0 - 30.0) / 25.4 * 72, 8.5

// columnShares shares a table's width between its columns, in percent,
// as the PDF and the DOCX share theirs: each column gets its longest word
// when they all fit (up to a limit; longer words break), the rest goes to
// the columns with the most text. Left to itself the browser gave the
// long Action column the room and broke dates, states and names in the
// narrow ones ("2026-|02-14", "overdu|e"), a page's words it lays out
// itself (the estimate only sets the grid).
func columnShares(t *document.Table) []float64 {
	const pad, wordCap = 11.0, 110.0 // 0.4rem each side and a border
	widths := document.EstimatedShares(t, tableSize, pad, wordCap, printWidth)
	total := 0.0
	for _, w := range widths {
		total += w
	}
	out := make([]float64, len(widths))
	for i, w := range widths {
		if total > 0 {
			out[i] = 100 * w / total
		}
	}
	return out
}
