package tui

import (
	"errors"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A refusal's why and what to do instead are written whole on the home
// screen (writeWhole), but where the portfolio could not be read at all
// the same message was cut to one line ("fit"): the remedy at its end
// was lost, just where the screen has room for little else. Both say it
// whole, at the narrowest width the screens are laid out for.
func TestHomeSaysARefusalWholeWhenThePortfolioCannotBeRead(t *testing.T) {
	refusal := "cannot archive assessment 3: it is in review; withdraw it to draft first (S on the review, then Withdraw to draft), then archive it; nothing was recorded"
	for _, c := range []struct {
		name   string
		listed bool
	}{{"listed", true}, {"not read", false}} {
		t.Run(c.name, func(t *testing.T) {
			h := newHome(shortShell(t, "Acme", 60, 20))
			if c.listed {
				h = shortHome(t, "Acme", 60, 20, nil)
			}
			// The refusal comes back, and the list read after it fails.
			h.Update(archivedMsg{id: 3, err: errors.New(refusal)})
			if !c.listed {
				h.Update(listLoadedMsg{err: errors.New("the server stopped"), request: h.request})
			}
			view := strings.Join(strings.Fields(ansi.Strip(h.View(60, 20))), " ")
			if !strings.Contains(view, refusal) {
				t.Errorf("the refusal is not said whole:\n%s", ansi.Strip(h.View(60, 20)))
			}
		})
	}
}

// Why the list could not be read again, over the list it still shows,
// is said whole too: the remedy at the end of a lost server's message
// was cut at the screen's edge.
func TestHomeSaysWhyTheListCouldNotBeReadAgainWhole(t *testing.T) {
	why := "cannot reach the team database ana@db.example:5432/assay: the server closed the connection; nothing could be read; ctrl+r reads it again once the server is back"
	h := shortHome(t, "Acme", 60, 20, nil)
	h.Update(listLoadedMsg{err: errors.New(why), request: h.request})
	view := strings.Join(strings.Fields(ansi.Strip(h.View(60, 20))), " ")
	if !strings.Contains(view, why) {
		t.Errorf("why the list could not be read again is not said whole:\n%s", ansi.Strip(h.View(60, 20)))
	}
	if !strings.Contains(view, "Acme") {
		t.Errorf("the list shown before is gone:\n%s", ansi.Strip(h.View(60, 20)))
	}
}
