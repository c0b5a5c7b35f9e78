package tui

import "strings"

// filterMemo keeps the filter's recent results for one portfolio and
// order, so that a letter typed searches what the letters before it
// left, and a letter deleted finds its answer kept: only the first
// letter, or a change of order, looks at the whole portfolio.
type filterMemo struct {
	p       *portfolio
	order   sortOrder
	needles []string
	results [][]int32
}

// memoSize bounds the results kept: the needles of a search as it is
// typed, one letter at a time.
const memoSize = 32

func (m *filterMemo) filter(p *portfolio, order sortOrder, needle string) []int32 {
	if m.p != p || m.order != order {
		*m = filterMemo{p: p, order: order}
	}
	var within []int32
	best := -1
	for i, n := range m.needles {
		if n == needle {
			return m.results[i]
		}
		if containsAll(needle, n) && (best < 0 || len(n) > len(m.needles[best])) {
			best = i
		}
	}
	if best >= 0 {
		within = m.results[best]
	}
	out := p.filter(order, needle, within)
	if len(m.needles) == memoSize {
		m.needles, m.results = m.needles[1:], m.results[1:]
	}
	m.needles = append(m.needles, needle)
	m.results = append(m.results, out)
	return out
}

// containsAll reports whether every text holding needle holds n: n is
// empty or a part of needle.
func containsAll(needle, n string) bool {
	return n == "" || (len(n) <= len(needle) && strings.Contains(needle, n))
}
