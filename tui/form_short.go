package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// formAbove draws a form's view under top (a title, a refusal) in at
// most height lines. huh draws a form at its own height, eight lines or
// more, and on a terminal leaving fewer the frame cut the lines at the
// end: the field being typed in, below the form's first fields, was not
// drawn at all. On a short terminal the focused field's lines (those huh
// marks with ┃) come first, the line typed on ("> ") kept when only one
// fits, then as many of top's lines as are left room.
func formAbove(top []string, form string, height int) string {
	all := append(append([]string{}, top...), strings.Split(form, "\n")...)
	if len(all) <= height || height < 1 {
		return strings.Join(all, "\n")
	}
	field := focusedField(strings.Split(form, "\n"), height)
	return strings.Join(append(firstLines(top, height-len(field)), field...), "\n")
}

// focusedField is at most room lines of a form's view holding its
// focused field: from the field's first line, or, when the field is
// taller than room, up to the line typed on or the option under the
// cursor. A form with no field marked gives its first lines.
func focusedField(ls []string, room int) []string {
	first, last := -1, -1
	for i, l := range ls {
		if strings.HasPrefix(ansi.Strip(l), "┃") {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return firstLines(ls, room)
	}
	field := ls[first : last+1]
	if len(field) <= room {
		return firstLines(ls[first:], room)
	}
	at := 0
	for i, l := range field {
		if strings.HasPrefix(strings.TrimSpace(strings.TrimPrefix(ansi.Strip(l), "┃")), ">") {
			at = i
			break
		}
	}
	start := max(at-room+1, 0)
	return field[start : start+room]
}
