package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A day that is not one, a day to come, a question the questionnaire
// does not have: each is refused, saying why, and nothing is listed.
func TestHistoryRefusesWhatCannotMatch(t *testing.T) {
	recording := time.Now().UTC() // before any record is made
	s, id := historySession(t)
	s.fails(`--since: "2026-02-30" is not a day of the calendar`, "history", id, "--since", "2026-02-30")
	s.fails(`--since: "last week" is not a date in YYYY-MM-DD form`, "history", id, "--since", "last week")
	// The command's today is held on the day tomorrow is counted from: read
	// twice, the clock could pass midnight UTC between, and tomorrow be today.
	now := time.Now().UTC()
	old := clock
	clock = func() time.Time { return now }
	t.Cleanup(func() { clock = old })
	tomorrow := now.AddDate(0, 0, 1).Format(time.DateOnly)
	s.fails("--since: "+tomorrow+" is after today (UTC): no record is that recent", "history", id, "--since", tomorrow)
	clock = old
	s.fails(`assessment 1 (vendor-tiering) has no question "encrypton": its questions are data-class, outage-impact, substitutable, mfa, encryption, breach-notice, subprocessors`,
		"history", id, "--question", "encrypton")
	s.fails("no assessment with ID 99", "history", "99")
	s.fails(`"x1" is not an assessment ID`, "history", "x1")
	// Today is taken: records made today are there. Today is the day the
	// records began on: a run across midnight UTC made some the day before
	// the clock says now.
	today := recording.Format(time.DateOnly)
	if out := s.ok("history", id, "--since", today); !strings.Contains(out, "14 records") || strings.Contains(out, "No record matches") {
		t.Fatalf("--since today:\n%s", out)
	}
}

// --by naming nobody who recorded anything says who did.
func TestHistoryByNobodyNamesWhoRecorded(t *testing.T) {
	s, id := historySession(t)
	out := s.ok("history", id, "--by", "Rita Reviewr")
	if want := "No record matches by Rita Reviewr. The records were made by Test Reviewer and Rita Reviewer.\n"; !strings.HasSuffix(out, want) {
		t.Fatalf("--by nobody:\n%s\nwant it to end %q", out, want)
	}
}

// An archived assessment's trail is read as any other, and says it is
// archived; a revision's names the assessment whose trail is before it.
// The approved one is not archived (it stays listed): its revision is.
func TestHistoryOfArchivedAndRevised(t *testing.T) {
	s, id := historySession(t)
	rev := strings.TrimSpace(s.ok("revise", id))
	db := s.openStore()
	if err := db.SetArchived(context.Background(), 2, true); err != nil {
		t.Fatal(err)
	}
	db.Close()
	out := s.ok("history", rev)
	if !strings.HasPrefix(out, "Audit trail of assessment 2 (archived) verified") {
		t.Fatalf("archived:\n%s", out)
	}
	for _, want := range []string{
		"Assessment 2 is revision 2 of assessment 1: assay history 1 shows how that one came to be; the records here start from the copy.\n",
		"revision 2 started from assessment 1",
	} {
		if !strings.Contains(out, want) {
			t.Fatalf("want %q in revision's history:\n%s", want, out)
		}
	}
}

// -o writes the history to a file, as assay plan -o does: text, or JSON
// for a .json name; a name for another format is refused, nothing written;
// standard output, a pipe here, never carries escape sequences.
func TestHistoryOutputFile(t *testing.T) {
	s, id := historySession(t)
	dir := t.TempDir()
	txt := filepath.Join(dir, "trail.txt")
	out := s.ok("history", id, "-o", txt)
	if strings.Contains(out, "Audit trail") {
		t.Fatalf("-o also printed the trail:\n%s", out)
	}
	b, err := os.ReadFile(txt)
	if err != nil || !strings.HasPrefix(string(b), "Audit trail of assessment 1 verified") {
		t.Fatalf("trail.txt: %v\n%s", err, b)
	}
	js := filepath.Join(dir, "trail.json")
	s.ok("history", id, "--question", "encryption", "-o", js)
	var h historyJSON
	b, _ = os.ReadFile(js)
	if err := json.Unmarshal(b, &h); err != nil || len(h.Entries) != 2 {
		t.Fatalf("trail.json: %v, %d entries\n%s", err, len(h.Entries), b)
	}
	// --json into a Markdown name wrote JSON where the name promises text.
	md := filepath.Join(dir, "trail.md")
	s.fails("trail.md is named for a Markdown file, but --json writes JSON: name it .json, or leave out --json; nothing was written", "history", id, "--json", "-o", md)
	if _, err := os.Stat(md); err == nil {
		t.Fatal("trail.md written")
	}
	pdf := filepath.Join(dir, "trail.pdf")
	s.fails("nothing was written", "history", id, "-o", pdf)
	if _, err := os.Stat(pdf); err == nil {
		t.Fatal("trail.pdf written")
	}
	if _, out, _ := s.run("", "history", id); strings.Contains(out, "\x1b") {
		t.Fatalf("escape sequence on a pipe:\n%q", out)
	}
}

// An imported assessment's trail shows where it came from: after the
// records it carried, the import record with who exported and signed the
// file and its digest. (It did so already; this keeps it so.)
func TestHistoryOfImported(t *testing.T) {
	s, id := historySession(t)
	file := filepath.Join(t.TempDir(), "acme.json")
	s.ok("export", id, "-o", file)
	other := newTrustingSession(t, s)
	other.ok("import", file)
	out := masked(other.ok("history", "1"))
	for _, want := range []string{"verified", "imported from an export file", "- exported by: Rita Reviewer", "- export signed by: Test Reviewer", "- file SHA-256: "} {
		if !strings.Contains(out, want) {
			t.Fatalf("want %q in the imported assessment's history:\n%s", want, out)
		}
	}
	if out := other.ok("history", "1", "--question", "encryption"); !strings.Contains(out, "answer changed: encryption") {
		t.Fatalf("--question on the imported assessment:\n%s", out)
	}
}
