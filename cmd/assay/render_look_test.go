package main

import (
	"image"
	"image/draw"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/internal/render/rendertest"
)

// lookSubject is a subject with HTML, a table's pipe, accents and CJK:
// each format must show it as typed.
const lookSubject = "Acme | Cloud <script>alert(1)</script> Zoë Ångström 株式会社テスト 개인정보"

// The committee report looked at as a person would: the PDF as poppler
// draws it, the DOCX as LibreOffice prints it, the HTML as Chromium prints
// it. Each has the Markdown report's sections in order, a title page, the
// subject, date and state at the top of every later page and "Page N of
// M" at the bottom, the hostile subject as text, the sign-off on one page,
// both likelihood x impact maps with every cell in its level's colour,
// findings by severity in their colours, and the first map looks like the
// one on the page kept in testdata/look.
func TestReportsLookRight(t *testing.T) {
	if testing.Short() {
		t.Skip("renders documents in outside programs; skipped with -short")
	}
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "dpia", "-s", lookSubject, "--date", "2026-01-31"))
	s.ok("answer", id, "-f", filepath.Join("testdata", "worst", "dpia.yaml"))
	report := func(format string) []byte {
		return []byte(s.ok("report", id, "--as-of", "2026-03-15", "--format", format))
	}
	var sections []string
	for _, line := range strings.Split(string(report("md")), "\n") {
		if h, ok := strings.CutPrefix(line, "## "); ok {
			sections = append(sections, h)
		}
	}
	if len(sections) < 9 {
		t.Fatalf("the Markdown report has %d sections", len(sections))
	}
	// The reports are written first, one after another; each is then
	// printed and read in a subtest of its own, and those run at once: the
	// outside programs (LibreOffice, Chromium, poppler) were most of the
	// package's longest test, and each waited for the one before.
	reports := map[string][]byte{}
	for _, format := range []string{"pdf", "docx", "html"} {
		reports[format] = report(format)
	}
	for _, format := range []string{"pdf", "docx", "html"} {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			var pdf []byte
			switch format {
			case "pdf":
				pdf = reports["pdf"]
			case "docx":
				pdf = docxToPDF(t, reports["docx"])
			case "html":
				pdf = htmlToPDF(t, reports["html"])
			}
			pages := rendertest.PDFPages(t, pdf)
			images := rendertest.PageImages(t, pdf, 72)
			checkPages(t, pages, sections)
			checkPictures(t, pages, images, format)
		})
	}
}

// findingOwner is a finding's plan line's "owner unassigned.", which
// text extraction may wrap: the remediation plan's Owner column is where
// "unassigned" is otherwise.
var findingOwner = regexp.MustCompile(`owner\s+unassigned\.`)

func checkPages(t *testing.T, pages, sections []string) {
	t.Helper()
	if len(pages) < 10 {
		t.Fatalf("%d pages", len(pages))
	}
	if !strings.Contains(rendertest.Squeeze(pages[0]), rendertest.Squeeze(lookSubject)) {
		t.Errorf("the title page does not show the subject as typed:\n%s", pages[0])
	}
	for _, h := range sections {
		if strings.Contains(rendertest.Squeeze(pages[0]), rendertest.Squeeze(h)) {
			t.Errorf("section %q is on the title page", h)
		}
	}
	// The sections in the Markdown report's order.
	body := rendertest.Squeeze(strings.Join(pages[1:], ""))
	at := 0
	for _, h := range sections {
		i := strings.Index(body[at:], rendertest.Squeeze(h))
		if i < 0 {
			t.Errorf("section %q missing or out of order", h)
			continue
		}
		at += i
	}
	pageOf := regexp.MustCompile(`Page (\d+) of (\d+)`)
	planPages := 0
	for n, p := range pages {
		m := pageOf.FindStringSubmatch(p)
		if m == nil || m[1] != itoa(n+1) || m[2] != itoa(len(pages)) {
			t.Errorf("page %d: footer %v, want Page %d of %d", n+1, m, n+1, len(pages))
		}
		if n > 0 {
			sq := rendertest.Squeeze(p)
			if !strings.Contains(sq, "2026-03-15·draft") || !strings.Contains(sq, rendertest.Squeeze("Acme | Cloud <script>")) {
				t.Errorf("page %d has no running header with the subject, date and state", n+1)
			}
		}
		if strings.Contains(p, "Sign-off") && !strings.Contains(p, "Committee chair") {
			t.Errorf("page %d splits the sign-off block from its table", n+1)
		}
		// The remediation plan's 36 rows span pages: each page with its
		// rows (the only table with unassigned owners; a finding's plan
		// line says "owner unassigned." too) has its header (text
		// extraction orders a row's cells as it likes).
		if strings.Contains(findingOwner.ReplaceAllString(p, ""), "unassigned") {
			planPages++
			for _, h := range []string{"Finding", "Severity", "Action", "Owner", "Due", "Status", "Milestones"} {
				if !regexp.MustCompile(`(?m)(^|\s)` + h + `(\s|$)`).MatchString(p) {
					t.Errorf("page %d has rows of the plan but no %q header", n+1, h)
				}
			}
		}
	}
	if planPages < 2 {
		t.Errorf("the plan's rows are on %d pages, want them spanning pages", planPages)
	}
}

func checkPictures(t *testing.T, pages []string, images []image.Image, format string) {
	t.Helper()
	expected := readLevels(t, filepath.Join("testdata", "look", "dpia-risk-map.txt"))
	rows, cols := len(expected), len(expected[0])
	aspect := document.FigureWidth / (2*8 + 28 + float64(rows)*40) // the risk map's drawing
	var maps []rendertest.Panel
	panels := rendertest.Panels(images)
	for _, p := range panels {
		if r := float64(p.Box.Dx()) / float64(p.Box.Dy()); r > aspect*0.95 && r < aspect*1.05 {
			maps = append(maps, p)
		}
	}
	if len(maps) != 2 {
		t.Fatalf("found %d risk maps (of %d figures), want as found and after measures", len(maps), len(panels))
	}
	d := document.RiskMap(make([]string, rows), make([]string, cols), nil)
	for k, p := range maps {
		for r := range rows {
			for c := range cols {
				x, y, _, h := document.RiskMapCellBox(rows, cols, r, c)
				got, mean := rendertest.ToneAt(images[p.Page], p, d, x+5, y+h-5)
				if got != expected[r][c] {
					t.Errorf("map %d, row %d, column %d: %s (%v), want %s", k+1, r+1, c+1, got, mean, expected[r][c])
				}
			}
		}
	}
	// A DOCX's figures are pictures: their labels are pixels, not text.
	if format != "docx" && !strings.Contains(pages[maps[0].Page], "R1, R2, R3") {
		t.Error("the map's page does not name the risks rated in its cells")
	}
	// Findings by severity: a bar per severity, most severe first, each
	// in its colour (the DPIA's worst answers make findings of all four).
	severity := document.CountBars([]document.Count{{}, {}, {}, {}})
	found := false
	for _, p := range panels {
		if r := float64(p.Box.Dx()) / float64(p.Box.Dy()); r < severity.Width/severity.Height*0.97 || r > severity.Width/severity.Height*1.03 {
			continue
		}
		found = true
		for n, want := range []string{"critical", "high", "medium", "low"} {
			if got, mean := rendertest.ToneAt(images[p.Page], p, severity, 8+80+3, 8+float64(n)*22+8); got != want {
				t.Errorf("severity bar %d: %s (%v), want %s", n+1, got, mean, want)
			}
		}
	}
	if !found {
		t.Error("no findings-by-severity figure")
	}
	// The page with the first map is kept in testdata as the expected
	// look; the map on it is compared block by block with today's (the
	// rest of the page moves whenever the report's text does).
	page := images[maps[0].Page]
	path := filepath.Join("testdata", "look", format+"-risk-map-page.png")
	if *update {
		rendertest.WritePNG(t, path, page)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("%v (run go test ./cmd/assay -run %s -update)", err, t.Name())
	}
	kept := rendertest.ReadPNG(t, path)
	var keptMap *rendertest.Panel
	for _, p := range rendertest.Panels([]image.Image{kept}) {
		if r := float64(p.Box.Dx()) / float64(p.Box.Dy()); r > aspect*0.95 && r < aspect*1.05 {
			keptMap = &p
			break
		}
	}
	if keptMap == nil {
		t.Fatalf("%s shows no risk map (run go test ./cmd/assay -run %s -update)", path, t.Name())
	}
	if share := rendertest.SameLook(crop(page, maps[0].Box), crop(kept, keptMap.Box), 40); share > 0.03 {
		t.Errorf("the risk map differs from the one in %s in %.0f%% of its blocks", path, share*100)
	}
}

// crop is the part of an image inside box, with its origin at (0, 0).
func crop(img image.Image, box image.Rectangle) image.Image {
	out := image.NewRGBA(image.Rect(0, 0, box.Dx(), box.Dy()))
	draw.Draw(out, out.Bounds(), img, box.Min, draw.Src)
	return out
}

func readLevels(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for _, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, strings.Fields(line))
		}
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }

// docxToPDF prints a Word document with LibreOffice, as a committee
// member without Word would.
func docxToPDF(t *testing.T, docx []byte) []byte {
	t.Helper()
	soffice := rendertest.Need(t, "soffice|libreoffice", "libreoffice-writer-nogui")
	dir := t.TempDir()
	in := filepath.Join(dir, "report.docx")
	if err := os.WriteFile(in, docx, 0o600); err != nil {
		t.Fatal(err)
	}
	rendertest.Run(t, soffice, "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", dir, in)
	return readFile(t, filepath.Join(dir, "report.pdf"))
}

// htmlToPDF prints the HTML report with headless Chromium, its print
// stylesheet applied, with no network and a profile of its own.
func htmlToPDF(t *testing.T, html []byte) []byte {
	t.Helper()
	chromium := rendertest.Need(t, "chromium|chromium-browser", "chromium")
	dir := t.TempDir()
	in := filepath.Join(dir, "report.html")
	if err := os.WriteFile(in, html, 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "report.pdf")
	rendertest.Run(t, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--no-pdf-header-footer", "--print-to-pdf="+out, "file://"+in)
	return readFile(t, out)
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
