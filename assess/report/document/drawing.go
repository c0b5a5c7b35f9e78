package document

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Drawing is a picture as a list of shapes, in points (1/72 inch) from the
// top left corner. The report's figures are laid out once here; each
// renderer only draws boxes, labels and lines, so the pictures are the
// same in every format.
type Drawing struct {
	Width, Height float64
	Shapes        []Shape
}

// ShapeKind is what a shape draws.
type ShapeKind uint8

// A Box is a filled rectangle with an optional outline; a Label is text
// set inside its box, aligned and clipped to it; a Line runs from (X, Y)
// to (X+W, Y+H).
const (
	Box ShapeKind = iota
	Label
	Line
)

// Align places a label in its box.
type Align uint8

// Horizontal alignments of a label; it is always centred vertically.
const (
	Left Align = iota
	Center
	Right
)

// Color is an sRGB colour.
type Color struct{ R, G, B uint8 }

// Shape is one box, label or line.
type Shape struct {
	Kind       ShapeKind
	X, Y, W, H float64
	// Fill colours a box; Stroke outlines it (when StrokeWidth > 0) and
	// colours a line.
	Fill        Color
	Stroke      Color
	StrokeWidth float64
	// A label's text, size in points, weight, alignment and colour.
	Text  string
	Size  float64
	Bold  bool
	Align Align
	Ink   Color
}

// The palette: severity and coverage tones chosen to be told apart in
// print and by most colour-blind readers (each also carries its name as
// text), and a pale blue panel behind every figure that marks where a
// picture begins and ends.
var (
	Panel   = Color{0xF4, 0xF8, 0xFF}
	Ink     = Color{0x21, 0x21, 0x21}
	Muted   = Color{0x61, 0x61, 0x61}
	White   = Color{0xFF, 0xFF, 0xFF}
	Track   = Color{0xCF, 0xD8, 0xDC}
	TodayIs = Color{0x1E, 0x88, 0xE5}
)

// Tone colours a level: none, low, medium, high, critical.
type Tone uint8

// Tones from the least to the most severe.
const (
	Neutral Tone = iota
	Good
	Caution
	Warning
	Danger
)

var toneFill = [...]Color{
	Neutral: {0xB0, 0xBE, 0xC5},
	Good:    {0x66, 0xBB, 0x6A},
	Caution: {0xFF, 0xD5, 0x4F},
	Warning: {0xFB, 0x8C, 0x00},
	Danger:  {0xD3, 0x2F, 0x2F},
}

// Fill is the tone's colour.
func (t Tone) Fill() Color {
	if int(t) >= len(toneFill) {
		return toneFill[Neutral]
	}
	return toneFill[t]
}

// Ink is the colour of text on the tone: white on red, dark elsewhere.
func (t Tone) Ink() Color {
	if t == Danger {
		return White
	}
	return Ink
}

func (d *Drawing) box(x, y, w, h float64, fill Color) {
	d.Shapes = append(d.Shapes, Shape{Kind: Box, X: x, Y: y, W: w, H: h, Fill: fill})
}

func (d *Drawing) outlined(x, y, w, h float64, fill, stroke Color, width float64) {
	d.Shapes = append(d.Shapes, Shape{Kind: Box, X: x, Y: y, W: w, H: h, Fill: fill, Stroke: stroke, StrokeWidth: width})
}

// label sets text in a box, shortened with an ellipsis when it would not
// fit; renderers also clip it to the box, so nothing spills out.
func (d *Drawing) label(x, y, w, h float64, text string, size float64, bold bool, align Align, ink Color) {
	d.Shapes = append(d.Shapes, Shape{Kind: Label, X: x, Y: y, W: w, H: h, Text: Fit(text, w, size, bold), Size: size, Bold: bold, Align: align, Ink: ink})
}

func (d *Drawing) line(x1, y1, x2, y2 float64, c Color, width float64) {
	d.Shapes = append(d.Shapes, Shape{Kind: Line, X: x1, Y: y1, W: x2 - x1, H: y2 - y1, Stroke: c, StrokeWidth: width})
}

// labelClearance is how far a line drawn around labels stays from them.
const labelClearance = 1.5

// lineAround draws a horizontal or vertical line in pieces, left out
// where it would pass within labelClearance of a label's box: a line
// drawn through text, even behind it, makes the text hard to read.
func (d *Drawing) lineAround(x1, y1, x2, y2 float64, c Color, width float64, labels []Shape) {
	vertical := x1 == x2
	from, to := min(x1, x2), max(x1, x2)
	if vertical {
		from, to = min(y1, y2), max(y1, y2)
	}
	reach := width/2 + labelClearance
	type gap struct{ from, to float64 }
	var gaps []gap
	for _, l := range labels {
		if l.Kind != Label {
			continue
		}
		switch {
		case vertical && x1+reach > l.X && x1-reach < l.X+l.W:
			gaps = append(gaps, gap{l.Y - reach, l.Y + l.H + reach})
		case !vertical && y1+reach > l.Y && y1-reach < l.Y+l.H:
			gaps = append(gaps, gap{l.X - reach, l.X + l.W + reach})
		}
	}
	slices.SortFunc(gaps, func(a, b gap) int { return cmp.Compare(a.from, b.from) })
	piece := func(a, b float64) {
		if vertical {
			d.line(x1, a, x1, b, c, width)
		} else {
			d.line(a, y1, b, y1, c, width)
		}
	}
	at := from
	for _, g := range gaps {
		if g.from > at {
			piece(at, min(g.from, to))
		}
		at = max(at, g.to)
		if at >= to {
			return
		}
	}
	piece(at, to)
}

// EstimateWidth is a generous guess at the width of text in points: wide
// (CJK) characters take a full em, capitals and digits most of one, other
// characters a little over half. Renderers measure exactly; layout only
// needs to know that a label will fit.
func EstimateWidth(s string, size float64, bold bool) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case isWide(r):
			w += 1.0
		case r == ' ':
			w += 0.35
		case unicode.IsUpper(r) || r == 'm' || r == 'w' || r == '%' || r == '@':
			w += 0.8
		default:
			w += 0.62
		}
	}
	if bold {
		w *= 1.1
	}
	return w * size
}

// Fit shortens text with an ellipsis until its estimated width fits in w.
func Fit(text string, w, size float64, bold bool) string {
	if EstimateWidth(text, size, bold) <= w {
		return text
	}
	r := []rune(text)
	for len(r) > 0 {
		r = r[:len(r)-1]
		s := strings.TrimSpace(string(r)) + "…"
		if EstimateWidth(s, size, bold) <= w {
			return s
		}
	}
	return ""
}

// isWide reports East Asian wide and full-width characters.
func isWide(r rune) bool {
	if r < 0x1100 || !utf8.ValidRune(r) {
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFF60) || (r >= 0xFFE0 && r <= 0xFFE6)
}
