package tui

import (
	"fmt"
	"strings"

	"github.com/assay-dev/assay/assess"
)

// higherAfterWarning is said of a risk rated more likely, or worse in
// impact, after the planned measures than as found.
const higherAfterWarning = "Rated higher after measures than as found: measures do not raise a risk, so check the ratings."

// unnamedRiskWarning is said of a risk named in its note that is rated
// while its note names nothing.
const unnamedRiskWarning = "Rated but not named: n names it (the note's first line is its name in the register); " +
	"it cannot go to review unnamed."

// riskField draws a risk's rows, the scale of the row being rated with
// every step named (a rating is typed as its number, so the numbers must
// be readable while rating), the levels the ratings give, and the plan
// items being picked.
func (iv *interview) riskField(width int) string {
	st := iv.sh.st
	m := iv.sh.sess.a.Questionnaire.RiskMatrix
	r := iv.rating()
	vals := []int{r.Likelihood, r.Impact, r.AfterLikelihood, r.AfterImpact}
	labelW := min(26, width/2) // the longest row name whole, if there is room
	// A login that may not write, or an approved (locked) assessment,
	// is offered no key that writes.
	readOnly := !iv.sh.sess.editable(iv.sh.deps)
	var b strings.Builder
	for i, name := range riskRows {
		var val string
		switch i {
		case rowMeasures:
			val = st.muted.Render("enter to describe")
			if readOnly {
				val = st.muted.Render("none")
			}
			if iv.editing == editMeasures {
				fitInput(&iv.input, max(width-labelW-4, 10))
				val = iv.input.View()
			} else if r.Measures != "" {
				val = wrapAfter(clean(r.Measures), labelW, width-2)
			}
		case rowPlanItems:
			val = st.muted.Render("enter links plan items")
			if readOnly {
				val = st.muted.Render("none")
			}
			if len(r.PlanItems) > 0 {
				val = wrapAfter(clean(strings.Join(r.PlanItems, ", ")), labelW, width-2)
			}
		default:
			scale := riskScale(m, i)
			val = st.muted.Render(fmt.Sprintf("1-%d", len(scale)))
			if vals[i] > 0 && vals[i] <= len(scale) {
				val = fmt.Sprintf("%d %s", vals[i], clean(scale[vals[i]-1]))
			}
		}
		// The measures and plan items wrap under their column, whole.
		ls := strings.Split(pad(name, labelW)+val, "\n")
		b.WriteString(listRow(st, fit(ls[0], width-2), i == iv.cursor && iv.picker == nil) + "\n")
		for _, l := range ls[1:] {
			b.WriteString("  " + fit(l, width-2) + "\n")
		}
	}
	if iv.picker != nil {
		b.WriteString(iv.pickerView(width))
	} else if iv.cursor < rowMeasures {
		what := "Likelihood"
		if iv.cursor%2 == 1 {
			what = "Impact"
		}
		b.WriteString(st.muted.Render(wrapAfter(what+": "+numbered(riskScale(m, iv.cursor)), len(what)+2, width)) + "\n")
	}
	if r.InitialRated() {
		lvl := m.Level(r.Likelihood, r.Impact)
		line := "As found: " + st.severity(lvl).Render(lvl.String())
		if r.AfterRated() {
			after := m.Level(r.AfterLikelihood, r.AfterImpact)
			line += " · after measures: " + st.severity(after).Render(after.String())
		}
		b.WriteString(line + "\n")
		if r.HigherAfter() {
			b.WriteString(st.warn.Render(wrap(higherAfterWarning, width)) + "\n")
		}
		if iv.q().Unnamed(assess.Answer{Value: assess.Value{Risk: &r}, Note: iv.answer().Note}) && iv.editing != editNote {
			b.WriteString(st.warn.Render(wrap(unnamedRiskWarning, width)) + "\n")
		}
	}
	switch {
	case iv.draft != nil && !iv.draft.InitialRated():
		b.WriteString(st.warn.Render("Not saved yet: rate the likelihood and the impact as found.") + "\n")
	case iv.draft != nil:
		b.WriteString(st.warn.Render("Not saved yet: rate both, or neither, after measures.") + "\n")
	}
	if iv.picker == nil && !readOnly {
		b.WriteString(st.muted.Render("↑/↓ picks a row, a number rates it") + "\n")
	}
	return b.String()
}

// pickerView lists the plan items to tick in the window of a few rows
// that keeps the cursor in view.
func (iv *interview) pickerView(width int) string {
	st := iv.sh.st
	p := iv.picker
	var b strings.Builder
	b.WriteString(st.bold.Render(fit("Plan items the measures rely on", width)) + "\n")
	if len(p.choices) == 0 {
		b.WriteString(st.muted.Render(wrap("The plan has no items yet: they come from the findings. esc goes back.", width)) + "\n")
		return b.String()
	}
	keyW := 0 // the widest key whole, within two fifths of the width
	for _, c := range p.choices {
		keyW = max(keyW, len([]rune(clean(c.key))))
	}
	keyW = min(keyW, max(width*2/5, 8))
	start, end := p.nav.shown(len(p.choices)) // fitted as keys moved it (pickKey)
	for i := start; i < end; i++ {
		c := p.choices[i]
		mark := "[ ]"
		if p.ticked[c.key] {
			mark = "[x]"
		}
		sev := st.muted.Render(pad("", 9))
		if !c.gone {
			sev = st.severity(c.severity).Render(pad(c.severity.String(), 9))
		}
		line := mark + " " + pad(clean(c.key), keyW) + " " + sev + st.muted.Render(clean(c.label))
		b.WriteString(listRow(st, fit(line, width-2), i == p.nav.cursor) + "\n")
	}
	b.WriteString(st.muted.Render(fmt.Sprintf("%d of %d · space ticks, enter saves, esc cancels", p.nav.cursor+1, len(p.choices))) + "\n")
	return b.String()
}
