package tui

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/internal/fileformat"
	"github.com/assay-dev/assay/internal/input"
	"github.com/assay-dev/assay/internal/render"
)

// The report's export offers every committee format: the file name's
// extension chooses it, and tab steps the extension through them.

type exportKeys struct {
	Export, Cancel, NextFormat key.Binding
}

var exportKeyMap = exportKeys{
	Export:     bind("enter", "export", "enter"),
	Cancel:     bind("esc", "cancel", "esc"),
	NextFormat: bind("tab", "next format (md, html, pdf, docx)", "tab"),
}

// overwriteKeys answer whether to overwrite the file an export names.
type overwriteKeys struct {
	Yes, No key.Binding
}

var overwriteKeyMap = overwriteKeys{
	Yes: bind("y", "overwrite it", "y"),
	No:  bind("n/esc", "choose another name", "n", "esc"),
}

func (k overwriteKeys) keyMap() keyMap {
	return keyMap{
		short: []key.Binding{k.Yes, k.No, global.ForceQuit},
		full:  [][]key.Binding{{k.Yes, k.No, global.ForceQuit}},
	}
}

func (k exportKeys) keyMap() keyMap {
	return keyMap{
		short: []key.Binding{k.Export, k.Cancel, k.NextFormat, global.ForceQuit},
		full:  [][]key.Binding{{k.Export, k.Cancel, k.NextFormat, global.ForceQuit}},
	}
}

// exportFormat is the committee format a file name asks for by its
// extension (fileformat.Of, as assay report -o reads it: .htm is HTML,
// .markdown Markdown); Markdown when it names no format. A name for a
// format the report is not written in (acme.json, plan.csv) is refused,
// saying which it is written in.
func exportFormat(path string) (render.Format, error) {
	named := fileformat.Of(path)
	if named == "" {
		return render.Markdown, nil
	}
	if f, ok := render.Parse(named); ok {
		return f, nil
	}
	return "", fileformat.NotExported(path)
}

// planCSVNotHere adds to the refusal of a report export named .csv
// (exportFormat) where the plan's CSV is written: the full-screen
// workspace exports reports only; accessible mode writes the plan's CSV
// from the plan, and assay plan does at a shell, after quitting.
func planCSVNotHere(path string, err error, id int64) error {
	if fileformat.Of(path) != "csv" {
		return err
	}
	return fmt.Errorf("%w; this workspace does not write the plan as CSV: accessible mode (assay --accessible) writes it from the plan with c, "+
		"and after you quit, assay plan %d --csv -o FILE writes it", err, id)
}

// nextFormat changes a file name's extension to the next format's.
func nextFormat(path string) string {
	cur, err := exportFormat(path)
	next := render.Formats[0]
	for i, f := range render.Formats {
		if f == cur {
			next = render.Formats[(i+1)%len(render.Formats)]
		}
	}
	if err == nil && fileformat.Of(path) != "" {
		path = strings.TrimSuffix(path, filepath.Ext(path))
	}
	return path + next.Extension()
}

// renderReport is render.Render: a test makes it fail
// (FailRenderingForTest), as a renderer's fault cannot be made to happen
// from the outside.
var renderReport = render.Render

// exportDocument renders the report in the file's format, off the update
// loop (a PDF takes a moment to lay out), and writes it as every export is
// written.
func exportDocument(d Deps, path string, doc *document.Document, replace bool) tea.Cmd {
	return func() tea.Msg {
		var content []byte
		format, err := exportFormat(path)
		if err == nil {
			if content, err = renderReport(format, doc); err != nil {
				err = renderFailed{format: format, err: err}
			}
		}
		if err != nil {
			return exportedMsg{path: path, err: err}
		}
		return exportReport(d, path, content, replace)()
	}
}

// exportTarget is the file a name typed into an export's prompt writes:
// a name without a folder, or a folder relative, is in the export folder
// (Deps.ExportDir, the folder assay was started in, as assay report -o's
// relative name is), said in full so that the person reads where the
// file went; a name from ~/ is in the home folder (Deps.Home), as a shell
// would have expanded it, and said in full too; a name from the root, or
// any name when the export folder is not known, as typed. A name with
// ".." is joined, not cleaned: the system reads ".." after a link as the
// link's target's parent, which cleaning would not.
//
// Refused: ~ naming no file in the home folder, ~user/ (another person's
// home folder, which a shell looks up and assay does not), and ~/ when
// the home folder is not known: taken as names, each was a folder named
// "~" or "~user" in the start folder.
func exportTarget(d Deps, typed string) (string, error) {
	if rest, ok := fromHome(typed); ok {
		switch {
		case rest == "":
			return "", fmt.Errorf("%s is your home folder: name a file in it, such as ~/report.md", typed)
		case d.Home == "":
			return "", fmt.Errorf("%s: the home folder is not known ($HOME is not set): type the full path", typed)
		}
		return filepath.Join(d.Home, rest), nil
	}
	if user, ok := otherHome(typed); ok {
		return "", fmt.Errorf("~%s/ names the home folder of %s, which assay does not look up: type the full path, or ~/ for your own", user, user)
	}
	if d.ExportDir == "" || filepath.IsAbs(typed) {
		return typed, nil
	}
	if slices.Contains(strings.Split(filepath.ToSlash(typed), "/"), "..") {
		return strings.TrimSuffix(d.ExportDir, string(filepath.Separator)) + string(filepath.Separator) + typed, nil
	}
	return filepath.Join(d.ExportDir, typed), nil
}

// fromHome is what follows ~/ in a name typed from the home folder (""
// for ~ alone).
func fromHome(typed string) (rest string, ok bool) {
	if !input.HomeRelative(typed) {
		return "", false
	}
	return strings.TrimLeft(typed[1:], "/"+string(filepath.Separator)), true
}

// otherHome is the user of a name typed from ~user/.
func otherHome(typed string) (user string, ok bool) {
	first, _, found := strings.Cut(filepath.ToSlash(typed), "/")
	if !found || len(first) < 2 || first[0] != '~' {
		return "", false
	}
	return first[1:], true
}

// relativeHint is what an export's prompt says a name without a folder
// means, and what ~/ is (as accessible mode's prompts say, wherePathsGo),
// on one line of width; "" when the export folder is not known. A folder
// too long for the line loses its start, not its end (the folder it names)
// nor the words about ~/.
func relativeHint(d Deps, width int) string {
	if d.ExportDir == "" {
		return ""
	}
	const lead = "A name without a folder is written in "
	tail := ""
	if d.Home != "" {
		tail = "; ~/ is your home folder"
	}
	dir := clean(d.ExportDir)
	room := width - len(lead) - len(tail)
	if w := ansi.StringWidth(dir); w > room && room > len("…/x") {
		dir = ansi.TruncateLeft(dir, w-room+1, "…")
	}
	return fit(lead+dir+tail, width)
}
