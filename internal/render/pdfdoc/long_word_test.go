package pdfdoc

import (
	"strings"
	"testing"
	"unicode"

	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/internal/render/fonts"
)

func lineText(l line) string {
	var b strings.Builder
	for _, pc := range l {
		b.WriteString(pc.text)
	}
	return b.String()
}

// A word too long for any line (a subject or a note with no spaces)
// started right after the words before it, cut wherever the line ended:
// the PDF's title read "é Supercalif / ragilistic..." where the HTML and
// DOCX reports, as Chromium and LibreOffice set them, start the word on a
// line of its own and break it there. The PDF now does the same; and it
// breaks between characters as a reader sees them (grapheme clusters), so
// that an accent never begins a line without its letter, nor an emoji
// sequence is split.
func TestWordTooLongForALineStartsALineOfItsOwn(t *testing.T) {
	p, err := newPDF(document.Meta{Title: "T"})
	if err != nil {
		t.Fatal(err)
	}
	const size, width = 10.0, 120.0
	face, ink := fonts.Faces[0], document.Color{}
	long := strings.Repeat("Rechtsschutz", 6)
	lines := p.layout(document.Text{{Text: "Note: " + long + " end"}}, size, face, ink, width)
	if len(lines) < 3 || lineText(lines[0]) != "Note:" || !strings.HasPrefix(lineText(lines[1]), "Rechtsschutz") {
		var got []string
		for _, l := range lines {
			got = append(got, lineText(l))
		}
		t.Errorf("laid out as %q, want %q on a line of its own before the long word", got, "Note:")
	}
	for i, l := range lines {
		if l.width() > width {
			t.Errorf("line %d is %.1f wide, more than %.0f", i+1, l.width(), width)
		}
	}

	// Lines of every width from 30 to 130 points, so that some line
	// ends after any character of a cluster.
	accented := strings.Repeat("e\u0301\u0302", 40) // é with a circumflex too, forty times, no space
	for w := 30.0; w <= 130; w++ {
		for i, l := range p.layout(document.Text{{Text: accented}}, size, face, ink, w) {
			s := lineText(l)
			if r := []rune(s); len(r) > 0 && unicode.Is(unicode.Mn, r[0]) {
				t.Errorf("width %.0f: line %d begins with an accent without its letter: %q", w, i+1, s)
			}
		}
	}
	// A man bouncing a ball: an emoji sequence within the Basic
	// Multilingual Plane (beyond it, the PDF has no glyph: pdfText).
	zwj := "\u26f9\ufe0f\u200d\u2642\ufe0f"
	for w := 30.0; w <= 130; w++ {
		for i, l := range p.layout(document.Text{{Text: strings.Repeat(zwj, 30)}}, size, face, ink, w) {
			if s := lineText(l); !strings.HasPrefix(s, "\u26f9") {
				t.Errorf("width %.0f: line %d begins inside an emoji sequence: %q", w, i+1, s)
			}
		}
	}
}
