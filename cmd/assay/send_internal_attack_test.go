package main

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Attacks on the older vendor files that give our internal answers back.
// An entry that says what we recorded is dropped, never recorded: a file
// whose sent line is moved back to a time our answer was what the vendor
// would like it to be is read, and still changes nothing of ours.
func TestLegacyVendorFileWithAForgedSentTimeChangesNothingOfOurs(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "third-party-due-diligence", "-s", "Acme", "--date", "2026-01-31"))
	s.ok("answer", id, "--own", "-f", writeTemp(t, "easy.yaml", "answers:\n  substitutability: easy\n"))
	time.Sleep(1100 * time.Millisecond)
	early := time.Now().UTC().Format(time.RFC3339Nano)
	time.Sleep(1100 * time.Millisecond)
	s.ok("answer", id, "-f", writeTemp(t, "own.yaml", legacyOwn))
	file, _ := legacyFile(t, s.sent(id), func(in string) string { return strings.Replace(in, `answer: "hard"`, `answer: "easy"`, 1) })
	// The vendor moves the sent line back to when we said "easy".
	file = regexp.MustCompile(`(?m)^sent: .*$`).ReplaceAllString(file, "sent: "+early)
	code, _, errOut := s.run("", "answer", id, "-f", writeTemp(t, "back.yaml", file))
	db := s.openStore()
	defer db.Close()
	a, err := db.Assessment(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Answers["substitutability"].Value.Choices; len(got) != 1 || got[0] != "hard" {
		t.Errorf("a forged sent time put %v over our answer (exit %d, %s)", got, code, errOut)
	}
}

// A Windows editor's line ends, or spaces an editor left after our note,
// are not a change to our answers: the file is read.
func TestLegacyVendorFileWithCRLFOrTrailingSpacesIsRead(t *testing.T) {
	for _, c := range []struct {
		name string
		edit func(string) string
	}{
		{"crlf", func(f string) string { return strings.ReplaceAll(f, "\n", "\r\n") }},
		{"trailing spaces in the note", func(f string) string {
			return strings.Replace(f, `note: "Checkout stops."`, `note: "Checkout stops.  "`, 1)
		}},
		{"plain note", func(f string) string {
			return strings.Replace(f, `note: "Checkout stops."`, `note: Checkout stops.`, 1)
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newCLISession(t)
			id := strings.TrimSpace(s.ok("new", "-q", "third-party-due-diligence", "-s", "Acme", "--date", "2026-01-31"))
			s.ok("answer", id, "-f", writeTemp(t, "own.yaml", legacyOwn))
			file, _ := legacyFile(t, s.sent(id), nil)
			code, _, errOut := s.run("", "answer", id, "-f", writeTemp(t, "back.yaml", c.edit(file)))
			if code != 0 {
				t.Errorf("refused: %s", errOut)
			}
		})
	}
}
