package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess"
)

// At 60 columns, with a prohibited practice listed, the home screen cut
// the level of a draft to "not rated…": the status "must not be used"
// (16) and the level "not rated yet" (13) left the subject less than its
// least, and the level gave up what it lacked. What a reader scanning a
// narrow portfolio needs is which assessment (the subject), whether it
// may be used (the status), how it is rated (the level) and what is late
// (the open items); how many questions are answered is what the level
// says by "not rated yet" and the interview says in full. So under 80
// columns the progress column gives way before the level is cut.
//
// Worked by hand at 60 columns: ID 4 (1001), status 16, level 13, open 10
// ("12/12 late"), the cursor's 2 and four spaces between five columns
// leave 60 - 49 = 11 for the subject. With the progress column (8 and a
// space) there were 2, under the subject's least (8): the level lost 6.
// At every width from 60 to 200 each row fits, and its level, status
// and open items are whole.
func TestHomeLevelIsWholeAtEveryWidthWithAProhibitedPractice(t *testing.T) {
	prohibited := assess.Summary{Level: "prohibited", LevelRank: 4, LevelOf: 5, UseForbidden: true, Answered: 57, Total: 57,
		Items: []assess.ItemSummary{{Status: assess.ItemOpen, Due: shortToday.AddDays(30), Count: 16}}}
	unrated := assess.Summary{Level: "critical", LevelRank: 3, LevelOf: 4, LevelUnsettled: true, Answered: 3, Total: 40,
		Items: []assess.ItemSummary{{Status: assess.ItemOpen, Due: shortToday.AddDays(-1), Count: 12}}}
	q := &assess.Questionnaire{ID: "fairness-aia", Title: "Fairness and algorithmic impact assessment"}
	items := []*assess.Assessment{
		{ID: 1001, Subject: "Agent emotion scores", Status: assess.Rejected, Questionnaire: q, Summary: prohibited},
		{ID: 1002, Subject: "Acme Cloud Ltd", Status: assess.Draft, Questionnaire: q, Summary: unrated},
	}
	p := newPortfolio(items, countOn(shortToday), true)
	st := newStyles(true)
	rows := func(width int) []string {
		cols := homeColumns(width, p)
		out := []string{cols.header()}
		for i, a := range items {
			out = append(out, ansi.Strip(listRow(st, cols.row(st, a, p.rows[i]), false)))
		}
		return out
	}
	want := []string{
		"  ID   Subject     Status           Level         Open/late ",
		"  1001 Agent emot… must not be used prohibited    16        ",
		"  1002 Acme Cloud… draft            not rated yet 12/12 late",
	}
	if got := rows(60); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("at 60 columns:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for width := 60; width <= 200; width++ {
		got := rows(width)
		for i, line := range got {
			if w := ansi.StringWidth(line); w > width {
				t.Errorf("at %d columns line %d is %d wide:\n%s", width, i, w, line)
			}
		}
		for _, c := range []struct{ line, words string }{
			{got[1], " must not be used "}, {got[1], " prohibited "}, {got[1], " 16"},
			{got[2], " not rated yet "}, {got[2], " 12/12 late"},
		} {
			if !strings.Contains(c.line+" ", c.words) {
				t.Errorf("at %d columns %q is not whole:\n%s", width, strings.TrimSpace(c.words), c.line)
			}
		}
	}
}
