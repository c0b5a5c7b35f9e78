package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An assay before 2026-12-03 stored notes with escape sequences, which
// this one shows inert but import refuses, since the trail's hashes cover
// the text as stored. Exporting such an assessment wrote a file its own
// import then refused, with no way forward; export refuses it instead,
// naming the field and how to replace the text, and writes nothing.
func TestExportRefusesTextImportWouldRefuse(t *testing.T) {
	s := newCLISession(t)
	dump, err := os.ReadFile(filepath.Join("..", "..", "store", "testdata", "before-signing.sql"))
	if err != nil {
		t.Fatal(err)
	}
	s.plant(string(dump))
	s.ok("key") // sign it as it is, as export asks of a database from before signing
	out := filepath.Join(t.TempDir(), "acme.assay.json")
	code, _, errOut := s.run("", "export", "1", "-o", out)
	if code == 0 {
		t.Fatalf("export of an assessment whose notes hold escape sequences succeeded; its import would refuse it")
	}
	for _, want := range []string{"note: the text holds an escape sequence", "an older assay stored", "assay answer 1", "--overwrite", "nothing was written"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("the refusal does not say %q:\n%s", want, errOut)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("%s was written", out)
	}
}
