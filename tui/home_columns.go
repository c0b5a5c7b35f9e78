package tui

import (
	"fmt"
	"strings"

	"github.com/assay-dev/assay/assess"
)

// columns are the portfolio's column widths for a terminal width; the ID
// column is as wide as the widest ID, and the subject and questionnaire
// share what is left after the fixed columns.
type columns struct{ id, subject, questionnaire, status, progress, level, open int }

func homeColumns(width, idWidth int) columns {
	c := columns{id: idWidth, status: 9, progress: 9, level: 9, open: 9}
	rest := width - 2 - c.id - c.status - c.progress - c.level - c.open - 6
	c.subject = max(rest*55/100, 8)
	c.questionnaire = max(rest-c.subject, 8)
	return c
}

func (c columns) header() string {
	return "  " + strings.Join([]string{
		pad("ID", c.id), pad("Subject", c.subject), pad("Questionnaire", c.questionnaire),
		pad("Status", c.status), pad("Progress", c.progress), pad("Level", c.level), pad("Open/late", c.open),
	}, " ")
}

func (c columns) row(st styles, a *assess.Assessment, r portfolioRow) string {
	s := a.Summary
	qname := ""
	if a.Questionnaire != nil {
		qname = a.Questionnaire.Title
	}
	status := string(a.Status)
	if a.Archived {
		status = "archived"
	}
	progress := fmt.Sprintf("%d/%d", s.Answered, s.Total)
	level := "-"
	if s.Level != "" {
		level = s.Level
	}
	open, overdue := r.open, r.overdue
	openText := fmt.Sprintf("%d", open)
	if overdue > 0 {
		openText = fmt.Sprintf("%d/%d late", open, overdue)
	}
	overdueStyle := st.muted
	if overdue > 0 {
		overdueStyle = st.bad
	}
	return strings.Join([]string{
		pad(fmt.Sprint(a.ID), c.id), pad(clean(a.Subject), c.subject), pad(clean(qname), c.questionnaire),
		pad(status, c.status), pad(progress, c.progress),
		st.rank(s.LevelRank, s.LevelOf).Render(pad(clean(level), c.level)), overdueStyle.Render(pad(openText, c.open)),
	}, " ")
}
