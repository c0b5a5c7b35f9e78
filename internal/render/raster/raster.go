// Package raster draws a report figure as a PNG picture, for formats
// that embed pictures rather than draw them (DOCX). Labels are set in the
// embedded fonts, each character in a face that has it.
package raster

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/internal/render/fonts"
)

// Scale is how many pixels a point takes: 2 gives 144 pixels per inch,
// sharp in print at the size the picture is placed.
const Scale = 2

// PNG draws the drawing as a PNG, Scale pixels per point.
func PNG(d document.Drawing) ([]byte, error) {
	img := Draw(d)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Draw draws the drawing on a white image, Scale pixels per point.
func Draw(d document.Drawing) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, px(d.Width), px(d.Height)))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	for _, s := range d.Shapes {
		switch s.Kind {
		case document.Box:
			r := rect(s.X, s.Y, s.W, s.H)
			draw.Draw(img, r, image.NewUniform(rgba(s.Fill)), image.Point{}, draw.Src)
			if s.StrokeWidth > 0 {
				outline(img, s.X, s.Y, s.W, s.H, s.StrokeWidth, rgba(s.Stroke))
			}
		case document.Line:
			line(img, s.X, s.Y, s.X+s.W, s.Y+s.H, s.StrokeWidth, rgba(s.Stroke))
		case document.Label:
			label(img, s)
		}
	}
	return img
}

func px(v float64) int { return int(math.Round(v * Scale)) }

func rect(x, y, w, h float64) image.Rectangle {
	return image.Rect(px(x), px(y), px(x+w), px(y+h))
}

func rgba(c document.Color) color.RGBA { return color.RGBA{c.R, c.G, c.B, 0xFF} }

// outline strokes a box's edge, centred on it as PDF and SVG do.
func outline(img *image.RGBA, x, y, w, h, width float64, c color.RGBA) {
	u := image.NewUniform(c)
	half := width / 2
	for _, r := range []image.Rectangle{
		rect(x-half, y-half, w+width, width), rect(x-half, y+h-half, w+width, width),
		rect(x-half, y-half, width, h+width), rect(x+w-half, y-half, width, h+width),
	} {
		draw.Draw(img, r.Intersect(img.Bounds()), u, image.Point{}, draw.Over)
	}
}

// line draws a line of a width as a filled quadrilateral.
func line(img *image.RGBA, x1, y1, x2, y2, width float64, c color.RGBA) {
	dx, dy := x2-x1, y2-y1
	n := math.Hypot(dx, dy)
	if n == 0 || width <= 0 {
		return
	}
	ox, oy := -dy/n*width/2, dx/n*width/2
	b := img.Bounds()
	z := vector.NewRasterizer(b.Dx(), b.Dy())
	z.MoveTo(float32((x1+ox)*Scale), float32((y1+oy)*Scale))
	z.LineTo(float32((x2+ox)*Scale), float32((y2+oy)*Scale))
	z.LineTo(float32((x2-ox)*Scale), float32((y2-oy)*Scale))
	z.LineTo(float32((x1-ox)*Scale), float32((y1-oy)*Scale))
	z.ClosePath()
	z.Draw(img, b, image.NewUniform(c), image.Point{})
}

type faceKey struct {
	face fonts.Face
	size float64
}

var (
	facesMu sync.Mutex
	faces   = map[faceKey]font.Face{}
)

func faceOf(f fonts.Face, size float64) font.Face {
	facesMu.Lock()
	defer facesMu.Unlock()
	k := faceKey{f, size}
	if ff, ok := faces[k]; ok {
		return ff
	}
	sf, err := f.Font()
	var ff font.Face
	if err == nil {
		ff, err = opentype.NewFace(sf, &opentype.FaceOptions{Size: size * Scale, DPI: 72, Hinting: font.HintingNone})
	}
	if err != nil {
		return nil
	}
	faces[k] = ff
	return ff
}

// width measures text set from base with per-character fallback.
func width(text string, base fonts.Face, size float64) fixed.Int26_6 {
	var w fixed.Int26_6
	for _, run := range fonts.Split(base, text) {
		if f := faceOf(run.Face, size); f != nil {
			w += font.MeasureString(f, run.Text)
		}
	}
	return w
}

// label sets a label in its box, shortened with an ellipsis until it
// fits, and drawn on a clipped view of the image so it cannot spill.
func label(img *image.RGBA, s document.Shape) {
	base := fonts.Sans
	if s.Bold {
		base = fonts.SansBold
	}
	box := rect(s.X, s.Y, s.W, s.H).Intersect(img.Bounds())
	text := s.Text
	max := fixed.I(box.Dx())
	for r := []rune(text); len(r) > 0 && width(text, base, s.Size) > max; {
		r = r[:len(r)-1]
		text = strings.TrimSpace(string(r)) + "…"
	}
	w := width(text, base, s.Size)
	x := fixed.I(box.Min.X)
	switch s.Align {
	case document.Center:
		x += (fixed.I(box.Dx()) - w) / 2
	case document.Right:
		x += fixed.I(box.Dx()) - w
	}
	baseline := fixed.Int26_6((s.Y + s.H/2 + s.Size*0.36) * Scale * 64)
	dst, ok := img.SubImage(box).(*image.RGBA)
	if !ok {
		return
	}
	dot := fixed.Point26_6{X: x, Y: baseline}
	for _, run := range fonts.Split(base, text) {
		f := faceOf(run.Face, s.Size)
		if f == nil {
			continue
		}
		dr := &font.Drawer{Dst: dst, Src: image.NewUniform(rgba(s.Ink)), Face: f, Dot: dot}
		dr.DrawString(run.Text)
		dot = dr.Dot
	}
}
