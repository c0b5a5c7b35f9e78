// Package rendertest holds what the report renderers' tests share: a
// document that puts hostile text in every place text can go, and the
// checks that it stayed text.
package rendertest

import (
	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/assess/safetext"
)

// Evil is text that tries to become markup in some format: HTML and
// script, an SVG element, a Markdown table row and link, XML that would
// close a WordprocessingML run, a PDF string delimiter and operator, a CSS
// string end, and CJK and accented letters that must survive.
const Evil = "x | y </td></tr><script>alert(1)</script><img src=x onerror=alert(1)> " +
	"<svg onload=alert(2)> [click](javascript:alert(1)) </w:t></w:r><w:r><w:t>injected " +
	") Tj ET BT (pdf \") } body { display: none } 株式会社 Zoë Ångström"

// EvilText is Evil as it appears in a report: on one line.
var EvilText = safetext.OneLine(Evil)

// Document puts Evil in the title, subject, headings, prose, lists, table
// cells and headers, figure captions and figure labels, and a kept group.
func Document() *document.Document {
	e := func(style document.Style) document.Span { return document.Span{Text: EvilText, Style: style} }
	line := document.Text{{Text: "Label: "}, e(document.Plain), {Text: " "}, e(document.Strong), {Text: " "}, e(document.Code), {Text: " "}, e(document.Emph)}
	cells := [][]document.Text{{{e(document.Plain)}, line, {}}}
	for i := 0; i < 60; i++ { // enough rows to break across pages
		cells = append(cells, []document.Text{{{Text: "row"}}, {e(document.Plain)}, {{Text: "x"}}})
	}
	likelihood := []string{EvilText, "low", "high"}
	grid := [][]document.MapCell{
		{{Level: "low", Tone: document.Good}, {Level: "medium", Tone: document.Caution, Risks: []string{EvilText}}},
		{{Level: "medium", Tone: document.Caution}, {Level: "high", Tone: document.Warning}},
		{{Level: "high", Tone: document.Warning}, {Level: "critical", Tone: document.Danger, Risks: []string{"R1"}}},
	}
	return &document.Document{
		Meta: document.Meta{Title: "Report " + EvilText, Subject: EvilText, Date: "2026-03-15", State: "draft"},
		Blocks: []document.Block{
			&document.Heading{Level: 1, Text: document.Text{{Text: "Title: "}, e(document.Plain)}},
			&document.List{Items: []document.Text{line, line}},
			&document.Heading{Level: 2, Text: document.Text{e(document.Plain)}},
			&document.Paragraph{Text: line},
			&document.List{Ordered: true, Items: []document.Text{line}},
			&document.Heading{Level: 3, Text: document.Text{{Text: "Table "}, e(document.Code)}},
			&document.Table{Header: []document.Text{{e(document.Plain)}, {{Text: "Text"}}, {{Text: "Empty"}}}, Rows: cells},
			&document.Figure{Caption: EvilText, Drawing: document.RiskMap(likelihood, []string{EvilText, "big"}, grid)},
			&document.Group{Blocks: []document.Block{
				&document.Heading{Level: 2, Text: document.Text{{Text: "Sign-off"}}},
				&document.Table{Header: []document.Text{{{Text: "Role"}}, {{Text: "Name"}}}, Rows: [][]document.Text{{{{Text: "Chair"}}, {e(document.Plain)}}}},
			}},
		},
	}
}
