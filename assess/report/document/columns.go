package document

import (
	"slices"
	"strings"
)

// ShareWidth shares total between columns that need at least minW and
// would like maxW (their text on one line): each gets its minimum, and the
// rest goes to the columns with the most text; when even the minimums do
// not fit, the widest columns narrow to one width and the others keep
// their minimum (capWidths), so the renderer breaks only the longest
// words.
func ShareWidth(minW, maxW []float64, total float64) []float64 {
	n := len(minW)
	sumMin, sumMax := 0.0, 0.0
	want := make([]float64, n)
	for i := range n {
		want[i] = max(maxW[i], minW[i])
		sumMin += minW[i]
		sumMax += want[i]
	}
	out := make([]float64, n)
	switch {
	case sumMax <= 0:
		for i := range n {
			out[i] = total / float64(n)
		}
	case sumMax <= total:
		for i := range n {
			out[i] = want[i] + (total-sumMax)*want[i]/sumMax
		}
	case sumMin >= total:
		return capWidths(minW, total)
	default:
		for i := range n {
			out[i] = minW[i] + (total-sumMin)*(want[i]-minW[i])/(sumMax-sumMin)
		}
	}
	return out
}

// capWidths gives each column its minimum up to one cap, the cap chosen so
// that the columns fill total: a header such as "Finding" or a status such
// as "risk-accepted" stays whole, and the columns that hold a word too
// long for any sensible width (an 80-letter name) are the ones that
// narrow, since their word breaks whatever they get.
func capWidths(minW []float64, total float64) []float64 {
	sorted := slices.Clone(minW)
	slices.Sort(sorted)
	capW, left := sorted[len(sorted)-1], total // all fit whole when they fill total exactly
	for k, w := range sorted {
		rest := float64(len(sorted) - k)
		if w*rest > left {
			capW = left / rest
			break
		}
		left -= w
	}
	out := make([]float64, len(minW))
	for i, w := range minW {
		out[i] = min(w, capW)
	}
	return out
}

// EstimatedShares shares total between a table's columns by an estimate
// of their text at size points (bold in the header), each cell padded by
// pad, for a renderer that lays the text out itself and takes only the
// grid from us (HTML, DOCX): a column's minimum is its longest word, up
// to wordCap (longer words break), its wish its longest cell on one line.
func EstimatedShares(t *Table, size, pad, wordCap, total float64) []float64 {
	n := len(t.Header)
	minW, maxW := make([]float64, n), make([]float64, n)
	measure := func(cells []Text, bold bool) {
		for i := 0; i < n && i < len(cells); i++ {
			s := cells[i].String()
			for _, word := range strings.Fields(s) {
				minW[i] = max(minW[i], min(EstimateWidth(word, size, bold), wordCap)+pad)
			}
			maxW[i] = max(maxW[i], min(EstimateWidth(s, size, bold), total)+pad)
		}
	}
	measure(t.Header, true)
	for _, r := range t.Rows {
		measure(r, false)
	}
	return ShareWidth(minW, maxW, total)
}
