package pdfdoc

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/render/rendertest"
)

// A PDF holds no action a viewer would run, and the same report gives the
// same bytes.
func TestNoActionsAndStable(t *testing.T) {
	a, err := Render(rendertest.Document())
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"/JavaScript", "/JS", "/URI", "/Launch", "/OpenAction", "/AA", "/SubmitForm", "/Filespec", "/Type /EmbeddedFile"} {
		if bytes.Contains(a, []byte(bad)) {
			t.Errorf("the PDF has %s", bad)
		}
	}
	// Every font is embedded: one font file per descriptor.
	if d, f := bytes.Count(a, []byte("/Type /FontDescriptor")), bytes.Count(a, []byte("/FontFile2")); d == 0 || d != f {
		t.Errorf("%d font descriptors, %d embedded font files", d, f)
	}
	b, _ := Render(rendertest.Document())
	if !bytes.Equal(a, b) {
		t.Error("two renders of one document differ")
	}
}

// Read back with poppler: hostile text is there literally wherever it was
// put, the table breaks across pages with its header on each, every page
// but the title page has the subject, date and state at the top, every
// page its number, and the sign-off group is on one page.
func TestPagesReadBack(t *testing.T) {
	out, err := Render(rendertest.Document())
	if err != nil {
		t.Fatal(err)
	}
	pages := rendertest.PDFPages(t, out)
	if len(pages) < 3 {
		t.Fatalf("%d pages; the 61-row table should take more than one after the title page", len(pages))
	}
	evil := rendertest.Squeeze(rendertest.EvilText)
	all := rendertest.Squeeze(strings.Join(pages, ""))
	// Title page (subject in the heading and list), then per page a
	// header, plus heading, paragraph, list, table cells and header.
	if n := strings.Count(all, evil); n < 70 {
		t.Errorf("the hostile text appears %d times in the extracted text", n)
	}
	tablePages := 0
	for i, p := range pages {
		sq := rendertest.Squeeze(p)
		if want := rendertest.Squeeze(fmt.Sprintf("Page %d of %d", i+1, len(pages))); !strings.Contains(sq, want) {
			t.Errorf("page %d has no %q", i+1, want)
		}
		lines := strings.SplitN(p, "\n", 4)
		if first := strings.Join(lines[:min(3, len(lines))], "\n"); i > 0 && (!strings.HasPrefix(first, rendertest.EvilText[:20]) || !strings.Contains(first, "2026-03-15 · draft")) {
			t.Errorf("page %d does not start with the subject, date and state: %q", i+1, first)
		}
		if strings.Contains(p, "row") {
			tablePages++
			if !strings.Contains(p, "Empty") {
				t.Errorf("page %d has table rows but not the header row", i+1)
			}
		}
		if strings.Contains(p, "Sign-off") != strings.Contains(p, "Chair") {
			t.Errorf("page %d splits the sign-off block", i+1)
		}
	}
	if tablePages < 2 {
		t.Errorf("the table is on %d pages; it should break across pages", tablePages)
	}
}
