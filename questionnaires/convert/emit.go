package convert

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/safetext"
)

// emit writes the draft as an assay questionnaire file. Every text is a
// double-quoted YAML string, so nothing in the source can change the
// file's structure; what could not be carried over is written as comments
// above the question it concerns.
func (d *draft) emit() []byte {
	var b strings.Builder
	for _, h := range d.Header {
		comment(&b, "", h)
	}
	fmt.Fprintf(&b, "id: %s\n", d.ID)
	fmt.Fprintf(&b, "version: %s\n", safetext.QuoteYAML(d.Version))
	fmt.Fprintf(&b, "title: %s\n", safetext.QuoteYAML(d.Title))
	fmt.Fprintf(&b, "kind: %s\n", d.Kind)
	if d.Description != "" {
		fmt.Fprintf(&b, "description: %s\n", safetext.QuoteYAML(d.Description))
	}
	if d.Copyright != "" {
		fmt.Fprintf(&b, "copyright: %s\n", safetext.QuoteYAML(d.Copyright))
	}
	if len(d.Dimensions) > 0 {
		b.WriteString("dimensions:\n")
		for _, dim := range d.Dimensions {
			fmt.Fprintf(&b, "  - {id: %s, title: %s, higher: %s}\n", dim.ID, safetext.QuoteYAML(dim.Title), dim.Higher)
		}
	}
	b.WriteString("sections:\n")
	for _, s := range d.Sections {
		fmt.Fprintf(&b, "  - id: %s\n", s.ID)
		fmt.Fprintf(&b, "    title: %s\n", safetext.QuoteYAML(s.Title))
		if s.Help != "" {
			fmt.Fprintf(&b, "    help: %s\n", safetext.QuoteYAML(s.Help))
		}
		b.WriteString("    questions:\n")
		for _, q := range s.Questions {
			q.emit(&b)
		}
	}
	return []byte(b.String())
}

func (q *draftQuestion) emit(b *strings.Builder) {
	const in = "        "
	b.WriteString("\n")
	if q.Source != "" {
		comment(b, "      ", "from "+q.Source)
	}
	for _, n := range q.ControlNotes {
		comment(b, "      ", "controls: "+n)
	}
	for _, n := range q.Notes {
		comment(b, "      ", "convert: "+n)
	}
	fmt.Fprintf(b, "      - id: %s\n", q.ID)
	fmt.Fprintf(b, "%stype: %s\n", in, q.Type)
	fmt.Fprintf(b, "%stext: %s\n", in, safetext.QuoteYAML(q.Text))
	if q.Help != "" {
		fmt.Fprintf(b, "%shelp: %s\n", in, safetext.QuoteYAML(q.Help))
	}
	if q.When != "" {
		fmt.Fprintf(b, "%swhen: %s\n", in, safetext.QuoteYAML(q.When))
	}
	if q.Optional {
		fmt.Fprintf(b, "%soptional: true\n", in)
	}
	if q.Dimension != "" {
		fmt.Fprintf(b, "%sdimension: %s\n", in, q.Dimension)
	}
	if q.Severity != "" {
		fmt.Fprintf(b, "%sseverity: %s\n", in, q.Severity)
		fmt.Fprintf(b, "%saction: %s\n", in, safetext.QuoteYAML(q.Action))
	}
	if len(q.Controls) > 0 {
		fmt.Fprintf(b, "%scontrols:\n", in)
		for _, fw := range frameworkOrder(q.Controls) {
			ids := make([]string, len(q.Controls[fw]))
			for i, id := range q.Controls[fw] {
				ids[i] = safetext.QuoteYAML(id)
			}
			fmt.Fprintf(b, "%s  %s: [%s]\n", in, fw, strings.Join(ids, ", "))
		}
	}
	if len(q.Options) > 0 {
		fmt.Fprintf(b, "%soptions:\n", in)
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
			fmt.Fprintf(b, "%s  - {%s}\n", in, strings.Join(fields, ", "))
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
