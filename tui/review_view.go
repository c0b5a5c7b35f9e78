package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
)

func (r *review) View(width, height int) string {
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
	bodyHeight := max(height-2, 1)
	var body string
	switch r.pane {
	case paneScores:
		body = r.scrolled(r.scoresText(width), bodyHeight)
	case paneWhy:
		body = r.scrolled(cleanBlock(report.Explain(r.sh.sess.eval)), bodyHeight)
	case paneRisks:
		body = r.scrolled(r.risksText(width), bodyHeight)
	case paneCoverage:
		body = r.coverageText(width, bodyHeight)
	case paneFindings:
		body = r.scrolled(r.findingsText(width), bodyHeight)
	case paneRecommended:
		body = r.recommendedText(width)
	}
	return lines(head, "", body) // the frame cuts lines wider than the terminal
}

// scrolled shows the part of a long text the scroll position points at.
func (r *review) scrolled(text string, height int) string {
	ls := strings.Split(strings.TrimRight(text, "\n"), "\n")
	r.page = height
	r.scroll = min(r.scroll, max(len(ls)-height, 0))
	end := min(r.scroll+height, len(ls))
	return strings.Join(ls[r.scroll:end], "\n")
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
		complete = st.warn.Render(fmt.Sprintf("%d unanswered, counted as worst", len(res.Unanswered)))
	}
	b.WriteString(fmt.Sprintf("Answered %d of %d · %s\n", res.Answered, res.Total, complete))
	b.WriteString(wrap(lifecycleLine(r.sh.sess.a), width) + "\n\n")
	for _, d := range res.Dimensions {
		b.WriteString(st.bold.Render(clean(d.Title)) + fmt.Sprintf(": %s of %s (%s%%)", d.Value, d.Base, d.Percent.Fixed(1)))
		if d.Value != d.Raw {
			b.WriteString(st.muted.Render(fmt.Sprintf(", %s before rules", d.Raw)))
		}
		b.WriteString("\n")
		for _, s := range res.Sections {
			for _, sd := range s.Dimensions {
				if sd.Dimension == d.ID && sd.Max != 0 {
					b.WriteString("  " + pad(clean(s.Title), width-22) + fmt.Sprintf("%8s / %s\n", sd.Points, sd.Max))
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
		b.WriteString(st.muted.Render("  "+wrapAfter(fmt.Sprintf("between %s and %s until the %d unanswered %s answered · w shows the worst case",
			clean(l.BestCase), clean(l.Name()), open, plural(open, "question is", "questions are")), 2, width)) + "\n")
		return b.String()
	case l.Unsettled:
		b.WriteString(fmt.Sprintf("%s, worst case: %s\n", clean(l.Title), st.rank(l.Rank, l.Of).Render(clean(l.Name()))))
	default:
		b.WriteString(fmt.Sprintf("%s: %s\n", clean(l.Title), st.rank(l.Rank, l.Of).Render(clean(l.Name()))))
	}
	if l.Why != "" {
		b.WriteString(st.muted.Render(wrap("  "+clean(l.Why), width)) + "\n")
	}
	if f, ok := l.Knockout(); ok {
		b.WriteString(st.warn.Render(wrap(fmt.Sprintf("  knock-out: %s answered %q sets at least %s", f.Question, clean(f.Answer), f.AtLeast), width)) + "\n")
	}
	return b.String()
}

func levelText(l string) string {
	if l == "" {
		return "not rated"
	}
	return clean(l)
}

// risksText draws the likelihood × impact matrix as a coloured grid with
// each risk's number in its cell, and the register below it.
func (r *review) risksText(width int) string {
	st := r.sh.st
	m := r.sh.sess.a.Questionnaire.RiskMatrix
	res := r.res()
	phase := "as found"
	if r.after {
		phase = "after measures"
	}
	var b strings.Builder
	b.WriteString(st.bold.Render("Risk matrix, "+phase) + st.muted.Render("  (a switches)") + "\n")
	cellW := 7
	labelW := 12
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
		b.WriteString(fit(line, width) + "\n")
	}
	return b.String()
}

func (r *review) coverageText(width, height int) string {
	st := r.sh.st
	f := assess.Frameworks[r.fw]
	var b strings.Builder
	sum := assess.SummarizeCoverage(f, r.coverage)
	b.WriteString(fit(st.bold.Render(f.Title())+fmt.Sprintf("  %d controls: %s met, %s partly, %s gaps, %d open", sum.Touched,
		st.ok.Render(fmt.Sprint(sum.Met)), st.warn.Render(fmt.Sprint(sum.Partial)), st.bad.Render(fmt.Sprint(sum.Gap)), sum.Unanswered)+
		st.muted.Render(" · f framework · enter answers"), width) + "\n")
	if len(r.coverage) == 0 {
		return b.String() + st.muted.Render("No visible question maps to this framework.")
	}
	if r.drill {
		return b.String() + r.drillText(width)
	}
	start, end := r.nav.window(len(r.coverage), height-1)
	for i := start; i < end; i++ {
		cc := r.coverage[i]
		status := pad(string(cc.Status), 16)
		line := pad(clean(cc.Control.ID), 9) + r.coverageStyle(cc.Status).Render(status) + clean(cc.Control.Name)
		line = listRow(st, line, i == r.nav.cursor)
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

// drillText lists the questions behind the control under the cursor with their answers.
func (r *review) drillText(width int) string {
	st := r.sh.st
	cc := r.coverage[clamp(r.nav.cursor, 0, len(r.coverage)-1)]
	q := r.sh.sess.a.Questionnaire
	var b strings.Builder
	b.WriteString(st.bold.Render(clean(cc.Control.ID)) + " " + wrap(clean(cc.Control.Name), width-len(cc.Control.ID)-1) + "\n")
	b.WriteString("Status: " + r.coverageStyle(cc.Status).Render(string(cc.Status)) + st.muted.Render("  (esc back)") + "\n\n")
	for _, qr := range cc.Questions {
		qq, _ := q.Question(qr.ID)
		b.WriteString(st.bold.Render(clean(qr.ID)) + " " + wrap(clean(qq.Text), width) + "\n")
		ans := qr.Answer
		if ans == "" {
			ans = "no answer"
		}
		b.WriteString("  " + r.statusStyle(qr.Status).Render(string(qr.Status)) + ": " + fit(clean(ans), width-14) + "\n")
		if a, ok := r.sh.sess.a.Answers[qr.ID]; ok {
			if a.Note != "" {
				b.WriteString(st.muted.Render(fit("  Note: "+clean(a.Note), width)) + "\n")
			}
			if len(a.Evidence) > 0 {
				b.WriteString(st.muted.Render(fit("  Evidence: "+clean(strings.Join(a.Evidence, "; ")), width)) + "\n")
			}
		}
	}
	return b.String()
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

func (r *review) findingsText(width int) string {
	st := r.sh.st
	res := r.res()
	if len(res.Findings) == 0 {
		return st.ok.Render("No findings.")
	}
	var b strings.Builder
	for i, f := range res.Findings {
		head := fmt.Sprintf("F%-2d ", i+1) + st.severity(f.Severity).Render(pad(f.Severity.String(), 9)) + clean(f.Question)
		b.WriteString(fit(head, width) + "\n")
		b.WriteString(st.muted.Render(fit(fmt.Sprintf("    %s · %s · %s", clean(f.QuestionID), clean(f.Answer), clean(f.Action)), width)) + "\n")
	}
	return b.String()
}

func (r *review) recommendedText(width int) string {
	st := r.sh.st
	recs := r.res().Recommendations
	if len(recs) == 0 {
		return st.muted.Render("Nothing recommended yet: answer the pre-screen's questions first.")
	}
	var b strings.Builder
	b.WriteString("The answers call for these assessments; enter starts one for the same subject.\n\n")
	for i, rec := range recs {
		title := rec.Questionnaire
		if q := r.sh.deps.questionnaire(rec.Questionnaire); q != nil {
			title = q.Title
		}
		line := clean(title) + st.muted.Render(" · "+clean(rec.Reason))
		line = listRow(st, line, i == r.nav.cursor)
		b.WriteString(fit(line, width) + "\n")
	}
	return b.String()
}
