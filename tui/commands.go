package tui

import (
	"context"
	"errors"
	"io/fs"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// Messages that carry the results of store calls back into Update.
type (
	listLoadedMsg struct {
		p   *portfolio
		err error
		// daysErr says the overdue counts are on today, not on each
		// report's date, and why (judgedDays).
		daysErr error
		request int64 // the load it answers (newListRequest)
	}
	assessmentLoadedMsg struct {
		a      *assess.Assessment
		stamps assess.PlanStamps // of its accepted items (acceptedStamps)
		// stampsErr says why they were not read: it opens judged
		// without them (undatedWords).
		stampsErr error
		err       error
		open      view // which view of it to show
		req       int  // the request it answers (shell.loads)
	}
	createdMsg struct {
		a        *assess.Assessment
		err      error
		carryErr error  // the answers carried from a pre-screen were not saved
		note     string // the questionnaire's label also names other content (assess.SameVersionNote)
	}
	archivedMsg struct {
		id       int64
		where    string // the assessment in words, for quitting to say: "#3 Acme Cloud Ltd"
		archived bool   // archived, or restored
		err      error
	}
	dueLoadedMsg struct {
		due []assess.DueSubject
		err error
	}
	exportedMsg struct {
		path   string
		err    error
		exists bool // a file is there and was not replaced: ask
		// recorded says the file was made from the store's copy, not the
		// screen's
		recorded bool
	}
)

// firstPage is how many assessments the home screen reads before it
// shows anything: more rows than a terminal is tall.
const firstPage = 200

var listRequests atomic.Int64

// newListRequest numbers a list load, in the order they are asked for,
// so that the home screen can tell the answer to its last request from a
// late answer to an earlier one.
func newListRequest() int64 { return listRequests.Add(1) }

// loadPortfolio reads the whole list (the archived too, or not) and works
// out what the home screen shows, sorts and filters on, off the update
// loop.
func loadPortfolio(d Deps, includeArchived bool, request int64) tea.Cmd {
	return loadList(d, assess.Filter{IncludeArchived: includeArchived}, request)
}

// loadList reads the list f asks for. Each read has a write's deadline
// (withinDeadline): a team server that accepts and never answers held
// the list's "refreshing…", and every read of others' changes after it,
// for as long, and nothing said the list shown was no longer the store's.
func loadList(d Deps, f assess.Filter, request int64) tea.Cmd {
	return func() tea.Msg {
		items, err := withinDeadline(d, func(ctx context.Context) ([]*assess.Assessment, error) { return d.Repo.Assessments(ctx, f) })
		if err != nil {
			return listLoadedMsg{err: err, request: request}
		}
		complete := f.Limit == 0 || len(items) < f.Limit
		judged, daysErr := judgedDays(d, f)
		p := newPortfolio(items, judged, complete)
		p.withArchived = f.IncludeArchived
		if len(items) == 0 && !f.IncludeArchived {
			// An empty list reads "no assessments yet" only when there are
			// none: archived ones are said to be there.
			if any, err := withinDeadline(d, func(ctx context.Context) ([]*assess.Assessment, error) {
				return d.Repo.Assessments(ctx, assess.Filter{IncludeArchived: true, Limit: 1})
			}); err == nil {
				p.archivedOnly = len(any) > 0
			}
		}
		return listLoadedMsg{p: p, daysErr: daysErr, request: request}
	}
}

// loadAssessment reads assessment id to open it, and the days its risks
// were accepted on, each within a write's deadline (withinDeadline): a
// server that accepts and never answers left the screen on its way for
// as long. Those days not read, it opens judged without them, and says
// so (assessmentLoadedMsg.stampsErr).
func loadAssessment(d Deps, id int64, open view, req int) tea.Cmd {
	return func() tea.Msg {
		a, err := withinDeadline(d, func(ctx context.Context) (*assess.Assessment, error) { return d.Repo.Assessment(ctx, id) })
		if err != nil {
			return assessmentLoadedMsg{err: err, open: open, req: req}
		}
		stamps, stampsErr := acceptedStamps(d, assess.Evaluate(a, d.today()))
		return assessmentLoadedMsg{a: a, stamps: stamps, stampsErr: stampsErr, open: open, req: req}
	}
}

// createAssessment stores a new assessment, then the answers it starts
// with (from a pre-screen), all or none. Each call has a write's
// deadline (withinDeadline): a server that accepts and never answers
// left the form creating, and quitting waiting, for as long. One given
// up is not known to have failed (the server may have recorded it), and
// is said so (create.go).
func createAssessment(d Deps, a *assess.Assessment, carried []assess.Answer) tea.Cmd {
	return func() tea.Msg {
		// The store sets a's ID as it creates it: a creation given up
		// may still do so, so the store is given a copy, and a is
		// returned only once it answered.
		made := *a
		if _, err := withinDeadline(d, func(ctx context.Context) (struct{}, error) { return struct{}{}, d.Repo.CreateAssessment(ctx, &made) }); err != nil {
			return createdMsg{a: a, err: err}
		}
		var carryErr error
		if len(carried) > 0 {
			_, carryErr = withinDeadline(d, func(ctx context.Context) (struct{}, error) {
				return struct{}{}, d.Repo.SaveAnswers(ctx, made.ID, carried)
			})
		}
		var note string
		if others, err := withinDeadline(d, func(ctx context.Context) ([]int64, error) {
			return d.Repo.StartedWithOtherContent(ctx, made.Questionnaire)
		}); err == nil {
			note = assess.SameVersionShort(made.Questionnaire, others)
		}
		return createdMsg{a: &made, carryErr: carryErr, note: note}
	}
}

// setArchived archives (or restores) assessment id, named where ("#3
// Acme Cloud Ltd"), within a write's deadline (withinDeadline), as
// createAssessment creates: quitting waits for it (saver.archiving).
func setArchived(d Deps, id int64, where string, archived bool) tea.Cmd {
	return func() tea.Msg {
		_, err := withinDeadline(d, func(ctx context.Context) (struct{}, error) { return struct{}{}, d.Repo.SetArchived(ctx, id, archived) })
		return archivedMsg{id: id, where: where, archived: archived, err: err}
	}
}

// exportReport writes an export, replacing a file at path only when
// the person said so; otherwise a file there comes back as exists.
// stillWriting is what e says while the last export to path has not
// answered (a PDF being laid out, a report waiting for the writes queued
// before it): a second file name prompt opened then had the first's
// question whether to replace its file put over it, and the name being
// typed answered it (the y of "yearly.pdf" replaced the first file).
func stillWriting(path string) string {
	return "The export to " + clean(path) + " is still being written; e asks for another file once it is done."
}

func exportReport(d Deps, path string, content []byte, replace bool) tea.Cmd {
	return func() tea.Msg {
		write := d.WriteFile
		if !replace && d.CreateFile != nil {
			write = d.CreateFile
		}
		err := write(path, content)
		if errors.Is(err, fs.ErrExist) {
			return exportedMsg{path: path, exists: true}
		}
		return exportedMsg{path: path, err: err}
	}
}

// loadDue reads the subjects due for reassessment, within a write's
// deadline as the list is (loadList).
func loadDue(d Deps) tea.Cmd {
	if d.Due == nil {
		return nil
	}
	return func() tea.Msg {
		due, err := withinDeadline(d, func(ctx context.Context) ([]assess.DueSubject, error) { return d.Due(ctx, d.Today()) })
		return dueLoadedMsg{due: due, err: err}
	}
}

// loadHome loads the first page of the portfolio, then the whole of it,
// then the subjects due for reassessment: one after the other, as they
// share the store's one connection, so that the first frame waits for a
// page, not for the portfolio, and the portfolio not for the reminders
// (a read of every subject's history).
func loadHome(d Deps) tea.Cmd {
	request := newListRequest()
	page := loadList(d, assess.Filter{Limit: firstPage}, request)
	return tea.Sequence(page, loadPortfolio(d, false, request), loadDue(d))
}
