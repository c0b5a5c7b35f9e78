package tui_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
	"github.com/assay-dev/assay/questionnaires"
	"github.com/assay-dev/assay/tui"
)

// The committee report of every built-in questionnaire, laid out for
// terminals from narrow to wide: no line is wider than the terminal,
// every heading, list item and table cell of the Markdown is there as
// text (its markup and escapes gone), and nothing but colours and bold
// reaches the terminal.
func TestReportInTheTerminal(t *testing.T) {
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range lib.All() {
		a := &assess.Assessment{ID: 7, UUID: "0b6f0e8e-4a55-4d2b-9b43-5c8a2b1f0a11", Subject: "Acme *Cloud* _Ltd_ `x` <b>&amp; | pipe [link](http://x) \x1b[31mred",
			SubjectKind: "vendor", Reviewer: "Dana Reyes", Questionnaire: q, AssessedOn: testToday, Status: assess.Draft, Answers: assess.Answers{}}
		md := report.Markdown(assess.Evaluate(a, testToday), report.Options{Today: testToday, Catalog: questionnaires.Catalog()})
		for _, width := range []int{40, 80, 132} {
			out := tui.RenderMarkdownForTest(md, width)
			for _, l := range strings.Split(out, "\n") {
				if w := ansi.StringWidth(l); w > width {
					t.Fatalf("%s at %d: a line of %d cells:\n%s", q.ID, width, w, ansi.Strip(l))
				}
			}
			if stripped := ansi.Strip(out); strings.Contains(stripped, "\x1b") || strings.ContainsAny(stripped, "\x07\x9b") {
				t.Fatalf("%s: an escape or control reaches the terminal", q.ID)
			}
			text := strings.Join(strings.Fields(strings.NewReplacer("│", " ", "─", " ", "┼", " ", "•", " ").Replace(ansi.Strip(out))), " ")
			// The subject as the person typed it, cleaned of the escape.
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

// Inline Markdown: strong, emphasis, code spans with longer fences,
// escapes and entities become the text they stand for.
func TestMarkdownInline(t *testing.T) {
	for md, want := range map[string]string{
		"**Subject:** Acme":                     "Subject: Acme",
		"a \\*b\\* \\_c\\_ \\| d \\\\ e":        "a *b* _c_ | d \\ e",
		"``a`b`` and `c`":                       "a`b and c",
		"&lt;b&gt; &amp; &#169; &#x41; &bogus;": "<b> & © A &bogus;",
		"1\\. not a list, \\- nor this":         "1. not a list, - nor this",
		"_emphasis_ and *this*":                 "emphasis and this",
		"an ` unclosed fence":                   "an ` unclosed fence",
	} {
		if got := strings.TrimSpace(ansi.Strip(tui.RenderMarkdownForTest(md, 80))); got != want {
			t.Errorf("%q: got %q, want %q", md, got, want)
		}
	}
}

// Blocks: headings, lists with continued lines, numbered lists, tables
// wider than the terminal, the markdownlint comment.
func TestMarkdownBlocks(t *testing.T) {
	md := "# Title\n\n## Section\n\n- one\n  continued\n- two\n\n1. first\n2. second\n\n" +
		"| A | B |\n| --- | --- |\n| " + strings.Repeat("word ", 20) + "| x \\| y |\n\n<!-- a comment -->\n\nLast paragraph\nof two lines.\n"
	got := ansi.Strip(tui.RenderMarkdownForTest(md, 40))
	for _, want := range []string{"Title\n", "## Section\n", "  • one continued\n  • two\n", "  1. first\n  2. second\n", "A", "x | y", "Last paragraph of two lines.\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q missing from:\n%s", want, got)
		}
	}
	if strings.Contains(got, "comment") || strings.Contains(got, "---") {
		t.Errorf("the comment or the table's rule row shows:\n%s", got)
	}
	if strings.Count(got, "word") != 20 {
		t.Errorf("the long cell lost words:\n%s", got)
	}
}
