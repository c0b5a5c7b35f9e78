package pdfdoc

import (
	"strings"
	"testing"

	"github.com/rivo/uniseg"

	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/internal/render/fonts"
)

// The running header and footer shorten a long subject or title between
// whole characters as a reader sees them (grapheme clusters), never
// inside one: cut between code points, an accent written as a combining
// mark was left off its letter or stood alone, and a family emoji or a
// flag was cut to a lone person or half a flag, which reads as something
// else. Each text is cut at every width from a few characters' to the
// whole line's, and what is kept must be the text's first clusters whole.
func TestShortenCutsBetweenWholeCharacters(t *testing.T) {
	for _, c := range []struct{ name, unit string }{
		{"combining accent", "e\u0301"},
		{"two combining marks", "a\u0323\u0302"},
		{"family emoji", "👨\u200d👩\u200d👧"},
		{"flag", "🇬🇧"},
		{"skin tone", "👍🏽"},
		{"Hangul jamo", "\u1112\u1161\u11ab"},
	} {
		t.Run(c.name, func(t *testing.T) {
			text := strings.Repeat("ab"+c.unit, 40)
			whole := clusterPrefixes(text)
			p, err := newPDF(document.Meta{})
			if err != nil {
				t.Fatal(err)
			}
			const size = 8.0
			face, ink := fonts.Faces[0], document.Color{}
			for width := 20.0; width < 400; width += 3 {
				// The text, not the drawn pieces: a character no embedded
				// font has is drawn as U+FFFD.
				got := p.shortened(document.Text{{Text: text}}, size, face, ink, width)
				kept, ok := strings.CutSuffix(got, "…")
				if !ok {
					t.Fatalf("width %.0f: %q has no ellipsis", width, got)
				}
				if !whole[kept] {
					t.Fatalf("width %.0f: kept %q (%+q), which ends inside a character", width, kept, []rune(kept[max(0, len(kept)-12):]))
				}
				if w := p.shorten(document.Text{{Text: text}}, size, face, ink, width).width(); w > width {
					t.Errorf("width %.0f: the shortened line is %.1f wide", width, w)
				}
			}
		})
	}
}

// clusterPrefixes is every beginning of s that ends between grapheme
// clusters.
func clusterPrefixes(s string) map[string]bool {
	prefixes := map[string]bool{"": true}
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		_, end := g.Positions()
		prefixes[s[:end]] = true
	}
	return prefixes
}
