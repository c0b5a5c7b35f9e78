package main

import (
	"bufio"
	"context"
	"encoding/json"
	"strconv"

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
			l := &lister{db: db, f: assess.Filter{IncludeArchived: all}, out: bufio.NewWriterSize(a.stdout, 64<<10)}
			if err := l.judgeOn(a.ctx(cmd), day, asOf); err != nil {
				return err
			}
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
	cmd.Flags().StringVar(&asOf, "as-of", "", "count overdue items as of this day, YYYY-MM-DD (default today), or the later day the assessment's report is dated on")
	return cmd
}

// lister prints a list of assessments as the store streams it, through
// one buffer: nothing holds the portfolio, and a portfolio of 100,000
// is some hundred writes, not one and a half million.
type lister struct {
	db *store.DB
	f  assess.Filter
	// days judges each row on the day its report made now is dated, as
	// assay overdue and the workspace's home screen do
	// (assess.ReportDays).
	days *assess.ReportDays
	out  *bufio.Writer
}

// judgeOn reads what judges each row's overdue items on the day its
// report made now would be dated: day, its assessment date, the latest
// sign-off it shows, or, without --as-of, the newest acceptance of a risk
// given after today, which only an assessment with an accepted risk and
// a plan record after today can show (assess.ReportDays.JudgeRecorded:
// only those are loaded, a few, before the list streams). Counted on the
// day asked for, an item the report showed overdue was not counted here.
func (l *lister) judgeOn(ctx context.Context, day assess.Date, asOf string) error {
	days, err := assess.ReadReportDays(ctx, l.db, day, asOf != "")
	if err != nil {
		return err
	}
	if err := days.JudgeRecorded(ctx, l.db); err != nil {
		return err
	}
	l.days = days
	return nil
}

// openOn counts x's open and overdue items on the day it is judged on.
func (l *lister) openOn(x *assess.Assessment) (open, overdue int) {
	return x.Summary.OpenOn(l.days.On(x))
}

// listHeader names the table's columns; every one but the last is padded
// to its widest cell and two spaces, in terminal cells, as every table
// is (table.go).
var listHeader = listCells{"ID", "SUBJECT", "QUESTIONNAIRE", "STATUS", "PROGRESS", "LEVEL", "OPEN", "OVERDUE"}

type listCells [8]string

const archivedSuffix = " (archived)"

// forbiddenSuffix follows the status of an assessment whose answers
// describe a use the law forbids (assess.MustNotBeUsed).
const forbiddenSuffix = ", " + assess.MustNotBeUsed

// listStatus is x's status as the table shows it.
func listStatus(x *assess.Assessment) string {
	return statusCell(string(x.Status), x.Archive.Archived(), x.Summary.UseForbidden)
}

// statusCell is a status as the command line's tables show it (assay
// list, assay subject show), saying whether it is archived and whether
// the system must not be used.
func statusCell(status string, archived, useForbidden bool) string {
	if archived {
		status += archivedSuffix
	}
	if useForbidden {
		status += forbiddenSuffix
	}
	return status
}

func (l *lister) cells(x *assess.Assessment, q store.Label) listCells {
	open, overdue := l.openOn(x)
	status := listStatus(x)
	return listCells{strconv.FormatInt(x.ID, 10), safetext.OneLine(x.Subject), safetext.OneLine(q.ID), status,
		strconv.Itoa(x.Summary.Answered) + "/" + strconv.Itoa(x.Summary.Total), safetext.OneLine(listLevel(x.Summary)),
		strconv.Itoa(open), strconv.Itoa(overdue)}
}

// table prints the list aligned, each column as wide as its heading or
// the store's bound on its cells (store.ListWidths, in terminal cells:
// cellWidth measures the names not in ASCII), and two spaces: the
// bounds come before the first row, so each row is printed as it is read
// (text/tabwriter, which this replaced, needed every row in memory). A
// cell wider than its bound, which only a row damaged outside assay
// could hold, is followed by one space.
func (l *lister) table(ctx context.Context) error {
	var width [len(listHeader)]int
	measured := func(w store.ListWidths) error {
		for i, n := range []int{len(strconv.FormatInt(w.MaxID, 10)), w.Subject, w.Questionnaire, statusWidth(w), w.Progress,
			levelWidth(w), w.TotalDigits, 0} {
			width[i] = max(cellWidth(listHeader[i]), n)
		}
		return l.line(listHeader, width)
	}
	return l.db.EachAssessmentMeasured(ctx, l.f, subjectCells, measured, func(x *assess.Assessment, q store.Label) error {
		return l.line(l.cells(x, q), width)
	})
}

// statusWidth bounds the status column's cells (listStatus): the
// longest status with the words each kind of row adds to it.
func statusWidth(w store.ListWidths) int {
	n := w.Status
	for _, s := range []struct{ status, added int }{
		{w.ArchivedStatus, len(archivedSuffix)},
		{w.ForbiddenStatus, len(forbiddenSuffix)},
		{w.ArchivedForbiddenStatus, len(archivedSuffix) + len(forbiddenSuffix)},
	} {
		if s.status > 0 {
			n = max(n, s.status+s.added)
		}
	}
	return n
}

// levelWidth bounds the level column's cells.
func levelWidth(w store.ListWidths) int {
	if w.Unsettled {
		return max(w.Level, len(assess.NotRatedYet))
	}
	return max(w.Level, len("-"))
}

// subjectCells is the cells a subject name takes as a list shows it.
func subjectCells(name string) int { return cellWidth(safetext.OneLine(name)) }

// line writes one row of the table.
func (l *lister) line(c listCells, width [len(listHeader)]int) error {
	writeCells(l.out, c[:], width[:])
	return nil
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
	Unsettled     bool   `json:"level_unsettled,omitempty"` // the level is not rated yet: answers to come could change it
	UseForbidden  bool   `json:"use_forbidden,omitempty"`   // an answer describes a use the law forbids: the system must not be used
	Open          int    `json:"open_items"`
	Overdue       int    `json:"overdue_items"`
	AssessedOn    string `json:"assessed_on"`
}

// json prints the list as one JSON array, indented as writeJSON indents,
// one element at a time.
func (l *lister) json(ctx context.Context) error {
	n := 0
	err := l.db.EachAssessmentLabelled(ctx, l.f, func(x *assess.Assessment, q store.Label) error {
		open, overdue := l.openOn(x)
		b, err := json.MarshalIndent(listJSONRow{x.ID, x.UUID, x.Subject, q.ID, q.Version, string(x.Status), x.Archive.Archived(),
			x.Summary.Answered, x.Summary.Total, x.Summary.Level, x.Summary.LevelUnsettled, x.Summary.UseForbidden, open, overdue, x.AssessedOn.String()}, "  ", "  ")
		if err != nil {
			return err
		}
		if n == 0 {
			l.out.WriteString("[\n  ")
		} else {
			l.out.WriteString(",\n  ")
		}
		n++
		_, err = l.out.Write(safetext.EscapeJSON(dropNoncharacters(b)))
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

// listLevel is a listed assessment's level: a dash for none, "not rated
// yet" while answers to come could change it (assay score gives its
// range).
func listLevel(s assess.Summary) string {
	if s.Level == "" {
		return "-"
	}
	return s.Headline()
}
