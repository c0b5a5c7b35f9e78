package tui_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/tui"
)

// renderFault is a renderer's own failure as Go gives it: a chain of
// prefixes ending in a path inside the module cache, none of which the
// person exporting can act on.
var renderFault = fmt.Errorf("pdf: %w", &fs.PathError{Op: "open",
	Path: "/root/go/pkg/mod/codeberg.org/go-pdf/fpdf@v0.12.0/font/calligra.json", Err: fs.ErrNotExist})

// A report the renderer cannot lay out said "export failed: pdf: open
// /root/go/pkg/mod/...: file does not exist". It says now what failed,
// in the workspace's words, that nothing was written, and what to do:
// export it in another format.
func TestReportRenderFailureIsSaidInTheWorkspacesWords(t *testing.T) {
	tui.FailRenderingForTest(t, renderFault)
	e, _ := payrollAnswered(t)
	f := e.startWith(e.deps())
	f.waitFor("Payroll system")
	f.press("m")
	f.waitFor("[Report]")
	f.waitGone("Rendering…")
	f.press("e")
	f.waitFor("Export to:")
	f.press("tab") // .md to .html
	f.press("tab") // to .pdf
	f.waitFor(".pdf")
	f.press("enter")
	f.waitFor("nothing was written")
	said := strings.Join(strings.Fields(f.screen()), " ")
	for _, want := range []string{"could not lay the report out as PDF", "nothing was written", "another format"} {
		if !strings.Contains(said, want) {
			t.Errorf("the failure does not say %q:\n%s", want, f.screen())
		}
	}
	for _, raw := range []string{"pdf:", "/root/go", "calligra", "file does not exist"} {
		if strings.Contains(said, raw) {
			t.Errorf("the failure shows Go's %q:\n%s", raw, f.screen())
		}
	}
	f.quit()
}

// Accessible mode said the same raw chain after "Not written:".
func TestAccessibleRenderFailureIsSaidInItsWords(t *testing.T) {
	tui.FailRenderingForTest(t, renderFault)
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	path := filepath.Join(e.dir, "acme.pdf")
	text := e.accessible(lines("1", "b", "4", "3", path, "b", "b", "b", "q"))
	if !strings.Contains(text, "Not written: assay could not lay the report out as PDF; choose another format.") {
		t.Errorf("accessible mode does not say the failure in its words:\n%s", text)
	}
	for _, raw := range []string{"pdf:", "/root/go", "file does not exist"} {
		if strings.Contains(text, raw) {
			t.Errorf("accessible mode says Go's %q:\n%s", raw, text)
		}
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("a file was written")
	}
}
