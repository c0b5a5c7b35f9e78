package convert

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// emitter writes the converted file and remembers, line by line, the
// field of the source each line was made from, so that what the loader
// refuses in the file written is said at the source (see check).
type emitter struct {
	b       strings.Builder
	origins []yamlx.Value // by line of the file written, from 0; absent where no field of the source made it
}

// line writes one line made from the source field at (absent for none).
func (e *emitter) line(at yamlx.Value, format string, args ...any) {
	fmt.Fprintf(&e.b, format, args...)
	e.b.WriteByte('\n')
	e.origins = append(e.origins, at)
}

// comment writes comment lines, which no field of the source made.
func (e *emitter) comment(indent, text string) {
	var c strings.Builder
	comment(&c, indent, text)
	e.b.WriteString(c.String())
	for range strings.Count(c.String(), "\n") {
		e.origins = append(e.origins, yamlx.Value{})
	}
}

// emit writes the draft as an assay questionnaire file. Every text is a
// double-quoted YAML string, so nothing in the source can change the
// file's structure; what could not be carried over is written as comments
// above the question it concerns. It returns, with the file, the source
// field each of its lines came from.
func (d *draft) emit() ([]byte, []yamlx.Value) {
	e := &emitter{}
	for _, h := range d.Header {
		e.comment("", h)
	}
	e.line(d.At["id"], "id: %s", d.ID)
	e.line(d.At["version"], "version: %s", safetext.QuoteYAML(d.Version))
	e.line(d.At["title"], "title: %s", safetext.QuoteYAML(d.Title))
	e.line(yamlx.Value{}, "kind: %s", d.Kind)
	if d.Description != "" {
		e.line(d.At["description"], "description: %s", safetext.QuoteYAML(d.Description))
	}
	if d.Copyright != "" {
		e.line(d.At["copyright"], "copyright: %s", safetext.QuoteYAML(d.Copyright))
	}
	if len(d.Dimensions) > 0 {
		e.line(yamlx.Value{}, "dimensions:")
		for _, dim := range d.Dimensions {
			e.line(yamlx.Value{}, "  - {id: %s, title: %s, higher: %s}", dim.ID, safetext.QuoteYAML(dim.Title), dim.Higher)
		}
	}
	e.line(yamlx.Value{}, "sections:")
	for _, s := range d.Sections {
		e.line(s.At, "  - id: %s", s.ID)
		e.line(s.At, "    title: %s", safetext.QuoteYAML(s.Title))
		if s.Help != "" {
			e.line(s.At, "    help: %s", safetext.QuoteYAML(s.Help))
		}
		e.line(s.At, "    questions:")
		for _, q := range s.Questions {
			q.emit(e)
		}
	}
	return []byte(e.b.String()), e.origins
}

func (q *draftQuestion) emit(e *emitter) {
	const in = "        "
	e.line(yamlx.Value{}, "")
	if q.Source != "" {
		e.comment("      ", "from "+q.Source)
	}
	for _, n := range q.ControlNotes {
		e.comment("      ", "controls: "+n)
	}
	for _, n := range q.Notes {
		e.comment("      ", "convert: "+n)
	}
	at := q.At
	e.line(at, "      - id: %s", q.ID)
	e.line(at, "%stype: %s", in, q.Type)
	e.line(at, "%stext: %s", in, safetext.QuoteYAML(q.Text))
	if q.Help != "" {
		e.line(at, "%shelp: %s", in, safetext.QuoteYAML(q.Help))
	}
	if q.When != "" {
		e.line(at, "%swhen: %s", in, safetext.QuoteYAML(q.When))
	}
	if q.Optional {
		e.line(at, "%soptional: true", in)
	}
	if q.Dimension != "" {
		e.line(at, "%sdimension: %s", in, q.Dimension)
	}
	if q.Severity != "" {
		e.line(at, "%sseverity: %s", in, q.Severity)
		e.line(at, "%saction: %s", in, safetext.QuoteYAML(q.Action))
	}
	if len(q.Controls) > 0 {
		e.line(at, "%scontrols:", in)
		for _, fw := range frameworkOrder(q.Controls) {
			ids := make([]string, len(q.Controls[fw]))
			for i, id := range q.Controls[fw] {
				ids[i] = safetext.QuoteYAML(id)
			}
			e.line(at, "%s  %s: [%s]", in, fw, strings.Join(ids, ", "))
		}
	}
	if len(q.Options) > 0 {
		e.line(at, "%soptions:", in)
		for _, o := range q.Options {
			fields := []string{"value: " + safetext.QuoteYAML(o.Value)}
			if o.Label != "" && o.Label != o.Value {
				fields = append(fields, "label: "+safetext.QuoteYAML(o.Label))
			}
			if o.Points != "" {
				fields = append(fields, "points: "+o.Points)
			}
			if o.NA {
				fields = append(fields, "na: true")
			}
			if o.Gap != "" {
				fields = append(fields, "gap: "+o.Gap)
			}
			oat := o.At
			if !oat.Exists() {
				oat = at
			}
			e.line(oat, "%s  - {%s}", in, strings.Join(fields, ", "))
		}
	}
}

// frameworkOrder lists the frameworks of controls: assay's own in their
// usual order, then any others (user catalogs) by name.
func frameworkOrder(controls map[string][]string) []string {
	var out []string
	for _, fw := range assess.Frameworks {
		if len(controls[string(fw)]) > 0 {
			out = append(out, string(fw))
		}
	}
	var others []string
	for fw, ids := range controls {
		if len(ids) > 0 && !isBuiltinFramework(fw) {
			others = append(others, fw)
		}
	}
	sortStrings(others)
	return append(out, others...)
}

func isBuiltinFramework(fw string) bool {
	for _, f := range assess.Frameworks {
		if string(f) == fw {
			return true
		}
	}
	return false
}

// comment writes text as YAML comment lines, one per line of text, so that
// a line break in the source can never end the comment.
func comment(b *strings.Builder, indent, text string) {
	for _, line := range strings.Split(clean(text), "\n") {
		line = strings.TrimRightFunc(line, unicode.IsSpace)
		if line == "" {
			fmt.Fprintf(b, "%s#\n", indent)
			continue
		}
		fmt.Fprintf(b, "%s# %s\n", indent, line)
	}
}
