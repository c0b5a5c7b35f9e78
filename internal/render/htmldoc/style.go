package htmldoc

import (
	"fmt"
	"strings"

	"github.com/assay-dev/assay/assess/report/document"
)

// stylesheet is the report's only CSS. On paper, each page has the
// subject, date and state at the top and the page number at the bottom,
// tables repeat their header row, and rows, figures and the sign-off block
// are not split across pages.
func stylesheet(m document.Meta) string {
	// The subject is isolated (U+2068 ... U+2069): a name ending in
	// Hebrew or Arabic would otherwise take the date after it into its
	// right-to-left run, and the header would read the date inside it.
	running := cssString("\u2068" + m.Subject + "\u2069 · " + m.Date + " · " + m.State)
	return strings.TrimSpace(fmt.Sprintf(`
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", "Noto Sans", "Noto Sans CJK SC", "Droid Sans Fallback", system-ui, sans-serif;
  color: #212121; background: #fff; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.7rem; margin: 0 0 1rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.6rem; border-bottom: 1px solid #cfd8dc; padding-bottom: 0.2rem; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 0.4rem; }
h1, h2, h3, p, li, td, figcaption { overflow-wrap: anywhere; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.9em; background: #eceff1; padding: 0 0.2em; border-radius: 3px; }
table { border-collapse: collapse; width: 100%%; margin: 0.6rem 0 1rem; font-size: 0.9rem; table-layout: fixed; }
th, td { border: 1px solid #b0bec5; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; }
thead th { background: #eceff1; }
figure { margin: 0.8rem 0 1.2rem; }
figure svg { display: block; max-width: 100%%; height: auto; font-family: "DejaVu Sans", "Noto Sans", "Droid Sans Fallback", sans-serif; }
figcaption { font-size: 0.85rem; color: #616161; margin-top: 0.3rem; }
header.title { margin-bottom: 2rem; }
header.title p.label { color: #616161; margin: 0 0 0.4rem; }
@media print {
  @page { size: A4; margin: 20mm 15mm 18mm;
    @top-center { content: "%s"; font-family: "DejaVu Sans", sans-serif; font-size: 8pt; color: #616161; }
    @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: "DejaVu Sans", sans-serif; font-size: 8pt; color: #616161; } }
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  header.title { break-after: page; }
  h2, h3 { break-after: avoid; }
  table { font-size: 8.5pt; }
  thead { display: table-header-group; }
  tr, figure, li, .keep { break-inside: avoid; }
  figure svg { width: 100%%; height: auto; }
}
`, running))
}

// cssString escapes text for a double-quoted CSS string inside a style
// element: every character that is not a letter, digit, space or common
// punctuation becomes a hexadecimal escape, so no text can end the string,
// the rule or the element.
func cssString(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == ' ', r == '-', r == '.', r == ',', r == ':':
			b.WriteRune(r)
		default:
			fmt.Fprintf(&b, "\\%x ", r)
		}
	}
	return b.String()
}
