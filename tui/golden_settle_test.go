package tui_test

import (
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// lateScreen draws its title at once and its body a moment later, as a
// form whose options load after it opens does.
type lateScreen struct{ loaded bool }

type loadedMsg struct{}

func (m lateScreen) Init() tea.Cmd {
	return tea.Tick(300*time.Millisecond, func(time.Time) tea.Msg { return loadedMsg{} })
}

func (m lateScreen) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg.(type) {
	case loadedMsg:
		m.loaded = true
	case tea.KeyPressMsg:
		return m, tea.Quit
	}
	return m, nil
}

func (m lateScreen) View() tea.View {
	if !m.loaded {
		return tea.NewView("┃ Owner\nLoading…")
	}
	return tea.NewView("┃ Owner\n> Ops team")
}

// A golden is compared with the frame the screen settles on, not the
// first frame that shows the text the test waited for: on a loaded CI
// machine TestEveryScreenAtEverySize compared a form's golden with the
// frame drawn before its options had loaded.
func TestGoldenComparesTheSettledFrame(t *testing.T) {
	if updating() {
		t.Skip("testdata/harness/settled.golden is written by hand")
	}
	var mu sync.Mutex
	last := ""
	tm := teatest.NewTestModel(t, screenSpy{Model: lateScreen{}, mu: &mu, last: &last}, teatest.WithInitialTermSize(20, 4))
	f := &flow{t: t, tm: tm, mu: &mu, last: &last, w: 20, h: 4}
	f.waitFor("┃ Owner")
	f.golden("harness/settled")
	f.quit()
}
