package rendertest

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"

	"github.com/assay-dev/assay/assess/report/document"
)

// PageImages turns a PDF into one PNG a page with pdftoppm, at dpi.
func PageImages(t testing.TB, pdf []byte, dpi int) []image.Image {
	t.Helper()
	bin := Need(t, "pdftoppm", "poppler-utils")
	dir := t.TempDir()
	path := filepath.Join(dir, "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	Run(t, bin, "-r", strconv.Itoa(dpi), "-png", path, filepath.Join(dir, "page"))
	names, _ := filepath.Glob(filepath.Join(dir, "page-*.png"))
	sort.Strings(names) // pdftoppm pads page numbers to one width
	var out []image.Image
	for _, n := range names {
		out = append(out, ReadPNG(t, n))
	}
	return out
}

// ReadPNG decodes a PNG file.
func ReadPNG(t testing.TB, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return img
}

// Panel is where a figure's pale panel was found on a page, in pixels.
type Panel struct {
	Page int
	Box  image.Rectangle
}

// Panels finds the figures on rendered pages: the connected areas of the
// figures' panel colour, top to bottom, page by page. Small areas (a
// stray pixel) are ignored.
func Panels(pages []image.Image) []Panel {
	var out []Panel
	for n, img := range pages {
		b := img.Bounds()
		seen := make([]bool, b.Dx()*b.Dy())
		at := func(x, y int) int { return (y-b.Min.Y)*b.Dx() + x - b.Min.X }
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				if seen[at(x, y)] || !near(img.At(x, y), document.Panel, 4) {
					continue
				}
				box := image.Rect(x, y, x+1, y+1)
				stack := []image.Point{{x, y}}
				seen[at(x, y)] = true
				count := 0
				for len(stack) > 0 {
					p := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					count++
					box = box.Union(image.Rect(p.X, p.Y, p.X+1, p.Y+1))
					for _, d := range []image.Point{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} {
						q := p.Add(d)
						if q.In(b) && !seen[at(q.X, q.Y)] && near(img.At(q.X, q.Y), document.Panel, 4) {
							seen[at(q.X, q.Y)] = true
							stack = append(stack, q)
						}
					}
				}
				if count > 400 {
					out = append(out, Panel{Page: n, Box: box})
				}
			}
		}
	}
	return out
}

func near(c color.Color, want document.Color, tol int) bool {
	r, g, b, _ := c.RGBA()
	d := func(a uint32, w uint8) bool { v := int(a>>8) - int(w); return v <= tol && v >= -tol }
	return d(r, want.R) && d(g, want.G) && d(b, want.B)
}

// Tones are the colours a figure's cells can have, by name.
var Tones = map[string]document.Tone{
	"none": document.Neutral, "low": document.Good, "medium": document.Caution, "high": document.Warning, "critical": document.Danger,
}

// ToneAt is the tone nearest the mean colour of a few pixels around a
// point of a drawing placed in a panel: x and y in the drawing's points.
func ToneAt(img image.Image, p Panel, d document.Drawing, x, y float64) (string, color.Color) {
	sx := float64(p.Box.Dx()) / d.Width
	sy := float64(p.Box.Dy()) / d.Height
	cx, cy := p.Box.Min.X+int(x*sx), p.Box.Min.Y+int(y*sy)
	var r, g, b, n uint32
	for dy := -1; dy <= 1; dy++ {
		for dx := -1; dx <= 1; dx++ {
			cr, cg, cb, _ := img.At(cx+dx, cy+dy).RGBA()
			r, g, b, n = r+cr>>8, g+cg>>8, b+cb>>8, n+1
		}
	}
	mean := color.RGBA{uint8(r / n), uint8(g / n), uint8(b / n), 255}
	best, bestD := "", 1<<30
	for name, tone := range Tones {
		f := tone.Fill()
		dist := sq(int(mean.R)-int(f.R)) + sq(int(mean.G)-int(f.G)) + sq(int(mean.B)-int(f.B))
		if dist < bestD {
			best, bestD = name, dist
		}
	}
	if bestD > 3*40*40 { // nothing like any tone
		return "", mean
	}
	return best, mean
}

func sq(v int) int { return v * v }

// SameLook compares two renderings of a page loosely: each block of 16 by
// 16 pixels by its mean colour, within tol per channel; it returns the
// share of blocks that differ.
func SameLook(a, b image.Image, tol int) float64 {
	ab, bb := a.Bounds(), b.Bounds()
	w, h := min(ab.Dx(), bb.Dx()), min(ab.Dy(), bb.Dy())
	const block = 16
	total, differ := 0, 0
	for y := 0; y+block <= h; y += block {
		for x := 0; x+block <= w; x += block {
			total++
			ma, mb := mean(a, ab.Min.X+x, ab.Min.Y+y, block), mean(b, bb.Min.X+x, bb.Min.Y+y, block)
			for i := range ma {
				if d := ma[i] - mb[i]; d > tol || d < -tol {
					differ++
					break
				}
			}
		}
	}
	if ab.Dx() != bb.Dx() || ab.Dy() != bb.Dy() || total == 0 {
		return 1
	}
	return float64(differ) / float64(total)
}

func mean(img image.Image, x0, y0, n int) [3]int {
	var s [3]int
	for y := y0; y < y0+n; y++ {
		for x := x0; x < x0+n; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			s[0] += int(r >> 8)
			s[1] += int(g >> 8)
			s[2] += int(b >> 8)
		}
	}
	for i := range s {
		s[i] /= n * n
	}
	return s
}

// WritePNG saves a page as the expected look.
func WritePNG(t testing.TB, path string, img image.Image) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}
