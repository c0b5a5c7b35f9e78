package main

import (
	"bufio"
	"context"
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/store"
)

func (a *app) listCommand() *cobra.Command {
	var all, asJSON bool
	var asOf string
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List assessments with their progress, level and open items",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			day, err := today(asOf)
			if err != nil {
				return err
			}
			db, err := a.store()
			if err != nil {
				return err
			}
			l := &lister{db: db, f: assess.Filter{IncludeArchived: all}, day: day, out: bufio.NewWriterSize(a.stdout, 64<<10)}
			if asJSON {
				err = l.json(a.ctx(cmd))
			} else {
				err = l.table(a.ctx(cmd))
			}
			if err != nil {
				return err
			}
			return l.out.Flush()
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, "include archived assessments")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().StringVar(&asOf, "as-of", "", "count overdue items as of this day, YYYY-MM-DD (default today)")
	return cmd
}

// lister prints a list of assessments as the store streams it, through
// one buffer: nothing holds the portfolio, and a portfolio of 100,000
// is some hundred writes, not one and a half million.
type lister struct {
	db  *store.DB
	f   assess.Filter
	day assess.Date
	out *bufio.Writer
}

// listHeader names the table's columns; every one but the last is padded
// to its widest cell and two spaces, as text/tabwriter did.
var listHeader = listCells{"ID", "SUBJECT", "QUESTIONNAIRE", "STATUS", "PROGRESS", "LEVEL", "OPEN", "OVERDUE"}

type listCells [8]string

func (l *lister) cells(x *assess.Assessment) listCells {
	open, overdue := x.Summary.OpenOn(l.day)
	status := string(x.Status)
	if x.Archived {
		status += " (archived)"
	}
	return listCells{strconv.FormatInt(x.ID, 10), safetext.OneLine(x.Subject), x.Questionnaire.ID, status,
		strconv.Itoa(x.Summary.Answered) + "/" + strconv.Itoa(x.Summary.Total), levelOrDash(x.Summary.Level),
		strconv.Itoa(open), strconv.Itoa(overdue)}
}

// table prints the list aligned. Column widths need every row, so the
// list is read twice: once to measure, once to print. Another window's
// change between the two can only make a cell wider than its column;
// what is printed is the second reading, whole.
func (l *lister) table(ctx context.Context) error {
	var width [len(listHeader)]int
	measure := func(c listCells) {
		for i, s := range c {
			width[i] = max(width[i], utf8.RuneCountInString(s))
		}
	}
	measure(listHeader)
	err := l.db.EachAssessment(ctx, l.f, func(x *assess.Assessment) error {
		measure(l.cells(x))
		return nil
	})
	if err != nil {
		return err
	}
	line := func(c listCells) {
		for i, s := range c {
			l.out.WriteString(s)
			if i == len(c)-1 {
				break
			}
			for n := width[i] + 2 - utf8.RuneCountInString(s); n > 0; n-- {
				l.out.WriteByte(' ')
			}
		}
		l.out.WriteByte('\n')
	}
	line(listHeader)
	return l.db.EachAssessment(ctx, l.f, func(x *assess.Assessment) error {
		line(l.cells(x))
		return nil
	})
}

type listJSONRow struct {
	ID            int64  `json:"id"`
	UUID          string `json:"uuid"`
	Subject       string `json:"subject"`
	Questionnaire string `json:"questionnaire"`
	Version       string `json:"questionnaire_version"`
	Status        string `json:"status"`
	Archived      bool   `json:"archived"`
	Answered      int    `json:"answered"`
	Total         int    `json:"total"`
	Level         string `json:"level"`
	Open          int    `json:"open_items"`
	Overdue       int    `json:"overdue_items"`
	AssessedOn    string `json:"assessed_on"`
}

// json prints the list as one JSON array, indented as writeJSON indents,
// one element at a time.
func (l *lister) json(ctx context.Context) error {
	n := 0
	err := l.db.EachAssessment(ctx, l.f, func(x *assess.Assessment) error {
		open, overdue := x.Summary.OpenOn(l.day)
		b, err := json.MarshalIndent(listJSONRow{x.ID, x.UUID, x.Subject, x.Questionnaire.ID, x.Questionnaire.Version, string(x.Status), x.Archived,
			x.Summary.Answered, x.Summary.Total, x.Summary.Level, open, overdue, x.AssessedOn.String()}, "  ", "  ")
		if err != nil {
			return err
		}
		if n == 0 {
			l.out.WriteString("[\n  ")
		} else {
			l.out.WriteString(",\n  ")
		}
		n++
		_, err = l.out.Write(safetext.EscapeJSON(b))
		return err
	})
	if err != nil {
		return err
	}
	if n == 0 {
		_, err = l.out.WriteString("[]\n")
	} else {
		_, err = l.out.WriteString("\n]\n")
	}
	return err
}

func levelOrDash(l string) string {
	if l == "" {
		return "-"
	}
	return l
}
