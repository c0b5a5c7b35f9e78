package tui

import (
	"context"
	"fmt"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// diffScreen shows what changed between two assessments of one subject
// (last year's and this year's) or two revisions of one assessment: the
// same comparison as `assay diff`, scrollable.
type diffScreen struct {
	sh *shell
	d  *assess.Diff
	vp viewport.Model
}

type diffLoadedMsg struct {
	d   *assess.Diff
	err error
}

// loadDiff reads both assessments and compares them as of today (or the
// day of a sign-off either shows that today has not reached:
// assess.CompareOn), the earlier one first whichever was picked first: a diff reads forward in
// time. Each read has a write's deadline (withinDeadline): a server that
// accepts and never answers left C waiting, unsaid.
func loadDiff(d Deps, a, b int64) tea.Cmd {
	read := func(id int64) (*assess.Assessment, error) {
		return withinDeadline(d, func(ctx context.Context) (*assess.Assessment, error) { return d.Repo.Assessment(ctx, id) })
	}
	return func() tea.Msg {
		from, err := read(a)
		if err != nil {
			return diffLoadedMsg{err: err}
		}
		to, err := read(b)
		if err != nil {
			return diffLoadedMsg{err: err}
		}
		if from.SubjectID != to.SubjectID {
			return diffLoadedMsg{err: fmt.Errorf("assessments %d and %d are about different subjects (%s, %s): compare one subject over time, or two revisions",
				from.ID, to.ID, clean(from.Subject), clean(to.Subject))}
		}
		if _, after := from.ComesAfter(to); after {
			from, to = to, from
		}
		return diffLoadedMsg{d: assess.CompareOn(from, to, d.Today())}
	}
}

func newDiff(sh *shell, d *assess.Diff) *diffScreen {
	s := &diffScreen{sh: sh, d: d, vp: viewport.New()}
	s.layout()
	return s
}

func (s *diffScreen) Title() string {
	return fmt.Sprintf("%s · compare #%d → #%d", s.d.To.Assessment.Subject, s.d.From.Assessment.ID, s.d.To.Assessment.ID)
}
func (s *diffScreen) Capturing() bool { return false }
func (s *diffScreen) KeyMap() keyMap  { return diffKeyMap.keyMap() }

// rejudge compares the two assessments again as of today, the workspace
// having passed midnight (day.go): both are in memory, and what moves
// with the day (an acceptance that ended, reopening its item) is judged
// on the new one, as the plan and report are.
func (s *diffScreen) rejudge(today assess.Date) {
	s.d = assess.CompareOn(s.d.From.Assessment, s.d.To.Assessment, today)
	s.layout()
}

// layout lays the comparison out for the terminal's width; it runs on
// load and on resize so that View only draws.
func (s *diffScreen) layout() {
	s.vp.SetContent(diffText(s.sh.st, s.d, max(s.sh.width, 20)))
}

func (s *diffScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		s.layout()
	case tea.KeyPressMsg:
		k := diffKeyMap
		switch {
		case key.Matches(msg, global.Back):
			return s.sh.goHome()
		case key.Matches(msg, k.PageDown):
			s.vp.PageDown()
		case key.Matches(msg, k.PageUp):
			s.vp.PageUp()
		case key.Matches(msg, k.Down):
			s.vp.ScrollDown(1)
		case key.Matches(msg, k.Up):
			s.vp.ScrollUp(1)
		case key.Matches(msg, k.Top):
			s.vp.GotoTop()
		case key.Matches(msg, k.Bottom):
			s.vp.GotoBottom()
		}
	}
	return s, nil
}

func (s *diffScreen) View(width, height int) string {
	s.vp.SetWidth(width)
	s.vp.SetHeight(max(height-1, 1))
	// A terminal grown taller (or text grown shorter) leaves the scroll
	// past what it can show: pulled back, the text fills the screen from
	// as high as it must, its first line in view if all of it fits.
	s.vp.SetYOffset(s.vp.YOffset())
	more := ""
	if !s.vp.AtBottom() {
		more = fmt.Sprintf(" · %3.0f%% · ↓ for more", s.vp.ScrollPercent()*100)
	}
	foot := s.sh.st.muted.Render(fit("esc back to the portfolio"+more, width))
	if height <= 1 {
		return foot // as the trail's: the way back, and that there is more
	}
	return lines(s.vp.View(), foot)
}
