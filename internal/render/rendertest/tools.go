package rendertest

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// RequireEnv makes tests fail rather than skip when a renderer (Chromium,
// poppler, LibreOffice) is missing: CI installs them and sets it.
const RequireEnv = "ASSAY_REQUIRE_RENDERERS"

// Need returns the path of a program the test needs, or skips the test
// saying which Debian package brings it (fails instead under RequireEnv).
func Need(t testing.TB, program, debianPackage string) string {
	t.Helper()
	for _, name := range strings.Split(program, "|") {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := program + " is not installed (Debian package " + debianPackage + "): the document is not rendered and looked at"
	if os.Getenv(RequireEnv) != "" {
		t.Fatal(msg + "; " + RequireEnv + " is set")
	}
	t.Skip(msg)
	return ""
}

// Run runs a renderer and returns its standard output, failing the test
// with its error output if it fails or takes over three minutes (a stuck
// renderer fails the test rather than hanging the suite).
func Run(t testing.TB, name string, args ...string) []byte {
	t.Helper()
	var out, errb bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir(), "LC_ALL=C.UTF-8")
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, errb.String())
	}
	return out.Bytes()
}

// PDFPages extracts the text of each page of a PDF with pdftotext, in
// reading order.
func PDFPages(t testing.TB, pdf []byte) []string {
	t.Helper()
	bin := Need(t, "pdftotext", "poppler-utils")
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out := string(Run(t, bin, "-enc", "UTF-8", path, "-"))
	pages := strings.Split(out, "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

// Squeeze removes all white space: text extracted from a page has line
// breaks wherever a line wrapped, and a word too long for a cell breaks
// between characters.
func Squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}
