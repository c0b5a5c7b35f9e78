// Package fonts embeds the fonts the PDF and the pictures of the DOCX are
// set in, so that a report looks the same on every machine and needs no
// font installed: DejaVu Sans (regular, bold) and DejaVu Sans Mono for
// Latin, Greek and Cyrillic text with accents, and WenQuanYi Micro Hei
// for Chinese, Japanese and Korean. Both licences allow embedding and
// redistribution (LICENSE-*.txt beside this file). The files are stored
// gzip-compressed, which halves what they add to the binary, and are
// decompressed on first use only.
package fonts

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"sync"

	"golang.org/x/image/font/sfnt"
)

//go:embed *.ttf.gz
var files embed.FS

// Face is one embedded font.
type Face int

// The embedded faces.
const (
	Sans Face = iota
	SansBold
	Mono
	CJK
)

// Faces lists every face, in the order of the constants.
var Faces = []Face{Sans, SansBold, Mono, CJK}

var fileNames = [...]string{
	Sans:     "DejaVuSans.ttf.gz",
	SansBold: "DejaVuSans-Bold.ttf.gz",
	Mono:     "DejaVuSansMono.ttf.gz",
	CJK:      "WenQuanYiMicroHei.ttf.gz",
}

// Name is a short name for the face, as a PDF font family.
func (f Face) Name() string {
	return [...]string{"sans", "sansbold", "mono", "cjk"}[f]
}

type loaded struct {
	once sync.Once
	data []byte
	font *sfnt.Font
	err  error
	mu   sync.Mutex
	has  map[rune]bool
	buf  sfnt.Buffer
}

var faces [len(fileNames)]loaded

func (f Face) load() *loaded {
	l := &faces[f]
	l.once.Do(func() {
		l.data, l.err = gunzip(fileNames[f])
		if l.err == nil {
			l.font, l.err = sfnt.Parse(l.data)
		}
		if l.err != nil {
			l.err = fmt.Errorf("embedded font %s: %w", fileNames[f], l.err)
		}
		l.has = map[rune]bool{}
	})
	return l
}

func gunzip(name string) ([]byte, error) {
	raw, err := files.ReadFile(name)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// TTF is the face's TrueType file.
func (f Face) TTF() ([]byte, error) {
	l := f.load()
	return l.data, l.err
}

// Font is the face parsed, for drawing glyphs.
func (f Face) Font() (*sfnt.Font, error) {
	l := f.load()
	return l.font, l.err
}

// Has reports whether the face has a glyph for r.
func (f Face) Has(r rune) bool {
	l := f.load()
	if l.err != nil {
		return false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if v, ok := l.has[r]; ok {
		return v
	}
	i, err := l.font.GlyphIndex(&l.buf, r)
	v := err == nil && i != 0
	l.has[r] = v
	return v
}

// For is the face to set r in when the text asks for face f: f itself if
// it has the glyph, else the CJK fallback if that has it, else f (which
// shows its missing-glyph box rather than nothing).
func For(f Face, r rune) Face {
	if r < 0x80 || f.Has(r) {
		return f
	}
	if CJK.Has(r) {
		return CJK
	}
	return f
}

// Run is a piece of text set in one face.
type Run struct {
	Face Face
	Text string
}

// Split cuts text into runs that each face can set, falling back rune by
// rune.
func Split(f Face, text string) []Run {
	var runs []Run
	start, cur := 0, Face(-1)
	for i, r := range text {
		g := For(f, r)
		if g != cur {
			if cur >= 0 {
				runs = append(runs, Run{cur, text[start:i]})
			}
			start, cur = i, g
		}
	}
	if cur >= 0 {
		runs = append(runs, Run{cur, text[start:]})
	}
	return runs
}
