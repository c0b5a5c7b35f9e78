package main

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/export"
)

// An explanation travels with its assessment: exported, and imported by a
// colleague who trusts the exporter's key, it still stands beside the same
// answers (under its author's name) and the import verifies. A file whose
// explanation was reworded after the export, its record's hash made again
// so that the chain still links, is refused as every forged record is,
// and changes nothing.
func TestExplanationsTravelInExportsAndForgeriesAreRefused(t *testing.T) {
	s := newCLISession(t)
	id := s.startBuiltin("fairness-aia", "Loan model", "2026-03-01", "bias-testing: 'yes'\nintersectional-testing: not-measured\n")
	s.ok("--reviewer", "Ana Analyst", "explain", id, "groups-tested-yet-none-compared", "Groups were compared one by one.")
	file := []byte(s.ok("export", id))

	other := newTrustingSession(t, s)
	other.ok("import", writeFile(t, t.TempDir(), "good.json", string(file)))
	out := other.ok("score", "1", "--as-of", "2026-03-02")
	if !strings.Contains(out, "    Explained by Ana Analyst on ") || !strings.Contains(out, ": Groups were compared one by one.\n") {
		t.Errorf("the imported assessment's explanation:\n%s", out)
	}
	if out := other.ok("verify"); !strings.HasPrefix(out, "Audit trail intact: 1 assessment") {
		t.Errorf("verify after importing: %s", out)
	}

	f, err := export.Unmarshal("f.json", file)
	if err != nil {
		t.Fatal(err)
	}
	reworded := false
	for i := range f.Events {
		e := &f.Events[i]
		if e.Kind == assess.ExplainKind {
			e.New = strings.Replace(e.New, "one by one", "in every combination", 1)
			reworded = true
		}
	}
	if !reworded {
		t.Fatal("the export holds no explain record")
	}
	rechain(f)
	forged, err := export.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	third := newTrustingSession(t, s)
	third.start("vendor-tiering", "Initech", "2026-03-01", "mfa: yes")
	before := third.dbDigest()
	code, _, errOut := third.run("", "import", writeFile(t, t.TempDir(), "forged.json", string(forged)))
	if code != 1 || !strings.Contains(errOut, "nothing was imported") {
		t.Errorf("a reworded explanation imported: exit %d, %q", code, errOut)
	}
	t.Log(errOut)
	if third.dbDigest() != before {
		t.Error("the refused import changed the database")
	}
}

// rechain computes every record's hash of f's trail again, and its head,
// as a forger who changed a record would: the chain links, and only the
// signed head can tell.
func rechain(f *export.File) {
	prev := ""
	for i := range f.Events {
		f.Events[i].PrevHash = prev
		f.Events[i].Hash = f.Events[i].ComputeHash()
		prev = f.Events[i].Hash
	}
	f.EventHead = prev
}
