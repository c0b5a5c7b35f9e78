package tui

import (
	"fmt"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// sortOrder is how the portfolio is ordered; s cycles through them.
type sortOrder int

const (
	sortRecent sortOrder = iota
	sortSubject
	sortLevel
	sortOverdue
	sortOrders
)

var sortNames = []string{"most recent", "subject", "level", "overdue items"}

// home is the portfolio: every assessment with its progress, level and
// open and overdue remediation items.
type home struct {
	sh           *shell
	items        []*assess.Assessment
	shown        []*assess.Assessment
	cursor       int
	filter       textinput.Model
	filtering    bool
	order        sortOrder
	showArchived bool
	loaded       bool
	err          string
	due          []assess.DueSubject
	mark         int64 // the assessment c marked for comparison; 0 for none
}

func newHome(sh *shell) *home {
	ti := textinput.New()
	ti.Prompt = "/"
	ti.Placeholder = "filter by subject, questionnaire, reviewer or status"
	ti.CharLimit = 200
	return &home{sh: sh, filter: ti}
}

func (h *home) Title() string   { return "Assessments" }
func (h *home) Capturing() bool { return h.filtering }
func (h *home) KeyMap() keyMap {
	if h.filtering {
		return keyMap{short: []key.Binding{bind("enter", "keep filter", "enter"), bind("esc", "clear filter", "esc")}, full: [][]key.Binding{{bind("enter", "keep filter", "enter"), bind("esc", "clear filter", "esc")}}}
	}
	return homeKeyMap.keyMap()
}

func (h *home) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case listLoadedMsg:
		h.loaded = true
		if msg.err != nil {
			h.err = clean(msg.err.Error())
			return h, nil
		}
		h.err = ""
		h.items = msg.items
		h.refilter()
		return h, nil
	case diffLoadedMsg:
		if msg.err != nil {
			h.err = clean(msg.err.Error())
			return h, nil
		}
		return newDiff(h.sh, msg.d), nil
	case dueLoadedMsg:
		if msg.err == nil {
			h.due = msg.due
		}
		return h, nil
	case archivedMsg:
		if msg.err != nil {
			h.err = clean(msg.err.Error())
		}
		return h, h.sh.saves.afterWrites(loadList(h.sh.deps, h.showArchived))
	case tea.KeyPressMsg:
		if h.filtering {
			return h.filterKey(msg)
		}
		return h.key(msg)
	}
	return h, nil
}

func (h *home) filterKey(msg tea.KeyPressMsg) (screen, tea.Cmd) {
	switch msg.String() {
	case "enter":
		h.filtering = false
		h.filter.Blur()
		return h, nil
	case "esc":
		h.filtering = false
		h.filter.Blur()
		h.filter.SetValue("")
		h.refilter()
		return h, nil
	}
	var cmd tea.Cmd
	h.filter, cmd = h.filter.Update(msg)
	h.refilter()
	return h, cmd
}

func (h *home) key(msg tea.KeyPressMsg) (screen, tea.Cmd) {
	k := homeKeyMap
	switch {
	case key.Matches(msg, k.Up):
		h.cursor = max(h.cursor-1, 0)
	case key.Matches(msg, k.Down):
		h.cursor = min(h.cursor+1, max(len(h.shown)-1, 0))
	case key.Matches(msg, k.Filter):
		h.filtering = true
		return h, h.filter.Focus()
	case key.Matches(msg, k.Sort):
		h.order = (h.order + 1) % sortOrders
		h.refilter()
	case key.Matches(msg, k.New):
		return newCreate(h.sh, "", "")
	case key.Matches(msg, k.ShowArchived):
		h.showArchived = !h.showArchived
		return h, h.sh.saves.afterWrites(loadList(h.sh.deps, h.showArchived))
	case key.Matches(msg, k.Refresh):
		return h, h.sh.saves.afterWrites(loadList(h.sh.deps, h.showArchived))
	case key.Matches(msg, global.Back):
		h.mark = 0
		if h.filter.Value() != "" {
			h.filter.SetValue("")
			h.refilter()
		}
	}
	a := h.selected()
	if a == nil {
		return h, nil
	}
	if cmd, ok := h.compareKey(msg, a); ok {
		return h, cmd
	}
	switch {
	case key.Matches(msg, k.Open):
		return h, h.sh.openAssessment(a.ID, viewInterview)
	case key.Matches(msg, k.Review):
		return h, h.sh.openAssessment(a.ID, viewReview)
	case key.Matches(msg, k.Plan):
		return h, h.sh.openAssessment(a.ID, viewPlan)
	case key.Matches(msg, k.Report):
		return h, h.sh.openAssessment(a.ID, viewReport)
	case key.Matches(msg, k.Archive):
		return h, setArchived(h.sh.deps, a.ID, !a.Archived)
	}
	return h, nil
}

func (h *home) selected() *assess.Assessment {
	if h.cursor < 0 || h.cursor >= len(h.shown) {
		return nil
	}
	return h.shown[h.cursor]
}

// refilter applies the filter and the sort order, keeping the cursor on
// the same assessment when it is still shown.
func (h *home) refilter() {
	var keep int64
	if a := h.selected(); a != nil {
		keep = a.ID
	}
	needle := strings.ToLower(strings.TrimSpace(h.filter.Value()))
	h.shown = h.shown[:0]
	for _, a := range h.items {
		if needle == "" || strings.Contains(strings.ToLower(searchText(a)), needle) {
			h.shown = append(h.shown, a)
		}
	}
	today := h.sh.deps.Today()
	sort.SliceStable(h.shown, func(i, j int) bool {
		x, y := h.shown[i], h.shown[j]
		switch h.order {
		case sortSubject:
			return strings.ToLower(x.Subject) < strings.ToLower(y.Subject)
		case sortLevel:
			return levelFraction(x.Summary) > levelFraction(y.Summary)
		case sortOverdue:
			_, ox := x.Summary.OpenOn(today)
			_, oy := y.Summary.OpenOn(today)
			return ox > oy
		}
		return false // as loaded: most recently changed first
	})
	h.cursor = 0
	for i, a := range h.shown {
		if a.ID == keep {
			h.cursor = i
		}
	}
}

// levelFraction places a level on a common scale so that levels of
// different questionnaires sort together; no level sorts last.
func levelFraction(s assess.Summary) float64 {
	if s.LevelRank < 0 || s.LevelOf <= 1 {
		return -1
	}
	return float64(s.LevelRank) / float64(s.LevelOf-1)
}

func searchText(a *assess.Assessment) string {
	parts := []string{a.Subject, a.SubjectKind, a.Reviewer, string(a.Status), a.Summary.Level}
	if a.Questionnaire != nil {
		parts = append(parts, a.Questionnaire.ID, a.Questionnaire.Title)
	}
	return strings.Join(parts, " ")
}

func (h *home) View(width, height int) string {
	st := h.sh.st
	var b strings.Builder
	top := st.muted.Render(fmt.Sprintf("%d of %d · sorted by %s", len(h.shown), len(h.items), sortNames[h.order]))
	if h.showArchived {
		top += st.muted.Render(" · archived shown")
	}
	if h.filtering || h.filter.Value() != "" {
		top = h.filter.View() + "  " + top
	}
	b.WriteString(fit(top, width) + "\n")
	if line := h.dueLine(); line != "" {
		b.WriteString(st.warn.Render(fit(line, width)) + "\n")
		height--
	}
	if line := h.markLine(); line != "" {
		b.WriteString(st.selected.Render(fit(line, width)) + "\n")
		height--
	}
	if h.err != "" {
		b.WriteString(st.error.Render(fit(h.err, width)) + "\n")
	}
	if !h.loaded {
		b.WriteString(st.muted.Render("Loading…"))
		return b.String()
	}
	if len(h.items) == 0 {
		b.WriteString("\n" + st.bold.Render("No assessments yet.") + "\n\n")
		b.WriteString("Press " + st.key.Render("n") + " to start one: pick a questionnaire (or the pre-screen,\n")
		b.WriteString("which proposes the assessments a project needs), name the subject, and\n")
		b.WriteString("answer the questions. Every answer is saved the moment you give it.\n")
		return b.String()
	}
	cols := homeColumns(width)
	b.WriteString(st.muted.Render(cols.header()) + "\n")
	rows := max(height-3, 1)
	start := 0
	if h.cursor >= rows {
		start = h.cursor - rows + 1
	}
	today := h.sh.deps.Today()
	for i := start; i < len(h.shown) && i < start+rows; i++ {
		line := cols.row(st, h.shown[i], today)
		if h.shown[i].ID == h.mark && i != h.cursor {
			line = st.selected.Render("⇄ ") + line
		} else {
			line = listRow(st, line, i == h.cursor)
		}
		b.WriteString(fit(line, width) + "\n")
	}
	if len(h.shown) == 0 {
		b.WriteString(st.muted.Render("Nothing matches the filter; esc clears it."))
	}
	return b.String()
}

// dueLine reminds of the subjects whose reassessment is due or overdue.
func (h *home) dueLine() string {
	var parts []string
	for _, d := range h.due {
		switch d.State {
		case assess.DueOverdue:
			parts = append(parts, fmt.Sprintf("%s overdue since %s", clean(d.Subject.Name), d.Due))
		case assess.DueSoon:
			parts = append(parts, fmt.Sprintf("%s due %s", clean(d.Subject.Name), d.Due))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "Reassessment: " + strings.Join(parts, "; ")
}
