package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
	"github.com/assay-dev/assay/assess/report"
	"github.com/assay-dev/assay/assess/report/document"
)

// reportView previews the committee report rendered in the terminal and
// exports it to a file in any of the committee formats. The report's
// record line (the audit history it pins) is read from the store off the
// update loop: the preview shows it once read, and an export reads it
// again as it writes, so that the file pins the history as it is then.
type reportView struct {
	sh        *shell
	opts      report.Options
	doc       *document.Document
	rendered  bool
	vp        viewport.Model
	path      textinput.Model
	exporting bool
	// overwrite names the file an export found already there, while the
	// person says whether to overwrite it.
	overwrite string
	done      string
	err       string
	width     int
}

type renderedMsg struct {
	width int
	text  string
	doc   *document.Document // the report drawn: a drawing of an older one is dropped
}

// pinnedMsg brings the report's record line and who set the plan's
// fields (which date its accepted risks).
type pinnedMsg struct {
	pin    *ledger.Pin
	stamps assess.PlanStamps
	err    error
}

func newReport(sh *shell) *reportView {
	// Dated as the session is judged (session.evaluate): today, or a later
	// day of a sign-off or an acceptance the report shows.
	r := &reportView{sh: sh, opts: report.Options{Today: sh.sess.eval.Today, Catalog: sh.deps.Catalog}}
	r.doc = report.Build(sh.sess.eval, r.opts)
	r.vp = viewport.New()
	ti := textinput.New()
	ti.Prompt = "Export to: "
	ti.CharLimit = 4096
	r.path = ti
	return r
}

func (r *reportView) Title() string   { return r.sh.sess.where() }
func (r *reportView) tab() view       { return viewReport }
func (r *reportView) Capturing() bool { return r.exporting || r.overwrite != "" }
func (r *reportView) KeyMap() keyMap {
	switch {
	case r.overwrite != "":
		return overwriteKeyMap.keyMap()
	case r.exporting:
		return exportKeyMap.keyMap()
	}
	return reportKeyMap.keyMap()
}

// loadPin reads the record line's pin, off the update loop, with the
// plan's stamps where the store gives them in the same read.
func (r *reportView) loadPin() tea.Cmd {
	d, a := r.sh.deps, r.sh.sess.a
	if d.Pin == nil && d.PinnedAssessment == nil {
		return nil
	}
	return func() tea.Msg {
		var msg pinnedMsg
		if d.PinnedAssessment != nil {
			pinned, err := readPinned(d, a.ID)
			if err != nil {
				return pinnedMsg{err: err}
			}
			msg.pin, msg.stamps = &pinned.pin, pinned.stamps
		} else if d.Pin != nil {
			pin, err := withinDeadline(d, func(ctx context.Context) (ledger.Pin, error) { return d.Pin(ctx, a.ID) })
			if err != nil {
				return pinnedMsg{err: err}
			}
			msg.pin = &pin
		}
		return msg
	}
}

// rebuild builds the report again from the session, once others have
// changed the assessment or the day has changed (day.go), and reads its record line again, which their
// changes moved on: the preview never shows a report the database has
// left behind.
func (r *reportView) rebuild() tea.Cmd {
	// The day too: the session may have been judged on a new one.
	r.opts.Today = r.sh.sess.eval.Today
	r.doc = report.Build(r.sh.sess.eval, r.opts)
	return tea.Batch(r.render(), r.loadPin())
}

// render lays the report out for the terminal's width, off the update loop.
func (r *reportView) render() tea.Cmd {
	width := max(r.sh.width-2, 20)
	r.width = width
	doc, st, ascii := r.doc, r.sh.st, r.sh.deps.ASCII
	return func() tea.Msg {
		return renderedMsg{width: width, text: renderDocument(doc, width, st, ascii), doc: doc}
	}
}

func (r *reportView) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case pinnedMsg:
		if msg.err != nil {
			r.err = "the report's record line could not be read: " + said(msg.err)
			return r, nil
		}
		r.opts.Record = msg.pin
		if msg.stamps != nil {
			r.opts.AcceptedOn = assess.AcceptedOn(r.sh.sess.eval, msg.stamps)
		}
		r.doc = report.Build(r.sh.sess.eval, r.opts)
		return r, r.render()
	case renderedMsg:
		if msg.doc != r.doc {
			return r, nil // the record line came in since: its render follows
		}
		replaceContent(&r.vp, msg.text, r.rendered)
		r.rendered = true
		return r, nil
	case tea.WindowSizeMsg:
		return r, r.render()
	case exportAnswer:
		if msg.exists {
			r.overwrite = msg.path // nothing written: ask
			return r, nil
		}
		if msg.err != nil {
			// said: a renderer's failure is in the workspace's words
			// (renderFailed), the writer's and the store's in theirs.
			r.err = "export failed: " + said(msg.err)
			return r, nil
		}
		r.done, r.err = "Exported to "+clean(msg.path), ""
		if msg.recorded && len(r.sh.saves.failed) > 0 {
			// The preview shows what the file, made from the store, does not.
			r.err = "Exported what the database holds, without the changes shown here that were not saved, to " + clean(msg.path)
		}
		return r, nil
	case tea.PasteMsg:
		if !r.exporting || r.overwrite != "" {
			return r, nil
		}
		var cmd tea.Cmd
		r.path, cmd = pasteInto(r.path, msg)
		return r, cmd
	case tea.KeyPressMsg:
		if r.overwrite != "" {
			return r, r.overwriteKey(msg)
		}
		if r.exporting {
			return r, r.exportKey(msg)
		}
		switch {
		case key.Matches(msg, global.Back):
			return r.sh.goHome()
		case key.Matches(msg, reportKeyMap.Export) && r.sh.exports.writing != nil:
			r.done, r.err = stillWriting(r.sh.exports.writing.path), ""
			return r, nil
		case key.Matches(msg, reportKeyMap.Export):
			r.exporting = true
			r.done = ""
			r.path.SetValue(r.defaultPath())
			r.path.CursorEnd()
			r.path.SetStyles(r.sh.st.inputStyles())
			return r, r.path.Focus()
		case key.Matches(msg, reportKeyMap.PageDown):
			r.vp.PageDown()
			return r, nil
		case key.Matches(msg, reportKeyMap.PageUp):
			r.vp.PageUp()
			return r, nil
		case key.Matches(msg, reportKeyMap.HalfPageDown):
			r.vp.HalfPageDown()
			return r, nil
		case key.Matches(msg, reportKeyMap.HalfPageUp):
			r.vp.HalfPageUp()
			return r, nil
		case key.Matches(msg, reportKeyMap.Top):
			r.vp.GotoTop()
			return r, nil
		case key.Matches(msg, reportKeyMap.Bottom):
			r.vp.GotoBottom()
			return r, nil
		}
		var cmd tea.Cmd
		r.vp, cmd = r.vp.Update(msg)
		return r, cmd
	}
	return r, nil
}

func (r *reportView) exportKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		r.exporting = false
		r.path.Blur()
		return nil
	case "enter":
		path := strings.TrimSpace(r.path.Value())
		if path == "" {
			r.err = "enter a file name"
			return nil
		}
		r.exporting = false
		if _, err := exportFormat(path); err != nil {
			// Said before anything is written; e opens the export
			// again.
			err = planCSVNotHere(path, err, r.sh.sess.a.ID)
			r.err, r.done = said(err)+"; nothing was written", ""
			r.path.Blur()
			return nil
		}
		r.path.Blur()
		full, err := exportTarget(r.sh.deps, path)
		if err != nil {
			r.err, r.done = said(err)+"; nothing was written", ""
			return nil
		}
		r.err = ""
		return r.export(full, false)
	case "tab":
		r.path.SetValue(nextFormat(r.path.Value()))
		r.path.CursorEnd()
		return nil
	}
	var cmd tea.Cmd
	r.path, cmd = r.path.Update(msg)
	return cmd
}

// export writes the report to path, replacing a file there only if
// replace is set. When the store signs its records (Deps.PinnedAssessment), the file
// pins the record it shows for assay verify --against: it is made, as
// assay report makes it, from the assessment as the store holds it once
// the writes queued before it are done, read with its record as one. Made
// from the screen's copy, it showed a change whose write had failed (or
// had not yet landed) under a record without it, and verify vouched for
// it.
func (r *reportView) export(path string, replace bool) tea.Cmd {
	id := r.sh.sess.a.ID
	return r.sh.exports.start(exportJob{kind: exportOfReport, id: id, path: path, write: r.exportTo(path)}, replace)
}

// exportTo is the export of the report shown now to path, which
// exportTracker runs, and runs again to replace the file there.
func (r *reportView) exportTo(path string) func(replace bool) tea.Cmd {
	d, doc, opts, id, saves := r.sh.deps, r.doc, r.opts, r.sh.sess.a.ID, r.sh.saves
	return func(replace bool) tea.Cmd {
		if d.PinnedAssessment == nil {
			return exportDocument(d, path, doc, replace)
		}
		return recordedExport(d, saves, id, opts, path, replace)
	}
}

// recordedExport writes the report of assessment id as the store holds
// it once the writes queued before it are done (export).
func recordedExport(d Deps, saves *saver, id int64, opts report.Options, path string, replace bool) tea.Cmd {
	return saves.afterWrites(func() tea.Msg {
		doc, err := recordedReport(d, id, opts)
		if err != nil {
			return exportedMsg{path: path, err: err}
		}
		msg := exportDocument(d, path, doc, replace)()
		if m, ok := msg.(exportedMsg); ok {
			m.recorded = true
			return m
		}
		return msg
	})
}

// recordedReport is the committee report of assessment id made, as
// assay report makes it, from the assessment as the store holds it, read
// with its record line (Deps.PinnedAssessment, which must be set) as one.
func recordedReport(d Deps, id int64, opts report.Options) (*document.Document, error) {
	pinned, err := readPinned(d, id)
	if err != nil {
		return nil, err
	}
	ev := assess.Evaluate(pinned.a, opts.Today)
	opts.Record, opts.AcceptedOn = &pinned.pin, assess.AcceptedOn(ev, pinned.stamps)
	return report.Build(ev, opts), nil
}

// pinnedRead is assessment id as the store holds it with its record
// line and its plan's stamps, read as one (Deps.PinnedAssessment).
type pinnedRead struct {
	a      *assess.Assessment
	pin    ledger.Pin
	stamps assess.PlanStamps
}

// readPinned reads it within a write's deadline (withinDeadline): a
// server that accepts and never answers left the preview's record line,
// or the export, waiting, unsaid.
func readPinned(d Deps, id int64) (pinnedRead, error) {
	return withinDeadline(d, func(ctx context.Context) (pinnedRead, error) {
		a, pin, stamps, err := d.PinnedAssessment(ctx, id)
		return pinnedRead{a, pin, stamps}, err
	})
}

// overwriteKey answers the question whether to overwrite a file: y
// writes over it; n or esc goes back to the file name, to change it.
func (r *reportView) overwriteKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, overwriteKeyMap.Yes):
		r.overwrite = ""
		return r.sh.exports.replace()
	case key.Matches(msg, overwriteKeyMap.No):
		r.overwrite = ""
		r.sh.exports.keep()
		r.exporting = true
		r.path.SetStyles(r.sh.st.inputStyles())
		return r.path.Focus()
	}
	return nil
}

var unsafeFileChars = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[^A-Za-z0-9._-]+`) })

// defaultPath names the report after the subject and the assessment.
func (r *reportView) defaultPath() string {
	return defaultReportPath(r.sh.deps, r.sh.sess.a)
}

// defaultReportPath is the Markdown report's name for assessment a, in
// the export folder.
func defaultReportPath(d Deps, a *assess.Assessment) string {
	return exportPath(d, a.Subject, a.ID, "report.md")
}

// exportPath names a file exported from assessment id of subject, in the
// export folder: the subject in safe letters, the ID, then what it is
// ("report.md", "trail.txt").
func exportPath(d Deps, subject string, id int64, what string) string {
	slug := strings.Trim(unsafeFileChars().ReplaceAllString(strings.ToLower(subject), "-"), "-.")
	if slug == "" {
		slug = "assessment"
	}
	if len(slug) > 40 {
		slug = slug[:40]
	}
	name := fmt.Sprintf("%s-%d-%s", slug, id, what)
	if d.ExportDir != "" {
		return filepath.Join(d.ExportDir, name)
	}
	return name
}

func (r *reportView) View(width, height int) string {
	st := r.sh.st
	var top string
	switch {
	case r.overwrite != "":
		const ask, answer = "Already there: ", " · y overwrites it, n keeps it"
		top = st.warn.Render(ask + fit(clean(r.overwrite), width-len(ask)-len([]rune(answer))) + answer)
	case r.exporting:
		fitInput(&r.path, max(width-14, 1))
		top = r.path.View()
		if hint := relativeHint(r.sh.deps, width); hint != "" {
			top = lines(top, st.muted.Render(hint))
		}
	case r.err != "":
		// Wrapped, not cut: an error's end often says what became of the
		// file ("nothing was written"), and a long path pushes it past the
		// width.
		top = st.error.Render(wrap(r.err, width))
	case r.done != "":
		top = st.ok.Render(wrap(r.done, width)) // a long path, whole, and what comes after it
	default:
		top = st.muted.Render(fit("Committee report preview · e exports it: Markdown, HTML, PDF or DOCX", width))
	}
	// On a terminal too short for it all, the top line (the file name
	// being typed, the question y or n answers, what became of an export:
	// its first line and its last) comes first, then the percentage, then
	// the report: the frame cut the lines too many from the end, and on
	// two lines that was the question or the end of the name typed.
	tops := strings.Split(top, "\n")
	if height <= 1 {
		return tops[0]
	}
	tops = keepEnds(tops, height-1)
	rows := height - len(tops) - 1 // the report's, under the top and over the percentage
	if !r.rendered {
		if rows > 0 {
			tops = append(tops, "")
		}
		return lines(append(tops, st.muted.Render("Rendering…"))...)
	}
	pct := st.muted.Render(fmt.Sprintf("%3.0f%%", r.vp.ScrollPercent()*100))
	if rows < 1 {
		return lines(append(tops, pct)...)
	}
	r.vp.SetWidth(width)
	r.vp.SetHeight(rows)
	return lines(append(tops, r.vp.View(), pct)...)
}

// replaceContent puts a new rendering of the report in the viewport. The
// report is rendered again when its record line arrives, a line longer: a
// reader who went to the end (End, G) before then stays at the end
// instead of finding it one line short at 99%.
func replaceContent(vp *viewport.Model, text string, shown bool) {
	atEnd := shown && vp.YOffset() > 0 && vp.AtBottom()
	vp.SetContent(text)
	if atEnd {
		vp.GotoBottom()
	}
}
