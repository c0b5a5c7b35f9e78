package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/history"
	"github.com/assay-dev/assay/internal/wraptext"
)

// trailScreen shows an assessment's audit trail as assay history does:
// whether it verifies, then who changed what and when, record by
// record, with the old and new values; scrolled with the list keys.
type trailScreen struct {
	sh      *shell
	id      int64
	subject string
	verdict history.Verdict
	entries []history.Entry
	lines   []string // laid out for width
	width   int
	offset  int // the first line shown
	page    int // lines shown last
}

type trailLoadedMsg struct {
	id      int64
	subject string
	verdict history.Verdict
	entries []history.Entry
	err     error
}

// loadTrail verifies and reads assessment a's trail (Deps.History).
func loadTrail(d Deps, a *assess.Assessment) tea.Cmd {
	id, subject := a.ID, a.Subject
	return func() tea.Msg {
		v, entries, err := d.History(d.ctx(), id)
		return trailLoadedMsg{id: id, subject: subject, verdict: v, entries: entries, err: err}
	}
}

func newTrail(sh *shell, msg trailLoadedMsg) *trailScreen {
	return &trailScreen{sh: sh, id: msg.id, subject: msg.subject, verdict: msg.verdict, entries: msg.entries}
}

func (s *trailScreen) Title() string   { return fmt.Sprintf("%s · #%d audit trail", s.subject, s.id) }
func (s *trailScreen) Capturing() bool { return false }
func (s *trailScreen) KeyMap() keyMap  { return trailKeyMap.keyMap() }

// layout wraps the trail to width, once a width: View draws from it.
func (s *trailScreen) layout(width int) {
	s.width = width
	s.lines = nil
	for _, l := range trailText(s.verdict, s.entries, "→") {
		indent := ""
		for len(indent) < len(l) && l[len(indent)] == ' ' {
			indent += " "
		}
		for _, w := range strings.Split(wraptext.Wrap(l[len(indent):], max(width-len(indent), 10)), "\n") {
			s.lines = append(s.lines, indent+w)
		}
	}
}

// trailText is the trail as lines to read one under another: the
// verdict, then each entry's number, time and author, and under them
// what it changed. The workspace draws them; accessible mode reads them.
func trailText(v history.Verdict, entries []history.Entry, arrow string) []string {
	out := []string{clean(verdictWords(v, len(entries))), ""}
	for _, e := range entries {
		head := fmt.Sprintf("#%d  %s UTC  %s", e.Seq, e.When(), e.Who())
		if !e.Verified {
			head += "  ! not vouched for"
		}
		out = append(out, head)
		for _, l := range e.Lines(arrow) {
			out = append(out, "    "+l)
		}
		for _, t := range e.Texts() {
			out = append(out, "    "+t.Label+", in full:")
			for _, l := range t.Lines {
				out = append(out, "      "+l)
			}
		}
	}
	if len(entries) == 0 {
		out = append(out, "The trail holds no records.")
	}
	return out
}

// verdictWords says whether the trail verified, as assay history does.
func verdictWords(v history.Verdict, total int) string {
	n := assess.Count(total, "record", "records")
	switch {
	case v.Intact:
		return "Audit trail verified (as assay verify checks it): " + n + "."
	case v.From > 1:
		return fmt.Sprintf("Audit trail BROKEN at record %d: %s. %s; the ones from %d on are marked ! and not vouched for.", v.From, v.Why, n, v.From)
	}
	return fmt.Sprintf("Audit trail NOT VERIFIED: %s. %s, none vouched for.", v.Why, n)
}

func (s *trailScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	if msg, ok := msg.(tea.KeyPressMsg); ok {
		if key.Matches(msg, global.Back) {
			return s, goHome
		}
		if off, ok := scroll(msg, s.offset, s.page); ok {
			s.offset = min(off, max(len(s.lines)-s.page, 0))
		}
	}
	return s, nil
}

func (s *trailScreen) View(width, height int) string {
	if width != s.width || s.lines == nil {
		s.layout(width)
	}
	rows := max(height-1, 1)
	s.page = rows
	s.offset = clamp(s.offset, 0, max(len(s.lines)-rows, 0))
	end := min(s.offset+rows, len(s.lines))
	shown := make([]string, 0, rows+1)
	for _, l := range s.lines[s.offset:end] {
		shown = append(shown, fit(l, width))
	}
	for len(shown) < rows {
		shown = append(shown, "")
	}
	foot := "esc back to the portfolio"
	if len(s.lines) > rows {
		foot += fmt.Sprintf(" · lines %d-%d of %d", s.offset+1, end, len(s.lines))
	}
	return lines(append(shown, s.sh.st.muted.Render(fit(foot, width)))...)
}
