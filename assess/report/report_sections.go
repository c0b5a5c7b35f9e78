package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/assay-dev/assay/assess"
)

func (r *reporter) scores() {
	dims := fedDimensions(r.q, r.res)
	if len(dims) == 0 && len(r.res.Levels) == 0 {
		return // nothing is scored: a pre-screen
	}
	r.d.heading(2, "Scores")
	if len(dims) > 0 {
		r.d.heading(3, "By dimension")
		var rows [][]string
		for _, d := range dims {
			var notes []string
			if d.Value != d.Raw {
				notes = append(notes, d.Raw.String()+" before rules")
			}
			if d.PercentOf != assess.PercentOfCounted {
				note := "share" + baseWords(d)
				if d.Base != d.Max {
					note += fmt.Sprintf("; the questions counted have a maximum of %s", d.Max)
				}
				notes = append(notes, note)
			}
			rows = append(rows, []string{Inline(d.Title), d.Value.String(), d.Base.String(), d.Percent.Fixed(1) + "%", higherText(d.Higher), strings.Join(notes, "; ")})
		}
		r.d.table([]string{"Dimension", "Score", "Maximum", "Share", "Higher is", "Note"}, rows)
	}
	r.d.heading(3, "By section")
	header := []string{"Section", "Answered"}
	for _, d := range dims {
		header = append(header, Inline(d.Title))
	}
	var rows [][]string
	for _, s := range r.res.Sections {
		answered := fmt.Sprintf("%d of %d", s.Answered, s.Total)
		if !s.Visible {
			answered = "not applicable (hidden)"
		}
		cells := []string{Inline(s.Title), answered}
		for _, d := range dims {
			cells = append(cells, sectionShare(s, d.ID))
		}
		rows = append(rows, cells)
	}
	r.d.table(header, rows)
	if len(r.res.Levels) > 0 {
		r.d.heading(3, "Levels and why")
		var items []string
		for _, l := range r.res.Levels {
			items = append(items, fmt.Sprintf("**%s: %s.** %s.", Inline(l.Title), Inline(l.Name()), Inline(l.Why)))
		}
		r.d.list(items...)
	}
	if len(r.res.Rules) > 0 {
		r.d.heading(3, "Rules")
		var items []string
		for _, rr := range r.res.Rules {
			effect := "not applied"
			if rr.Applied {
				effect = fmt.Sprintf("applied: %s went from %s to %s", Inline(rr.Target), rr.Before, rr.After)
			}
			items = append(items, fmt.Sprintf("**%s**: %s. %s.", Inline(rr.Title), Inline(rr.Why), effect))
		}
		r.d.list(items...)
	}
}

func higherText(d assess.Direction) string {
	if d == assess.HigherBetter {
		return "better"
	}
	return "worse"
}

func sectionShare(s assess.SectionResult, dim string) string {
	for _, sd := range s.Dimensions {
		if sd.Dimension == dim {
			return sd.Points.String() + " of " + sd.Max.String()
		}
	}
	return "-"
}

func (r *reporter) risks() {
	m := r.q.RiskMatrix
	if m == nil || len(r.res.Risks) == 0 {
		return
	}
	r.d.heading(2, "Risk register")
	var rows [][]string
	for i, rr := range r.res.Risks {
		rows = append(rows, []string{fmt.Sprintf("R%d", i+1), Inline(rr.Title), cellText(rr.Initial), cellText(rr.After), acceptText(rr)})
	}
	r.d.table([]string{"Risk", "Title", "As found", "After measures", "Acceptable"}, rows)
	for _, phase := range []assess.RiskPhase{assess.Initial, assess.After} {
		title := "Likelihood × impact, as found"
		if phase == assess.After {
			title = "Likelihood × impact, after planned measures"
		}
		r.d.heading(3, title)
		r.d.table(matrixTable(m, r.res.Risks, phase))
	}
}

func cellText(c *assess.RiskCell) string {
	if c == nil {
		return "not rated"
	}
	return fmt.Sprintf("%s (likelihood %s, impact %s)", c.Level, Inline(c.LikelihoodName), Inline(c.ImpactName))
}

func acceptText(rr assess.RiskResult) string {
	switch {
	case rr.Current == assess.SeverityNone:
		return "not rated"
	case rr.Acceptable:
		return "yes"
	}
	return "no"
}

// matrixTable draws the likelihood × impact grid with each risk's label in
// its cell; likelihood rows run from highest to lowest, as on a heat map.
func matrixTable(m *assess.RiskMatrix, risks []assess.RiskResult, phase assess.RiskPhase) ([]string, [][]string) {
	header := []string{"Likelihood \\\\ impact"}
	for _, imp := range m.Impact {
		header = append(header, Inline(imp))
	}
	var rows [][]string
	for l := len(m.Likelihood); l >= 1; l-- {
		cells := []string{Inline(m.Likelihood[l-1])}
		for i := 1; i <= len(m.Impact); i++ {
			var labels []string
			for n, rr := range risks {
				c := rr.Initial
				if phase == assess.After {
					c = rr.After
				}
				if c != nil && c.Likelihood == l && c.Impact == i {
					labels = append(labels, fmt.Sprintf("R%d", n+1))
				}
			}
			cell := m.Level(l, i).String()
			if len(labels) > 0 {
				cell += ": **" + strings.Join(labels, ", ") + "**"
			}
			cells = append(cells, cell)
		}
		rows = append(rows, cells)
	}
	return header, rows
}

func (r *reporter) coverage() {
	if r.opts.Catalog == nil {
		return
	}
	var summary [][]string
	type fwCov struct {
		fw  assess.Framework
		cov []assess.ControlCoverage
	}
	var all []fwCov
	touched := 0
	for _, fw := range r.q.Frameworks() {
		cov := assess.Coverage(r.q, r.res, r.opts.Catalog, fw)
		s := assess.SummarizeCoverage(fw, cov)
		touched += s.Touched
		summary = append(summary, []string{Inline(r.opts.Catalog.Title(fw)), strconv.Itoa(s.Touched), strconv.Itoa(s.Met), strconv.Itoa(s.Partial), strconv.Itoa(s.Gap), strconv.Itoa(s.Unanswered + s.NA)})
		all = append(all, fwCov{fw, cov})
	}
	if touched == 0 {
		return // no question maps to a control: a pre-screen
	}
	r.d.heading(2, "Framework coverage")
	r.d.table([]string{"Framework", "Controls touched", "Met", "Partly met", "Gap", "Not answered or N/A"}, summary)
	for _, fc := range all {
		if len(fc.cov) == 0 {
			continue
		}
		r.d.heading(3, Inline(r.opts.Catalog.Title(fc.fw)))
		var rows [][]string
		for _, c := range fc.cov {
			var qs []string
			for _, q := range c.Questions {
				qs = append(qs, Code(q.ID))
			}
			rows = append(rows, []string{Code(c.Control.ID), Inline(c.Control.Name), string(c.Status), strings.Join(qs, ", ")})
		}
		r.d.table([]string{"Control", "Name", "Status", "Questions"}, rows)
	}
}

func (r *reporter) findings() {
	r.d.heading(2, "Findings")
	if len(r.res.Findings) == 0 {
		r.d.para("No findings: no answer shows a gap.")
		return
	}
	for i, f := range r.res.Findings {
		kind := "gap"
		if f.Partial {
			kind = "partial gap"
		}
		r.d.heading(3, fmt.Sprintf("F%d. %s: %s", i+1, f.Severity.Title(), Code(f.QuestionID)))
		items := []string{
			"**Question:** " + Inline(f.Question),
			"**Section:** " + Inline(f.Section),
			"**Answer:** " + Inline(f.Answer) + " (" + kind + ")",
			"**Severity:** " + f.Severity.String() + severityWhy(f),
			"**Controls:** " + controlsText(f.Controls),
			"**Recommended action:** " + Inline(f.Action),
		}
		if f.Note != "" {
			items = append(items, "**Note:** "+Inline(f.Note))
		}
		if len(f.Evidence) > 0 {
			items = append(items, "**Evidence:** "+evidenceText(f.Evidence))
		}
		r.d.list(items...)
	}
}

func severityWhy(f assess.Finding) string {
	if len(f.SeverityWhy) == 0 {
		return ""
	}
	var parts []string
	for _, w := range f.SeverityWhy {
		parts = append(parts, Inline(w))
	}
	return " (" + strings.Join(parts, "; ") + ")"
}

func controlsText(c assess.Controls) string {
	var parts []string
	for _, fw := range c.Frameworks() {
		if ids := c[fw]; len(ids) > 0 {
			var codes []string
			for _, id := range ids {
				codes = append(codes, Code(id))
			}
			parts = append(parts, Inline(fw.Title())+" "+strings.Join(codes, ", "))
		}
	}
	if len(parts) == 0 {
		return "none mapped"
	}
	return strings.Join(parts, "; ")
}

func evidenceText(ev []string) string {
	var parts []string
	for _, e := range ev {
		parts = append(parts, Inline(e))
	}
	return strings.Join(parts, "; ")
}

func (r *reporter) plan() {
	r.d.heading(2, "Remediation plan")
	if len(r.e.Plan) == 0 {
		r.d.para("Nothing to remediate.")
		return
	}
	index := findingIndex(r.res.Findings)
	var rows [][]string
	for _, it := range r.e.Plan {
		owner := Inline(it.Owner)
		if owner == "" {
			owner = "unassigned"
		}
		due := it.Due.String()
		if it.DueReason != "" {
			due += " (moved from " + it.DefaultDue.String() + ": " + Inline(it.DueReason) + ")"
		}
		status := string(it.EffectiveStatus())
		if it.Reopened {
			status += " (risk acceptance expired)"
		}
		if it.Overdue(r.opts.Today) {
			status += ", **overdue**"
		}
		rows = append(rows, []string{fmt.Sprintf("F%d", index[it.Key()]), it.Finding.Severity.String(), Inline(it.Action), owner, due, status, assess.MilestonesText(it.Milestones, Inline)})
	}
	r.d.table([]string{"Finding", "Severity", "Action", "Owner", "Due", "Status", "Milestones"}, rows)
}

func findingIndex(fs []assess.Finding) map[string]int {
	out := map[string]int{}
	for i, f := range fs {
		out[f.Key] = i + 1
	}
	return out
}

func (r *reporter) accepted() {
	var rows [][]string
	index := findingIndex(r.res.Findings)
	for _, it := range r.e.Plan {
		if it.Status != assess.ItemAccepted || it.Acceptance == nil {
			continue
		}
		state := "in force"
		if it.Reopened {
			state = "expired: reopened"
		}
		a := it.Acceptance
		rows = append(rows, []string{fmt.Sprintf("F%d", index[it.Key()]), it.Finding.Severity.String(), Inline(a.Approver), Inline(a.Reason), a.Expires.String(), state})
	}
	r.d.heading(2, "Accepted risks")
	if len(rows) == 0 {
		r.d.para("No risks have been accepted.")
		return
	}
	r.d.table([]string{"Finding", "Severity", "Approved by", "Reason", "Expires", "State"}, rows)
}

func (r *reporter) appendix() {
	r.d.heading(2, "Appendix: every question and answer")
	for si, s := range r.q.Sections {
		r.d.heading(3, fmt.Sprintf("A%d. %s", si+1, Inline(Truncate(s.Title, 60))))
		var items []string
		for _, qq := range s.Questions {
			qr := r.res.Questions[qq.Index]
			a := r.a.Answers[qq.ID]
			answer := Inline(qr.Answer)
			if !qr.Answered {
				answer = "*unanswered*"
			}
			item := fmt.Sprintf("%s %s **Answer:** %s **Status:** %s.", Code(qq.ID), Inline(qq.Text), endSentence(answer), qr.Status)
			if qr.Dimension != "" && qr.Visible && qr.Status != assess.StatusNA {
				item += fmt.Sprintf(" **Points:** %s of %s.", qr.Points, qr.Max)
			}
			if a.Note != "" {
				item += " **Note:** " + Inline(a.Note)
			}
			if len(a.Evidence) > 0 {
				item += " **Evidence:** " + evidenceText(a.Evidence)
			}
			if a.Source == assess.ByVendor {
				reviewed := "not yet reviewed"
				if a.Reviewed {
					reviewed = "reviewed"
				}
				item += " **Source:** vendor, " + reviewed + "."
			}
			items = append(items, item)
		}
		r.d.numbered(items...)
	}
}

// endSentence ends text with a full stop unless it already ends with
// punctuation.
func endSentence(s string) string {
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}
