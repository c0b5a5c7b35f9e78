package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess"
)

// view names the four views of an open assessment.
type view int

const (
	viewInterview view = iota
	viewReview
	viewPlan
	viewReport
)

var viewNames = []string{"Interview", "Review", "Plan", "Report"}

// screen is one screen of the workspace. Update returns the screen to show
// next (itself, or another one), so screens navigate without a router
// table; View draws the body between the header and the footer.
type screen interface {
	Update(msg tea.Msg) (screen, tea.Cmd)
	View(width, height int) string
	KeyMap() keyMap
	// Capturing reports whether a text field or form has the keyboard, so
	// that q, ? and tab are typed rather than acted on.
	Capturing() bool
	// Title is the header's breadcrumb.
	Title() string
}

// tabbed screens belong to an open assessment; tab moves between them.
type tabbed interface{ tab() view }

// shell is what every screen shares: the outside world, the styles, the
// terminal size and the open assessment.
type shell struct {
	deps          Deps
	st            styles
	width, height int
	sess          *session
	saves         *saver        // every write of the workspace, in order
	exports       exportTracker // the export on its way, whichever screen started it
	loads         int           // requests to open an assessment: only the last one opens
	// opening: an assessment is being read to be opened; the keys typed
	// meanwhile (typedAhead) are for the screen it opens on.
	opening    bool
	typedAhead typedKeys
	dark       bool
	profile    colorprofile.Profile // the terminal's colour depth, as it said
	flash      string               // a one-off message for the status line
	// unfollowed says why others' changes are not followed now, for as
	// long as they are not (live.go); "" while they are.
	unfollowed string
	// othersSaid is the flash about others' changes while it shows, so
	// that seeing them takes it away and nothing else (live.go).
	othersSaid string
	// nextFlash is said once the assessment being opened shows.
	nextFlash string
	// refreshing: the open assessment is being read again for others'
	// changes; refreshAgain: another change came meanwhile (live.go).
	refreshing, refreshAgain bool
	// today is the day what is shown was judged on (day.go).
	today assess.Date
	// unseeing is the status line a read refused for want of a role left
	// (role_back.go), until a list is read whole again.
	unseeing string
	// home is the portfolio screen, kept as it was left while another
	// screen shows: going home shows it again (goHome).
	home *home
}

// goHome shows the home screen as it was left, at once (its rows, its
// cursor, filter, order and scroll), and reads the portfolio again
// behind it: the keys pressed meanwhile act on the list shown.
func (sh *shell) goHome() (screen, tea.Cmd) {
	sh.seenOthers()
	if sh.home == nil {
		sh.home = newHome(sh) // a screen tried alone, on a shell of its own
	}
	return sh.home, sh.home.returned()
}

// openAssessment reads an assessment from the store and shows one of its
// views. The read waits for the writes queued before it, so that it
// shows every answer given; and only the latest request opens, so a
// copy read earlier never replaces one that has been changed since.
func (sh *shell) openAssessment(id int64, v view) tea.Cmd {
	sh.loads++
	sh.opening = true
	return sh.saves.afterWrites(loadAssessment(sh.deps, id, v, sh.loads))
}

// keepTypedAhead keeps a key typed while an assessment is opened or
// created, for the screen it opens on. enter before any other key is the
// key that opened it (or submitted the form) pressed again, a double
// press or a key held: kept, it answered the first question with the
// option under the cursor, the first, unseen. It is dropped.
func (sh *shell) keepTypedAhead(k tea.KeyPressMsg) {
	if len(sh.typedAhead.keys) == 0 && k.Code == tea.KeyEnter {
		return
	}
	sh.typedAhead.keep(k)
}

// Model is the root model: it owns the shell, routes messages to the
// current screen, and draws the frame around it.
type Model struct {
	sh       *shell
	cur      screen
	help     help.Model
	showHelp bool
	helpTop  int // the key list's first line shown, when it is longer than the screen (keys_list.go)
	quitting bool
}

// New returns the workspace on its home screen.
func New(d Deps) Model {
	d.asked = &roleAsk{}
	dark := !d.LightBackground
	sh := &shell{deps: d, st: newStyles(dark), dark: dark, profile: colorprofile.TrueColor, width: 80, height: 24, saves: &saver{}}
	sh.today = d.today()
	sh.flash = d.Created // until the first thing that says something else
	h := help.New()
	h.Styles = sh.st.helpStyles()
	sh.home = newHome(sh)
	return Model{sh: sh, cur: sh.home, help: h}
}

// Init asks the terminal for its background (to pick light or dark
// colours) and loads the portfolio.
func (m Model) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, m.sh.home.loadFirst(), watchChanges(m.sh.deps), watchDay(m.sh.deps))
}

// Update routes a message, then does what every message may call for,
// whichever screen handled it.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if keys := typedAfterAltBracket(msg); keys != nil {
		return m.updateTyped(keys)
	}
	// Judged again on a new day first: the key pressed after midnight
	// acts on what the new day shows.
	rejudged := m.rejudge()
	flash, refused := m.sh.flash, m.sh.saves.refused
	m, cmd := m.route(msg)
	m.followJudged(msg) // follow.go: before the next key, drawn or not
	if _, key := msg.(tea.KeyPressMsg); key {
		m.sh.supersedeRefusal(flash, refused)
	}
	after, roles := m.afterUpdate(), m.sh.readRoles()
	m.layOut() // layout.go: last, as the writes started say "saving…"
	return m, tea.Batch(rejudged, cmd, after, roles)
}

// supersedeRefusal drops the refusal of a change (saves.refused), which
// the footer shows before any other word, once a later key is answered
// with words of its own: a refusal for another reason, nothing to sign.
// Otherwise the first refusal stayed above everything said after it, and
// the later keys seemed to do nothing.
func (sh *shell) supersedeRefusal(flashBefore, refusedBefore string) {
	if sh.flash != "" && sh.flash != flashBefore && sh.saves.refused == refusedBefore {
		sh.saves.refused = ""
	}
}

// restyle builds the styles again for the background and colour depth
// the terminal has said.
func (m *Model) restyle() {
	m.sh.st = stylesFor(m.sh.dark, m.sh.profile)
	m.help.Styles = m.sh.st.helpStyles()
}

// route handles frame-level keys and store results here, the rest in
// the current screen.
func (m Model) route(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.sh.width, m.sh.height = msg.Width, msg.Height
	case tea.BackgroundColorMsg:
		m.sh.dark = msg.IsDark()
		m.restyle()
		return m, nil
	case tea.ColorProfileMsg:
		// On a 16-colour terminal some of the palette's colours are
		// chosen, not left to the nearest the terminal has.
		m.sh.profile = msg.Profile
		m.restyle()
		return m, nil
	case createdMsg:
		// Heard here, whichever screen is on (esc may have left the
		// form): quitting waited for it and says which it was.
		m.sh.saves.createdOutcome(msg, m.quitting)
	case signedMsg:
		// The same for a sign-off on its way as ctrl+c was pressed.
		m.sh.saves.signedOutcome(msg, m.quitting)
	case planStampsMsg:
		if s := m.sh.sess; s != nil {
			s.stampPlanConflict(msg)
		}
		return m, nil
	case unansweredMsg:
		return m, m.sh.saves.noAnswerYet(msg)
	case retryDueMsg:
		return m.retryDue(msg)
	case savedMsg:
		m.sh.saves.done(msg)
		if refusedByTheServer(msg.err) {
			// A role taken while the workspace was open: read the roles
			// again, so that the next change is refused before it shows
			// rather than shown, sent and refused again.
			m.sh.deps.refusedForRole()
		}
		if s := m.sh.sess; s != nil && len(s.planConflicts) > 0 {
			// The conflict's panel names who changed the item, and
			// follows them: the line about others' changes said it
			// first, and would stay beside it as it was.
			m.sh.seenOthers()
		}
		return m, m.sh.readAgainAfterRefusal(msg.err)
	case explainedMsg:
		// Heard here, whichever screen is on: the interview and the
		// review both explain, and either may have been left since.
		// Quitting waited for it and says what became of it.
		m.sh.saves.explainedOutcome(msg, m.quitting)
		m.sh.explained(msg)
		return m, nil
	case exportedMsg:
		return m.exported(msg)
	case acceptedStampsMsg:
		return m.acceptedStampsRead(msg)
	case planWhoMsg:
		return m.planWho(msg), nil
	case archivedByMsg:
		return m.archivedBy(msg), nil
	case changedMsg:
		return m.changed(msg)
	case refreshedMsg:
		return m.refreshed(msg)
	case rolesReadMsg:
		return m.rolesRead(msg)
	case dayTickMsg:
		return m, watchDay(m.sh.deps)
	case trailLoadedMsg:
		if msg.back != nil {
			return m.trailLoaded(msg), nil
		}
	case listLoadedMsg:
		return m.listLoaded(msg)
	case archivedMsg:
		// Quitting waited for it and says what became of it.
		m.sh.saves.archivedOutcome(msg, m.quitting)
		if m.cur != m.sh.home {
			_, cmd := m.sh.home.Update(msg)
			return m, cmd
		}
	case dueLoadedMsg:
		if m.cur != m.sh.home {
			// The kept home screen's, come while another screen
			// shows: it takes them in, to show when it shows again.
			_, cmd := m.sh.home.Update(msg)
			return m, cmd
		}
	case assessmentLoadedMsg:
		if msg.req != m.sh.loads {
			return m, nil // superseded by a later request
		}
		typed, dropped := m.sh.typedAhead.take()
		m.sh.opening = false
		if msg.err != nil {
			m.sh.flash = "could not open: " + said(msg.err)
			if len(typed) > 0 {
				m.sh.flash += "; the keys typed meanwhile were not used"
			}
			m.sh.refusedRead(msg.err)
			return m, nil
		}
		m, cmd := m.open(msg.a, msg.stamps, msg.open)
		m.sh.sess.saves = m.sh.saves // as afterUpdate links it, before the keys save
		m.sh.saves.undated = ""
		if msg.stampsErr != nil {
			m.sh.saves.undated = undatedWords(m.sh.sess, msg.stampsErr)
		}
		cmds := []tea.Cmd{cmd}
		for _, k := range typed {
			m, cmd = m.route(k)
			cmds = append(cmds, cmd)
		}
		m.sh.notUsed(dropped)
		return m, tea.Batch(cmds...)
	case tea.KeyPressMsg:
		quits := key.Matches(msg, global.ForceQuit) || key.Matches(msg, global.Quit) && !m.cur.Capturing()
		if m.sh.opening && quits {
			// Quitting opens nothing more: the keys kept for the
			// screen would write after the last write was waited for.
			m.sh.loads++ // the read on its way is superseded
			m.sh.opening, m.sh.typedAhead = false, typedKeys{}
		}
		if m.sh.opening {
			// Typed ahead of the screen being opened: an answer's
			// digit, r for the review, was taken by the portfolio
			// still shown (a archived the row). Kept for the screen
			// opened; q and ctrl+c quit at any time, as the screen
			// shown says.
			m.sh.keepTypedAhead(msg)
			return m, nil
		}
		if key.Matches(msg, deleteWordForward) {
			return m, nil
		}
		if !m.cur.Capturing() {
			m.sh.seenOthers()
		}
		if next, cmd, handled := m.frameKey(msg); handled {
			return next, cmd
		}
	}
	next, cmd := m.cur.Update(msg)
	m.cur = next
	return m, cmd
}

// afterUpdate links the open session (whichever screen opened it) to the
// write queue, starts the next write, lets the reads that waited for the
// writes go, and ends the program once quitting may. Screens only queue
// writes: starting them here, after every message, means none is left
// waiting because a screen returned the wrong command.
func (m Model) afterUpdate() tea.Cmd {
	w := m.sh.saves
	if s := m.sh.sess; s != nil {
		s.saves = w
	}
	if quit := m.quitIfDone(); quit != nil {
		return quit
	}
	write := w.start(m.sh.deps)
	var retry tea.Cmd
	if !m.quitting {
		retry = w.scheduleRetry(m.sh.deps)
	}
	return tea.Batch(write, w.releaseReads(), retry)
}

// deleteWordForward is the text input's delete word forward, which no
// field is given: bubbles v2.2.1 panics on it with the cursor on a
// value's last character, and deletes a word too many on a word's last
// (charmbracelet/bubbles#1056). Most fields are text inputs inside huh
// forms, which the workspace cannot reach into, so the keys stop here,
// whichever field has the keyboard (the multi-line fields lose them too).
var deleteWordForward = key.NewBinding(key.WithKeys("alt+delete", "alt+d", "ctrl+delete"))

// frameKey handles the keys that mean the same on every screen.
func (m Model) frameKey(msg tea.KeyPressMsg) (Model, tea.Cmd, bool) {
	if key.Matches(msg, global.ForceQuit) {
		if m.quitting {
			// A second ctrl+c leaves at once; Unsaved says what was not
			// written, and cmd/assay prints it.
			m.sh.saves.giveUp = true
			return m, nil, true
		}
		return m.quit()
	}
	if m.showHelp {
		if top, ok := m.scrollHelp(msg); ok {
			m.helpTop = top
			return m, nil, true
		}
		m.showHelp = false // any other key closes the key list
		return m, nil, true
	}
	if m.cur.Capturing() {
		return m, nil, false
	}
	switch {
	case key.Matches(msg, global.Quit):
		return m.quit()
	case key.Matches(msg, global.Help):
		m.showHelp, m.helpTop = true, 0
		return m, nil, true
	case key.Matches(msg, global.NextTab), key.Matches(msg, global.PrevTab):
		t, ok := m.cur.(tabbed)
		if !ok || m.sh.sess == nil {
			return m, nil, false
		}
		step := 1
		if key.Matches(msg, global.PrevTab) {
			step = len(viewNames) - 1
		}
		m.sh.flash = ""
		next, cmd := m.show(view((int(t.tab()) + step) % len(viewNames)))
		m.cur = next
		return m, cmd, true
	}
	return m, nil, false
}

// quit leaves once every queued write has reported back: q and ctrl+c
// never lose a confirmed answer. A write that gets no answer in time
// ends the wait, so quitting always ends.
func (m Model) quit() (Model, tea.Cmd, bool) {
	if t, ok := m.cur.(typing); ok && !m.quitting {
		m.sh.saves.untyped = t.untyped()
	}
	m.quitting = true
	m.sh.saves.giveUp = false // a write that stalled before is no reason to leave at once
	return m, nil, true
}

func (m Model) quitIfDone() tea.Cmd {
	if !m.quitting {
		return nil
	}
	if w := m.sh.saves; w.pending() && !w.giveUp {
		return nil
	}
	return tea.Quit
}

// Unsaved lists the changes the store did not confirm, each with its
// assessment and why: empty unless a write failed, got no answer in
// time, or was still waiting when a second ctrl+c left. The program's
// final model says it, since the screen is gone by then.
func (m Model) Unsaved() []string { return m.sh.saves.unsaved() }

// LongUntyped is the text typed and not given whose notice in Unsaved
// leaves it out for its length (Untyped.Long), whole: cmd/assay keeps it
// in a file, so that it can be given again.
func (m Model) LongUntyped() []Untyped {
	var out []Untyped
	for _, u := range m.sh.saves.untyped {
		if u.Long() {
			out = append(out, u)
		}
	}
	return out
}

// Saved lists what the store confirmed after quitting began that no
// screen showed: an assessment whose creation quitting waited for. The
// program's final model says it, as Unsaved says what was not.
func (m Model) Saved() []string { return m.sh.saves.created }

// open makes a loaded assessment the current session and shows one of its views.
func (m Model) open(a *assess.Assessment, stamps assess.PlanStamps, v view) (Model, tea.Cmd) {
	m.sh.sess = newSessionDated(a, m.sh.deps.Today(), stamps)
	m.sh.flash, m.sh.nextFlash = m.sh.nextFlash, ""
	next, cmd := m.show(v)
	m.cur = next
	return m, cmd
}

// show builds a view of the open assessment.
func (m Model) show(v view) (screen, tea.Cmd) {
	switch v {
	case viewReview:
		return newReview(m.sh), nil
	case viewPlan:
		return newPlan(m.sh), nil
	case viewReport:
		r := newReport(m.sh)
		return r, tea.Batch(r.render(), r.loadPin())
	}
	return newInterview(m.sh)
}

// View draws the header, the current screen (or the key list) and the footer.
func (m Model) View() tea.View {
	w, h, header, footer, bodyHeight := m.layout()
	var body string
	if m.showHelp {
		body = m.fullHelp(w, bodyHeight)
	} else {
		body = m.cur.View(w, bodyHeight)
	}
	body = frame(body, w, bodyHeight)
	all := lines(header, body, footer)
	if ls := strings.Split(all, "\n"); len(ls) > h {
		all = strings.Join(ls[:h], "\n") // a header taller than the terminal
	}
	all = dropBidiAndHidden(all)
	if m.sh.deps.ASCII {
		all = asciiFrame(all)
	}
	v := tea.NewView(all)
	v.AltScreen = true
	v.WindowTitle = "assay"
	return v
}

// layout is the terminal's size, the header and footer drawn for it, and
// the lines left between them for the screen.
func (m Model) layout() (w, h int, header, footer string, bodyHeight int) {
	w, h = m.sh.width, m.sh.height
	if w <= 0 || h <= 0 {
		w, h = 80, 24
	}
	header = m.header(w)
	footer = fitFooter(m.footer(w), h-lipgloss.Height(header)-1)
	bodyHeight = max(h-lipgloss.Height(header)-lipgloss.Height(footer), 1)
	return w, h, header, footer, bodyHeight
}

// fitFooter keeps the footer to room lines on a terminal too short for
// all of it: the key list at its end gives way first (? shows the keys),
// then the status from its end, so what went wrong is read first.
func fitFooter(footer string, room int) string {
	ls := strings.Split(footer, "\n")
	if len(ls) <= room {
		return footer
	}
	return strings.Join(ls[:max(room, 0)], "\n")
}

// frame cuts or pads a screen's body to exactly width × height cells: a
// line too long is cut, never wrapped, so nothing below it moves.
func frame(body string, width, height int) string {
	ls := strings.Split(body, "\n")
	if len(ls) > height {
		ls = ls[:height]
	}
	for len(ls) < height {
		ls = append(ls, "")
	}
	for i, l := range ls {
		ls[i] = pad(l, width)
	}
	return strings.Join(ls, "\n")
}

// header is the breadcrumb, the views of an open assessment, and who is
// working: the one identity of the session, which every change and
// signature is recorded under. The breadcrumb gives way first, cut with
// "…"; only when too little of it would be left does the header take two
// lines.
func (m Model) header(w int) string {
	st := m.sh.st
	left := st.title.Render("assay")
	if login := m.sh.deps.Login; login != "" {
		left += st.muted.Render(" team: ") + clean(login)
	}
	left += st.muted.Render(" › ") + clean(m.cur.Title())
	narrow := w < 80
	if narrow {
		left = clean(m.cur.Title()) // the breadcrumb's first step is the same everywhere
	}
	var tabs []string
	if t, ok := m.cur.(tabbed); ok {
		for i, name := range viewNames {
			switch {
			case view(i) == t.tab():
				tabs = append(tabs, st.activeTab.Render("["+name+"]"))
			case narrow:
				tabs = append(tabs, st.tab.Render(name))
			default:
				tabs = append(tabs, st.tab.Render(" "+name+" "))
			}
		}
	}
	sep := ""
	if narrow {
		sep = " "
	}
	right := strings.Join(tabs, sep)
	// A team login named at the left is not repeated; at under 80 columns
	// the left gives way, and the right names who works.
	if who := clean(m.sh.deps.Actor); who != "" && (narrow || m.sh.deps.Login == "") {
		sep := " · "
		if strings.HasSuffix(ansi.Strip(right), " ") {
			sep = "· "
		}
		right += st.muted.Render(sep) + who
	}
	room := w - lipgloss.Width(right) - 1
	if room < min(lipgloss.Width(left), 12) {
		return lines(fit(left, w), fit(right, w))
	}
	left = fit(left, room)
	gap := strings.Repeat(" ", w-lipgloss.Width(left)-lipgloss.Width(right))
	return left + gap + right
}

func (m Model) footer(w int) string {
	st := m.sh.st
	keys := m.cur.KeyMap()
	status := m.sh.flash
	switch m.cur.(type) {
	case *interview, *plan: // they show the save status themselves
	default:
		if p := m.sh.saves.problem(); p != "" {
			status = p
		}
	}
	if m.quitting {
		status = fmt.Sprintf("finishing saves (%d to write)… ctrl+c quits without them", m.sh.saves.waiting())
	}
	out := m.shortHelp(keys.short, w)
	// Whole, wrapped, never cut: a failure's what (nothing could be
	// read, nothing was recorded) and what to do come at its end, which
	// a cut line lost; the body above gives up the lines it takes.
	if status != "" {
		out = lines(st.warn.Render(wrap(clean(status), w)), out)
	}
	if m.sh.unfollowed != "" {
		// Above any status: it holds until the watcher is back.
		out = lines(st.warn.Render(wrap(clean(m.sh.unfollowed), w)), out)
	}
	return out
}

// shortHelp is the footer's key list: as many keys as fit the width,
// whole, then "…". The key that lists the others (?) stays when keys
// before it give way: on a narrow terminal it is the one hint left of
// how to find the rest (at 20 columns the footer was empty).
func (m Model) shortHelp(keys []key.Binding, w int) string {
	helpAt := slices.IndexFunc(keys, func(b key.Binding) bool { return b.Help().Key == global.Help.Help().Key })
	for n := len(keys); n >= 0; n-- {
		shown := keys[:n:n]
		if helpAt >= n {
			shown = append(shown, keys[helpAt])
		}
		if len(shown) == 0 {
			break
		}
		out := m.help.ShortHelpView(shown)
		if len(shown) < len(keys) {
			out += m.help.Styles.Ellipsis.Render(" …")
		}
		if lipgloss.Width(out) <= w {
			return out
		}
	}
	return ""
}
