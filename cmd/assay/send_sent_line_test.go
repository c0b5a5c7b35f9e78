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

// A sent line naming a time on which no sending is on record was read at
// its word when the assessment had no sending on record at all, though
// the README said it was refused. Every sending is recorded since
// sendingsRecordedSince: a file that says it was sent since then, for an
// assessment with none on record, names a sending that never was, and is
// refused at its sent line. One sent before then, by an assay that did not
// record sendings, is read, as is one without a sent line.
func TestSentLineForAnAssessmentWithNoSendingOnRecord(t *testing.T) {
	s := newCLISession(t)
	id := s.startBuiltin("vendor-security-screen", "Acme", "2026-01-31", "mfa: no")
	file := func(sent string) string {
		return writeTemp(t, "acme.yaml", "questionnaire: vendor-security-screen\nsource: vendor\n"+sent+
			"answers:\n  attestation: \"yes\"\nassessment: "+s.uuidOf(id)+"\n")
	}
	code, _, stderr := s.run("", "answer", id, "-f", file("sent: \"2026-12-05T09:00:00Z\"\n"))
	if code == 0 || !strings.Contains(stderr, "acme.yaml:3: sent: no file was sent for assessment "+id+" at 2026-12-05T09:00:00Z: no sending is on record for it, and assay has recorded each sending since 2026-12-05") {
		t.Errorf("a sent time after sendings were recorded, none on record: exit %d, stderr:\n%s", code, stderr)
	}
	if n := unreviewedVendorAnswers(s, id); n != 0 {
		t.Errorf("a refused file recorded %d answers as the vendor's", n)
	}
	for _, sent := range []string{"sent: \"2026-12-04T18:00:00.5Z\"\n", ""} {
		if out := s.ok("answer", id, "-f", file(sent)); !strings.Contains(out, "recorded 1 answer") {
			t.Errorf("%q: %s", sent, out)
		}
		s.ok("answer", id, "--own", "-f", writeTemp(t, "undo.yaml", "answers:\n  attestation: \"no\"\n"))
	}
}
