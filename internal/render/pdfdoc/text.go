package pdfdoc

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/internal/render/fonts"
)

// piece is text in one face that is drawn in one go.
type piece struct {
	face  fonts.Face
	text  string
	size  float64
	ink   document.Color
	width float64
}

// line is a laid-out line: pieces from its left edge.
type line []piece

func (l line) width() float64 {
	w := 0.0
	for _, p := range l {
		w += p.width
	}
	return w
}

// token is a word (or a single CJK character, which may break anywhere)
// with the space that follows it.
type token struct {
	pieces []piece
	space  bool
	// breaks, on a token without pieces, ends the line there: 1 between
	// two lines of a user's text, 2 between paragraphs (a blank line).
	breaks int
}

// faceFor is the face a span's style asks for; emphasis has no italic
// face here, so it is set in grey.
func faceFor(st document.Style, base fonts.Face) (fonts.Face, float64, bool) {
	switch st {
	case document.Strong:
		return fonts.SansBold, 1, false
	case document.Code:
		return fonts.Mono, 0.92, false
	case document.Emph:
		return base, 1, true
	}
	return base, 1, false
}

// pdfText makes text safe for fpdf's UTF-16 strings: characters beyond
// the Basic Multilingual Plane, which no embedded font has and which fpdf
// would write as broken pairs, become U+FFFD.
func pdfText(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r > 0xFFFF }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r > 0xFFFF {
			return utf8.RuneError
		}
		return r
	}, s)
}

// tokens cuts text into words, each split into pieces by the face that
// can set each character.
func (p *pdf) tokens(t document.Text, size float64, base fonts.Face, ink document.Color) []token {
	var out []token
	var cur token
	flush := func(space bool) {
		if len(cur.pieces) > 0 {
			cur.space = space
			out = append(out, cur)
		} else if space && len(out) > 0 {
			out[len(out)-1].space = true
		}
		cur = token{}
	}
	add := func(face fonts.Face, sz float64, c document.Color, s string) {
		for _, run := range fonts.Split(face, s) {
			cur.pieces = append(cur.pieces, piece{face: run.Face, text: run.Text, size: sz, ink: c, width: p.measure(run.Text, sz, run.Face)})
		}
	}
	for _, span := range t {
		if span.Style == document.Break {
			flush(false)
			out = append(out, token{breaks: strings.Count(span.Text, "\n")})
			continue
		}
		face, scale, grey := faceFor(span.Style, base)
		c := ink
		if grey {
			c = document.Muted
		}
		word := strings.Builder{}
		emit := func() {
			if word.Len() > 0 {
				add(face, size*scale, c, word.String())
				word.Reset()
			}
		}
		for _, r := range shapeArabic(pdfText(span.Text)) {
			switch {
			case unicode.IsSpace(r):
				emit()
				flush(true)
			case breaksAnywhere(r):
				emit()
				flush(false)
				add(face, size*scale, c, string(r))
				flush(false)
			default:
				word.WriteRune(r)
			}
		}
		emit()
	}
	flush(false)
	return out
}

// breaksAnywhere reports characters a line may break before and after:
// Chinese, Japanese and Korean are written without spaces.
func breaksAnywhere(r rune) bool {
	return r >= 0x2E80 && (unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF))
}

func (p *pdf) measure(s string, size float64, face fonts.Face) float64 {
	p.pdf.SetFont(face.Name(), "", size)
	return p.pdf.GetStringWidth(s)
}

func (p *pdf) width(t document.Text, size float64, base fonts.Face) float64 {
	w := 0.0
	toks := p.tokens(t, size, base, document.Ink)
	for i, tk := range toks {
		for _, pc := range tk.pieces {
			w += pc.width
		}
		if tk.space && i < len(toks)-1 {
			w += p.measure(" ", size, base)
		}
	}
	return w
}

// fitSlack is how far past a line's width text may reach and still count
// as fitting: far below anything a reader could see, far above float64
// rounding on page-sized widths.
const fitSlack = 1e-6

// layout breaks text into lines no wider than width. A word wider than the
// line is broken between characters, so nothing runs past the edge.
func (p *pdf) layout(t document.Text, size float64, base fonts.Face, ink document.Color, width float64) []line {
	p.layouts++
	// A column is given exactly its longest word's width plus padding, and
	// taking the padding off again can lose a rounding error: a word must
	// fit the width it was measured for, so a millionth of a point over
	// counts as fitting.
	width += fitSlack
	space := p.measure(" ", size, base)
	var lines []line
	var cur line
	curW := 0.0
	pendingSpace := false
	for _, tk := range p.tokens(t, size, base, ink) {
		if tk.breaks > 0 {
			lines = append(lines, cur)
			for range tk.breaks - 1 {
				lines = append(lines, nil) // the blank line between paragraphs
			}
			cur, curW, pendingSpace = nil, 0, false
			continue
		}
		tw := 0.0
		for _, pc := range tk.pieces {
			tw += pc.width
		}
		gap := 0.0
		if pendingSpace && len(cur) > 0 {
			gap = space
		}
		switch {
		case curW+gap+tw <= width:
			if gap > 0 {
				cur = append(cur, piece{face: base, text: " ", size: size, ink: ink, width: space})
			}
			cur = append(cur, tk.pieces...)
			curW += gap + tw
		case tw <= width:
			lines = append(lines, cur)
			cur, curW = append(line{}, tk.pieces...), tw
		default:
			// Too long for any line: it starts a line of its own, as
			// Chromium sets the HTML report and LibreOffice the DOCX, and
			// breaks between characters as a reader sees them.
			if len(cur) > 0 {
				lines = append(lines, cur)
				cur, curW = nil, 0
			}
			for _, cl := range p.clusters(tk.pieces) {
				w := cl.width()
				if curW+w > width && len(cur) > 0 {
					lines = append(lines, cur)
					cur, curW = nil, 0
				}
				cur = append(cur, cl...)
				curW += w
			}
		}
		pendingSpace = tk.space
	}
	if len(cur) > 0 || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}

// clusters cuts a word's pieces into its grapheme clusters, what a reader
// takes for one character: a letter with its accents, an emoji sequence
// joined by U+200D. A line may break between two clusters, never inside
// one; a cluster whose code points are in different faces (an emoji
// without a glyph beside a joiner and a sign with one) keeps a piece per
// face.
func (p *pdf) clusters(pieces []piece) []line {
	var word strings.Builder
	for _, pc := range pieces {
		word.WriteString(pc.text)
	}
	var out []line
	g := uniseg.NewGraphemes(word.String())
	at, first := 0, 0 // where pieces[first] starts in the word
	for g.Next() {
		from, to := g.Positions()
		var cl line
		for i, start := first, at; i < len(pieces) && start < to; i++ {
			end := start + len(pieces[i].text)
			if lo, hi := max(from, start), min(to, end); lo < hi {
				pc := pieces[i]
				sub := pc.text[lo-start : hi-start]
				cl = append(cl, piece{face: pc.face, text: sub, size: pc.size, ink: pc.ink, width: p.measure(sub, pc.size, pc.face)})
			}
			if end <= to {
				first, at = i+1, end // done with pieces[i]
			}
			start = end
		}
		out = append(out, cl)
	}
	return out
}

// drawPieces sets a line with its left edge at x and baseline at y, in
// the order it is read (right-to-left text reversed: visual).
func (p *pdf) drawPieces(x, y float64, l line) {
	if p.measuring {
		return
	}
	l = p.visual(l)
	for _, pc := range l {
		if strings.TrimSpace(pc.text) != "" {
			p.pdf.SetFont(pc.face.Name(), "", pc.size)
			p.pdf.SetTextColor(int(pc.ink.R), int(pc.ink.G), int(pc.ink.B))
			p.pdf.Text(x, y, pc.text)
		}
		x += pc.width
	}
}

// drawLine sets text on one line at baseline y, aligned in width,
// shortened with an ellipsis if it is too wide, and clipped to it.
func (p *pdf) drawLine(x, y float64, t document.Text, size float64, face fonts.Face, ink document.Color, width float64, align document.Align) {
	if p.measuring {
		return
	}
	t = t.OneLine() // one line, however many the text has
	l := p.layout(t, size, face, ink, 1e9)[0]
	if l.width() > width {
		l = p.shorten(t, size, face, ink, width)
	}
	off := 0.0
	switch align {
	case document.Center:
		off = (width - l.width()) / 2
	case document.Right:
		off = width - l.width()
	}
	p.pdf.ClipRect(x, y-size*1.2, width, size*1.7, false)
	p.drawPieces(x+max(off, 0), y, l)
	p.pdf.ClipEnd()
}

// lineHeight is the distance between baselines.
func lineHeight(size float64) float64 { return size * 1.38 }

// flow sets text in lines at the current y, from x, width wide, indented
// by indent after the first line, breaking to a new page as needed, and
// moves y past it.
func (p *pdf) flow(t document.Text, size float64, face fonts.Face, ink document.Color, x, width, indent float64) {
	lh := lineHeight(size)
	for i, l := range p.layout(t, size, face, ink, width) {
		p.room(lh)
		lx := x
		if i > 0 {
			lx += indent
		}
		p.drawPieces(lx, p.cursor()+size, l)
		p.advance(lh)
	}
}

// shorten is the longest beginning of t that fits width with an ellipsis
// after it (shortened).
func (p *pdf) shorten(t document.Text, size float64, face fonts.Face, ink document.Color, width float64) line {
	return p.layout(plainText(p.shortened(t, size, face, ink, width)), size, face, ink, 1e9)[0]
}

// shortened is the text of shorten's line: t's longest beginning that
// fits width with an ellipsis after it, cut between grapheme clusters,
// the characters a reader sees, so that no letter loses its accent and no
// emoji sequence or flag is cut to another picture. It cuts what cannot
// fit at once, since no glyph is narrower than an eighth of the type size
// and a cluster draws at least one, and finds the rest by halving:
// cutting a character at a time, laying the text out after each cut, took
// over ten minutes for a 100,000-character questionnaire title, in every
// page's footer.
func (p *pdf) shortened(t document.Text, size float64, face fonts.Face, ink document.Color, width float64) string {
	s := t.OneLine().String()
	most := int(width/(size/8)) + 1
	// ends[i] is where the text's first i+1 clusters end; only as many
	// as could fit are found.
	var ends []int
	rest, state := s, -1
	for rest != "" && len(ends) < most {
		_, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		ends = append(ends, len(s)-len(rest))
	}
	cut := func(n int) string { // the first n clusters and an ellipsis
		end := 0
		if n > 0 {
			end = ends[n-1]
		}
		return strings.TrimSpace(s[:end]) + "…"
	}
	fits := func(n int) bool {
		return p.layout(plainText(cut(n)), size, face, ink, 1e9)[0].width() <= width
	}
	lo, hi := 0, len(ends) // cut(lo) is the answer once lo == hi
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fits(mid) {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return cut(lo)
}
