package tui

import (
	"fmt"
	"strings"
	"testing"

	"charm.land/bubbles/v2/viewport"
)

// The report is rendered twice on opening (again when its record line
// arrives): a reader who went to the end in between stays at the end; a
// reader anywhere else stays where they were.
func TestReportStaysAtTheEndWhenRenderedAgain(t *testing.T) {
	text := func(n int) string {
		ls := make([]string, n)
		for i := range ls {
			ls[i] = fmt.Sprintf("line %d", i+1)
		}
		return strings.Join(ls, "\n")
	}
	vp := viewport.New(viewport.WithWidth(40), viewport.WithHeight(10))
	replaceContent(&vp, text(100), false)
	vp.GotoBottom()
	replaceContent(&vp, text(101), true)
	if !vp.AtBottom() || vp.ScrollPercent() != 1 {
		t.Errorf("after End and a longer rendering: offset %d, %.0f%%; want the end", vp.YOffset(), vp.ScrollPercent()*100)
	}

	vp.SetYOffset(40)
	replaceContent(&vp, text(102), true)
	if vp.YOffset() != 40 {
		t.Errorf("a reader in the middle was moved to offset %d; want 40", vp.YOffset())
	}
	vp.GotoTop()
	replaceContent(&vp, text(103), true)
	if vp.YOffset() != 0 {
		t.Errorf("a reader at the top was moved to offset %d", vp.YOffset())
	}
}
