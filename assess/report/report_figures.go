package report

import (
	"fmt"
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/assess/safetext"
)

// tone is the colour a severity is drawn in.
func tone(s assess.Severity) document.Tone {
	switch s {
	case assess.Low:
		return document.Good
	case assess.Medium:
		return document.Caution
	case assess.High:
		return document.Warning
	case assess.Critical:
		return document.Danger
	}
	return document.Neutral
}

// riskMapFigure draws a likelihood × impact map in one phase as a coloured
// grid; Markdown shows it as a table.
func riskMapFigure(title string, m *assess.RiskMatrix, risks []assess.RiskResult, phase assess.RiskPhase) *document.Figure {
	grid := make([][]document.MapCell, len(m.Likelihood))
	for l := range grid {
		grid[l] = make([]document.MapCell, len(m.Impact))
		for i := range grid[l] {
			level := m.Level(l+1, i+1)
			grid[l][i] = document.MapCell{Level: level.String(), Tone: tone(level), Risks: risksAt(risks, phase, l+1, i+1)}
		}
	}
	return &document.Figure{
		Caption:  title + ": each cell in its level's colour, with the risks of the register rated there",
		Drawing:  document.RiskMap(oneLines(m.Likelihood), oneLines(m.Impact), grid),
		Fallback: matrixTable(m, risks, phase),
	}
}

func oneLines(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = safetext.OneLine(s)
	}
	return out
}

// severityFigure counts the findings by severity, most severe first.
func severityFigure(fs []assess.Finding) *document.Figure {
	n := map[assess.Severity]int{}
	for _, f := range fs {
		n[f.Severity]++
	}
	var counts []document.Count
	for _, s := range assess.Severities {
		counts = append(counts, document.Count{Name: s.Title(), Tone: tone(s), N: n[s]})
	}
	return &document.Figure{Caption: "Findings by severity", Drawing: document.CountBars(counts)}
}

// timelineFigure draws the plan's due dates from the assessment date, with
// the report date marked: what falls due when, and what is already late.
func (r *reporter) timelineFigure() *document.Figure {
	start := r.a.AssessedOn
	labels := r.e.FindingLabels()
	var dues []document.Due
	at := map[string]int{}
	for _, it := range r.e.Plan { // sorted by due date
		day := it.Due.String()
		i, ok := at[day]
		if !ok {
			i = len(dues)
			at[day] = i
			dues = append(dues, document.Due{Day: start.DaysUntil(it.Due), Date: day})
		}
		u := &dues[i]
		switch {
		case !it.Closed():
			u.Items = append(u.Items, labels[it.Key()])
		case it.Status == assess.ItemAccepted:
			u.Closed = append(u.Closed, labels[it.Key()]+" risk accepted")
		default:
			u.Closed = append(u.Closed, labels[it.Key()]+" done")
		}
		if !it.Closed() && tone(it.Finding.Severity) > u.Tone {
			u.Tone = tone(it.Finding.Severity)
		}
		if it.Overdue(r.opts.Today) {
			u.Overdue = true
		}
	}
	caption := "Remediation plan: due dates from the assessment date; the line marks the report date"
	if n := len(dues) - document.TimelineMaxRows; n > 0 {
		caption += fmt.Sprintf(" (the first %d dates)", document.TimelineMaxRows)
	}
	return &document.Figure{
		Caption: strings.TrimSpace(caption),
		Drawing: document.Timeline(start.String(), start.DaysUntil(r.opts.Today), r.opts.Today.String(), dues),
	}
}
