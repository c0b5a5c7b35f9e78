package rendertest

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Word is one word poppler found on a PDF page, with its box in points
// from the page's top left corner.
type Word struct {
	Text                   string
	XMin, YMin, XMax, YMax float64
}

var (
	bboxPage = regexp.MustCompile(`<page [^>]*>`)
	bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

// PDFWords extracts the words of each page of a PDF with pdftotext -bbox,
// so that a test can check where text was drawn, not only that it was.
// Text drawn off the page is not found at all: poppler keeps only what
// lies on it.
func PDFWords(t testing.TB, pdf []byte) [][]Word {
	t.Helper()
	bin := Need(t, "pdftotext", "poppler-utils")
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out := string(Run(t, bin, "-enc", "UTF-8", "-bbox", path, "-"))
	starts := bboxPage.FindAllStringIndex(out, -1)
	pages := make([][]Word, len(starts))
	for i, s := range starts {
		end := len(out)
		if i+1 < len(starts) {
			end = starts[i+1][0]
		}
		for _, m := range bboxWord.FindAllStringSubmatch(out[s[1]:end], -1) {
			w := Word{Text: html.UnescapeString(m[5])}
			for j, f := range []*float64{&w.XMin, &w.YMin, &w.XMax, &w.YMax} {
				v, err := strconv.ParseFloat(m[j+1], 64)
				if err != nil {
					t.Fatalf("pdftotext -bbox gave %q for a coordinate", m[j+1])
				}
				*f = v
			}
			pages[i] = append(pages[i], w)
		}
	}
	return pages
}

// FindWord returns the first word on a page that contains s.
func FindWord(page []Word, s string) (Word, bool) {
	for _, w := range page {
		if strings.Contains(w.Text, s) {
			return w, true
		}
	}
	return Word{}, false
}
