package main

import (
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
// source line says, and a file from which the vendor removed the lines
// that say so is the vendor's when the analyst reads it with --vendor.
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
	s.ok("answer", id, "--vendor", "-f", writeTemp(t, "stripped.yaml", strings.Join(stripped, "\n")))
	if n := unreviewedVendorAnswers(s, id); n != 2 {
		t.Errorf("a stripped file read with --vendor: %d answers the vendor's, want 2", n)
	}
}
