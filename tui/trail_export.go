package tui

import (
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/history"
	"github.com/assay-dev/assay/internal/fileformat"
)

// trailExport is the trail screen's e: it writes the records shown (the
// question's, what / keeps, or all of them) as assay history -o writes
// them (Deps.TrailFile), through the writer every export of the
// workspace goes through (exportReport: owner-only, never over the
// database, a file already there replaced only after y).
type trailExport struct {
	path   textinput.Model
	typing bool
	// overwrite names the file found already there, while the person
	// says whether to replace it.
	overwrite string
	said      string // what became of the last export, until the next key
	failed    bool
}

func newTrailExport() trailExport {
	ti := textinput.New()
	ti.Prompt = "Export to: "
	ti.CharLimit = 4096
	return trailExport{path: ti}
}

// canExport: the workspace was given assay history's writer and a file
// writer.
func (s *trailScreen) canExport() bool {
	d := s.sh.deps
	return d.TrailFile != nil && d.WriteFile != nil
}

// startExport asks for the file, offering a text file named after the
// assessment in the export folder.
func (s *trailScreen) startExport() tea.Cmd {
	if w := s.sh.exports.writing; w != nil {
		s.export.said = stillWriting(w.path)
		return nil
	}
	s.export.typing = true
	s.export.path.SetValue(exportPath(s.sh.deps, s.subject, s.id, "trail.txt"))
	s.export.path.CursorEnd()
	s.export.path.SetStyles(s.sh.st.inputStyles())
	return s.export.path.Focus()
}

// exportKey is a key while the file name has the keyboard: enter
// writes, esc gives up, tab switches between text and JSON.
func (s *trailScreen) exportKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		s.export.typing = false
		s.export.path.Blur()
		return nil
	case "enter":
		path := strings.TrimSpace(s.export.path.Value())
		if path == "" {
			s.export.said, s.export.failed = "enter a file name", true
			return nil
		}
		s.export.typing = false
		s.export.path.Blur()
		full, err := exportTarget(s.sh.deps, path)
		if err != nil {
			s.export.said, s.export.failed = said(err)+"; nothing was written", true
			return nil
		}
		return s.write(full, false)
	case "tab":
		s.export.path.SetValue(otherTrailFormat(s.namedFile(s.export.path.Value())))
		s.export.path.CursorEnd()
		return nil
	}
	var cmd tea.Cmd
	s.export.path, cmd = s.export.path.Update(msg)
	return cmd
}

// overwriteKey answers whether to replace the file there: y does; n or
// esc goes back to the file name.
func (s *trailScreen) overwriteKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, overwriteKeyMap.Yes):
		s.export.overwrite = ""
		return s.sh.exports.replace()
	case key.Matches(msg, overwriteKeyMap.No):
		s.export.overwrite = ""
		s.sh.exports.keep()
		s.export.typing = true
		s.export.path.SetStyles(s.sh.st.inputStyles())
		return s.export.path.Focus()
	}
	return nil
}

// write writes the records shown now to path, off the update loop: the
// trail as read when the screen opened, picked as it shows them.
func (s *trailScreen) write(path string, replace bool) tea.Cmd {
	t := history.Trail{Assessment: s.id, Archived: s.archived, Revision: s.revision, RevisionOf: s.revisionOf,
		Verdict: s.verdict, Entries: s.entries, Filter: history.Filter{Question: s.question, Text: s.filter.input.Value()}}
	d := s.sh.deps
	write := func(replace bool) tea.Cmd {
		return func() tea.Msg {
			content, err := d.TrailFile(path, t)
			if err != nil {
				return exportedMsg{path: path, err: err}
			}
			return exportReport(d, path, content, replace)()
		}
	}
	return s.sh.exports.start(exportJob{kind: exportOfTrail, id: s.id, path: path, count: len(s.shown()), write: write}, replace)
}

// exported says what became of an export, or asks before replacing.
func (s *trailScreen) exported(msg exportAnswer) {
	switch {
	case msg.exists:
		s.export.overwrite = msg.path
	case msg.err != nil:
		s.export.said, s.export.failed = "trail not exported: "+said(msg.err), true
	case msg.job.count == 0:
		// "the 0 records shown" read as a slip; the file holds none.
		s.export.said = "Exported to " + clean(msg.path) + ": no record is shown, so the file holds none."
	default:
		s.export.said = "Exported the " + assess.Count(msg.job.count, "record", "records") + " shown to " + clean(msg.path)
	}
}

// exportStatus is what the export has to say above the footer, wrapped
// (an error's end says what became of the file): the question whether
// to replace a file, or what became of the last export.
func (s *trailScreen) exportStatus(width int) []string {
	st := s.sh.st
	switch {
	case s.export.overwrite != "":
		const ask, answer = "Already there: ", " · y overwrites it, n keeps it"
		return []string{st.warn.Render(ask + fit(clean(s.export.overwrite), width-len(ask)-len([]rune(answer))) + answer)}
	case s.export.typing:
		if hint := relativeHint(s.sh.deps, width); hint != "" {
			return []string{st.muted.Render(hint)}
		}
		return nil
	case s.export.said == "":
		return nil
	}
	style := st.ok
	if s.export.failed {
		style = st.error
	}
	var out []string
	for _, l := range strings.Split(wrap(s.export.said, width), "\n") {
		out = append(out, style.Render(l))
	}
	return out
}

// namedFile is the name typed, or, when it names no file (nothing, or a
// folder ending in /), the trail's own name in that folder or the export
// folder: tab on it gave ".json", a hidden file of no name.
func (s *trailScreen) namedFile(typed string) string {
	switch {
	case strings.TrimSpace(typed) == "":
		return exportPath(s.sh.deps, s.subject, s.id, "trail.txt")
	case strings.HasSuffix(typed, "/") || strings.HasSuffix(typed, string(filepath.Separator)):
		return typed + exportPath(Deps{}, s.subject, s.id, "trail.txt")
	}
	return typed
}

// otherTrailFormat turns a text file's name into the JSON one's, and
// back: the two formats assay history writes.
func otherTrailFormat(path string) string {
	ext := filepath.Ext(path)
	switch {
	case fileformat.Of(path) == "json":
		return strings.TrimSuffix(path, ext) + ".txt"
	case strings.EqualFold(ext, ".txt") || fileformat.Of(path) == "md":
		return strings.TrimSuffix(path, ext) + ".json"
	}
	return path + ".json"
}

// keepEnds cuts lines to at most n, keeping the first (what failed) and
// the last (what became of the file), so that what the export says
// leaves the trail some of the screen.
func keepEnds(lines []string, n int) []string {
	if len(lines) <= n {
		return lines
	}
	if n == 1 {
		return lines[:1]
	}
	return append(append([]string{}, lines[:n-1]...), lines[len(lines)-1])
}
