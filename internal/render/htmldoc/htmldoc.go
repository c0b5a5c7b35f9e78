// Package htmldoc renders the committee report as one self-contained HTML
// file: inline CSS and SVG, no script, nothing loaded from anywhere (a
// Content-Security-Policy says so to the browser), and a print stylesheet
// that pages it like the PDF.
package htmldoc

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html"
	"strconv"
	"strings"

	"github.com/assay-dev/assay/assess/report/document"
)

// Render writes the document as HTML.
func Render(d *document.Document) []byte {
	// The body first: its tables add their column widths to the
	// stylesheet, which the Content-Security-Policy then pins by hash.
	var body writer
	head, main := d.TitleBlock()
	body.s("<header class=\"title\">\n")
	// What the document is, above its title, as every format says it.
	body.s("<p class=\"label\">" + esc(document.TitlePageLabel) + "</p>\n")
	body.blocks(head)
	body.s("</header>\n<main>\n")
	body.blocks(main)
	body.s("</main>\n")
	style := stylesheet(d.Meta) + "\n" + body.css.String()
	sum := sha256.Sum256([]byte(style))
	// Only the one stylesheet below may apply; nothing may load, run,
	// submit or change the base of links.
	csp := "default-src 'none'; style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) +
		"'; img-src 'none'; font-src 'none'; base-uri 'none'; form-action 'none'"
	var w writer
	w.s("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	w.s(`<meta http-equiv="Content-Security-Policy" content="` + csp + "\">\n")
	w.s("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	w.s("<meta name=\"referrer\" content=\"no-referrer\">\n")
	w.s("<title>" + esc(title(d.Meta)) + "</title>\n")
	w.s("<style>" + style + "</style>\n</head>\n<body>\n")
	w.s(body.b.String())
	w.s("</body>\n</html>\n")
	return []byte(w.b.String())
}

func title(m document.Meta) string {
	if m.Subject == "" {
		return m.Title
	}
	return m.Title + ": " + m.Subject
}

type writer struct {
	b       strings.Builder
	css     strings.Builder // the tables' column widths
	figures int
	tables  int
}

func (w *writer) s(s string) { w.b.WriteString(s) }

func (w *writer) blocks(bs []document.Block) {
	for _, b := range bs {
		switch b := b.(type) {
		case *document.Heading:
			n := strconv.Itoa(min(max(b.Level, 1), 6))
			w.s("<h" + n + ">" + text(b.Text.OneLine()) + "</h" + n + ">\n")
		case *document.Paragraph:
			w.s("<p>" + text(b.Text) + "</p>\n")
		case *document.List:
			tag := "ul"
			if b.Ordered {
				tag = "ol"
			}
			w.s("<" + tag + ">\n")
			for _, it := range b.Items {
				w.s("<li>" + text(it) + "</li>\n")
			}
			w.s("</" + tag + ">\n")
		case *document.Table:
			w.table(b)
		case *document.Figure:
			w.figure(b)
		case *document.Group:
			w.s("<section class=\"keep\">\n")
			w.blocks(b.Blocks)
			w.s("</section>\n")
		}
	}
}

func (w *writer) table(t *document.Table) {
	w.tables++
	class := "t" + strconv.Itoa(w.tables)
	w.s(`<table class="` + class + `"><colgroup>`)
	for i, p := range columnShares(t) {
		w.s("<col>")
		fmt.Fprintf(&w.css, "table.%s col:nth-child(%d) { width: %.2f%%; }\n", class, i+1, p)
	}
	w.s("</colgroup>\n<thead><tr>")
	for _, h := range t.Header {
		w.s("<th scope=\"col\">" + text(h) + "</th>")
	}
	w.s("</tr></thead>\n<tbody>\n")
	for _, r := range t.Rows {
		w.s("<tr>")
		for _, c := range r {
			w.s("<td>" + text(c) + "</td>")
		}
		w.s("</tr>\n")
	}
	w.s("</tbody>\n</table>\n")
}

// figure draws the picture as inline SVG. Each label sits in a nested
// svg element the size of its box, which clips it: no text can spill out
// of a cell of the picture.
func (w *writer) figure(f *document.Figure) {
	w.figures++
	id := "fig" + strconv.Itoa(w.figures)
	d := f.Drawing
	w.s("<figure>\n")
	fmt.Fprintf(&w.b, `<svg role="img" aria-labelledby="%s" viewBox="0 0 %s %s" width="%s" height="%s">`,
		id, num(d.Width), num(d.Height), num(d.Width), num(d.Height))
	w.s("<title id=\"" + id + "\">" + esc(f.Caption) + "</title>\n")
	for _, sh := range d.Shapes {
		switch sh.Kind {
		case document.Box:
			fmt.Fprintf(&w.b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"`, num(sh.X), num(sh.Y), num(sh.W), num(sh.H), color(sh.Fill))
			if sh.StrokeWidth > 0 {
				fmt.Fprintf(&w.b, ` stroke="%s" stroke-width="%s"`, color(sh.Stroke), num(sh.StrokeWidth))
			}
			w.s("/>\n")
		case document.Line:
			fmt.Fprintf(&w.b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s"/>`+"\n",
				num(sh.X), num(sh.Y), num(sh.X+sh.W), num(sh.Y+sh.H), color(sh.Stroke), num(sh.StrokeWidth))
		case document.Label:
			x, anchor := 0.0, "start"
			switch sh.Align {
			case document.Center:
				x, anchor = sh.W/2, "middle"
			case document.Right:
				x, anchor = sh.W, "end"
			}
			weight := "normal"
			if sh.Bold {
				weight = "bold"
			}
			fmt.Fprintf(&w.b, `<svg x="%s" y="%s" width="%s" height="%s" overflow="hidden"><text x="%s" y="%s" dominant-baseline="central" text-anchor="%s" font-size="%s" font-weight="%s" fill="%s">%s</text></svg>`+"\n",
				num(sh.X), num(sh.Y), num(sh.W), num(sh.H), num(x), num(sh.H/2), anchor, num(sh.Size), weight, color(sh.Ink), esc(sh.Text))
		}
	}
	w.s("</svg>\n<figcaption>" + esc(f.Caption) + "</figcaption>\n</figure>\n")
}

func text(t document.Text) string {
	var b strings.Builder
	for _, s := range t {
		e := esc(s.Text)
		switch s.Style {
		case document.Break:
			// Between two lines of a user's text; two between paragraphs,
			// which a <p> could not be inside a list item or a cell.
			e = strings.Repeat("<br>", strings.Count(s.Text, "\n"))
		case document.Strong:
			e = "<strong>" + e + "</strong>"
		case document.Emph:
			e = "<em>" + e + "</em>"
		case document.Code:
			e = "<code>" + e + "</code>"
		}
		b.WriteString(e)
	}
	return b.String()
}

// esc escapes text for an element or a quoted attribute.
func esc(s string) string { return html.EscapeString(s) }

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func color(c document.Color) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }
