package main

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// sentLine matches the sent line assay send writes.
var sentLine = regexp.MustCompile(`(?m)^sent: "[^"]+"\n`)

// uuidOf is assessment id's UUID, as the assessment line of a file sent
// for it gives it.
func (s *cliSession) uuidOf(id string) string {
	s.t.Helper()
	db := s.openStore()
	defer db.Close()
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil {
		s.t.Fatal(err)
	}
	asmt, err := db.Assessment(context.Background(), n)
	if err != nil {
		s.t.Fatal(err)
	}
	return asmt.UUID
}

// A vendor's file that says it is theirs (source: vendor) but whose sent
// line was deleted had nothing to compare its answers against: an answer
// the analyst corrected after sending, which the vendor left as it was
// sent, was recorded over the correction as the vendor's. Once a sending
// is on record for the assessment, such a file is refused at its source
// line, and nothing is recorded; the file as sent is read.
func TestVendorFileWithoutItsSentLineIsRefused(t *testing.T) {
	s := newCLISession(t)
	id := s.startBuiltin("vendor-security-screen", "Acme", "2026-01-31", "mfa: no")
	sent := s.sent(id)
	s.ok("answer", id, "--own", "-f", writeTemp(t, "fix.yaml", "answers:\n  mfa: yes\n"))
	stripped := sentLine.ReplaceAllString(sent, "")
	if stripped == sent {
		t.Fatalf("the sent file has no sent line:\n%.600s", sent)
	}
	sourceAt := strings.Count(sent[:strings.Index(sent, "source: vendor\n")], "\n") + 1
	for _, flags := range [][]string{nil, {"--vendor"}} {
		args := append([]string{"answer", id, "-f", writeTemp(t, "acme.yaml", fill(t, stripped, "attestation", `"yes"`))}, flags...)
		code, _, stderr := s.run("", args...)
		want := regexp.MustCompile(`acme\.yaml:` + strconv.Itoa(sourceAt) + `: sent: missing; a file from assay send has a sent: line`)
		if code == 0 || !want.MatchString(stderr) {
			t.Errorf("%v: exit %d, stderr:\n%s", flags, code, stderr)
		}
	}
	if n := unreviewedVendorAnswers(s, id); n != 0 {
		t.Errorf("a refused file recorded %d answers as the vendor's", n)
	}
	out := s.ok("answer", id, "-f", writeTemp(t, "back.yaml", fill(t, sent, "attestation", `"yes"`)))
	if !strings.Contains(out, "1 left as it was sent, kept as changed here since") {
		t.Errorf("the file as sent: %s", out)
	}
}
