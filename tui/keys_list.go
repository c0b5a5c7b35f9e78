package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// The key list (?) names every key of the screen shown. On a terminal
// too short for it (the interview's at 60×20) it scrolls with the keys
// every list takes, and its last line says how much more there is; any
// other key closes it. One that fits closes on any key.

// fullHelp draws the key list in a body of w×h: its head, then as many
// of its lines as fit from helpTop.
func (m Model) fullHelp(w, h int) string {
	rows := m.helpRows(w, h)
	room := helpRoom(h)
	if len(rows) <= room {
		head := m.sh.st.bold.Render("Keys on this screen") + m.sh.st.muted.Render("  (any key closes)")
		return head + "\n\n" + strings.Join(rows, "\n")
	}
	head := m.sh.st.bold.Render("Keys on this screen") + m.sh.st.muted.Render("  (↑/↓ scroll; other keys close)")
	top := clamp(m.helpTop, 0, len(rows)-room)
	shown := rows[top : top+room]
	if left := len(rows) - top - room; left > 0 && room > 1 {
		// The last line says there is more, in place of one of the
		// list's, which the next line down shows.
		shown = append(shown[:room-1:room-1], m.sh.st.muted.Render(
			fmt.Sprintf("… %d more %s below: ↓/j, pgdn", left+1, assess.Plural(left+1, "line", "lines"))))
	}
	return head + "\n\n" + strings.Join(shown, "\n")
}

// helpRoom is how many of the key list's lines a body of h lines shows
// under its head and the blank line after it.
func helpRoom(h int) int { return max(h-2, 1) }

// scrollHelp moves the key list by a nav key when it is longer than the
// screen; ok is false for any other key, and for any key when it fits,
// which then closes it.
func (m Model) scrollHelp(msg tea.KeyPressMsg) (top int, ok bool) {
	w, _, _, _, h := m.layout()
	rows, room := m.helpRows(w, h), helpRoom(h)
	if len(rows) <= room {
		return 0, false
	}
	// Start from where it shows, so that a key after a resize moves
	// from what is on the screen.
	top = clamp(m.helpTop, 0, len(rows)-room)
	top, ok = scroll(msg, top, max(room-1, 1))
	return clamp(top, 0, len(rows)-room), ok
}

// helpRows are the key list's lines for a body of w×h, in two columns
// when one would not fit its height and the terminal is wide enough.
func (m Model) helpRows(w, h int) []string {
	var rows []key.Binding // a zero Binding is the blank line between groups
	for gi, group := range m.cur.KeyMap().full {
		if gi > 0 {
			rows = append(rows, key.Binding{})
		}
		rows = append(rows, group...)
	}
	if one := m.helpLines(rows, w); len(one)+2 <= h || w < 60 {
		return one
	}
	half := (len(rows) + 1) / 2
	colW := w / 2
	left, right := m.helpLines(rows[:half], colW-1), m.helpLines(rows[half:], w-colW)
	out := make([]string, max(len(left), len(right)))
	for i := range out {
		l, r := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		out[i] = pad(l, colW) + fit(r, w-colW)
	}
	return out
}

// helpLines are keys as the keys screen lists them in a column of width
// w: the key, then what it does, wrapped under itself rather than cut
// (the keys screen is where a key's meaning is said in full).
func (m Model) helpLines(keys []key.Binding, w int) []string {
	const keyW = 14 // two spaces, then the key in 12
	var out []string
	for _, k := range keys {
		hl := k.Help()
		if hl.Key == "" {
			out = append(out, "")
			continue
		}
		desc := strings.Split(wrap(hl.Desc, max(w-keyW, 8)), "\n")
		out = append(out, "  "+pad(m.sh.st.key.Render(hl.Key), keyW-2)+desc[0])
		for _, d := range desc[1:] {
			out = append(out, spaces(keyW)+d)
		}
	}
	return out
}
