package tui_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/questionnaires"
	"github.com/assay-dev/assay/tui"
)

// The committee report of every built-in questionnaire, laid out for
// terminals from narrow to wide: no line is wider than the terminal,
// the subject shows as it was typed (markup characters and all, the
// escape sequence gone), and nothing but colours and bold reaches the
// terminal.
func TestReportInTheTerminal(t *testing.T) {
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range lib.All() {
		a := &assess.Assessment{ID: 7, UUID: "0b6f0e8e-4a55-4d2b-9b43-5c8a2b1f0a11", Subject: "Acme *Cloud* _Ltd_ `x` <b>&amp; | pipe [link](http://x) \x1b[31mred",
			SubjectKind: "vendor", Reviewer: "Dana Reyes", Questionnaire: q, AssessedOn: testToday, Status: assess.Draft, Answers: assess.Answers{}}
		doc := report.Build(assess.Evaluate(a, testToday), report.Options{Today: testToday, Catalog: questionnaires.Catalog()})
		for _, width := range []int{40, 80, 132} {
			out := tui.RenderReportForTest(doc, width)
			for _, l := range strings.Split(out, "\n") {
				if w := ansi.StringWidth(l); w > width {
					t.Fatalf("%s at %d: a line of %d cells:\n%s", q.ID, width, w, ansi.Strip(l))
				}
			}
			if stripped := ansi.Strip(out); strings.Contains(stripped, "\x1b") || strings.ContainsAny(stripped, "\x07\x9b") {
				t.Fatalf("%s: an escape or control reaches the terminal", q.ID)
			}
			text := strings.Join(strings.Fields(strings.NewReplacer("│", " ", "─", " ", "┼", " ", "•", " ").Replace(ansi.Strip(out))), " ")
			if !strings.Contains(text, "Acme *Cloud* _Ltd_ `x` <b>&amp; | pipe [link](http://x) red") {
				t.Fatalf("%s at %d: the subject is not shown as typed:\n%s", q.ID, width, text[:min(len(text), 400)])
			}
			if width == 132 {
				for _, want := range []string{"Executive summary", "Decision requested:", q.Title} {
					if !strings.Contains(text, want) {
						t.Errorf("%s: %q is missing", q.ID, want)
					}
				}
			}
		}
	}
}

// Each kind of block, and a table wider than the terminal: its cells
// wrap within their columns, every word kept; too many columns for the
// width, and each row is written cell under heading.
func TestReportBlocksInTheTerminal(t *testing.T) {
	plain := func(s string) document.Text { return document.Text{{Text: s}} }
	long := strings.TrimSpace(strings.Repeat("word ", 20))
	doc := &document.Document{Blocks: []document.Block{
		&document.Heading{Level: 1, Text: plain("Title")},
		&document.Heading{Level: 2, Text: plain("Section")},
		&document.Paragraph{Text: document.Text{{Text: "Bold", Style: document.Strong}, {Text: " and "}, {Text: "id-1", Style: document.Code}, {Text: " and "}, {Text: "this", Style: document.Emph}}},
		&document.List{Items: []document.Text{plain("one"), plain("two")}},
		&document.List{Ordered: true, Items: []document.Text{plain("first"), plain("second")}},
		&document.Group{Blocks: []document.Block{&document.Table{Header: []document.Text{plain("A"), plain("B")}, Rows: [][]document.Text{{plain(long), plain("x | y")}}}}},
		&document.Figure{Caption: "A figure", Fallback: &document.Table{Header: []document.Text{plain("K"), plain("V")}, Rows: [][]document.Text{{plain("k1"), plain("v1")}}}},
	}}
	got := ansi.Strip(tui.RenderReportForTest(doc, 40))
	for _, want := range []string{"Title\n", "## Section\n", "Bold and id-1 and this\n", "  • one\n  • two\n", "  1. first\n  2. second\n", "x | y", "k1", "v1"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q missing from:\n%s", want, got)
		}
	}
	if strings.Count(got, "word") != 20 {
		t.Errorf("the long cell lost words:\n%s", got)
	}
	wide := &document.Document{Blocks: []document.Block{&document.Table{
		Header: []document.Text{plain("One"), plain("Two"), plain("Three"), plain("Four"), plain("Five")},
		Rows:   [][]document.Text{{plain("alpha"), plain("beta"), plain("gamma"), plain("delta"), plain("epsilon")}},
	}}}
	got = ansi.Strip(tui.RenderReportForTest(wide, 20))
	if !strings.Contains(got, "One: alpha\nTwo: beta\nThree: gamma\nFour: delta\nFive: epsilon\n") {
		t.Errorf("a table too wide for the terminal:\n%s", got)
	}
}

// A note in paragraphs keeps its lines in the workspace's report view:
// in a list item (under the item's text, a blank line between
// paragraphs), a paragraph and a table cell (inside its column).
func TestReportKeepsTheBreaksOfANoteInTheTerminal(t *testing.T) {
	brk := func(s string) document.Span { return document.Span{Text: s, Style: document.Break} }
	note := document.Text{{Text: "First paragraph."}, brk(document.ParagraphBreak),
		{Text: "# Not a heading"}, brk(document.LineBreak), {Text: "- not a list"}}
	doc := &document.Document{Blocks: []document.Block{
		&document.List{Items: []document.Text{note}},
		&document.Paragraph{Text: note},
		&document.Table{Header: []document.Text{{{Text: "Finding"}}, {{Text: "Reason"}}}, Rows: [][]document.Text{{{{Text: "A"}}, note}}},
	}}
	got := ansi.Strip(tui.RenderReportForTest(doc, 60))
	want := "  • First paragraph.\n\n    # Not a heading\n    - not a list\n\n" +
		"First paragraph.\n\n# Not a heading\n- not a list\n\n" +
		"Finding │ Reason\n────────┼─────────────────\n" +
		"A       │ First paragraph.\n        │ \n        │ # Not a heading\n        │ - not a list\n"
	if got != want {
		t.Errorf("the report view:\n%s\nwant:\n%s", got, want)
	}
}
