package tui

import (
	"slices"
	"strconv"
	"strings"

	"github.com/assay-dev/assay/assess"
)

// portfolio is what the home screen lists: the assessments as the store
// listed them (most recently changed first), with everything the screen
// filters and sorts on worked out once, when the list arrives, so that a
// key never does work in proportion to the portfolio. Built off the
// update loop (loadPortfolio) and never changed after: a new list is a
// new portfolio.
type portfolio struct {
	items []*assess.Assessment
	rows  []portfolioRow // one per item
	// orders are the items' indices in each sort order; the first is the
	// list's own.
	orders [sortOrders][]int32
	// complete is false while only the first page is in: sorting,
	// filtering and comparing wait for the rest.
	complete bool
	// archivedOnly: no assessment is listed, and archived ones are there.
	archivedOnly bool
	// withArchived: the list was read with the archived assessments, as
	// A asks; the header says "archived shown" of such a list only.
	withArchived bool
	// The widest ID (in digits), status, level and open items (as the
	// screen shows them), or their headings; shortStatusWidth is the
	// widest status where a use the law forbids is said alone
	// (homeStatus).
	idWidth, statusWidth, shortStatusWidth, levelWidth, openWidth int
	// text is every row's search text, each ended by a newline (which no
	// filter holds), so that a filter searches one string instead of
	// calling a search per row; ends[i] is where row i's newline is, and
	// each row's search is its part of text.
	text string
	ends []int
}

// maxLevelWidth bounds the level column: a questionnaire of one's own
// may name its levels at length.
const maxLevelWidth = 16

// levelBound is at least the cells homeLevel takes, measured without
// laying the level out: a level's bytes are at least its cells, and
// cleaning only takes characters away. This runs once per assessment of
// the portfolio, which may hold 100,000.
func levelBound(s assess.Summary) int {
	switch {
	case s.Level == "":
		return len("-")
	case s.LevelUnsettled:
		return len(assess.NotRatedYet)
	}
	return min(len(s.Level), maxLevelWidth)
}

// portfolioRow is what the screen needs of an assessment beyond the
// assessment itself.
type portfolioRow struct {
	search        string // lower case, one line: what the filter matches
	subject       string // lower case: the subject order
	open, overdue int    // plan items open and overdue on the day judgedOn gives
}

// newPortfolio works out each assessment's row, its items counted on the
// day judgedOn gives it, and the sort orders. A page (complete false) is
// kept in the list's order only.
func newPortfolio(items []*assess.Assessment, judgedOn func(*assess.Assessment) assess.Date, complete bool) *portfolio {
	p := &portfolio{items: items, rows: make([]portfolioRow, len(items)), complete: complete,
		idWidth: len("ID"), statusWidth: len("Status"), shortStatusWidth: len("Status"), levelWidth: len("Level"), openWidth: len("Open/late")}
	level := make([]float64, len(items))
	var text strings.Builder
	ends := make([]int, len(items))
	p.ends = ends
	for i, a := range items {
		r := &p.rows[i]
		text.WriteString(strings.ToLower(searchText(a)))
		ends[i] = text.Len()
		text.WriteByte('\n')
		r.subject = strings.ToLower(a.Subject)
		r.open, r.overdue = a.Summary.OpenOn(judgedOn(a))
		p.openWidth = max(p.openWidth, r.openCells())
		level[i] = levelFraction(a.Summary)
		p.idWidth = max(p.idWidth, len(strconv.FormatInt(a.ID, 10)))
		p.statusWidth = max(p.statusWidth, len(homeStatus(a, false)))
		p.shortStatusWidth = max(p.shortStatusWidth, len(homeStatus(a, true)))
		p.levelWidth = max(p.levelWidth, levelBound(a.Summary))
	}
	p.text = text.String()
	start := 0
	for i := range p.rows {
		p.rows[i].search = p.text[start:ends[i]]
		start = ends[i] + 1
	}
	recent := make([]int32, len(items))
	for i := range recent {
		recent[i] = int32(i)
	}
	p.orders[sortRecent] = recent
	if !complete {
		return p
	}
	// Stable sorts of the list's order: ties stay most recent first.
	sorted := func(less func(x, y int32) int) []int32 {
		o := slices.Clone(recent)
		slices.SortStableFunc(o, less)
		return o
	}
	p.orders[sortSubject] = sorted(func(x, y int32) int { return strings.Compare(p.rows[x].subject, p.rows[y].subject) })
	p.orders[sortLevel] = sorted(func(x, y int32) int { return compareDesc(level[x], level[y]) })
	p.orders[sortOverdue] = sorted(func(x, y int32) int { return compareDesc(p.rows[x].overdue, p.rows[y].overdue) })
	return p
}

func compareDesc[T int | float64](x, y T) int {
	switch {
	case x > y:
		return -1
	case x < y:
		return 1
	}
	return 0
}

// levelFraction places a level on a common scale so that levels of
// different questionnaires sort together. An assessment not rated yet
// sorts after every rated one: its stored level is the worst its open
// questions could give, not its level. No level sorts last.
func levelFraction(s assess.Summary) float64 {
	switch {
	case s.LevelRank < 0 || s.LevelOf <= 1:
		return -1
	case s.LevelUnsettled:
		return -0.5
	}
	return float64(s.LevelRank) / float64(s.LevelOf-1)
}

// searchText is what the filter matches: subject, kind, reviewer,
// status (with the words a use the law forbids adds), level and
// questionnaire, on one line.
func searchText(a *assess.Assessment) string {
	parts := []string{a.Subject, a.SubjectKind, a.Reviewer, string(a.Status), a.Summary.Headline()}
	if a.Summary.UseForbidden {
		parts = append(parts, forbiddenWords)
	}
	if a.Questionnaire != nil {
		parts = append(parts, a.Questionnaire.ID, a.Questionnaire.Title)
	}
	return strings.ReplaceAll(strings.Join(parts, " "), "\n", " ")
}

// filter returns the indices, in order, of the items whose text holds
// needle (lower case). within, when not nil, is an earlier result for a
// needle that this one contains: only its items can match, so typing one
// more letter looks at what the last letter left, when that is little,
// rather than at the portfolio.
func (p *portfolio) filter(order sortOrder, needle string, within []int32) []int32 {
	from := p.orders[order]
	if from == nil {
		from = p.orders[sortRecent]
	}
	if needle == "" {
		if within != nil {
			return within
		}
		return from
	}
	out := []int32{}
	if strings.Contains(needle, "\n") {
		return out // no row's text holds a line break
	}
	if within != nil && len(within) < len(p.items)/4 {
		for _, i := range within {
			if strings.Contains(p.rows[i].search, needle) {
				out = append(out, i)
			}
		}
		return out
	}
	matched := p.match(needle)
	for _, i := range from {
		if matched[i] {
			out = append(out, i)
		}
	}
	return out
}

// match marks the rows whose text holds needle, searching all of them
// as one string.
func (p *portfolio) match(needle string) []bool {
	matched := make([]bool, len(p.rows))
	row := 0
	for at := 0; ; {
		j := strings.Index(p.text[at:], needle)
		if j < 0 {
			return matched
		}
		at += j
		// The row holding at: rows end where their search ends.
		for at >= p.ends[row] {
			row++
		}
		matched[row] = true
		at = p.ends[row] + 1
	}
}

// index finds the item with ID id, or -1.
func (p *portfolio) index(id int64) int {
	for i, a := range p.items {
		if a.ID == id {
			return i
		}
	}
	return -1
}
