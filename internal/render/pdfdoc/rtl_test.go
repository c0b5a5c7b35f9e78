package pdfdoc

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/internal/render/fonts"
	"github.com/assay-dev/assay/internal/render/rendertest"
)

// rtlTexts are Hebrew and Arabic as a vendor would type them in a note,
// among English words. (Poppler reads numbers inside right-to-left text
// out of order even from Chromium's PDF, so those are checked by
// TestVisualOrder instead.)
var rtlTexts = []string{
	"שלום עולם זה טקסט בעברית",
	"مرحبا بالعالم هذا نص عربي طويل",
	"لا سلام",
}

// Hebrew and Arabic in a PDF read right to left, as Chromium prints them
// (poppler turns glyphs laid out right to left back into the typed
// order): the PDF drew them left to right, so a committee member saw each
// Hebrew or Arabic note backwards, and Arabic letters unjoined. The text
// comes back in every place text goes: prose, a list, a table cell and the
// running header.
func TestRightToLeftTextReadsRightToLeft(t *testing.T) {
	var prose document.Text
	for _, s := range rtlTexts {
		prose = append(prose, document.Span{Text: "Note: "}, document.Span{Text: s}, document.Span{Text: " end. "})
	}
	doc := &document.Document{
		Meta: document.Meta{Title: "Report", Subject: "Acme " + rtlTexts[0], Date: "2026-03-15", State: "draft"},
		Blocks: []document.Block{
			&document.Heading{Level: 1, Text: document.Text{{Text: "Title"}}},
			&document.Heading{Level: 2, Text: document.Text{{Text: "Section"}}},
			&document.Paragraph{Text: prose},
			&document.List{Items: []document.Text{prose}},
			&document.Table{Header: []document.Text{{{Text: "Owner"}}, {{Text: "Note"}}}, Rows: [][]document.Text{{{{Text: rtlTexts[2]}}, prose}}},
		},
	}
	out, err := Render(doc)
	if err != nil {
		t.Fatal(err)
	}
	pages := rendertest.PDFPages(t, out)
	// Poppler marks a right-to-left run with embedding controls, and
	// reads Arabic letters set in their joined forms as those forms.
	text := norm.NFKC.String(strings.Map(func(r rune) rune {
		if r >= 0x202A && r <= 0x202E {
			return -1
		}
		return r
	}, strings.Join(pages, "\n")))
	flat := strings.Join(strings.Fields(text), " ")
	for _, s := range rtlTexts {
		if n := strings.Count(flat, s); n < 3 {
			t.Errorf("%q reads as typed %d times, want 3 or more (prose, list, table); the text:\n%s", s, n, text)
		}
	}
	if len(pages) > 1 && !strings.Contains(norm.NFKC.String(pages[1]), rtlTexts[0]) && !strings.Contains(text, "Acme "+rtlTexts[0]) {
		t.Errorf("the running header does not read as typed")
	}
}

// Arabic letters take the form their neighbours ask for, and lam followed
// by alef becomes their ligature: the embedded font has each form, but
// drawing the letters' basic code points sets every one alone.
func TestShapeArabic(t *testing.T) {
	for in, want := range map[string]string{
		"مرحبا":  "\uFEE3\uFEAE\uFEA3\uFE92\uFE8E",
		"لا":     "\uFEFB",
		"سلام":   "\uFEB3\uFEFC\uFEE1",
		"Acme":   "Acme",
		"שלום":   "שלום",
		"بَيت":   "\uFE91\u064E\uFEF4\uFE96",
		"ء ب":    "\uFE80 \uFE8F",
		"كـ":     "\uFEDB\u0640",
		"قال،":   "\uFED7\uFE8E\uFEDD\u060C",
		"a مb":   "a \uFEE1b",
		"":       "",
		"ـبـ":    "\u0640\uFE92\u0640",
		"لأمر":   "\uFEF7\uFEE3\uFEAE",
		"ها":     "\uFEEB\uFE8E",
		"ة":      "\uFE93",
		"بة":     "\uFE91\uFE94",
		"ی":      "\uFBFC",
		"کی":     "\uFB90\uFBFD",
		"بً":     "\uFE8F\u064B",
		"\u0644": "\uFEDD",
	} {
		if got := shapeArabic(in); got != want {
			t.Errorf("shapeArabic(%q) = %+q, want %+q", in, got, want)
		}
	}
}

// Every form shapeArabic writes is in the faces prose is set in, so none
// shows as a missing-glyph box.
func TestArabicFormsInFonts(t *testing.T) {
	var all []rune
	for _, forms := range arabicForms {
		all = append(all, forms...)
	}
	for _, lig := range lamAlef {
		all = append(all, lig[0], lig[1])
	}
	for _, face := range []fonts.Face{fonts.Sans, fonts.SansBold} {
		for _, r := range all {
			if !face.Has(r) {
				t.Errorf("%s has no glyph for %U", face.Name(), r)
			}
		}
	}
}

// A line is drawn in the order Chromium draws it: right-to-left words
// reversed, numbers inside them left to right, brackets mirrored, marks
// kept on their letters, and left-to-right text around them in place.
func TestVisualOrder(t *testing.T) {
	p, err := newPDF(document.Meta{Title: "T"})
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{
		"Note: מספר 2026 (בסוגריים) כאן end.":            "Note: ןאכ (םיירגוסב) 2026 רפסמ end.",
		"Acme שלום עולם (vendor)":                        "Acme םלוע םולש (vendor)",
		"a \u05E9\u05B8\u05C1\u05DC\u05D5\u05B9\u05DD b": "a \u05DD\u05D5\u05B9\u05DC\u05E9\u05B8\u05C1 b",
		"plain text 12 (x)":                              "plain text 12 (x)",
		"لا سلام":                                        "\uFEE1\uFEFC\uFEB3 \uFEFB",
		"Owner: מנהל, 3 items":                           "Owner: 3 ,להנמ items", // as Chromium draws it
	} {
		var got strings.Builder
		for _, pc := range p.visual(p.layout(document.Text{{Text: in}}, 10, fonts.Sans, document.Ink, 1e9)[0]) {
			got.WriteString(pc.text)
		}
		if got.String() != want {
			t.Errorf("%q is drawn as %q, want %q", in, got.String(), want)
		}
	}
}
