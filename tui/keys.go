package tui

import (
	"slices"

	"charm.land/bubbles/v2/key"

	"github.com/assay-dev/assay/assess"
)

// bind is shorthand for a key binding with its help.
func bind(help, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}

// listedAs is b with its keys named otherwise in the ? list, which has
// room for more of them than the footer.
func listedAs(b key.Binding, keys string) key.Binding {
	b.SetHelp(keys, b.Help().Desc)
	return b
}

// keyMap is one screen's keys: the short list goes in the footer, the
// full list in the ? overlay.
type keyMap struct {
	short []key.Binding
	full  [][]key.Binding
}

func (k keyMap) ShortHelp() []key.Binding  { return k.short }
func (k keyMap) FullHelp() [][]key.Binding { return k.full }

// without is the key map less the keys given: a login that may not write
// (an auditor, an approver outside the sign-off) is not offered the keys
// whose every use the workspace refuses for its roles.
func (k keyMap) without(drop ...key.Binding) keyMap {
	keep := func(bs []key.Binding) []key.Binding {
		var out []key.Binding
		for _, b := range bs {
			if !slices.ContainsFunc(drop, func(d key.Binding) bool { return d.Help() == b.Help() }) {
				out = append(out, b)
			}
		}
		return out
	}
	out := keyMap{short: keep(k.short)}
	for _, col := range k.full {
		out.full = append(out.full, keep(col))
	}
	return out
}

// globalKeys work on every screen unless a text field has the keyboard.
type globalKeys struct {
	Quit, ForceQuit, Help, Back, NextTab, PrevTab key.Binding
}

var global = globalKeys{
	Quit:      bind("q", "quit", "q"),
	ForceQuit: bind("ctrl+c", "quit", "ctrl+c"),
	Help:      bind("?", "keys", "?"),
	Back:      bind("esc", "back", "esc"),
	NextTab:   bind("tab", "next view", "tab"),
	PrevTab:   bind("shift+tab", "previous view", "shift+tab"),
}

type homeKeys struct {
	Open, New, Filter, Sort, Archive, ShowArchived, Review, Plan, Report, Refresh,
	Compare, ComparePrevious, History key.Binding
}

var homeKeyMap = homeKeys{
	Open:         bind("enter", "open interview", "enter"),
	New:          bind("n", "new assessment", "n"),
	Filter:       bind("/", "filter", "/"),
	Sort:         bind("s", "sort", "s"),
	Archive:      bind("a", "archive/restore", "a"),
	ShowArchived: bind("A", "show archived", "A"),
	Review:       bind("r", "review", "r"),
	Plan:         bind("p", "plan", "p"),
	Report:       bind("m", "report", "m"),
	Refresh:      bind("ctrl+r", "refresh", "ctrl+r"),
	// c marks one assessment and compares it with the next one marked; C
	// compares with the subject's previous assessment in one key.
	Compare:         bind("c", "compare: mark, then pick the other", "c"),
	ComparePrevious: bind("C", "compare with the previous of this subject", "C"),
	// h reads the audit trail: who changed what, and when, verified.
	History: bind("h", "audit trail", "h"),
}

// writes are the portfolio's keys that change it.
func (k homeKeys) writes() []key.Binding { return []key.Binding{k.New, k.Archive} }

func (k homeKeys) keyMap() keyMap {
	return keyMap{
		short: []key.Binding{k.Open, k.New, k.Filter, k.Sort, global.Help, global.Quit},
		full: [][]key.Binding{
			append(navKeyMap.help(), k.Open, k.Review, k.Plan, k.Report, k.Compare, k.ComparePrevious, k.History),
			{k.New, k.Filter, k.Sort, k.Archive, k.ShowArchived, k.Refresh},
			{global.Help, global.Quit, global.ForceQuit},
		},
	}
}

type interviewKeys struct {
	Up, Down, Choose, Toggle, Next, Prev, NextUnanswered, NextSection, PrevSection,
	Note, Evidence, Clear, HelpText, Edit, Confirm, Trail, Explain key.Binding
}

var interviewKeyMap = interviewKeys{
	Up:             bind("↑/k", "previous option", "up", "k"),
	Down:           bind("↓/j", "next option", "down", "j"),
	Choose:         bind("enter", "answer", "enter"),
	Toggle:         bind("space", "tick (multiple choice)", "space"),
	Next:           bind("→/l", "next question", "right", "l", "pgdown"),
	Prev:           bind("←/h", "previous question", "left", "h", "pgup"),
	NextUnanswered: bind("u", "next unanswered", "u"),
	NextSection:    bind("]", "next section", "]"),
	PrevSection:    bind("[", "previous section", "["),
	Note:           bind("n", "note", "n"),
	Evidence:       bind("e", "evidence", "e"),
	Clear:          bind("x/delete", "clear answer", "x", "delete"),
	HelpText:       bind("i", "question help", "i"),
	Edit:           bind("1-9,0", "pick option (0 is the tenth)", "1", "2", "3", "4", "5", "6", "7", "8", "9", "0"),
	Confirm:        bind("y", "confirm vendor answer, go to the next", "y"),
	// t: who answered this question, and what it was before.
	Trail: bind("t", "audit trail of this question", "t"),
	// D: why this answer and the one a consistency check finds it
	// disagreeing with both stand; the footer shows it on such a question.
	Explain: bind("D", "explain answers that disagree", "D"),
}

// writes are the interview's keys that change the assessment.
func (k interviewKeys) writes() []key.Binding {
	tk := typedQuestionKeyMap
	rk := riskQuestionKeyMap
	return []key.Binding{k.Choose, k.Toggle, k.Edit, k.Clear, k.Confirm, k.Note, k.Evidence, k.Explain, tk.Type, tk.TypeOver, rk.Rate, rk.Choose}
}

func (k interviewKeys) keyMap() keyMap {
	return k.onQuestion(k.Choose, k.Up, k.Down, k.Edit, k.Choose, k.Toggle)
}

// onQuestion is the interview's key map with first leading the footer
// and answer, the keys that act on the question's answer, leading the
// key list; moving between questions and the rest are the same on
// every question.
//
// The footer names its keys in the order a person needs them, as keys
// give way from its end (shortHelp; ? keys always stays): the key that
// answers, → on to the next question, i the question's guidance (read
// before answering; at 60 columns it gives way, as the question itself
// says "i shows guidance" where it has some), u the next unanswered
// (found nowhere else on the screen), then the keys the screen already
// names: ← is →'s way back, "Note: n adds one" is under every question,
// and the header names the views tab goes through.
func (k interviewKeys) onQuestion(first key.Binding, answer ...key.Binding) keyMap {
	return keyMap{
		short: []key.Binding{first, k.Next, k.HelpText, k.NextUnanswered, k.Prev, k.Note, global.NextTab, global.Help},
		full: [][]key.Binding{
			append(answer, k.Clear, k.Confirm),
			{listedAs(k.Next, "→/l/pgdn"), listedAs(k.Prev, "←/h/pgup"), k.NextUnanswered, k.NextSection, k.PrevSection},
			{k.Note, k.Evidence, k.HelpText, k.Trail, k.Explain, global.NextTab, global.PrevTab, global.Back, global.Quit, global.ForceQuit},
		},
	}
}

// typedQuestionKeys are the interview's own keys on a question whose
// answer is typed (a text, a number, a date) while no field has the
// keyboard: there are no options to move between, pick or tick, so ↑/↓
// scroll the answer, shown whole, and enter (or, on a number or a date,
// the answer's first character) starts typing it.
type typedQuestionKeys struct {
	Up, Down, Type, TypeOver key.Binding
}

var typedQuestionKeyMap = typedQuestionKeys{
	Up:       bind("↑/k", "scroll the answer up", "up", "k"),
	Down:     bind("↓/j", "scroll the answer down", "down", "j"),
	Type:     bind("enter", "type an answer", "enter"),
	TypeOver: bind("0-9", "start typing the answer", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "-", "+", "."),
}

// typedKeyMap is the interview's key map on a typed question of type t:
// the keys that act on a choice's options give way to the ones that act
// on the answer typed (startsTyping).
func (k interviewKeys) typedKeyMap(t assess.QuestionType) keyMap {
	tk := typedQuestionKeyMap
	answer := []key.Binding{tk.Up, tk.Down, tk.Type}
	if t == assess.TypeNumber || t == assess.TypeDate {
		answer = append(answer, tk.TypeOver)
	}
	return k.onQuestion(tk.Type, answer...)
}

// riskQuestionKeys are the interview's own keys on a risk question
// (riskKey): ↑/↓ choose a row, a number rates it, enter moves on or
// opens the row's field.
var riskQuestionKeyMap = struct{ Up, Down, Rate, Choose key.Binding }{
	Up:     bind("↑/k", "previous row", "up", "k"),
	Down:   bind("↓/j", "next row", "down", "j"),
	Rate:   bind("1-9", "rate the row", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
	Choose: bind("enter", "next row; type the measures, pick the plan items", "enter"),
}

// riskKeyMap is the interview's key map on a risk question: its rows
// take the place of a choice's options.
func (k interviewKeys) riskKeyMap() keyMap {
	rk := riskQuestionKeyMap
	return k.onQuestion(rk.Rate, rk.Up, rk.Down, rk.Rate, rk.Choose)
}

// answerKeys apply while a typed answer (number, date, text) is being
// typed: the arrows still move between questions from the ends of the text.
type answerKeys struct {
	Save, Next, Prev, NextPage, PrevPage, Cancel, NextField key.Binding
}

var answerKeyMap = answerKeys{
	Save:      bind("enter", "save, next question", "enter"),
	Next:      bind("→ at end", "save, next question", "right"),
	Prev:      bind("← at start", "save, previous question", "left"),
	NextPage:  bind("pgdn", "save, next question", "pgdown"),
	PrevPage:  bind("pgup", "save, previous question", "pgup"),
	Cancel:    bind("esc", "stop typing, back to keys", "esc"),
	NextField: bind("tab", "save, note", "tab"),
}

// keyMap's footer names esc second: the way back to the keys, which a
// person typing needs before → at the end (enter already saves and
// moves on); from 80 columns down the keys after esc give way.
func (k answerKeys) keyMap() keyMap {
	return keyMap{
		short: []key.Binding{k.Save, k.Cancel, k.Next, k.NextField, global.ForceQuit},
		full:  [][]key.Binding{{k.Save, k.Next, k.Prev, k.NextPage, k.PrevPage}, {k.Cancel, k.NextField, global.ForceQuit}},
	}
}

// pickKeys apply while a risk's plan items are being picked.
type pickKeys struct {
	Toggle, Save, Cancel key.Binding
}

var pickKeyMap = pickKeys{
	Toggle: bind("space", "tick", "space"),
	Save:   bind("enter", "save the ticked items", "enter"),
	Cancel: bind("esc", "cancel", "esc"),
}

func (k pickKeys) keyMap() keyMap {
	return keyMap{
		short: []key.Binding{k.Toggle, k.Save, k.Cancel, navKeyMap.Up, navKeyMap.Down, global.ForceQuit},
		full:  [][]key.Binding{navKeyMap.help(), {k.Toggle, k.Save, k.Cancel, global.ForceQuit}},
	}
}

// editKeys apply while a text field has the keyboard.
type editKeys struct {
	Save, Cancel, NextField, PrevField key.Binding
}

var editKeyMap = editKeys{
	Save:      bind("enter", "save", "enter"),
	Cancel:    bind("esc", "stop editing", "esc"),
	NextField: bind("tab", "next field", "tab"),
	PrevField: bind("shift+tab", "previous field", "shift+tab"),
}

func (k editKeys) keyMap() keyMap {
	return keyMap{
		short: []key.Binding{k.Save, k.Cancel, k.NextField, global.ForceQuit},
		full:  [][]key.Binding{{k.Save, k.Cancel, k.NextField, k.PrevField, global.ForceQuit}},
	}
}

type reviewKeys struct {
	NextPane, PrevPane, Framework, Drill, Open, Start, Phase, WorstCase, SignOff, Trail, Explain key.Binding
}

var reviewKeyMap = reviewKeys{
	NextPane:  bind("→/l", "next pane", "right", "l"),
	PrevPane:  bind("←/h", "previous pane", "left", "h"),
	Framework: bind("f", "next framework", "f"),
	Drill:     bind("enter", "show questions", "enter"),
	Open:      bind("enter", "open the question", "enter"),
	Start:     bind("enter", "start recommended", "enter"),
	Phase:     bind("a", "as found / after measures", "a"),
	WorstCase: bind("w", "worst case of a level not rated yet", "w"),
	SignOff:   bind("S", "sign off / revise", "S"),
	// t reads the audit trail without going back to the portfolio.
	Trail: bind("t", "audit trail", "t"),
	// D: the interview's, where a sign-off refused for answers that
	// disagree comes back to.
	Explain: interviewKeyMap.Explain,
}

// keyMap is the review's keys; the footer shows what enter does on the
// pane shown (nothing, when it does nothing there), and D where it
// explains something.
func (k reviewKeys) keyMap(p pane, drill, explain bool) keyMap {
	short := []key.Binding{k.NextPane, navKeyMap.Up, navKeyMap.Down}
	signing := []key.Binding{k.SignOff, k.Trail}
	if explain {
		short = append([]key.Binding{k.Explain}, short...)
		signing = append(signing, k.Explain)
	}
	switch {
	case p == paneScores:
		short = append(short, k.WorstCase)
	case p == paneRisks:
		short = append(short, k.Open, k.Phase)
	case p == paneCoverage && drill:
		short = append(short, k.Open, k.Framework)
	case p == paneCoverage:
		short = append(short, k.Drill, k.Framework)
	case p == paneFindings:
		short = append(short, k.Open)
	case p == paneRecommended:
		short = append(short, k.Start)
	}
	return keyMap{
		short: append(short, k.SignOff, global.NextTab, global.Back, global.Help),
		full: [][]key.Binding{
			append([]key.Binding{k.NextPane, k.PrevPane}, navKeyMap.help()...),
			append([]key.Binding{k.Framework, k.Drill, k.Open, k.Start, k.Phase, k.WorstCase}, signing...),
			{global.NextTab, global.PrevTab, global.Back, global.Quit, global.ForceQuit},
		},
	}
}

type planKeys struct {
	Edit, Accept, Status, Milestone key.Binding
}

var planKeyMap = planKeys{
	Edit:      bind("enter", "edit item", "enter"),
	Accept:    bind("a", "accept risk", "a"),
	Status:    bind("s", "next status", "s"),
	Milestone: bind("M", "add milestone", "M"),
}

// writes are the plan's keys that change it.
func (k planKeys) writes() []key.Binding {
	return []key.Binding{k.Edit, k.Accept, k.Status, k.Milestone}
}

func (k planKeys) keyMap() keyMap {
	return keyMap{
		short: []key.Binding{k.Edit, k.Status, k.Accept, k.Milestone, global.NextTab, global.Back, global.Help},
		full: [][]key.Binding{
			append(navKeyMap.help(), k.Edit, k.Status, k.Accept, k.Milestone),
			{global.NextTab, global.PrevTab, global.Back, global.Quit, global.ForceQuit},
		},
	}
}

type reportKeys struct {
	Up, Down, PageDown, PageUp, HalfPageDown, HalfPageUp, Top, Bottom, Export key.Binding
}

var reportKeyMap = reportKeys{
	Up:       bind("↑/k", "scroll up", "up", "k"),
	Down:     bind("↓/j", "scroll down", "down", "j"),
	PageDown: bind("pgdn/space", "page down", "pgdown", "space", "f"),
	PageUp:   bind("pgup/b", "page up", "pgup", "b"),
	// d and u are less's half pages, ctrl+d and ctrl+u vi's.
	HalfPageDown: bind("d", "half a page down", "d", "ctrl+d"),
	HalfPageUp:   bind("u", "half a page up", "u", "ctrl+u"),
	Top:          bind("g/home", "top", "g", "home"),
	Bottom:       bind("G/end", "bottom", "G", "end"),
	Export:       bind("e", "export", "e"),
}

// pageDownF and halfPageKeys name in the ? list keys of scrolled text
// that the key column has no room for beside the others: f pages down as
// pgdn and space do (less's), d and u (ctrl+d, ctrl+u) half a page.
var (
	pageDownF    = bind("f", "page down, as space", "f")
	halfPageKeys = bind("d/u", "half a page down, up (ctrl+d, ctrl+u)", "d", "u", "ctrl+d", "ctrl+u")
)

func (k reportKeys) keyMap() keyMap {
	return keyMap{
		short: []key.Binding{k.Down, k.PageDown, k.Export, global.NextTab, global.Back, global.Help},
		full: [][]key.Binding{
			{k.Up, k.Down, k.PageDown, pageDownF, k.PageUp, halfPageKeys, k.Top, k.Bottom, k.Export},
			{global.NextTab, global.PrevTab, global.Back, global.Quit, global.ForceQuit},
		},
	}
}

// trailKeys scroll the audit trail with the list keys; / filters it as
// on the portfolio; e exports the records shown, when the workspace can
// write them (Deps.TrailFile).
type trailKeys struct {
	Export key.Binding
}

var trailKeyMap = trailKeys{
	Export: bind("e", "export the trail shown", "e"),
}

func (k trailKeys) keyMap(export bool) keyMap {
	short := []key.Binding{navKeyMap.Down, navKeyMap.PageDown, homeKeyMap.Filter}
	rest := []key.Binding{bind("/", "filter by question, person or text", "/")}
	if export {
		short = append(short, k.Export)
		rest = append(rest, k.Export)
	}
	return keyMap{
		short: append(short, global.Back, global.Help, global.Quit),
		full:  [][]key.Binding{navKeyMap.help(), append(rest, global.Back, global.Help, global.Quit, global.ForceQuit)},
	}
}

// trailExportKeys apply while the trail's export asks for a file name.
var trailExportKeyMap = exportKeys{
	Export:     bind("enter", "export", "enter"),
	Cancel:     bind("esc", "cancel", "esc"),
	NextFormat: bind("tab", "next format (txt, json)", "tab"),
}

// filteringKeys apply while a / filter is being typed (the portfolio,
// the audit trail).
var filteringKeyMap = keyMap{
	short: []key.Binding{bind("enter", "keep filter", "enter"), bind("esc", "clear filter", "esc")},
	full:  [][]key.Binding{{bind("enter", "keep filter", "enter"), bind("esc", "clear filter", "esc")}},
}

type diffKeys struct {
	Up, Down, PageDown, PageUp, Top, Bottom key.Binding
}

var diffKeyMap = diffKeys{
	Up:       bind("↑/k", "scroll up", "up", "k"),
	Down:     bind("↓/j", "scroll down", "down", "j"),
	PageDown: bind("pgdn/space", "page down", "pgdown", "space", "f"),
	PageUp:   bind("pgup/b", "page up", "pgup", "b"),
	Top:      bind("g", "top", "g", "home"),
	Bottom:   bind("G", "bottom", "G", "end"),
}

func (k diffKeys) keyMap() keyMap {
	return keyMap{
		short: []key.Binding{k.Down, k.PageDown, global.Back, global.Help, global.Quit},
		full: [][]key.Binding{
			{k.Up, k.Down, k.PageDown, pageDownF, k.PageUp, k.Top, k.Bottom},
			{global.Back, global.Help, global.Quit, global.ForceQuit},
		},
	}
}

// formKeys apply while a form (new assessment, plan edit) is open.
// refusedKeyMap is the sign-off's while the store's refusal shows, which
// any key leaves: the form's keys (enter next/submit) were offered there.
var refusedKeyMap = keyMap{
	short: []key.Binding{bind("any key", "back to the review", "esc", "enter")},
	full:  [][]key.Binding{{bind("any key", "back to the review", "esc", "enter"), global.ForceQuit}},
}

var formKeyMap = keyMap{
	short: []key.Binding{bind("enter", "next/submit", "enter"), bind("shift+tab", "back a field", "shift+tab"), bind("esc", "cancel", "esc")},
	full:  [][]key.Binding{{bind("enter", "next/submit", "enter"), bind("shift+tab", "back a field", "shift+tab"), bind("esc", "cancel", "esc"), global.ForceQuit}},
}
