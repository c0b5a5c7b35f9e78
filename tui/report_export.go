package tui

import (
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess/report/document"
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

// exportFormat is the format a file name asks for by its extension;
// Markdown when it names none of them.
func exportFormat(path string) render.Format {
	if f, ok := render.Parse(strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")); ok {
		return f
	}
	return render.Markdown
}

// nextFormat changes a file name's extension to the next format's.
func nextFormat(path string) string {
	cur := exportFormat(path)
	next := render.Formats[0]
	for i, f := range render.Formats {
		if f == cur {
			next = render.Formats[(i+1)%len(render.Formats)]
		}
	}
	if _, ok := render.Parse(strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")); ok {
		path = strings.TrimSuffix(path, filepath.Ext(path))
	}
	return path + next.Extension()
}

// exportDocument renders the report in the file's format, off the update
// loop (a PDF takes a moment to lay out), and writes it as every export is
// written.
func exportDocument(d Deps, path string, doc *document.Document, replace bool) tea.Cmd {
	return func() tea.Msg {
		content, err := render.Render(exportFormat(path), doc)
		if err != nil {
			return exportedMsg{path: path, err: err}
		}
		return exportReport(d, path, content, replace)()
	}
}
