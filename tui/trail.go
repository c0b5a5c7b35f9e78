package tui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/history"
	"github.com/assay-dev/assay/internal/wraptext"
)

// trailScreen shows an assessment's audit trail as assay history does:
// whether it verifies, then who changed what and when, record by
// record, with the old and new values; scrolled with the list keys.
type trailScreen struct {
	sh      *shell
	id      int64
	subject string
	// archived, revision and revisionOf are the assessment's, as its
	// export says them (history.Trail).
	archived   bool
	revision   int
	revisionOf int64
	verdict    history.Verdict
	entries    []history.Entry
	// back is the screen t opened the trail from (the Review, the
	// interview); nil when it was the portfolio.
	back screen
	// question, when t opened the trail from a question, keeps only the
	// records about it until esc shows them all.
	question string
	filter   trailFilter // what / keeps
	export   trailExport // what e is writing, or last wrote
	lines    []string    // laid out for width
	width    int
	offset   int // the first line shown
	page     int // lines shown last
}

type trailLoadedMsg struct {
	id       int64
	subject  string
	archived bool
	revision int
	revOf    int64
	verdict  history.Verdict
	entries  []history.Entry
	err      error
	back     screen
	question string
}

// loadTrail verifies and reads assessment a's trail (Deps.History); back
// and question are where it was asked from (trailScreen).
func loadTrail(d Deps, a *assess.Assessment, back screen, question string) tea.Cmd {
	id, subject, archived, revision, revOf := a.ID, a.Subject, a.Archive.Archived(), a.Revision, a.RevisionOf
	return func() tea.Msg {
		type read struct {
			v       history.Verdict
			entries []history.Entry
		}
		r, err := withinDeadline(d, func(ctx context.Context) (read, error) {
			v, entries, err := d.History(ctx, id)
			return read{v, entries}, err
		})
		v, entries := r.v, r.entries
		return trailLoadedMsg{id: id, subject: subject, archived: archived, revision: revision, revOf: revOf,
			verdict: v, entries: entries, err: err, back: back, question: question}
	}
}

func newTrail(sh *shell, msg trailLoadedMsg) *trailScreen {
	return &trailScreen{sh: sh, id: msg.id, subject: msg.subject, archived: msg.archived, revision: msg.revision, revisionOf: msg.revOf,
		verdict: msg.verdict, entries: msg.entries, back: msg.back, question: msg.question, filter: newTrailFilter(msg.entries),
		export: newTrailExport()}
}

func (s *trailScreen) Title() string { return fmt.Sprintf("%s · #%d audit trail", s.subject, s.id) }
func (s *trailScreen) Capturing() bool {
	return s.filter.typing || s.export.typing || s.export.overwrite != ""
}

func (s *trailScreen) KeyMap() keyMap {
	switch {
	case s.filter.typing:
		return filteringKeyMap
	case s.export.overwrite != "":
		return overwriteKeyMap.keyMap()
	case s.export.typing:
		return trailExportKeyMap.keyMap()
	}
	return trailKeyMap.keyMap(s.canExport())
}

// shown are the entries the question and the filter keep.
func (s *trailScreen) shown() []history.Entry {
	idx := s.filter.matches()
	out := make([]history.Entry, 0, len(idx))
	keep := history.Filter{Question: s.question}
	for _, i := range idx {
		if keep.Keep(s.entries[i]) {
			out = append(out, s.entries[i])
		}
	}
	return out
}

// layout wraps the trail to width: View draws from it. Each record is
// wrapped once a width (trailFilter.wrapped), so that a letter typed
// into the filter only picks the records again.
func (s *trailScreen) layout(width int) {
	if width != s.width {
		s.filter.wrappedAt = nil
	}
	s.width = width
	shown := s.shown()
	head := trailHead(s.id, s.archived, s.revision, s.revisionOf, s.verdict, s.entries)
	if s.question != "" || s.filter.needle() != "" {
		var what []string
		if s.question != "" {
			what = append(what, "only the records about "+clean(s.question))
		}
		if n := s.filter.needle(); n != "" {
			what = append(what, "filter "+strconv.Quote(s.filter.input.Value()))
		}
		head = append(head, fmt.Sprintf("%d of %d records match: %s (esc shows them all).", len(shown), len(s.entries), strings.Join(what, ", ")))
	}
	s.lines = nil
	for _, l := range head {
		s.lines = append(s.lines, wrapIndented(l, width)...)
	}
	s.lines = append(s.lines, "")
	for _, e := range shown {
		s.lines = append(s.lines, s.filter.wrapped(e, width)...)
	}
	switch {
	case len(s.entries) == 0:
		s.lines = append(s.lines, "The trail holds no records.")
	case len(shown) == 0:
		s.lines = append(s.lines, "No record matches the filter; esc clears it.")
	}
}

// trailHead is what the trail screen and accessible mode say before the
// records (history.Trail.Head): whether the trail verified and, as assay
// history says, that the assessment is archived or a revision of
// another. The screen's title, and accessible mode's prompt, name the
// assessment; the verdict names it again only to say it is archived.
func trailHead(id int64, archived bool, revision int, revisionOf int64, v history.Verdict, entries []history.Entry) []string {
	t := history.Trail{Archived: archived, Revision: revision, RevisionOf: revisionOf, Verdict: v, Entries: entries}
	if archived || revisionOf != 0 {
		t.Assessment = id
	}
	return t.Head()
}

// wrapIndented wraps one line of trailText to width, its indent kept.
func wrapIndented(l string, width int) []string {
	indent := ""
	for len(indent) < len(l) && l[len(indent)] == ' ' {
		indent += " "
	}
	var out []string
	for _, w := range strings.Split(wraptext.Wrap(l[len(indent):], max(width-len(indent), 10)), "\n") {
		out = append(out, indent+w)
	}
	return out
}

// trailText is the trail as lines to read one under another: the
// verdict, then each entry's number, time and author, and under them
// what it changed. The workspace draws them; accessible mode reads them.
func trailText(v history.Verdict, entries []history.Entry, arrow string) []string {
	out := []string{v.Words(0, false, len(entries)), ""}
	for _, e := range entries {
		out = append(out, entryText(e, arrow)...)
	}
	if len(entries) == 0 {
		out = append(out, "The trail holds no records.")
	}
	return out
}

// entryText is one entry of trailText: its number, time and author, and
// under them what it changed.
func entryText(e history.Entry, arrow string) []string {
	head := fmt.Sprintf("#%d  %s UTC  %s", e.Seq, e.When(), e.Who())
	if !e.Verified {
		head += "  ! not vouched for"
	}
	out := []string{head}
	for _, l := range e.Lines(arrow) {
		out = append(out, "    "+l)
	}
	for _, t := range e.Texts() {
		out = append(out, "    "+t.Label+", in full:")
		for _, l := range t.Lines {
			out = append(out, "      "+l)
		}
	}
	return out
}

func (s *trailScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case exportAnswer:
		s.exported(msg)
		return s, nil
	case tea.PasteMsg:
		if s.export.typing {
			var cmd tea.Cmd
			s.export.path, cmd = pasteInto(s.export.path, msg)
			return s, cmd
		}
		if s.filter.typing {
			var cmd tea.Cmd
			s.filter.input, cmd = pasteInto(s.filter.input, msg)
			s.refilter()
			return s, cmd
		}
	case tea.KeyPressMsg:
		s.export.said, s.export.failed = "", false
		switch {
		case s.filter.typing:
			return s, s.filterKey(msg)
		case s.export.overwrite != "":
			return s, s.overwriteKey(msg)
		case s.export.typing:
			return s, s.exportKey(msg)
		}
		switch {
		case key.Matches(msg, trailKeyMap.Export) && s.canExport():
			return s, s.startExport()
		case msg.String() == "/":
			s.filter.typing = true
			s.filter.input.SetStyles(s.sh.st.inputStyles())
			return s, s.filter.input.Focus()
		case key.Matches(msg, global.Back) && (s.question != "" || s.filter.needle() != ""):
			s.question = ""
			s.filter.input.SetValue("")
			s.refilter()
		case key.Matches(msg, global.Back):
			return s.goBack()
		}
		if off, ok := scroll(msg, s.offset, s.page); ok {
			if s.lines == nil && s.width > 0 {
				// Laid out again (a filter changed) but not drawn yet: keys
				// come faster than frames, and G clamped to no lines went
				// to the top.
				s.layout(s.width)
			}
			s.offset = min(off, max(len(s.lines)-s.page, 0))
		}
	}
	return s, nil
}

// filterKey is a key while / has the keyboard: enter keeps the filter,
// esc clears it, any other key edits it and the trail follows.
func (s *trailScreen) filterKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "enter":
		s.filter.typing = false
		s.filter.input.Blur()
		return nil
	case "esc":
		s.filter.typing = false
		s.filter.input.Blur()
		s.filter.input.SetValue("")
		s.refilter()
		return nil
	}
	var cmd tea.Cmd
	s.filter.input, cmd = s.filter.input.Update(msg)
	s.refilter()
	return cmd
}

// refilter lays the trail out again from the top for what is kept now.
func (s *trailScreen) refilter() {
	s.offset = 0
	s.lines = nil
}

// goBack shows the screen the trail was opened from: the portfolio, or
// the Review or interview as it was left (the Review's figures read
// again, as after the interview it opens).
func (s *trailScreen) goBack() (screen, tea.Cmd) {
	switch b := s.back.(type) {
	case nil:
		return s.sh.goHome()
	case *review:
		return b.returned(), nil
	default:
		return b, nil
	}
}

func (s *trailScreen) View(width, height int) string {
	if width != s.width || s.lines == nil {
		s.layout(width)
	}
	status := s.exportStatus(width)
	if height <= 1 {
		// One line: the question whether to replace a file, which y or n
		// answers, or else what is typed or the footer.
		s.page = 0
		if s.export.overwrite != "" {
			return status[0]
		}
		return s.lastLine(width)
	}
	// The last line is always drawn; what the export says comes before
	// the trail's lines, which get what is left (none, on two lines with
	// an export to report).
	status = keepEnds(status, height-1)
	rows := height - 1 - len(status)
	s.page = rows
	s.offset = clamp(s.offset, 0, max(len(s.lines)-rows, 0))
	end := min(s.offset+rows, len(s.lines))
	shown := make([]string, 0, height)
	for _, l := range s.lines[s.offset:end] {
		shown = append(shown, fit(l, width))
	}
	for len(shown) < rows {
		shown = append(shown, "")
	}
	shown = append(shown, status...)
	return lines(append(shown, s.lastLine(width))...)
}

// lastLine is the screen's bottom line: the file name or the filter being
// typed, or the footer with the lines shown.
func (s *trailScreen) lastLine(width int) string {
	switch {
	case s.export.typing:
		fitInput(&s.export.path, max(width-len(s.export.path.Prompt)-1, 10))
		return fit(s.export.path.View(), width)
	case s.filter.typing || s.filter.needle() != "":
		// What is typed shows where the footer was, as on the portfolio.
		return fit(s.filter.input.View(), width)
	}
	foot := "esc back to the portfolio"
	switch {
	case s.export.overwrite != "":
		// esc answers the question above: it does not leave the trail.
		foot = "n or esc chooses another name"
	case s.back != nil:
		foot = "esc back to the assessment"
	}
	if rows := s.page; rows > 0 && len(s.lines) > rows {
		end := min(s.offset+rows, len(s.lines))
		foot += fmt.Sprintf(" · lines %d-%d of %d", s.offset+1, end, len(s.lines))
	}
	return s.sh.st.muted.Render(fit(foot, width))
}
