package document

// ShareWidth shares total between columns that need at least minW and
// would like maxW (their text on one line): each gets its minimum, and the
// rest goes to the columns with the most text; when even the minimums do
// not fit, they shrink in proportion (and the renderer breaks long words).
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
		for i := range n {
			out[i] = minW[i] * total / sumMin
		}
	default:
		for i := range n {
			out[i] = minW[i] + (total-sumMin)*(want[i]-minW[i])/(sumMax-sumMin)
		}
	}
	return out
}
