package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
	"github.com/assay-dev/assay/internal/wraptext"
)

func (r *review) View(width, height int) string {
	gap, field, bodyHeight := r.frameParts(width, height)
	if bodyHeight <= 0 {
		return lines(append(gap, field...)...)
	}
	// The pane as layOut fitted and drew it in Update; drawn again here
	// only for a size it was not laid out for, which changes nothing
	// stored.
	body, ok := r.laidOutPane.at(width, bodyHeight)
	if !ok {
		body, _ = r.drawPane(width, bodyHeight)
	}
	// A pane's own lines above its list (the coverage summary) may take
	// more than it has: cut, rather than drawn past the screen's foot.
	body = strings.Join(firstLines(strings.Split(body, "\n"), bodyHeight), "\n")
	if len(field) > 0 {
		body = frame(body, width, bodyHeight) // the field at the foot, beside the keys' line
		return lines(append(append(gap, body), field...)...)
	}
	return lines(append(gap, body)...) // the frame cuts lines wider than the terminal
}

// layOut fits the pane shown to the lines View gives it at width ×
// height (layout.go): the first line shown, the list's window, and the
// page a page key moves by.
//
// The pane drawn to measure it is kept for View, which would otherwise
// draw it a second time for every message (the scores, the coverage and
// the findings are the review's dearest text): every message ends here
// (Model.Update), so until the next one nothing the pane shows changes.
func (r *review) layOut(width, height int) {
	r.laidOutPane = drawnPane{}
	if _, _, bodyHeight := r.frameParts(width, height); bodyHeight > 0 {
		body, s := r.drawPane(width, bodyHeight)
		r.scroll, r.page, r.nav, r.drillNav = s.scroll, s.page, s.nav, s.drillNav
		r.laidOutPane = drawnPane{width: width, height: bodyHeight, body: body}
	}
}

// drawnPane is the review's pane as layOut drew it, in width × height.
type drawnPane struct {
	width, height int
	body          string
}

// at is the pane drawn, if it was drawn in width × height.
func (d drawnPane) at(width, height int) (string, bool) {
	return d.body, d.body != "" && d.width == width && d.height == height
}

// frameParts are the lines of the review around its pane: the tabs and
// what the last key said above it (gap), the explanation being typed
// below it (field), and the lines left for the pane, none on a terminal
// too short for it.
func (r *review) frameParts(width, height int) (gap, field []string, bodyHeight int) {
	st := r.sh.st
	var tabs []string
	for p := pane(0); p < panes; p++ {
		if !r.available(p) {
			continue
		}
		if p == r.pane {
			tabs = append(tabs, st.selected.Render("["+paneNames[p]+"]"))
		} else {
			tabs = append(tabs, st.muted.Render(paneNames[p]))
		}
	}
	head := fit(strings.Join(tabs, " "), width)
	// The explanation being typed keeps its lines at the foot, whatever
	// the pane, all but one of the screen's at most: the head and the
	// pane give way to it. On a terminal of a line or two, what is drawn
	// is what the screen has room for (the frame cut the line too many,
	// the line being typed on among them): the head, then a line of the
	// pane, then the gap between them.
	if r.explain.isOpen() {
		field = r.explain.viewIn(st, width, max(height-1, 1))
	}
	top := height - len(field)
	switch {
	case top <= 0:
		return nil, field, 0
	case top == 1:
		return []string{head}, field, 0
	}
	gap = []string{head}
	if top >= 3 {
		gap = append(gap, "")
	}
	// What the last key said, and where the cursor went and why: whole
	// where the screen has room, above the pane they are about.
	gap = append(gap, firstLines(r.notes(width), top-len(gap)-1)...)
	return gap, field, top - len(gap)
}

// paneScroll is where the review's pane is scrolled to at a height: a
// text pane's first line and the lines it shows (its page), the lists'
// cursors with their windows and pages. drawPane works it out from the
// one kept, changing nothing; layOut keeps what it worked out.
type paneScroll struct {
	scroll, page  int
	nav, drillNav listNav
	drill         bool // the drill-down's cursor is the one the keys move
}

// cursorNav is the list whose cursor the keys move (review.cursorNav).
func (s *paneScroll) cursorNav() *listNav {
	if s.drill {
		return &s.drillNav
	}
	return &s.nav
}

// drawPane draws the pane shown in height lines, and says where it is
// scrolled to in them.
func (r *review) drawPane(width, height int) (string, paneScroll) {
	r.panesDrawn++
	s := paneScroll{scroll: r.scroll, page: r.page, nav: r.nav, drillNav: r.drillNav, drill: r.pane == paneCoverage && r.drill}
	var body string
	switch r.pane {
	case paneScores:
		body = s.scrolled(r.scoresText(width), height)
	case paneWhy:
		body = s.scrolled(whyText(r.sh.sess.eval, width), height)
	case paneRisks:
		text, first, last := r.risksText(width)
		body = s.following(text, first, last, height)
	case paneCoverage:
		body = r.coverageText(&s, width, height)
	case paneFindings:
		text, first, last := r.findingsText(width)
		body = s.following(text, first, last, height)
	case paneRecommended:
		text, first, last := r.recommendedText(width)
		body = s.following(text, first, last, height)
	}
	return body, s
}

// notes are the lines of what the last key said and of a row gone from
// under the cursor (review_gone.go), wrapped to width.
func (r *review) notes(width int) []string {
	st := r.sh.st
	var out []string
	if r.said != "" {
		out = append(out, strings.Split(st.error.Render(wrap(r.said, width)), "\n")...)
	}
	if g := r.goneLine(); g != "" {
		out = append(out, strings.Split(st.warn.Render(wrap(g, width)), "\n")...)
	}
	return out
}

// firstLines is at most n of ls, from the first.
func firstLines(ls []string, n int) []string {
	return ls[:min(len(ls), max(n, 0))]
}

// whyText is the working behind the levels, as assay score --explain
// prints it, each line too wide for the pane wrapped under its last
// column: a line cut short would cut the explanation.
func whyText(ev *assess.Evaluation, width int) string {
	var out []string
	for _, line := range strings.Split(cleanBlock(report.Explain(ev)), "\n") {
		out = append(out, wraptext.Row(line, width)...)
	}
	return strings.Join(out, "\n")
}

// following shows the part of a long text that holds the lines first to
// last (the item under the cursor), scrolling no more than it must. A
// page key moves the cursor by as many items as the pane has lines: most
// items are a line each.
func (s *paneScroll) following(text string, first, last, height int) string {
	s.cursorNav().page = height
	switch {
	case first < s.scroll:
		s.scroll = first
	case last >= s.scroll+height:
		s.scroll = min(first, last-height+1)
	}
	return s.scrolled(text, height)
}

// scrolled shows the part of a long text the scroll position points at.
func (s *paneScroll) scrolled(text string, height int) string {
	ls := strings.Split(strings.TrimRight(text, "\n"), "\n")
	s.page = height
	s.scroll = min(s.scroll, max(len(ls)-height, 0))
	end := min(s.scroll+height, len(ls))
	return strings.Join(ls[s.scroll:end], "\n")
}

func (r *review) scoresText(width int) string {
	st := r.sh.st
	res := r.res()
	var b strings.Builder
	for _, l := range res.Levels {
		b.WriteString(r.levelText(l, width))
	}
	complete := st.ok.Render("complete")
	if !res.Complete {
		complete = st.warn.Render(res.UnansweredSummary())
	}
	// Wrapped: a blank DPIA's count says why some unanswered questions
	// are not counted as worst, which takes more than 80 columns.
	b.WriteString(wrap(fmt.Sprintf("Answered %d of %d · %s", res.Answered, res.Total, complete), width) + "\n")
	b.WriteString(wrap(lifecycleLine(r.sh.sess.a, res, r.sh.deps.decider()), width) + "\n")
	b.WriteString(r.unexplainedText(width))
	if qr, disagrees := assess.DPOOpinionNotAnswered(r.sh.sess.a, res); disagrees {
		note := clean(assess.DPOOpinionNote(qr)) // begins "the DPO's opinion"
		b.WriteString(st.warn.Render(wrap(strings.ToUpper(note[:1])+note[1:]+".", width)) + "\n")
	}
	b.WriteString("\n")
	for _, d := range res.Dimensions {
		if !r.sh.sess.a.Questionnaire.Fed(d.ID) {
			continue
		}
		if d.Empty() {
			b.WriteString(st.bold.Render(clean(d.Title)) + ": not applicable: no question counts in it\n")
			continue
		}
		b.WriteString(st.bold.Render(clean(d.Title)) + fmt.Sprintf(": %s of %s (%s%%)", d.Value, d.Base, d.Percent.Fixed(1)))
		if d.Value != d.Raw {
			b.WriteString(st.muted.Render(fmt.Sprintf(", %s before rules", d.Raw)))
		}
		b.WriteString("\n")
		for _, s := range res.Sections {
			for _, sd := range s.Dimensions {
				if sd.Dimension == d.ID && sd.Max != 0 {
					b.WriteString("  " + pad(clean(s.Title), clamp(width-22, 20, 60)) + fmt.Sprintf("%8s / %s\n", sd.Points, sd.Max))
				}
			}
		}
	}
	for _, rule := range res.Rules {
		mark := "not applied"
		if rule.Applied {
			mark = fmt.Sprintf("applied: %s → %s", rule.Before, rule.After)
		}
		b.WriteString(fmt.Sprintf("\nRule %s: %s\n", clean(rule.Title), mark))
	}
	return b.String()
}

// levelText is a level with the working behind it; a level the answers
// still to come could change reads "not rated yet", with its range, and
// w shows the worst case it stands at (unanswered counted as worst).
func (r *review) levelText(l assess.LevelResult, width int) string {
	st := r.sh.st
	var b strings.Builder
	switch {
	case l.Unsettled && !r.worstCase:
		b.WriteString(fmt.Sprintf("%s: %s\n", clean(l.Title), st.bold.Render(l.Headline())))
		open := len(r.res().Unanswered)
		span := fmt.Sprintf("between %s and %s", clean(l.BestCase), clean(l.Name()))
		if !l.BestCaseRated() {
			span = fmt.Sprintf("%s at worst, no level at best,", clean(l.Name()))
		}
		b.WriteString(st.muted.Render("  "+wrapAfter(fmt.Sprintf("%s until the %d unanswered %s answered · w shows the worst case",
			span, open, assess.Plural(open, "question is", "questions are")), 2, width)) + "\n")
		return b.String()
	case l.Unsettled:
		b.WriteString(fmt.Sprintf("%s, worst case: %s\n", clean(l.Title), st.rank(l.Rank, l.Of).Render(clean(l.Name()))))
	default:
		b.WriteString(fmt.Sprintf("%s: %s\n", clean(l.Title), st.rank(l.Rank, l.Of).Render(clean(l.Name()))))
	}
	if l.Why != "" {
		b.WriteString(st.muted.Render("  "+wrapAfter(clean(l.Why), 2, width)) + "\n")
	}
	if f, ok := l.Knockout(); ok {
		said := fmt.Sprintf("knock-out: %s answered %q sets at least %s", f.Question, clean(f.Answer), f.AtLeast)
		if f.Unanswered() {
			said = fmt.Sprintf("knock-out: %s, %s, sets at least %s", f.Question, f.AnswerClause(), f.AtLeast)
		}
		b.WriteString(st.warn.Render("  "+wrapAfter(said, 2, width)) + "\n")
	}
	return b.String()
}

// summaryLevel is a listed assessment's level: "not rated yet" while
// answers still to come could change it.
func summaryLevel(s assess.Summary) string {
	return levelText(s.Headline())
}

func levelText(l string) string {
	if l == "" {
		return "not rated"
	}
	return clean(l)
}

// risksText draws the likelihood × impact matrix as a coloured grid with
// each risk's number in its cell, and the register below it.
func (r *review) risksText(width int) (text string, first, last int) {
	st := r.sh.st
	m := r.sh.sess.a.Questionnaire.RiskMatrix
	res := r.res()
	phase := "as found"
	if r.after {
		phase = "after measures"
	}
	var b strings.Builder
	b.WriteString(st.bold.Render("Risk matrix, "+phase) + st.muted.Render("  (a switches)") + "\n")
	// Every step's name whole, where the width allows.
	labelW := min(longest(m.Likelihood)+2, max(width/4, 8))
	cellW := clamp(longest(m.Impact)+2, 5, max((width-labelW)/len(m.Impact), 5))
	for li := len(m.Likelihood); li >= 1; li-- {
		row := pad(clean(m.Likelihood[li-1]), labelW)
		for ii := 1; ii <= len(m.Impact); ii++ {
			var ids []string
			for n, rr := range res.Risks {
				c := rr.Initial
				if r.after {
					c = rr.After
				}
				if c != nil && c.Likelihood == li && c.Impact == ii {
					ids = append(ids, fmt.Sprint(n+1))
				}
			}
			sev := m.Level(li, ii)
			text := strings.Join(ids, ",")
			if text == "" {
				text = string([]rune(sev.String())[:1])
			}
			cell := lipgloss.NewStyle().Width(cellW).Align(lipgloss.Center).
				Foreground(r.sh.st.severity(sev).GetForeground()).Reverse(len(ids) > 0).Render(fit(text, cellW))
			row += cell
		}
		b.WriteString(row + "\n")
	}
	axis := pad("", labelW)
	for _, name := range m.Impact {
		axis += lipgloss.NewStyle().Width(cellW).Align(lipgloss.Center).Render(fit(clean(name), cellW-1))
	}
	b.WriteString(st.muted.Render(axis) + "\n")
	b.WriteString(st.muted.Render(pad("", labelW)+"impact →; likelihood ↑; letters are the cell's level") + "\n\n")
	lines := strings.Split(b.String(), "\n")
	lines = lines[:len(lines)-1]
	heads := make([]string, len(res.Risks))
	for n, rr := range res.Risks {
		line := fmt.Sprintf("%d. %s: ", n+1, clean(rr.Title))
		switch {
		case rr.Initial == nil:
			line += st.muted.Render("not rated")
		default:
			line += st.severity(rr.Initial.Level).Render(rr.Initial.Level.String())
			if rr.After != nil {
				line += " → " + st.severity(rr.After.Level).Render(rr.After.Level.String())
			}
			if !rr.Acceptable {
				line += st.bad.Render(" above acceptable")
			}
		}
		heads[n] = line
	}
	lines, first, last = openRows(st, lines, heads, r.nav.cursor, width, func(w int) []string {
		return r.riskDetail(res.Risks[r.nav.cursor], w)
	})
	return strings.Join(lines, "\n"), first, last
}

// riskDetail is the risk under the cursor opened out: its measures and
// the plan items that carry them out, each with where it stands.
func (r *review) riskDetail(rr assess.RiskResult, width int) []string {
	st := r.sh.st
	var out []string
	if rr.Measures != "" {
		out = append(out, strings.Split(st.muted.Render("Measures: ")+wrapAfter(clean(rr.Measures), 10, width), "\n")...)
	}
	items := map[string]assess.PlanItem{}
	for _, it := range r.sh.sess.eval.Plan {
		items[it.Key()] = it
	}
	// Overdue on the day the plan screen judges the plan (the report's
	// date: session.evaluate), so both screens say the same of an item.
	on := r.sh.sess.eval.Today
	for _, key := range rr.PlanItems {
		where := st.muted.Render("no longer a finding")
		if it, ok := items[key]; ok {
			where = statusText(it) + ", due " + it.Due.String()
			if it.Overdue(on) {
				where = st.bad.Render(where + ", overdue")
			}
		}
		out = append(out, fit(st.muted.Render("Plan item ")+clean(key)+": "+where, width))
	}
	return append(out, st.muted.Render("enter opens the question"))
}

func (r *review) coverageText(s *paneScroll, width, height int) string {
	st := r.sh.st
	f := assess.Frameworks[r.fw]
	var b strings.Builder
	sum := assess.SummarizeCoverage(f, r.coverage)
	// The summary whole, on as many lines as the width needs.
	// Controls behind context questions alone (what data a vendor holds)
	// are neither met nor open: they are named only when there are some.
	contextOnly := ""
	if sum.Context > 0 {
		contextOnly = fmt.Sprintf(", %d context only", sum.Context)
	}
	// Measures missing but not required at this impact level are not met.
	if sum.NotRequired > 0 {
		contextOnly = fmt.Sprintf(", %d not required at this level", sum.NotRequired) + contextOnly
	}
	head := wrap(st.bold.Render(f.Title())+fmt.Sprintf("  %s: %s met, %s partly, %s %s, %d open%s", assess.Count(sum.Touched, "control", "controls"),
		st.ok.Render(fmt.Sprint(sum.Met)), st.warn.Render(fmt.Sprint(sum.Partial)), st.bad.Render(fmt.Sprint(sum.Gap)), assess.Plural(sum.Gap, "gap", "gaps"), sum.Unanswered, contextOnly)+
		st.muted.Render(" · f framework · enter answers"), width)
	b.WriteString(head + "\n")
	height -= strings.Count(head, "\n")
	if len(r.coverage) == 0 {
		return b.String() + st.muted.Render("No visible question maps to this framework.")
	}
	if r.drill {
		text, first, last := r.drillText(width)
		return b.String() + s.following(text, first, last, max(height-1, 1))
	}
	idW, statusW := 0, 0
	for _, cc := range r.coverage {
		idW = max(idW, len([]rune(clean(cc.Control.ID))))
		statusW = max(statusW, len(cc.Status))
	}
	s.nav = s.nav.fitted(len(r.coverage), height-1)
	start, end := s.nav.shown(len(r.coverage))
	for i := start; i < end; i++ {
		cc := r.coverage[i]
		status := pad(string(cc.Status), statusW+2)
		line := pad(clean(cc.Control.ID), idW+2) + r.coverageStyle(cc.Status).Render(status) + clean(cc.Control.Name)
		line = listRow(st, line, i == s.nav.cursor)
		b.WriteString(fit(line, width) + "\n")
	}
	return b.String()
}

// coverageTone reads a control's coverage like an answer's status, so
// both are coloured alike.
var coverageTone = map[assess.CoverageStatus]assess.Status{
	assess.CoverageMet: assess.StatusMet, assess.CoveragePartial: assess.StatusPartial, assess.CoverageGap: assess.StatusGap,
}

func (r *review) coverageStyle(s assess.CoverageStatus) lipgloss.Style {
	return r.statusStyle(coverageTone[s])
}

// drillText lists the questions behind the control under the cursor
// with their answers, notes and evidence, wrapped rather than cut; the
// question under the drill cursor is marked, and enter opens it. It
// returns the lines that question takes, to keep it in view.
func (r *review) drillText(width int) (text string, first, last int) {
	st := r.sh.st
	cc := r.coverage[clamp(r.nav.cursor, 0, len(r.coverage)-1)]
	q := r.sh.sess.a.Questionnaire
	id := clean(cc.Control.ID)
	var out []string
	out = append(out, strings.Split(st.bold.Render(id)+" "+wrapAfter(clean(cc.Control.Name), len([]rune(id))+1, width), "\n")...)
	out = append(out, "Status: "+r.coverageStyle(cc.Status).Render(string(cc.Status))+st.muted.Render("  (↑/↓ a question, enter opens it, esc back)"), "")
	for i, qr := range cc.Questions {
		qq, _ := q.Question(qr.ID)
		if i == r.drillNav.cursor {
			first = len(out)
		}
		qid := clean(qr.ID)
		block := strings.Split(st.bold.Render(qid)+" "+wrapAfter(clean(qq.Text), len([]rune(qid))+1, width-2), "\n")
		ans := qr.Answer
		if ans == "" {
			ans = "no answer"
		}
		status := string(qr.Status)
		block = append(block, strings.Split("  "+r.statusStyle(qr.Status).Render(status)+": "+wrapAfter(clean(ans), len(status)+4, width-2), "\n")...)
		if a, ok := r.sh.sess.a.Answers[qr.ID]; ok {
			if a.Note != "" {
				block = append(block, strings.Split(st.muted.Render("  Note: ")+wrapAfter(clean(a.Note), 8, width-2), "\n")...)
			}
			if len(a.Evidence) > 0 {
				block = append(block, strings.Split(st.muted.Render("  Evidence: ")+wrapAfter(clean(strings.Join(a.Evidence, "; ")), 12, width-2), "\n")...)
			}
		}
		for j, l := range block {
			block[j] = listRow(st, l, i == r.drillNav.cursor && j == 0)
		}
		out = append(out, block...)
		if i == r.drillNav.cursor {
			last = len(out) - 1
		}
	}
	return strings.Join(out, "\n"), first, last
}

func (r *review) statusStyle(s assess.Status) lipgloss.Style {
	switch s {
	case assess.StatusMet:
		return r.sh.st.ok
	case assess.StatusPartial:
		return r.sh.st.warn
	case assess.StatusGap:
		return r.sh.st.bad
	}
	return r.sh.st.muted
}

// longest is the width of the longest of names.
func longest(names []string) int {
	n := 0
	for _, s := range names {
		n = max(n, lipgloss.Width(clean(s)))
	}
	return n
}
