package render_test

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/internal/render"
	"github.com/assay-dev/assay/internal/render/rendertest"
)

// note is a note in three paragraphs as the report builds it (each line
// cleaned, Break spans between), its lines starting as Markdown blocks
// and HTML would.
func note() document.Text {
	brk := func(s string) document.Span { return document.Span{Text: s, Style: document.Break} }
	return document.Text{
		{Text: "Note:", Style: document.Strong}, {Text: " First paragraph."},
		brk(document.ParagraphBreak),
		{Text: "# Not a heading"}, brk(document.LineBreak), {Text: "- not a list"},
		brk(document.ParagraphBreak),
		{Text: "<script>alert(1)</script>"},
	}
}

func breaksDocument() *document.Document {
	return &document.Document{
		Meta: document.Meta{Title: "Breaks", Subject: "Acme", Date: "2026-03-10", State: "draft"},
		Blocks: []document.Block{
			&document.Heading{Level: 1, Text: document.Text{{Text: "Breaks"}}},
			&document.Heading{Level: 2, Text: document.Text{{Text: "Findings"}}},
			&document.List{Items: []document.Text{note(), {{Text: "Second item."}}}},
			&document.Paragraph{Text: note()},
			&document.Table{
				Header: []document.Text{{{Text: "Finding"}}, {{Text: "Reason"}}},
				Rows:   [][]document.Text{{{{Text: "A"}}, note()}},
			},
		},
	}
}

// The HTML keeps the note's lines apart with <br>, and a paragraph's with
// two, in a list item, a paragraph and a table cell alike; its text stays
// text.
func TestHTMLKeepsTheBreaksOfANote(t *testing.T) {
	out, err := render.Render(render.HTML, breaksDocument())
	if err != nil {
		t.Fatal(err)
	}
	rendertest.HTMLText(t, out)
	body := "<strong>Note:</strong> First paragraph.<br><br># Not a heading<br>- not a list<br><br>&lt;script&gt;alert(1)&lt;/script&gt;"
	for _, want := range []string{"<li>" + body + "</li>", "<p>" + body + "</p>", "<td>" + body + "</td>"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("the HTML has no\n%s\nin:\n%s", want, out)
		}
	}
}

// The DOCX breaks the line where the note does (<w:br/>), twice between
// paragraphs, and its text is the note's lines.
func TestDOCXKeepsTheBreaksOfANote(t *testing.T) {
	out, err := render.Render(render.DOCX, breaksDocument())
	if err != nil {
		t.Fatal(err)
	}
	rendertest.DOCXText(t, out)
	xml := documentXML(t, out)
	brk := `<w:r><w:br/></w:r>`
	want := `<w:t xml:space="preserve"> First paragraph.</w:t></w:r>` + brk + brk +
		`<w:r><w:t xml:space="preserve"># Not a heading</w:t></w:r>` + brk +
		`<w:r><w:t xml:space="preserve">- not a list</w:t></w:r>` + brk + brk +
		`<w:r><w:t xml:space="preserve">&lt;script&gt;alert(1)&lt;/script&gt;</w:t></w:r>`
	if n := strings.Count(xml, want); n != 3 {
		t.Errorf("the note is written with its breaks %d times, not 3 (list item, paragraph, cell):\n%s", n, xml)
	}
}

func documentXML(t *testing.T, docx []byte) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := z.Open("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Read back with poppler (its layout mode, which shows a blank line
// where one was left), the PDF sets each line of the note on its own
// line, with a blank line between paragraphs, in the list item, the
// paragraph and the table cell.
func TestPDFKeepsTheBreaksOfANote(t *testing.T) {
	out, err := render.Render(render.PDF, breaksDocument())
	if err != nil {
		t.Fatal(err)
	}
	bin := rendertest.Need(t, "pdftotext", "poppler-utils")
	path := filepath.Join(t.TempDir(), "breaks.pdf")
	if err := os.WriteFile(path, out, 0o600); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(rendertest.Run(t, bin, "-layout", "-enc", "UTF-8", path, "-")), "\n") {
		if i := strings.Index(l, "Note:"); i >= 0 {
			l = l[i:] // after the bullet, or the cell before
		}
		lines = append(lines, strings.TrimSpace(l))
	}
	text := strings.Join(lines, "\n")
	want := "Note: First paragraph.\n\n# Not a heading\n- not a list\n\n<script>alert(1)</script>\n"
	if n := strings.Count(text, want); n != 3 {
		t.Errorf("the note reads as written %d times, not 3:\n%s", n, text)
	}
}
