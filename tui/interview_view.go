package tui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/assay-dev/assay/assess"
)

// The question reads best up to about this many columns; on a wider
// terminal the sections get the room they need and the rest stays empty.
const readingWidth = 110

func (iv *interview) View(width, height int) string {
	// On a terminal of a line or two the question keeps a line (the
	// field being typed on, or the option under the cursor): on one it
	// is all that is drawn; on more, the status lines above the status
	// line itself (a save's problem) give way from their middle, its
	// first line and the status line kept.
	if height <= 1 {
		return fit(strings.Split(iv.panel(width, 1), "\n")[0], width)
	}
	status := strings.Join(keepEnds(strings.Split(iv.statusLine(width), "\n"), height-1), "\n")
	bodyHeight := max(height-lipgloss.Height(status), 1)
	if width < 70 {
		return lines(frame(iv.panel(width, bodyHeight), width, bodyHeight), status)
	}
	// Drawn line by line rather than with borders and joins: this frame is
	// redrawn on every keystroke and must stay well under a millisecond.
	sideW := iv.sidebarWidth(width)
	main := width - sideW - 2
	side := strings.Split(iv.sidebar(sideW, bodyHeight), "\n")
	panel := strings.Split(iv.panel(iv.paneWidth(width), bodyHeight), "\n")
	rule := iv.sh.st.muted.Render("│")
	var b strings.Builder
	for i := 0; i < bodyHeight; i++ {
		var l, r string
		if i < len(side) {
			l = side[i]
		}
		if i < len(panel) {
			r = panel[i]
		}
		b.WriteString(pad(l, sideW-1) + rule + " " + fit(r, main) + "\n")
	}
	b.WriteString(status)
	return b.String()
}

// sidebarWidth is the sections' column: wide enough for the longest
// visible section's title and count, within 22 columns and three tenths
// of the terminal; from 100 columns, where the question has room to
// spare, within two fifths, leaving the question 62.
func (iv *interview) sidebarWidth(width int) int {
	limit := width * 3 / 10
	if width >= 100 {
		limit = min(width*2/5, width-62)
	}
	want := 0
	for _, sr := range iv.result().Sections {
		if sr.Visible && sr.Total > 0 {
			count := len(fmt.Sprintf(" %d/%d", sr.Answered, sr.Total))
			want = max(want, 2+lipgloss.Width(clean(sr.Title))+count+1)
		}
	}
	return clamp(want, 22, max(limit, 22))
}

// sidebar lists the visible sections with how many of their questions
// are answered, scrolled so that the current one is always shown. A
// title too long for the column wraps onto a second line rather than
// being cut (a third is cut).
func (iv *interview) sidebar(width, height int) string {
	st := iv.sh.st
	res := iv.result()
	qs := iv.sh.sess.a.Questionnaire
	var blocks [][]string
	current := 0
	w := width - 1
	// A section is ticked once something in it is answered and none of
	// its questions must still be: optional ones left blank do not keep
	// the tick away.
	toAnswer := map[*assess.Section]bool{}
	for i, qr := range res.Questions {
		if qr.Required && !qr.Answered {
			toAnswer[qs.Questions[i].Section] = true
		}
	}
	for i, sr := range res.Sections {
		// A section shown whose every question a condition hides has
		// nothing to answer: "0/0" read as a section still to do.
		if !sr.Visible || sr.Total == 0 {
			continue
		}
		here := qs.Sections[i] == iv.q().Section
		if here {
			current = len(blocks)
		}
		mark := "  "
		switch {
		case here:
			mark = st.selected.Render("▸ ")
		case sr.Answered > 0 && !toAnswer[qs.Sections[i]]:
			mark = st.ok.Render("✓ ")
		case sr.Answered > 0:
			mark = st.warn.Render("◐ ")
		}
		count := fmt.Sprintf(" %d/%d", sr.Answered, sr.Total)
		titleW := max(w-2-len(count), 1)
		ls := strings.Split(wrap(clean(sr.Title), titleW), "\n")
		if len(ls) > 2 {
			ls = []string{ls[0], fit(strings.Join(ls[1:], " "), titleW)}
		}
		var block []string
		for n, l := range ls {
			l = pad(l, titleW)
			if here {
				l = st.selected.Render(l)
			}
			if n == 0 {
				block = append(block, mark+l+st.muted.Render(count))
			} else {
				block = append(block, "  "+l)
			}
		}
		blocks = append(blocks, block)
	}
	room := max(height-1, 1)
	start, used := 0, 0
	for _, b := range blocks[:min(current+1, len(blocks))] {
		used += len(b)
	}
	for start < current && used > room {
		used -= len(blocks[start])
		start++
	}
	var b strings.Builder
	b.WriteString(st.bold.Render("Sections") + "\n")
	shown := 0
	for _, block := range blocks[start:] {
		for _, l := range block {
			if shown == room {
				return b.String()
			}
			b.WriteString(l + "\n")
			shown++
		}
	}
	return b.String()
}

// maxWhereLines bounds the line saying where the interview is.
const maxWhereLines = 3

// panel is the question: where it is, its text, help on demand, the
// field for its type, and the note and evidence.
func (iv *interview) panel(width, height int) string {
	text, pinned, from, to, _ := iv.panelRows(width, false)
	scrolls := strings.Count(text, "\n") >= height && len(iv.answerLines(width)) > 1
	if scrolls {
		// Taller than the pane with an answer of several lines: the
		// keys line says how to read the rest of it.
		text, pinned, from, to, _ = iv.panelRows(width, true)
	}
	more := ""
	if scrolls {
		more = " · ↑/↓ scroll"
	}
	if scrolls && iv.editing == editNone {
		// Read from the question's text down, each ↓ or ↑ moving a row,
		// to the answer's last line at the top: the rows passed give way
		// to a line saying so.
		rows := strings.Split(text, "\n")
		past := min(iv.answerTop, len(rows)-pinned-1)
		if past == 0 {
			return scrollTo(text, height, pinned, pinned, pinned, iv.sh.st.muted, more)
		}
		above := iv.sh.st.muted.Render(fmt.Sprintf("↑ %d more lines above", past) + more)
		kept := append(append(append([]string{}, rows[:pinned]...), above), rows[pinned+past:]...)
		return scrollTo(strings.Join(kept, "\n"), height, pinned+1, pinned+1, pinned+1, iv.sh.st.muted, more)
	}
	return scrollTo(text, height, pinned, from, to, iv.sh.st.muted, more)
}

// whereLine says where the question is: its place among the questions
// shown, how many are hidden by conditions, its section and its ID. The
// ID is what a reviewer quotes, so it is never left out: on a line too
// narrow for all of it the hidden count's words give way first, then the
// line wraps (the section's title and the ID each whole, as the
// interview cuts no word of a question).
func whereLine(pos, shown, hidden int, section, id string, width int) string {
	line := fmt.Sprintf("question %d of %d", pos, shown)
	if hidden > 0 {
		if whole := fmt.Sprintf("%s (%d hidden by conditions) · %s · %s", line, hidden, section, id); lipgloss.Width(whole) <= width {
			return whole
		}
		line += fmt.Sprintf(" (%d hidden)", hidden)
	}
	return line + " · " + section + " · " + id
}

// panelRows is the question's pane before it is fitted to a height: its
// text, how many rows at its top stay pinned, and the rows from and to
// that must be on screen, and the row of a typed answer's last line (0
// for none). scrolls says the keys line names ↑/↓, which scroll an answer
// taller than the pane.
func (iv *interview) panelRows(width int, scrolls bool) (text string, pinned, from, to, answerEnd int) {
	st := iv.sh.st
	q, ans := iv.q(), iv.answer()
	res := iv.result()
	vis := visibleQuestions(res)
	pos := indexOf(vis, iv.idx) + 1
	var b strings.Builder
	where := whereLine(pos, len(vis), len(res.Questions)-len(vis), clean(q.Section.Title), clean(q.ID), width)
	// This line stays on screen however far the question scrolls: a
	// section title pasted long (lint warns of one) would push the
	// question and its options out of the pane, so it is cut after three
	// lines. Titles of a sensible length wrap whole.
	wl := strings.Split(wrap(where, width), "\n")
	if len(wl) > maxWhereLines {
		wl = append(wl[:maxWhereLines-1], fit(strings.Join(wl[maxWhereLines-1:maxWhereLines+1], " "), width))
	}
	b.WriteString(st.muted.Render(strings.Join(wl, "\n")) + "\n")
	pinned = strings.Count(b.String(), "\n") // where the interview is, always shown
	if pos == 0 {
		b.WriteString(st.warn.Render("This question is hidden by the answers above; it is kept but not counted.") + "\n")
	}
	b.WriteString(st.bold.Render(wrap(clean(q.Text), width)) + "\n")
	if iv.showHelp && q.Help != "" {
		b.WriteString(st.muted.Render(wrap(cleanBlock(q.Help), width)) + "\n")
	} else if q.Help != "" {
		b.WriteString(st.muted.Render("i shows guidance for this question") + "\n")
	}
	b.WriteString("\n")
	field, from, to := iv.field(width, scrolls)
	top := strings.Count(b.String(), "\n")
	from, to = top+from, top+to
	if n := len(iv.answerLines(width)); n > 0 && iv.editing == editNone {
		answerEnd = top + n - 1
	}
	b.WriteString(field + "\n\n")
	// Whatever needs an answer now stays on screen with the option: the
	// other person's answer, an error, the note being typed.
	if box := iv.conflictBox(width); box != "" {
		b.WriteString(box)
		to = strings.Count(b.String(), "\n") - 1
	}
	if iv.err != "" {
		b.WriteString(st.error.Render(wrap(iv.err, width)) + "\n")
		to = strings.Count(b.String(), "\n") - 1
	}
	extrasTop := strings.Count(b.String(), "\n")
	b.WriteString(iv.extras(width, ans))
	switch iv.editing {
	case editNote, editEvidence:
		from, to = extrasTop, extrasTop+1
	case editExplanation: // the last lines of the extras: from the field to its keys' line, the check and why enter was refused above as room allows
		to = strings.Count(b.String(), "\n") - 1
		from = to - 1
	}
	return strings.TrimRight(b.String(), "\n"), pinned, from, to, answerEnd
}

// scrollTo is the height rows of text that show rows from to to: all of
// it when it fits, else its first pinned rows and a window below them
// starting as high as it can, with a line saying what is above or below
// it, followed by more. On a short terminal a question with its guidance and many options
// is taller than the screen; the option the cursor is on must never be
// cut off, nor the line saying which question this is.
//
// On a terminal too short for the pinned rows and a window with its
// lines of more (a few lines), the pinned rows leave at least a line to
// the rows from from on (the field being typed on, the option under the
// cursor), and on a single line give it way: on a line or two, the frame
// used to cut every row below the pinned ones, what was typed with them.
func scrollTo(text string, height, pinned, from, to int, muted lipgloss.Style, more string) string {
	rows := strings.Split(text, "\n")
	if len(rows) <= height {
		return text
	}
	if height < pinned+4 {
		height = max(height, 1)
		keep := min(pinned, height-1)
		start := clamp(from, keep, len(rows)-(height-keep))
		return strings.Join(append(rows[:keep:keep], rows[start:start+height-keep]...), "\n")
	}
	room := height - pinned - 1 // a line for "more below" at least
	start := pinned
	if to >= pinned+room {
		room-- // and one for "more above"
		start = max(min(to-room+1, from), pinned)
	}
	end := min(start+room, len(rows))
	out := append([]string{}, rows[:pinned]...)
	if start > pinned {
		out = append(out, muted.Render(fmt.Sprintf("↑ %d more lines above", start-pinned)+more))
	}
	out = append(out, rows[start:end]...)
	if end < len(rows) {
		out = append(out, muted.Render(fmt.Sprintf("↓ %d more lines below", len(rows)-end)+more))
	}
	return strings.Join(out, "\n")
}

// field draws the answer field for the question's type.
//
// from and to are the rows of it that must be on screen: the option the
// cursor is on, or the whole field for a typed answer or a risk rating.
func (iv *interview) field(width int, scrolls bool) (field string, from, to int) {
	st := iv.sh.st
	q, ans := iv.q(), iv.answer()
	var b strings.Builder
	from, to = -1, -1
	option := func(i int, line string) {
		if i == iv.cursor {
			from = strings.Count(b.String(), "\n")
			to = from + strings.Count(line, "\n")
		}
		b.WriteString(line + "\n")
	}
	switch q.Type {
	case assess.TypeControl, assess.TypeSingle, assess.TypeMulti:
		for i, o := range q.Options {
			mark := "( )"
			if q.Type == assess.TypeMulti {
				mark = "[ ]"
				if iv.ticked[o.Value] {
					mark = "[x]"
				}
			} else if iv.ticked[o.Value] {
				mark = "(•)"
			}
			option(i, iv.optionLine(i, mark, clean(o.Label), width))
		}
		if q.Type == assess.TypeMulti {
			b.WriteString(st.muted.Render("space ticks, enter saves") + "\n")
		}
	case assess.TypeScale:
		cur := -1
		if n := ans.Value.Number; n != nil {
			cur = int(n.Int())
		}
		for v := q.Scale.From; v <= q.Scale.To; v++ {
			mark := "( )"
			if v == cur {
				mark = "(•)"
			}
			label := fmt.Sprint(v)
			if l, ok := q.Scale.Labels[v]; ok {
				label += " " + clean(l)
			}
			option(v-q.Scale.From, iv.optionLine(v-q.Scale.From, mark, label, width))
		}
	case assess.TypeRisk:
		b.WriteString(iv.riskField(width))
	default:
		b.WriteString(iv.typedField(width, scrolls))
	}
	field = strings.TrimRight(b.String(), "\n")
	if from < 0 {
		from, to = 0, strings.Count(field, "\n")
	}
	return field, from, to
}

// typedField draws a number, date or text answer and says which mode it
// is in, in words (they survive NO_COLOR): typing, where letters go into
// the answer, or keys, where every key of the interview acts.
func (iv *interview) typedField(width int, scrolls bool) string {
	st := iv.sh.st
	q, ans := iv.q(), iv.answer()
	var b strings.Builder
	if iv.editing == editAnswer {
		fitInput(&iv.input, max(width-4, 10))
		b.WriteString(iv.input.View() + "\n")
		mode := "✎ typing"
		b.WriteString(st.selected.Render(mode) + wrapAfter(st.muted.Render(
			": enter saves and moves on · ←/→ at the ends move · esc for keys"),
			lipgloss.Width(mode), width) + "\n")
		return b.String()
	}
	if ans.Answered() {
		ls := iv.answerLines(width)
		for i, l := range ls {
			ls[i] = st.bold.Render(l)
		}
		b.WriteString("Answer: " + strings.Join(ls, "\n"+strings.Repeat(" ", len("Answer: "))) + "\n")
	} else {
		b.WriteString(st.muted.Render("No answer yet.") + "\n")
	}
	how := ": enter types an answer; → next question"
	switch {
	case !iv.sh.sess.editable(iv.sh.deps):
		// A login that may not answer, or an approved (locked)
		// assessment, is not sent into the refusal.
		how = ": → next question"
	case q.Type == assess.TypeNumber:
		how = ": type " + q.NumberRange() + ", or enter to edit; → next question"
	case q.Type == assess.TypeDate:
		how = ": type the date (YYYY-MM-DD), or enter to edit; → next question"
	}
	if scrolls {
		how += "; ↑/↓ scroll the answer"
	}
	b.WriteString(st.bold.Render("keys") + wrapAfter(st.muted.Render(how), len("keys"), width) + "\n")
	return b.String()
}

// optionKey is the digit that picks option i: 1 to 9, then 0 for the
// tenth; options after it are picked with the arrows.
func optionKey(i int) string {
	switch {
	case i < 9:
		return fmt.Sprint(i + 1)
	case i == 9:
		return "0"
	}
	return ""
}

// rowKey is the digit that picks row i of a question: on a scale whose
// steps are digits, the step itself; otherwise optionKey's.
func rowKey(q *assess.Question, i int) string {
	if digitScale(q) {
		return strconv.Itoa(q.Scale.From + i)
	}
	return optionKey(i)
}

// optionLine draws one option, its label wrapped under itself so that a
// long option is never cut off.
func (iv *interview) optionLine(i int, mark, label string, width int) string {
	st := iv.sh.st
	num := "   "
	if k := rowKey(iv.q(), i); k != "" {
		num = k + ". "
	}
	prefix := "  " + num + mark + " "
	body := strings.Split(wrap(label, max(width-len([]rune(prefix)), 10)), "\n")
	indent := strings.Repeat(" ", len([]rune(prefix)))
	for j := 1; j < len(body); j++ {
		body[j] = indent + body[j]
	}
	text := strings.Join(body, "\n")
	if i == iv.cursor {
		return st.selected.Render("▸ " + prefix[2:] + text)
	}
	return prefix + text
}

// extras shows the note, the evidence and where the answer came from.
// The field being typed into takes its own line's place, so nothing
// moves under the analyst's eyes.
func (iv *interview) extras(width int, ans assess.Answer) string {
	st := iv.sh.st
	// A login that may not write, or an approved (locked) assessment,
	// is offered no key that writes (the workspace refuses them).
	readOnly := !iv.sh.sess.editable(iv.sh.deps)
	var b strings.Builder
	field := func(label string) {
		// The label, the prompt ("> ") and the cursor's cell after the
		// text share the line with the field. Never below one cell: the
		// text input cannot draw its placeholder in a negative width.
		fitInput(&iv.input, max(width-len(label)-2-len("> ")-1, 1))
		b.WriteString(st.bold.Render(label+": ") + iv.input.View() + "\n")
		b.WriteString(st.muted.Render("enter saves · tab next field · esc cancels") + "\n")
	}
	if iv.editing == editNote {
		field("Note")
	} else {
		note := st.muted.Render("n adds one")
		if q := iv.q(); q.RiskDef != nil && q.RiskDef.NamedInNote {
			note = st.muted.Render("n names this risk")
		}
		if readOnly {
			note = st.muted.Render("none")
		}
		if ans.Note != "" {
			note = clean(ans.Note)
		}
		b.WriteString(st.muted.Render("Note: ") + wrapAfter(note, 6, width) + "\n")
	}
	if iv.editing == editEvidence {
		field("Evidence")
	} else {
		ev := st.muted.Render("e adds references")
		if readOnly {
			ev = st.muted.Render("none")
		}
		if len(ans.Evidence) > 0 {
			ev = clean(strings.Join(ans.Evidence, "; "))
		}
		b.WriteString(st.muted.Render("Evidence: ") + wrapAfter(ev, 10, width) + "\n")
	}
	if ans.Answered() && ans.Source == assess.ByVendor && !ans.Reviewed {
		unconfirmed := "The vendor's answer, not yet confirmed: y confirms it."
		if readOnly {
			unconfirmed = "The vendor's answer, not yet confirmed by an analyst."
		}
		b.WriteString(st.warn.Render(wrap(unconfirmed, width)) + "\n")
	}
	if iv.editing == editExplanation {
		b.WriteString(iv.explain.view(st, width))
	} else if line := iv.disagreementLine(); line != "" {
		b.WriteString(st.warn.Render(wrap(line, width)) + "\n")
	}
	return b.String()
}

// statusLine is the progress bar, the live score and level, and whether
// the last answer is safely stored. A change that was not saved gets
// lines of its own above, whole, since they name what was lost.
func (iv *interview) statusLine(width int) string {
	st := iv.sh.st
	res := iv.result()
	barWidth := clamp(width/6, 6, 24) // narrow terminals keep room for the counts
	filled := 0
	if res.Total > 0 {
		filled = res.Answered * barWidth / res.Total
	}
	bar := st.ok.Render(strings.Repeat("█", filled)) + st.muted.Render(strings.Repeat("░", barWidth-filled))
	parts := []string{bar + fmt.Sprintf(" %d/%d", res.Answered, res.Total)}
	// Whoever answers knows where the assessment stands: a change made
	// in review is one the approver is shown before signing.
	switch status := iv.sh.sess.a.Status; status {
	case assess.InReview, assess.Rejected:
		parts = append(parts, st.warn.Render(status.Words()))
	case assess.Approved:
		parts = append(parts, st.muted.Render("approved, locked"))
	}
	switch left, fromVendor := iv.vendorLeft(); {
	case left > 0:
		parts = append(parts, st.warn.Render(fmt.Sprintf("%d vendor %s to confirm", left, assess.Plural(left, "answer", "answers"))))
	case fromVendor:
		parts = append(parts, "vendor answers all confirmed")
	}
	if o := res.Outcome; o != nil {
		parts = append(parts, clean(o.Title)+": "+levelStyle(st, *o).Render(clean(o.Headline())))
	}
	for _, d := range res.Dimensions {
		if !iv.sh.sess.a.Questionnaire.Fed(d.ID) {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s %s/%s", clean(d.Title), d.Value, d.Base))
	}
	left := strings.Join(parts, " · ")
	saves := iv.sh.sess.saves
	save := saves.progress()
	room := width - lipgloss.Width(save) - 1
	line := pad(fit(left, room), room) + " " + st.ok.Render(save)
	if notice := iv.conflictNotice(); notice != "" {
		line = st.warn.Render(wrap(clean(notice), width)) + "\n" + line
	}
	if p := saves.problem(); p != "" {
		return st.error.Render(wrap(p, width)) + "\n" + line
	}
	return line
}
