package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/render/rendertest"
)

// The running header of the printed HTML report keeps the date after the
// subject when the subject ends in Hebrew or Arabic: the header is one
// string, and by the bidirectional algorithm the date after right-to-left
// text joined it, so Chromium printed "Acme 2026-03-15 · שלום · draft",
// the date inside the name. The PDF and DOCX set the two apart.
func TestPrintedHeaderKeepsDateAfterRightToLeftSubject(t *testing.T) {
	if testing.Short() {
		t.Skip("prints the HTML report with Chromium; skipped with -short")
	}
	s := newCLISession(t)
	id := s.start("scoring-basics", "Acme שלום", "2026-01-10", "mfa: no")
	html := s.ok("--questionnaires", testdataQuestionnaires, "report", id, "--format", "html", "--as-of", "2026-03-15")
	pdf := htmlToPDF(t, []byte(html))
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	bbox := string(rendertest.Run(t, rendertest.Need(t, "pdftotext", "poppler-utils"), "-f", "2", "-l", "2", "-bbox", path, "-"))
	word := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)</word>`)
	var top float64 = -1
	x := map[string]float64{}
	for _, m := range word.FindAllStringSubmatch(bbox, -1) {
		y, _ := strconv.ParseFloat(m[2], 64)
		if top < 0 {
			top = y
		}
		if y > top+2 { // the header is the first line of the page
			break
		}
		x[m[4]], _ = strconv.ParseFloat(m[1], 64)
	}
	hebrew, date := -1.0, -1.0
	for w, at := range x {
		if strings.Contains(w, "שלום") || strings.Contains(w, "םולש") { // poppler gives either order
			hebrew = at
		}
		if strings.Contains(w, "2026-03-15") {
			date = at
		}
	}
	if hebrew < 0 || date < 0 {
		t.Fatalf("the header of page 2 lacks the subject or the date: %v", x)
	}
	if date < hebrew {
		t.Errorf("the date is drawn left of the subject's Hebrew (%v < %v): %v", date, hebrew, x)
	}
}
