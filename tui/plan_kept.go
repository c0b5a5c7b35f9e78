package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
)

// A plan form opens its text fields with the item's text as recorded,
// which assay plan and accessible mode may have written in lines or with
// tabs. The action and both reasons (a moved date's, an acceptance's) are
// boxes (textarea), which keep lines but show a tab as spaces; a one-line
// field (textinput: an owner, an approver) shows line breaks and tabs as
// spaces. Each hands back what it shows as soon as it has been focused:
// saved as handed back, passing through a field rewrote its recorded text
// (a tab widened to spaces) and the trail recorded a change nobody made.
// So a field that still shows what it opened with is saved as recorded;
// only a field edited is saved as it now reads, and its description says
// so first.

// openedText is a text field as its form opened: the text as recorded
// and as the field shows it.
type openedText struct{ recorded, shown string }

// keptText are the open form's text fields as they opened, by the value
// each field is bound to.
type keptText map[*string]openedText

// inLine notes a one-line field's value as it opens.
func (k keptText) inLine(v *string) { k[v] = openedText{*v, shownInLine(*v)} }

// inBox notes a box's (a multi-line field's) value as it opens.
func (k keptText) inBox(v *string) { k[v] = openedText{*v, shownInBox(*v)} }

// value is what the field bound to v gives: the text as recorded while
// the field shows what it opened with, whatever it holds otherwise.
func (k keptText) value(v *string) string {
	if o, ok := k[v]; ok && *v == o.shown {
		return o.recorded
	}
	return *v
}

// shown says, for a field's description, how the field shows text it
// cannot show as recorded and what saving it edited does to it; "" when
// it shows the text as recorded.
func (k keptText) shown(v *string) string {
	o := k[v]
	if o.shown == o.recorded {
		return ""
	}
	if lines := strings.Count(o.recorded, "\n") + 1; lines > strings.Count(o.shown, "\n")+1 {
		return fmt.Sprintf("recorded on %d lines, shown on one: kept as recorded unless edited; edited, it is saved on one line", lines)
	}
	return "recorded with tabs, shown as spaces: kept as recorded unless edited; edited, it is saved with spaces"
}

// reasonLines is the height of a reason's box: one line, as the field it
// replaced, so that the form still fits 80×24, unless the reason was
// recorded in lines, which it then shows, up to three.
func reasonLines(recorded string) int {
	return min(strings.Count(recorded, "\n")+1, 3)
}

// shownInLine is s as a one-line field shows it and hands it back.
func shownInLine(s string) string {
	in := textinput.New()
	in.SetValue(s)
	return in.Value()
}

// shownInBox is s as a multi-line field shows it and hands it back.
func shownInBox(s string) string {
	box := textarea.New()
	box.SetValue(s)
	return box.Value()
}

// joinNotes joins a field's notes that say something into its description.
func joinNotes(notes ...string) string {
	var said []string
	for _, n := range notes {
		if n != "" {
			said = append(said, n)
		}
	}
	return strings.Join(said, "; ")
}
