package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// docs/questionnaire-format.md has `assay coverage ID --framework
// sp800-53-low` show a catalog of the questionnaires folder. Asked of an
// assessment whose questionnaire maps no question to that catalog (the
// vendor screen, say), coverage called the catalog an unknown framework,
// though the folder holds it and another assessment's coverage shows it:
// the reader went looking for a misspelt ID. It now says the catalog is
// there and this questionnaire maps nothing to it, and still names the
// frameworks it does map to.
func TestCoverageOfACatalogTheQuestionnaireDoesNotMapTo(t *testing.T) {
	s := newCLISession(t)
	dir := t.TempDir()
	catPath := filepath.Join(dir, "catalogs", "sp800-53-low.yaml")
	if err := os.MkdirAll(filepath.Dir(catPath), 0o700); err != nil {
		t.Fatal(err)
	}
	s.ok("convert", filepath.Join(convertTestdata, "oscal", "sp800-53-rev5-low-ac-at.json"), "-o", catPath)
	id := strings.TrimSpace(s.ok("--questionnaires", dir, "new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd"))

	code, _, errOut := s.run("", "--questionnaires", dir, "coverage", id, "--framework", "sp800-53-low")
	want := `--framework: vendor-security-screen, the questionnaire of assessment ` + id + `, maps no question to the catalog "sp800-53-low" (it maps to iso27001, nist-csf or soc2)`
	if code != 1 || !strings.Contains(errOut, want) {
		t.Errorf("exit %d, stderr %q; want exit 1 and %q", code, errOut, want)
	}
	// A framework neither built in nor in the folder is still unknown.
	code, _, errOut = s.run("", "--questionnaires", dir, "coverage", id, "--framework", "sp800-53-high")
	if code != 1 || !strings.Contains(errOut, `unknown framework "sp800-53-high" (use iso27001, nist-csf or soc2)`) {
		t.Errorf("an unknown framework: exit %d, stderr %q", code, errOut)
	}
}
