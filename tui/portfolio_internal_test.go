package tui

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// randomPortfolio has ties in every order: few subjects, levels and
// overdue counts, so stable sorting matters.
func randomPortfolio(rng *rand.Rand, n int) []*assess.Assessment {
	q := &assess.Questionnaire{ID: "vendor-screen", Title: "Vendor screen"}
	today := assess.NewDate(2026, 3, 31)
	var items []*assess.Assessment
	for i := range n {
		s := assess.Summary{LevelRank: rng.IntN(4) - 1, LevelOf: 3, Level: []string{"low", "medium", "high"}[rng.IntN(3)]}
		for range rng.IntN(3) {
			s.Items = append(s.Items, assess.ItemSummary{Status: assess.ItemOpen, Due: today.AddDays(rng.IntN(20) - 10), Count: 1 + rng.IntN(2)})
		}
		items = append(items, &assess.Assessment{ID: int64(n - i), Subject: []string{"Acme", "acme", "Zeta", "Ärger", "beta"}[rng.IntN(5)],
			Reviewer: []string{"Dana", "Rui"}[rng.IntN(2)], Status: assess.Draft, Questionnaire: q, Summary: s})
	}
	return items
}

// What the screen showed before the portfolio was worked out in advance:
// filter then sort.SliceStable with these comparisons.
func oldShown(items []*assess.Assessment, order sortOrder, needle string, today assess.Date) []int64 {
	var shown []*assess.Assessment
	for _, a := range items {
		if needle == "" || strings.Contains(strings.ToLower(searchText(a)), needle) {
			shown = append(shown, a)
		}
	}
	sort.SliceStable(shown, func(i, j int) bool {
		x, y := shown[i], shown[j]
		switch order {
		case sortSubject:
			return strings.ToLower(x.Subject) < strings.ToLower(y.Subject)
		case sortLevel:
			return levelFraction(x.Summary) > levelFraction(y.Summary)
		case sortOverdue:
			_, ox := x.Summary.OpenOn(today)
			_, oy := y.Summary.OpenOn(today)
			return ox > oy
		}
		return false
	})
	var ids []int64
	for _, a := range shown {
		ids = append(ids, a.ID)
	}
	return ids
}

// Every order and every filter, typed and deleted one letter at a time,
// shows what filtering and sorting the whole list shows.
func TestPortfolioFiltersAndSortsAsBefore(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	today := assess.NewDate(2026, 3, 31)
	items := randomPortfolio(rng, 400)
	p := newPortfolio(items, countOn(today), true)
	var memo filterMemo
	for order := range sortOrders {
		for _, typed := range []string{"acme dana", "ärger", "rui", "zeta medium", "x", "vendor screen", "a\nz", "e"} {
			var needles []string
			for i := range len(typed) + 1 {
				needles = append(needles, typed[:i])
			}
			for i := len(typed) - 1; i >= 0; i-- { // and deleted again
				needles = append(needles, typed[:i])
			}
			for _, needle := range needles {
				got := memo.filter(p, order, needle)
				var ids []int64
				for _, x := range got {
					ids = append(ids, p.items[x].ID)
				}
				if want := oldShown(items, order, needle, today); !slices.Equal(ids, want) {
					t.Fatalf("%s, filter %q:\n got %v\nwant %v", sortNames[order], needle, ids, want)
				}
			}
		}
	}
}

// The filter memo keeps at most memoSize results.
func TestFilterMemoIsBounded(t *testing.T) {
	p := newPortfolio(randomPortfolio(rand.New(rand.NewPCG(3, 4)), 50), countOn(assess.NewDate(2026, 3, 31)), true)
	var memo filterMemo
	for i := range 100 {
		memo.filter(p, sortRecent, fmt.Sprintf("needle %d", i))
	}
	if len(memo.needles) != memoSize || len(memo.results) != memoSize {
		t.Errorf("%d needles, %d results kept", len(memo.needles), len(memo.results))
	}
}

// Sorted by level, an assessment not rated yet (its summary's level is the
// worst its unanswered questions could give) comes after every rated one,
// not among the critical ones; one without a level comes last.
func TestLevelOrderPlacesNotRatedYetAfterTheRated(t *testing.T) {
	mk := func(id int64, rank int, unsettled bool) *assess.Assessment {
		return &assess.Assessment{ID: id, Subject: fmt.Sprint("S", id), Status: assess.Draft,
			Summary: assess.Summary{Level: []string{"low", "medium", "high", "critical"}[max(rank, 0)], LevelRank: rank, LevelOf: 4, LevelUnsettled: unsettled}}
	}
	// The list's order, most recent first.
	items := []*assess.Assessment{mk(5, 3, true), mk(4, 0, false), mk(3, -1, false), mk(2, 3, false), mk(1, 1, false)}
	p := newPortfolio(items, countOn(assess.NewDate(2026, 3, 31)), true)
	var ids []int64
	for _, i := range p.orders[sortLevel] {
		ids = append(ids, items[i].ID)
	}
	if want := []int64{2, 1, 4, 5, 3}; !slices.Equal(ids, want) {
		t.Errorf("sorted by level: %v, want %v (critical, medium, low, not rated yet, no level)", ids, want)
	}
}

// countOn counts every row's items on day.
func countOn(day assess.Date) func(*assess.Assessment) assess.Date {
	return func(*assess.Assessment) assess.Date { return day }
}
