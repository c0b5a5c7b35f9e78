package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// unreviewedVendorAnswers counts the answers a report gives as the vendor's and not
// yet reviewed.
func unreviewedVendorAnswers(s *cliSession, id string) int {
	md := strings.Join(strings.Fields(s.ok("report", id, "--as-of", "2026-02-01")), " ")
	return strings.Count(md, "**Source:** vendor, not yet reviewed.")
}

// A vendor who edits the file assay sent them cannot make their answers
// ours, reviewed: a file assay send wrote is the vendor's whatever its
// source line says; and once a file was sent, one that does not say it is
// the vendor's (the vendor removed the lines that say so) is read only
// when the analyst says where it came from, --vendor or --own.
func TestVendorCannotMarkTheirAnswersAsOurs(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Acme", "--date", "2026-01-31"))
	sent := s.sent(id)

	relabelled := strings.Replace(fill(t, sent, "mfa", "no"), "source: vendor\n", "source: analyst\n", 1)
	s.ok("answer", id, "-f", writeTemp(t, "relabelled.yaml", relabelled))
	if n := unreviewedVendorAnswers(s, id); n != 1 {
		t.Errorf("a sent file relabelled source: analyst: %d answers the vendor's, want 1", n)
	}

	var stripped []string
	for _, line := range strings.Split(fill(t, sent, "encryption-rest", "yes"), "\n") {
		if !strings.HasPrefix(line, "source:") && !strings.HasPrefix(line, "sent:") {
			stripped = append(stripped, line)
		}
	}
	strippedFile := writeTemp(t, "stripped.yaml", strings.Join(stripped, "\n"))
	// Read without saying where it came from, it is refused: a file was
	// sent to the vendor for this assessment, and it is on record.
	s.fails("does not say it came from the vendor, but a file was sent to the vendor for assessment 1 on ", "answer", id, "-f", strippedFile)
	s.fails("give --vendor or --own, not both", "answer", id, "--vendor", "--own", "-f", strippedFile)
	s.fails("says it came from the vendor (assay send wrote it, or its source line says so): --own cannot make its answers yours",
		"answer", id, "--own", "-f", writeTemp(t, "sent.yaml", fill(t, sent, "encryption-rest", "yes")))
	if n := unreviewedVendorAnswers(s, id); n != 1 {
		t.Errorf("after three refusals: %d answers the vendor's, want 1", n)
	}
	// Read with --vendor, it is held to what a vendor's file is: without
	// its sent line it is refused (TestVendorFlagFileWithoutSourceOrSentLineIsRefused);
	// with it, it says it is theirs.
	s.fails("sent: missing; a file from assay send has a sent: line", "answer", id, "--vendor", "-f", strippedFile)
	var unlabelled []string
	for _, line := range strings.Split(fill(t, sent, "encryption-rest", "yes"), "\n") {
		if !strings.HasPrefix(line, "source:") {
			unlabelled = append(unlabelled, line)
		}
	}
	s.ok("answer", id, "--vendor", "-f", writeTemp(t, "unlabelled.yaml", strings.Join(unlabelled, "\n")))
	if n := unreviewedVendorAnswers(s, id); n != 2 {
		t.Errorf("a file without its source line read with --vendor: %d answers the vendor's, want 2", n)
	}
	// The analyst's own file, said to be so, is theirs.
	s.ok("answer", id, "--own", "-f", writeTemp(t, "own.yaml", "answers:\n  encryption-transit: \"yes\"\n"))
	if n := unreviewedVendorAnswers(s, id); n != 2 {
		t.Errorf("the analyst's own file read with --own: %d answers the vendor's, want 2", n)
	}
	// The sendings are records of the trail, signed like the rest: verify
	// passes, and the assessment moves to another database with them.
	s.ok("verify")
	exported := filepath.Join(t.TempDir(), "acme.assay.json")
	s.ok("export", id, "-o", exported)
	other := newTrustingSession(t, s)
	other.ok("import", exported)
	other.fails("a file was sent to the vendor for assessment 1", "answer", "1", "-f", strippedFile)
}

// Before any file is sent, an answers file is the analyst's, as it has
// always been, with no flag to give.
func TestAnswersFileBeforeAnySendingNeedsNoFlag(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Acme", "--date", "2026-01-31"))
	s.ok("answer", id, "-f", writeTemp(t, "own.yaml", "answers:\n  mfa: \"yes\"\n"))
	if n := unreviewedVendorAnswers(s, id); n != 0 {
		t.Errorf("%d answers the vendor's, want 0", n)
	}
}
