package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// evidenceList is n evidence references written as a YAML flow list.
func evidenceList(n int) string {
	refs := make([]string, n)
	for i := range refs {
		refs[i] = fmt.Sprintf("Ticket %d", i+1)
	}
	return "[" + strings.Join(refs, ", ") + "]"
}

// The number of evidence references on an answer had no limit: a vendor's
// file with 200,000 on one answer was recorded, and its PDF report then
// took 16 s and 380 MB. An answer now lists at most assess.MaxEvidence:
// a file with one more is refused at the evidence field's line, and
// nothing is recorded; one with exactly that many is recorded.
func TestAnswersFileWithTooManyEvidenceReferencesIsRefused(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", "mfa: no")
	over := writeTemp(t, "acme.yaml", "answers:\n  encryption: partial\n  mfa:\n    answer: yes\n    evidence: "+evidenceList(assess.MaxEvidence+1)+"\n")
	code, _, stderr := s.run("", "answer", id, "-f", over)
	want := fmt.Sprintf("acme.yaml:5:15: answers.mfa.evidence: %d evidence references, more than the %d an answer may list: remove at least 1", assess.MaxEvidence+1, assess.MaxEvidence)
	if code != 1 || !strings.Contains(stderr, want) || !strings.Contains(stderr, "nothing was recorded") {
		t.Errorf("a file with %d references: exit %d, stderr:\n%s\nwant %q", assess.MaxEvidence+1, code, stderr, want)
	}
	db := s.openStore()
	asmt, err := db.Assessment(context.Background(), 1)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := asmt.Answers["encryption"]; ok {
		t.Errorf("the refused file recorded encryption: %s", got.Describe())
	}
	at := writeTemp(t, "acme.yaml", "answers:\n  mfa:\n    answer: yes\n    evidence: "+evidenceList(assess.MaxEvidence)+"\n")
	if out := s.ok("answer", id, "-f", at); !strings.Contains(out, "recorded 1 answer") {
		t.Errorf("a file with %d references: %s", assess.MaxEvidence, out)
	}
}

// An export whose answer lists more references than an answer may is
// refused on import with the field at fault, and nothing is imported.
func TestImportRefusesTooManyEvidenceReferences(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", "mfa: no")
	path := writeTemp(t, "acme.json", s.ok("export", id))
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	answers := doc["answers"].([]any)
	refs := make([]any, assess.MaxEvidence+1)
	for i := range refs {
		refs[i] = fmt.Sprintf("Ticket %d", i+1)
	}
	answers[0].(map[string]any)["evidence"] = refs
	b, err = json.MarshalIndent(doc, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	other := newCLISession(t)
	other.fails(fmt.Sprintf("answers[0].evidence: %d evidence references, more than the %d an answer may list: remove at least 1 (one document can list the rest); nothing was imported", assess.MaxEvidence+1, assess.MaxEvidence),
		"import", path)
}

// An assessment an older assay stored with more references on an answer
// than an answer may list is not exported (import would refuse the file):
// the refusal names the answer's field, the count, how many to remove and
// the command that replaces them, and writes nothing.
func TestExportOfAnAnswerOverTheEvidenceLimitSaysWhatToDo(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", "mfa: no")
	refs := make([]string, assess.MaxEvidence+100)
	for i := range refs {
		refs[i] = fmt.Sprintf("Ticket %d", i+1)
	}
	planted, err := json.Marshal(refs)
	if err != nil {
		t.Fatal(err)
	}
	s.plant(`UPDATE answers SET evidence = ? WHERE question_id = 'mfa'`, string(planted))
	out := filepath.Join(t.TempDir(), "acme.json")
	s.fails("answers[0].evidence: 600 evidence references, more than the 500 an answer may list: remove at least 100", "export", id, "-o", out)
	s.fails("assay answer "+id+" with --overwrite", "export", id, "-o", out)
	if _, err := os.Stat(out); err == nil {
		t.Errorf("the refused export wrote %s", out)
	}
}
