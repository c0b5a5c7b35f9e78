package pdfdoc

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/internal/render/rendertest"
)

// Text in a script the embedded fonts do not cover (Devanagari, Thai) or
// beyond the Basic Multilingual Plane (the 𠮷 of 𠮷野家, an emoji) cannot
// be drawn: it showed as boxes and as U+FFFD with nothing to say that
// text was missing, so a committee could not read an Indian or Thai
// vendor's name. The title page now says so, names the characters, and
// points to the formats that show them.
func TestTitlePageNamesCharactersItCannotDraw(t *testing.T) {
	doc := &document.Document{
		Meta: document.Meta{Title: "Report", Subject: "टाटा 𠮷野家", Date: "2026-03-15", State: "draft"},
		Blocks: []document.Block{
			&document.Heading{Level: 1, Text: document.Text{{Text: "Report: टाटा 𠮷野家"}}},
			&document.Heading{Level: 2, Text: document.Text{{Text: "Section"}}},
			&document.Table{Header: []document.Text{{{Text: "Owner"}}}, Rows: [][]document.Text{{{{Text: "ไทย 👍"}}}}},
		},
	}
	out, err := Render(doc)
	if err != nil {
		t.Fatal(err)
	}
	first := rendertest.Squeeze(rendertest.PDFPages(t, out)[0])
	for _, want := range []string{"U+091F", "U+093E", "U+20BB7", "U+0E44", "U+1F44D", "HTML", "DOCX"} {
		if !strings.Contains(first, want) {
			t.Errorf("the title page does not say %q:\n%s", want, first)
		}
	}
	// A report the fonts cover says nothing of the kind.
	plain, err := Render(rendertest.Document())
	if err != nil {
		t.Fatal(err)
	}
	if first := rendertest.PDFPages(t, plain)[0]; strings.Contains(first, "U+") {
		t.Errorf("the title page of a report the fonts cover names characters:\n%s", first)
	}
}
