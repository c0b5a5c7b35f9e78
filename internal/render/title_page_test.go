package render_test

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess/report"
	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/internal/render"
	"github.com/assay-dev/assay/internal/render/docx"
	"github.com/assay-dev/assay/internal/render/pdfdoc"
	"github.com/assay-dev/assay/internal/render/rendertest"
)

// Every format's title block says the same: what the document is
// ("Committee report"), then the report's title, in that order, so a
// committee holding any of the four reads the same first lines.
func TestTitlePagesSayTheSame(t *testing.T) {
	d := breaksDocument()
	want := rendertest.Squeeze(document.TitlePageLabel + "Breaks")

	md := report.Render(d)
	if got := rendertest.Squeeze(md); !strings.HasPrefix(got, rendertest.Squeeze(document.TitlePageLabel+"# Breaks")) {
		t.Errorf("the Markdown report begins %q, want %q above the title", md[:min(len(md), 60)], document.TitlePageLabel)
	}

	h, err := render.Render(render.HTML, d)
	if err != nil {
		t.Fatal(err)
	}
	rendertest.HTMLText(t, h)
	_, page, _ := strings.Cut(string(h), "<body>")
	if got := rendertest.Squeeze(htmlTags.ReplaceAllString(page, "")); !strings.HasPrefix(got, want) {
		t.Errorf("the HTML's page reads %q, want it to begin %q", got[:min(len(got), 60)], want)
	}

	w, err := docx.Render(d)
	if err != nil {
		t.Fatal(err)
	}
	if got := rendertest.Squeeze(docxTitlePage(t, w)); !strings.HasPrefix(got, want) {
		t.Errorf("the Word document's title page reads %q, want it to begin %q", got, want)
	}

	p, err := pdfdoc.Render(d)
	if err != nil {
		t.Fatal(err)
	}
	pdfTitle := rendertest.Squeeze(rendertest.PDFPages(t, p)[0])
	if !strings.HasPrefix(pdfTitle, want) {
		t.Errorf("the PDF's title page reads %q, want it to begin %q", pdfTitle, want)
	}
}

// docxTitlePage is the text of a Word document's body before its first
// page break.
func docxTitlePage(t *testing.T, out []byte) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := z.Open("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	first, _, ok := strings.Cut(string(body), `<w:br w:type="page"/>`)
	if !ok {
		t.Fatal("the Word document has no page break after its title page")
	}
	var text strings.Builder
	for _, m := range wordText.FindAllStringSubmatch(first, -1) {
		text.WriteString(m[1])
	}
	return text.String()
}

var htmlTags = regexp.MustCompile(`<[^>]*>`)

var wordText = regexp.MustCompile(`<w:t(?: [^>]*)?>([^<]*)</w:t>`)
