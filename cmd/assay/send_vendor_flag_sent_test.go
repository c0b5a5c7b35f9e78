package main

import (
	"regexp"
	"strings"
	"testing"
)

// A vendor who deletes both lines assay send wrote above the answers
// (source: vendor and sent:) made a file that does not say it is theirs:
// it is refused without --vendor or --own (TestVendorFileWithoutItsSentLineIsRefused
// covers the file that keeps its source line). Read with --vendor, as that
// refusal told the analyst to, it was recorded with nothing to compare it
// against: an answer corrected here after sending, which the vendor left as
// it was sent, was recorded over the correction as theirs. --vendor says the
// file came back from the vendor, so it is held to what README promises of
// their files: once a sending is on record, it is refused without its sent
// line, naming the sending to put back, and nothing is recorded.
func TestVendorFlagFileWithoutSourceOrSentLineIsRefused(t *testing.T) {
	s := newCLISession(t)
	id := s.startBuiltin("vendor-security-screen", "Acme", "2026-01-31", "mfa: no")
	sent := s.sent(id)
	s.ok("answer", id, "--own", "-f", writeTemp(t, "fix.yaml", "answers:\n  mfa: yes\n"))
	stripped := regexp.MustCompile(`(?m)^(source: vendor|sent: "[^"]+")\n`).ReplaceAllString(sent, "")
	if strings.Contains(stripped, "\nsource:") || strings.Contains(stripped, "\nsent:") {
		t.Fatalf("the lines were not deleted:\n%.600s", stripped)
	}
	file := writeTemp(t, "acme.yaml", fill(t, stripped, "attestation", `"yes"`))
	code, _, stderr := s.run("", "answer", id, "--vendor", "-f", file)
	if code == 0 || !regexp.MustCompile(`acme\.yaml:1: sent: missing; .*a file was sent to the vendor for assessment `+id+` \(last on `).MatchString(stderr) ||
		!strings.Contains(stderr, "nothing was recorded") {
		t.Errorf("--vendor, both lines deleted: exit %d, stderr:\n%s", code, stderr)
	}
	if n := unreviewedVendorAnswers(s, id); n != 0 {
		t.Errorf("a refused file recorded %d answers as the vendor's", n)
	}
	// The vendor's answers are still read as theirs once the line is back.
	line := regexp.MustCompile(`(?m)^sent: "[^"]+"\n`).FindString(sent)
	back := strings.Replace(fill(t, stripped, "attestation", `"yes"`), "answers:\n", line+"answers:\n", 1)
	out := s.ok("answer", id, "--vendor", "-f", writeTemp(t, "back.yaml", back))
	if !strings.Contains(out, "1 left as it was sent, kept as changed here since") {
		t.Errorf("--vendor with the sent line put back: %s", out)
	}
}
