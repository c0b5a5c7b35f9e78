package pdfdoc

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/internal/render/fonts"
)

// drawable reports whether an embedded face has a glyph for r. Characters
// beyond the Basic Multilingual Plane never do (pdfText turns them into
// U+FFFD), and neither do scripts such as Devanagari or Thai.
func drawable(r rune) bool {
	if r > 0xFFFF {
		return false
	}
	return r < 0x80 || unicode.IsControl(r) || fonts.Sans.Has(r) || fonts.CJK.Has(r)
}

// undrawable lists, once each and in order, the characters of the
// document's text that the PDF cannot draw.
func undrawable(d *document.Document) []rune {
	seen := map[rune]bool{}
	var out []rune
	add := func(s string) {
		for _, r := range s {
			if !seen[r] && !drawable(r) {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	text := func(t document.Text) {
		for _, s := range t {
			add(s.Text)
		}
	}
	var walk func([]document.Block)
	walk = func(blocks []document.Block) {
		for _, b := range blocks {
			switch b := b.(type) {
			case *document.Heading:
				text(b.Text)
			case *document.Paragraph:
				text(b.Text)
			case *document.List:
				for _, it := range b.Items {
					text(it)
				}
			case *document.Table:
				for _, h := range b.Header {
					text(h)
				}
				for _, r := range b.Rows {
					for _, c := range r {
						text(c)
					}
				}
			case *document.Figure:
				add(b.Caption)
			case *document.Group:
				walk(b.Blocks)
			}
		}
	}
	add(d.Meta.Title)
	add(d.Meta.Subject)
	walk(d.Blocks)
	slices.Sort(out)
	return out
}

// undrawableNotice is what the title page says when some characters
// cannot be drawn: which ones (by code point, since their glyphs are what
// is missing), that they show as boxes or as U+FFFD, and where they show
// as typed. Nothing is left out of the text without a word.
func undrawableNotice(missing []rune) string {
	const listed = 12
	names := make([]string, 0, listed)
	for _, r := range missing[:min(len(missing), listed)] {
		names = append(names, fmt.Sprintf("U+%04X", r))
	}
	more := ""
	if len(missing) > listed {
		more = fmt.Sprintf(" and %d more", len(missing)-listed)
	}
	return fmt.Sprintf("This PDF has no font for %d characters of the text, which show as boxes or as \uFFFD: %s%s. "+
		"The HTML and DOCX reports show them as typed.", len(missing), strings.Join(names, ", "), more)
}
