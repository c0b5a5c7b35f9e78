package docx

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/render/rendertest"
)

// Hostile text in every place text can go is whole inside text elements,
// never markup of its own, and nothing points outside the document.
func TestHostileTextStaysText(t *testing.T) {
	out, err := Render(rendertest.Document())
	if err != nil {
		t.Fatal(err)
	}
	texts, images := rendertest.DOCXText(t, out)
	if images != 1 {
		t.Errorf("%d pictures, want 1", images)
	}
	if n := strings.Count(texts, rendertest.EvilText); n < 70 {
		t.Errorf("the hostile text is whole in %d text elements", n)
	}
	for _, s := range strings.Split(texts, "\n") {
		if strings.TrimSpace(s) == "injected" {
			t.Error("hostile text closed a run and made its own")
		}
	}
}

// Sections are Word's Heading 1 and subsections Heading 2, and a picture
// carries its caption as alternative text.
func TestHeadingStylesAndAltText(t *testing.T) {
	out, err := Render(rendertest.Document())
	if err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := z.Open("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(f)
	doc := string(body)
	for _, want := range []string{
		`<w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">` + esc(rendertest.EvilText),
		`<w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t xml:space="preserve">Table </w:t>`,
		`<w:pStyle w:val="Heading1"/><w:keepNext/><w:keepLines/></w:pPr><w:r><w:t xml:space="preserve">Sign-off</w:t>`,
		`descr="` + esc(rendertest.EvilText) + `"`,
		`<w:tblHeader/>`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml has no %.80q", want)
		}
	}
}
