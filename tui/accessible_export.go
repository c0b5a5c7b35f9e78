package tui

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/internal/fileformat"
	"github.com/assay-dev/assay/internal/render"
)

// formatWords name the report formats as they are offered.
var formatWords = map[render.Format]string{render.Markdown: "Markdown", render.HTML: "HTML", render.PDF: "PDF", render.DOCX: "DOCX"}

// export writes a's committee report to a file in accessible mode: the
// format and the path are asked, and the file is written as the
// workspace's export writes it (Deps.CreateFile, under the rules of assay
// report -o: a folder not there named, the database and assay's own files
// refused), over a file already there only when the person says so.
// False when the input ended or the person typed q.
func (p *prompter) export(a *assess.Assessment) bool {
	if p.d.WriteFile == nil {
		p.say("Writing files is not available here; assay report writes the report on the command line.")
		return true
	}
	parts := make([]string, len(render.Formats))
	for i, f := range render.Formats {
		parts[i] = fmt.Sprintf("%d %s", i+1, formatWords[f])
	}
	p.say("")
	for {
		line, ok := p.ask(fmt.Sprintf("Write the report of assessment %d, %s, to a file. Formats: %s. Type a format's number, or b to go back to assessment %d's choices:",
			a.ID, clean(a.Subject), strings.Join(parts, ", "), a.ID))
		switch {
		case !ok || isCommand(line, "q"):
			return false
		case isCommand(line, "b"):
			return true
		}
		n, err := strconv.Atoi(line)
		if err != nil || n < 1 || n > len(render.Formats) {
			p.say(fmt.Sprintf("%s; type %s, or b.", notOffered("format", line), numberUpTo(len(render.Formats))))
			continue
		}
		written, ok := p.exportAs(a, render.Formats[n-1])
		if !ok {
			return false
		}
		if written {
			return true
		}
	}
}

// exportAs asks for the file's path until the report is written there
// or the person goes back (b); false ok when the input ended.
func (p *prompter) exportAs(a *assess.Assessment, f render.Format) (written, ok bool) {
	def := strings.TrimSuffix(defaultReportPath(p.d, a), render.Markdown.Extension()) + f.Extension()
	words := formatWords[f]
	for {
		path, ok := p.ask(fmt.Sprintf("File name for the %s report: type a path%s, press Enter alone for %s, or type b alone to choose another format:",
			words, wherePathsGo(p.d), clean(def)))
		switch {
		case !ok:
			return false, false
		case isCommand(path, "b"):
			return false, true
		case path == "":
			path = def
		}
		// A name with an escape sequence or a bidi control is refused, as
		// the domain refuses one in a name: the file written would not be
		// the name read out, which is cleaned.
		if err := assess.CheckLine("the file name", path); err != nil {
			p.say(fullStop("Not written: " + refusal(err)))
			continue
		}
		// A name for another format is refused, as assay report refuses
		// -o r.pdf with --format html: the file would not be what it says.
		// The name is read as the workspace's export reads it (r.htm is
		// HTML; r.json names no format the export writes).
		if named := fileformat.Of(path); named != "" {
			switch other, ok := render.Parse(named); {
			case !ok && named == "csv":
				p.say(fullStop("Not written: " + fileformat.NotExported(path).Error() +
					"; the plan's CSV is written from the remediation plan: type b twice, then 2 for the plan, then c"))
				continue
			case !ok:
				p.say(fullStop("Not written: " + fileformat.NotExported(path).Error()))
				continue
			case other != f:
				p.say(fullStop("Not written: " + fileformat.WrittenAsAnother(path, "the report is "+words,
					"name it "+f.Extension()+", or choose "+formatWords[other]).Error()))
				continue
			}
		}
		full, err := exportTarget(p.d, path)
		if err != nil {
			p.say(fullStop("Not written: " + refusal(err)))
			continue
		}
		doc, err := p.reportDocument(a.ID)
		if err != nil {
			p.say(fullStop("Not written: " + refusal(err)))
			return false, true
		}
		content, err := renderReport(f, doc)
		if err != nil {
			p.say(fullStop("Not written: " + renderFailed{format: f, err: err}.words() + "; choose another format"))
			continue
		}
		written, ok := p.put(full, content, fmt.Sprintf("the %s report of assessment %d", words, a.ID))
		if !ok || written {
			return written, ok
		}
	}
}

// put writes content to path where no file is, and over a file already
// there only when the person says so, then says what was written (what)
// and where; written false when nothing was (refused, or the file kept),
// said why, and ok false when the input ended.
func (p *prompter) put(path string, content []byte, what string) (written, ok bool) {
	err := p.createFile(path, content)
	if errors.Is(err, fs.ErrExist) {
		over, ok := p.writeOver(path)
		if !ok {
			return false, false
		}
		if !over {
			p.say("Not written: " + fullPath(path) + " is kept as it was.")
			return false, true
		}
		err = p.d.WriteFile(path, content)
	}
	if err != nil {
		p.say(fullStop("Not written: " + refusal(err)))
		return false, true
	}
	p.say(fmt.Sprintf("Written: %s is the file %s.", what, fullPath(path)))
	return true, true
}

// writeOver asks whether the file at path is written over: y, or n or
// Enter alone for another name. Anything else is asked again, not taken
// for no: "yes" or "Y" used to go back to the file name in silence, and
// the next line typed became a file name.
func (p *prompter) writeOver(path string) (over, ok bool) {
	for {
		line, ok := p.ask("There is already a file at " + fullPath(path) + ". Type y to write over it, or n or Enter alone to choose another name:")
		switch {
		case !ok:
			return false, false
		case isCommand(line, "y"):
			return true, true
		case isCommand(line, "n") || line == "":
			return false, true
		}
		p.say("Type y to write over it, or n.")
	}
}

// createFile writes a file only where none is, when the workspace can.
func (p *prompter) createFile(path string, content []byte) error {
	if p.d.CreateFile != nil {
		return p.d.CreateFile(path, content)
	}
	return p.d.WriteFile(path, content)
}

// reportDocument is the committee report of assessment id as the store
// holds it now, with its record line when the store pins one, dated by
// its acceptances either way, as assay report and the workspace's export
// make it.
func (p *prompter) reportDocument(id int64) (*document.Document, error) {
	opts := report.Options{Today: p.d.Today(), Catalog: p.d.Catalog}
	if p.d.PinnedAssessment != nil {
		return recordedReport(p.d, id, opts)
	}
	a, stamps, err := p.withStamps(id)
	if err != nil {
		return nil, err
	}
	ev := assess.Evaluate(a, opts.Today)
	opts.AcceptedOn = assess.AcceptedOn(ev, stamps)
	return report.Build(ev, opts), nil
}

// wherePathsGo says, within a file-name prompt, where a name typed
// without a folder is written (exportTarget), and what ~/ is: read out
// as it is typed, "type a path" said nothing of either.
func wherePathsGo(d Deps) string {
	where := "the folder assay was started in"
	if d.ExportDir != "" {
		where = clean(d.ExportDir)
	}
	out := " (a name without a folder is written in " + where
	if d.Home != "" {
		out += "; ~/ is your home folder"
	}
	return out + ")"
}

// fullPath is path from the root, cleaned for reading out: a name typed
// relative ("4", "reports/r.md") said as typed reads as a folder, and
// says nothing of where the file is. A name from the home folder is
// made full before (exportTarget).
func fullPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return clean(path)
}
