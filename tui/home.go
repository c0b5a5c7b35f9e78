package tui

import (
	"fmt"
	"github.com/charmbracelet/x/ansi"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

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
// open and overdue remediation items. The first page shows as soon as it
// is read; the rest follows (loadHome). Everything a key needs is worked
// out when a list or the reminders arrive, never per key or per frame.
type home struct {
	sh           *shell
	p            *portfolio // nil until the first page is in
	shown        []int32    // indices into p.items: the filter's matches, in order
	nav          listNav
	filter       textinput.Model
	filtering    bool
	order        sortOrder
	showArchived bool
	request      int64  // the latest list load heard of: earlier ones' answers are late (newListRequest)
	loading      bool   // a list is being read
	stale        bool   // others changed the portfolio while it was: read it again
	err          string // what the last key said went wrong
	listErr      string // why the last list load failed; the next good one clears it
	daysErr      string // the overdue counts are on today: the report dates were not read (judgedDays)
	dueErr       string // the subjects due were not read again in time: the reminder is as last read
	dueLine      string // the reassessment reminder, built when the subjects due arrive
	dueCounted   string // the same led by how many are due, for a terminal too narrow for all of it
	archiveSaid  string // what archiving or restoring said on the status line; the next key clears it
	mark         int64  // the assessment c marked for comparison; 0 for none
	markSubject  string
	found        filterMemo
	drawn        drawnRows
	waiting      typedKeys // typed before the list they act on came (home_waiting.go)

	// gone: the cursor's assessment went from a list read again, unseen
	// (home_gone.go); archivedHere: the one this window archived last,
	// whose row going is no surprise.
	gone         *goneRow
	archivedHere int64
}

// drawnRows keeps the rows drawn for one portfolio, width and palette:
// a key that moves the cursor draws the screen from them, and only rows
// not drawn yet are laid out cell by cell.
type drawnRows struct {
	p     *portfolio
	width int
	dark  bool // the palette: styles follow the terminal's background
	lines map[int32]string
}

// maxDrawn bounds the rows kept: a screenful is some fifty.
const maxDrawn = 4096

func (d *drawnRows) line(sh *shell, p *portfolio, cols columns, width int, x int32) string {
	if d.p != p || d.width != width || d.dark != sh.dark || len(d.lines) >= maxDrawn {
		*d = drawnRows{p: p, width: width, dark: sh.dark, lines: map[int32]string{}}
	}
	line, ok := d.lines[x]
	if !ok {
		line = cols.row(sh.st, p.items[x], p.rows[x])
		d.lines[x] = line
	}
	return line
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
		return filteringKeyMap
	}
	if h.sh.deps.readOnly() != "" {
		return homeKeyMap.keyMap().without(homeKeyMap.writes()...)
	}
	return homeKeyMap.keyMap()
}

// load asks for the list again (archived shown or not) and keeps showing
// the one there is until it arrives.
func (h *home) load() tea.Cmd {
	h.request = newListRequest()
	h.loading = true
	return h.sh.saves.afterWrites(loadPortfolio(h.sh.deps, h.showArchived, h.request))
}

// loadFirst reads the portfolio as the workspace opens (loadHome): the
// keys typed before its first page is in wait for it.
func (h *home) loadFirst() tea.Cmd {
	h.loading = true
	return loadHome(h.sh.deps)
}

// loadWithDue is load, then the subjects due for reassessment: ctrl+r and
// others' changes read the reminders again too, so that a subject
// reassessed since the workspace opened is no longer named as overdue.
func (h *home) loadWithDue() tea.Cmd {
	h.request = newListRequest()
	h.loading = true
	return h.sh.saves.afterWrites(tea.Sequence(loadPortfolio(h.sh.deps, h.showArchived, h.request), loadDue(h.sh.deps)))
}

// returned is the home screen shown again as it was left: what the last
// key said went with it, and the portfolio is read again (with the
// reminders, as the subjects due may have changed meanwhile) while the
// list as it was shows.
func (h *home) returned() tea.Cmd {
	h.err = ""
	return h.loadWithDue()
}

func (h *home) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case listLoadedMsg:
		if msg.request < h.request {
			return h, nil // an answer to a list asked for before the last one
		}
		h.request = msg.request
		if msg.err != nil {
			h.loading = false
			h.listErr = h.notRead(msg.err)
			return h, nil
		}
		h.listErr = "" // a key's message stays: the load may land after the key
		h.sh.listReadAgain()
		if msg.p.complete {
			// The first page is counted on today anyway; the whole
			// portfolio says whether its report dates were read.
			h.daysErr = ""
			if msg.daysErr != nil {
				h.daysErr = said(msg.daysErr)
			}
		}
		h.loading = !msg.p.complete
		h.takeList(msg.p)
		who := h.readGoneArchivedBy()
		if !h.loading && h.stale {
			h.stale = false
			return h, tea.Batch(who, h.loadWithDue())
		}
		return h, who
	case trailLoadedMsg:
		return h.trailLoaded(msg)
	case diffLoadedMsg:
		if msg.err != nil {
			h.err = said(msg.err)
			if unanswered(msg.err) {
				h.err = "The comparison was not read: " + h.err + "."
			}
			return h, nil
		}
		return newDiff(h.sh, msg.d), nil
	case dueLoadedMsg:
		h.dueErr = ""
		switch {
		case msg.err == nil:
			h.dueLine, h.dueCounted = dueLines(msg.due)
		case unanswered(msg.err):
			// The reminder shown stays, as last read: said so.
			h.dueErr = "The subjects due for reassessment were not read again: " + said(msg.err) + "; ctrl+r reads them again."
		}
		return h, nil
	case archivedMsg:
		switch {
		case outcomeNotKnown(msg.err):
			// The server may have recorded it after the wait ended: the
			// row stays as last read, and the list read again says.
			done := "restored"
			if msg.archived {
				done = "archived"
			}
			h.err = fmt.Sprintf("Not known whether #%d was %s: %s. ctrl+r reads the list again and shows whether it was.", msg.id, done, notKnownWhy(msg.err))
		case msg.err != nil:
			h.err = said(msg.err)
			h.archivedHere = 0 // not archived: should it go later, it went elsewhere
		case msg.archived:
			// The row goes from the list: say where it went.
			h.archiveSaid = fmt.Sprintf("#%d archived: A shows archived assessments, and a restores one", msg.id)
		default:
			h.archiveSaid = fmt.Sprintf("#%d restored", msg.id)
		}
		if h.archiveSaid != "" {
			h.sh.flash = h.archiveSaid
		}
		return h, h.load()
	case tea.PasteMsg:
		if !h.filtering {
			return h, nil
		}
		var cmd tea.Cmd
		h.filter, cmd = pasteInto(h.filter, msg)
		h.refilter()
		return h, cmd
	case tea.KeyPressMsg:
		if h.waitsForList(msg) {
			h.wait(msg)
			return h, nil
		}
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
	h.err = "" // what the last key said; this one says its own
	if h.archiveSaid != "" && h.sh.flash == h.archiveSaid {
		h.sh.flash = ""
	}
	h.archiveSaid = ""
	if h.nav.key(msg, len(h.shown)) {
		h.gone = nil // the person chose the row now under the cursor
		return h, nil
	}
	switch {
	case key.Matches(msg, k.Filter):
		h.filtering = true
		h.filter.SetStyles(h.sh.st.inputStyles())
		return h, h.filter.Focus()
	case key.Matches(msg, k.Sort):
		h.order = (h.order + 1) % sortOrders
		h.refilter()
	case key.Matches(msg, k.New):
		if r := h.sh.deps.refuse(); r != "" {
			h.sh.flash = "no new assessment: " + r
			return h, nil
		}
		return newCreate(h.sh, createFor{})
	case key.Matches(msg, k.ShowArchived):
		h.showArchived = !h.showArchived
		return h, h.load()
	case key.Matches(msg, k.Refresh):
		return h, h.loadWithDue()
	case key.Matches(msg, global.Back):
		h.mark, h.markSubject = 0, ""
		h.gone = nil
		if h.filter.Value() != "" {
			h.filter.SetValue("")
			h.refilter()
		}
	}
	a := h.selected()
	if a == nil || h.refuseUnseen(msg, a) {
		return h, nil
	}
	if cmd, ok := h.compareKey(msg, a); ok {
		return h, cmd
	}
	if cmd, ok := h.trailKey(msg, a); ok {
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
		if !a.Archive.Archived() {
			h.archivedHere = a.ID
		}
		// Quitting waits for it, and says what became of it (saver).
		h.sh.saves.archiving = append(h.sh.saves.archiving, archivingWhat(rowName(a), !a.Archive.Archived()))
		return h, setArchived(h.sh.deps, a.ID, rowName(a), !a.Archive.Archived())
	}
	return h, nil
}

func (h *home) selected() *assess.Assessment {
	if h.p == nil || h.nav.cursor < 0 || h.nav.cursor >= len(h.shown) {
		return nil
	}
	return h.p.items[h.shown[h.nav.cursor]]
}

// refilter applies the filter and the sort order, keeping the cursor on
// the same assessment when it is still shown.
func (h *home) refilter() { h.refilterKeeping(h.selectedID()) }

// selectedID is the ID of the assessment under the cursor, 0 for none.
func (h *home) selectedID() int64 {
	if a := h.selected(); a != nil {
		return a.ID
	}
	return 0
}

// refilterKeeping applies the filter and the sort order, keeping the
// cursor on the assessment keep when it is still shown; it reports
// whether it is (else the cursor is on the first row).
func (h *home) refilterKeeping(keep int64) bool {
	if h.p == nil {
		return false
	}
	needle := strings.ToLower(strings.TrimSpace(h.filter.Value()))
	h.shown = h.found.filter(h.p, h.order, needle)
	h.nav.cursor = 0
	if keep != 0 {
		for i, x := range h.shown {
			if h.p.items[x].ID == keep {
				h.nav.cursor = i
				return true
			}
		}
	}
	return false
}

func (h *home) View(width, height int) string {
	var t rankedText
	h.draw(&t, width, height)
	return t.fit(height)
}

// layOut fits the list's window to the rows View gives it at width ×
// height (layout.go): the first row shown and the page a page key moves
// by. What is said above the list (the reminders, a comparison marked,
// why a read failed) takes rows from it, so it is drawn to be counted.
func (h *home) layOut(width, height int) {
	var b rankedText
	if above, listed := h.drawAbove(&b, width); listed {
		h.nav = h.nav.fitted(len(h.shown), homeListRows(height, above))
	}
}

// homeListRows is how many rows the list shows in height lines, above of
// them taken by what is said over it: the count line and the columns'
// heading take two more, and one is left below the last row.
func homeListRows(height, above int) int { return height - above - 3 }

// draw writes the portfolio in height lines, each ranked by how much it
// is needed on a terminal that leaves fewer.
func (h *home) draw(b *rankedText, width, height int) {
	above, listed := h.drawAbove(b, width)
	if !listed {
		return
	}
	st := h.sh.st
	cols := homeColumns(width, h.p)
	b.write(st.muted.Render(cols.header())+"\n", rankHeading)
	// The window as layOut fitted it in Update; fitted again here only
	// for a size it was not laid out for, which changes nothing stored.
	nav := h.nav.fitted(len(h.shown), homeListRows(height, above))
	start, end := nav.shown(len(h.shown))
	for i := start; i < end; i++ {
		x := h.shown[i]
		a := h.p.items[x]
		line := h.drawn.line(h.sh, h.p, cols, width, x)
		if a.ID == h.mark && i != h.nav.cursor {
			line = st.selected.Render("⇄ ") + line
		} else {
			line = listRow(st, line, i == h.nav.cursor)
		}
		rank := rankRow
		if i == h.nav.cursor {
			rank = rankSelected
		}
		b.write(fit(line, width)+"\n", rank)
	}
	if len(h.shown) == 0 {
		b.write(st.muted.Render("Nothing matches the filter; esc clears it."), rankSelected)
	}
}

// drawAbove writes what is said over the list: the count line, the
// reminders, a comparison marked, why something failed. It returns how
// many lines of it, the count line aside, the list loses, and whether the
// list follows: not while it loads, nor when there is none to show, which
// drawAbove then says instead.
func (h *home) drawAbove(b *rankedText, width int) (above int, listed bool) {
	st := h.sh.st
	top := rankStatus
	if h.filtering {
		top = rankTyped
	}
	b.write(fit(h.topLine(), width)+"\n", top)
	if line := h.dueLine; line != "" {
		if ansi.StringWidth(line) > width {
			line = h.dueCounted // cut, the line still says how many
		}
		b.write(st.warn.Render(fit(line, width))+"\n", rankReminder)
		above++
	}
	if line := h.markLine(); line != "" {
		b.write(st.selected.Render(fit(line, width))+"\n", rankMarked)
		above++
	}
	if h.p == nil && !h.loading && h.listErr != "" {
		// Nothing to show but why: the whole reason (the server
		// stopped, a role revoked), not one cut line over "Loading…";
		// a refusal said before it, whole as below.
		writeWhole(b, st.error, h.err, width)
		b.write(st.error.Render(wrap(h.listErr, width))+"\n", rankSaid)
		b.write(st.muted.Render("ctrl+r reads it again."), rankMore)
		return above, false
	}
	// Whole, not cut: the day the overdue counts fall back to, why and
	// the remedy; why the list could not be read again, over the one
	// still shown; a refusal's why and what to do instead.
	above += writeWhole(b, st.warn, h.daysErr, width)
	above += writeWhole(b, st.warn, h.dueErr, width)
	above += writeWhole(b, st.error, h.listErr, width)
	above += writeWhole(b, st.error, h.err, width)
	above += writeWhole(b, st.warn, h.goneLine(), width)
	if h.p == nil {
		b.write(st.muted.Render("Loading…"), rankSelected)
		return above, false
	}
	if len(h.p.items) == 0 && !h.loading && h.p.archivedOnly {
		b.write("\n"+st.bold.Render("No assessments shown: every one is archived.")+"\n\n", rankSelected)
		b.write("Press "+st.key.Render("A")+" to show them ("+st.key.Render("a")+" there restores one), or "+
			st.key.Render("n")+" to start a new one.\n", rankMore)
		return above, false
	}
	if len(h.p.items) == 0 && !h.loading {
		b.write("\n"+st.bold.Render("No assessments yet.")+"\n\n", rankSelected)
		b.write("Press "+st.key.Render("n")+" to start one: pick a questionnaire (or the pre-screen,\n", rankMore)
		b.write("which proposes the assessments a project needs), name the subject, and\n", rankMore)
		b.write("answer the questions. Every answer is saved the moment you give it.\n", rankMore)
		return above, false
	}
	return above, true
}

// topLine counts what is shown and says how it is sorted, and whether the
// rest of the list is still coming.
func (h *home) topLine() string {
	st := h.sh.st
	var top string
	if h.p != nil {
		switch {
		case !h.p.complete:
			top = fmt.Sprintf("%d of the first %d · loading the rest…", len(h.shown), len(h.p.items))
		case h.loading:
			top = fmt.Sprintf("%d of %d · sorted by %s · refreshing…", len(h.shown), len(h.p.items), sortNames[h.order])
		default:
			top = fmt.Sprintf("%d of %d · sorted by %s", len(h.shown), len(h.p.items), sortNames[h.order])
		}
	}
	top = st.muted.Render(top) + st.muted.Render(h.archivedWords())
	if h.filtering || h.filter.Value() != "" {
		top = h.filter.View() + "  " + top
	}
	return top
}

// archivedWords says whether the list shown holds the archived
// assessments, as the list read says, not as A last asked: a read
// refused (a role revoked, the server away) leaves the list read before,
// and "archived shown" said of it named rows that were not there.
func (h *home) archivedWords() string {
	listed := h.p != nil && h.p.withArchived
	switch {
	case listed == h.showArchived && listed:
		return " · archived shown"
	case listed == h.showArchived:
		return ""
	case h.loading && h.showArchived:
		return " · reading the archived too…"
	case h.loading:
		return " · archived shown until the list is read again"
	case h.showArchived:
		return " · archived not shown: the list was not read again"
	}
	return " · archived still shown: the list was not read again"
}

// maxDueLine bounds the reminder: it is cut to the terminal's width, so
// naming ten thousand overdue subjects would only cost time every frame.
const maxDueLine = 400

// dueLine reminds of the subjects whose reassessment is due or overdue.
func dueLine(due []assess.DueSubject) string {
	line, _ := dueLines(due)
	return line
}

// dueLines is the reminder, and the same led by how many subjects are
// overdue and due soon when there is more than one: a line cut to the
// terminal's width loses its last names, and the count must not go with
// them.
func dueLines(due []assess.DueSubject) (line, counted string) {
	var b strings.Builder
	named, left, overdue, soon := 0, 0, 0, 0
	for _, d := range due {
		var part string
		switch d.State {
		case assess.DueOverdue:
			// Overdue from the day after its due date, on which it was
			// due: "overdue since" the due date said it was late that day.
			// The past tense tells it from one due soon, without colour.
			part = fmt.Sprintf("%s was due %s", clean(d.Subject.Name), d.Due)
			overdue++
		case assess.DueSoon:
			// On the day itself, "due today", as assay due and the plan
			// say it: a date leaves the reader to match it against
			// today's.
			when := d.Due.String()
			if d.DaysLeft == 0 {
				when = "today"
			}
			part = fmt.Sprintf("%s due %s", clean(d.Subject.Name), when)
			soon++
		default:
			continue
		}
		if b.Len() >= maxDueLine {
			left++
			continue
		}
		if named > 0 {
			b.WriteString("; ")
		}
		b.WriteString(part)
		named++
	}
	if named == 0 {
		return "", ""
	}
	if left > 0 {
		fmt.Fprintf(&b, "; %d more", left)
	}
	line = "Reassessment: " + b.String()
	if overdue+soon == 1 {
		return line, line
	}
	var counts []string
	if overdue > 0 {
		counts = append(counts, fmt.Sprintf("%d overdue", overdue))
	}
	if soon > 0 {
		counts = append(counts, fmt.Sprintf("%d due soon", soon))
	}
	return line, "Reassessment, " + strings.Join(counts, ", ") + ": " + b.String()
}

// writeWhole writes text wrapped to width in style, when there is any,
// and returns how many lines it took.
func writeWhole(b *rankedText, style lipgloss.Style, text string, width int) int {
	if text == "" {
		return 0
	}
	lines := wrap(text, width)
	b.write(style.Render(lines)+"\n", rankSaid)
	return strings.Count(lines, "\n") + 1
}
