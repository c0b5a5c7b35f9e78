package tui

import "testing"

// The README promises that the questionnaire column gives its room to
// the subject only under 80 columns. A portfolio with an assessment in
// review, one not rated yet and a level name of the longest kind
// (maxLevelWidth), numbered into the thousands, still shows the
// questionnaire from 80 columns on, and its header fits the width.
func TestHomeShowsTheQuestionnaireFrom80Columns(t *testing.T) {
	portfolios := map[string]*portfolio{
		"in review, not rated yet": {idWidth: 2, statusWidth: len("in-review"), levelWidth: len("not rated yet")},
		"thousands, longest level": {idWidth: 4, statusWidth: len("in-review"), levelWidth: maxLevelWidth},
		"a few drafts":             {idWidth: 2, statusWidth: len("Status"), levelWidth: len("not rated yet")},
	}
	for name, p := range portfolios {
		for width := 60; width <= 250; width++ {
			c := homeColumns(width, p)
			if width >= 80 && c.questionnaire == 0 {
				t.Errorf("%s, %d columns: the questionnaire is not shown", name, width)
			}
			if w := len([]rune(c.header())); width >= 80 && w > width {
				t.Errorf("%s, %d columns: the header is %d columns wide", name, width, w)
			}
			if c.subject < 8 {
				t.Errorf("%s, %d columns: the subject has %d columns", name, width, c.subject)
			}
		}
	}
}
