package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// Messages that carry the results of store calls back into Update.
type (
	listLoadedMsg struct {
		items []*assess.Assessment
		err   error
	}
	assessmentLoadedMsg struct {
		a    *assess.Assessment
		err  error
		open view // which view of it to show
		req  int  // the request it answers (shell.loads)
	}
	createdMsg struct {
		a   *assess.Assessment
		err error
	}
	archivedMsg  struct{ err error }
	dueLoadedMsg struct {
		due []assess.DueSubject
		err error
	}
	exportedMsg struct {
		path string
		err  error
	}
)

func loadList(d Deps, includeArchived bool) tea.Cmd {
	return func() tea.Msg {
		items, err := d.Repo.Assessments(d.ctx(), assess.Filter{IncludeArchived: includeArchived})
		return listLoadedMsg{items: items, err: err}
	}
}

func loadAssessment(d Deps, id int64, open view, req int) tea.Cmd {
	return func() tea.Msg {
		a, err := d.Repo.Assessment(d.ctx(), id)
		return assessmentLoadedMsg{a: a, err: err, open: open, req: req}
	}
}

func createAssessment(d Deps, a *assess.Assessment) tea.Cmd {
	return func() tea.Msg {
		err := d.Repo.CreateAssessment(d.ctx(), a)
		return createdMsg{a: a, err: err}
	}
}

func setArchived(d Deps, id int64, archived bool) tea.Cmd {
	return func() tea.Msg {
		return archivedMsg{err: d.Repo.SetArchived(d.ctx(), id, archived)}
	}
}

func exportReport(d Deps, path string, content []byte) tea.Cmd {
	return func() tea.Msg {
		return exportedMsg{path: path, err: d.WriteFile(path, content)}
	}
}

func loadDue(d Deps) tea.Cmd {
	if d.Due == nil {
		return nil
	}
	return func() tea.Msg {
		due, err := d.Due(d.ctx(), d.Today())
		return dueLoadedMsg{due: due, err: err}
	}
}

// loadHome loads the portfolio, then the subjects due for reassessment:
// one after the other, the list first. Both need the store's single
// connection, so run together the list could wait for the reminders (a
// read of every subject's history) before the first frame shows a row.
func loadHome(d Deps) tea.Cmd {
	return tea.Sequence(loadList(d, false), loadDue(d))
}
