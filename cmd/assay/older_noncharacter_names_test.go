package main

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// store/testdata/noncharacter-names.sql is the dump (sqlite3 .dump) of a
// database written with its own commands by the assay just before names
// refused noncharacters (commit 16d15d5c), which stored and listed a name
// given with one (shown without it): subject "Ac<U+FDD0>me Cloud", owned
// by "Procure<U+FFFE>ment"; assessment 1, a draft, whose plan item mfa is
// owned by "Sam<U+1FFFE>Ortiz" and whose breach-notice risk "CI<U+FDEF>SO"
// accepted until 2099-12-31; every change made by "Dana<U+FDD0>Reyes",
// whose key signs its ledger (below). testdata/oldnonchars/draft.assay.json
// is the same assay's export of 1.
const (
	noncharSubject  = "Ac\ufdd0me Cloud"
	noncharOwner    = "Procure\ufffement"
	noncharItemBy   = "Sam\U0001fffeOrtiz"
	noncharApprover = "CI\ufdefSO"
	noncharSigner   = "Dana\ufdd0Reyes"
	noncharSignerPK = "ed25519:cgRoIvOWN6llyUPUy54JIUtII9pvZN+idIbmR+tJFZ4="
)

// A name given anew with a noncharacter is refused at its field, naming
// the character and where it is, and the database is unchanged: the
// subject of a new assessment, a subject's owner, a plan item's owner, a
// risk's approver, whoever makes the change.
func TestNamesGivenWithANoncharacterAreRefused(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud", "2026-03-01", tieringAnswers)
	digest := s.dbDigest()
	s.fails("subject name holds a noncharacter (U+FDD0) at character 3: a name holds only text",
		"--questionnaires", testdataQuestionnaires, "new", "-q", "vendor-tiering", "-s", noncharSubject, "--date", "2026-05-01")
	s.fails("subject owner holds a noncharacter (U+FFFE) at character 8", "subject", "edit", "1", "--owner", noncharOwner)
	s.fails("owner holds a noncharacter (U+1FFFE) at character 4", "plan", id, "--item", "mfa", "--owner", noncharItemBy)
	s.fails("approver holds a noncharacter (U+FDEF) at character 3", "plan", id, "--item", "mfa",
		"--accept-approver", noncharApprover, "--accept-reason", "Renewal", "--accept-expires", "2099-12-31")
	s.env["ASSAY_REVIEWER"] = noncharSigner
	s.fails("holds a noncharacter (U+FDD0) at character 5", "plan", id, "--item", "mfa", "--owner", "Sam Ortiz")
	if s.dbDigest() != digest {
		t.Error("a refused name changed the database")
	}
}

// olderNoncharacterNames is a session on that database, trusting its key.
func olderNoncharacterNames(t *testing.T) *cliSession {
	t.Helper()
	s := newCLISession(t)
	loadDump(t, filepath.Join("..", "..", "store", "testdata", "noncharacter-names.sql"), s.env["ASSAY_DB"])
	s.ok("key", "trust", noncharSigner, noncharSignerPK)
	return s
}

// recordedNoncharacterNames checks that the session's database holds the
// names as the older assay recorded them, byte for byte.
func (s *cliSession) recordedNoncharacterNames() {
	s.t.Helper()
	db, err := sql.Open("sqlite", "file:"+s.env["ASSAY_DB"]+"?mode=ro")
	if err != nil {
		s.t.Fatal(err)
	}
	defer db.Close()
	var name, owner string
	if err := db.QueryRow(`SELECT name, owner FROM subjects WHERE id = 1`).Scan(&name, &owner); err != nil {
		s.t.Fatal(err)
	}
	if name != noncharSubject || owner != noncharOwner {
		s.t.Errorf("subject 1 holds %+q, owner %+q; want them as recorded", name, owner)
	}
	var edits string
	if err := db.QueryRow(`SELECT group_concat(edit, ' ') FROM plan_edits`).Scan(&edits); err != nil {
		s.t.Fatal(err)
	}
	for _, want := range []string{noncharItemBy, noncharApprover} {
		if !strings.Contains(edits, want) {
			s.t.Errorf("the plan edits lack %+q as recorded: %+q", want, edits)
		}
	}
}

// Names an older assay recorded with a noncharacter are the user's
// recorded work: the database verifies and opens, the plan item is edited
// without retyping its owner (a rename keeping the character is refused),
// and the export carries them byte for byte and imports as it is. The
// export is the evidence format assay imports: its audit records, hashed
// and signed, cover each name byte for byte, so an export that cleaned
// them would no longer verify nor import. The older assay's own export
// imports too.
func TestNamesRecordedWithANoncharacterOpenExportAndImport(t *testing.T) {
	s := olderNoncharacterNames(t)
	s.ok("verify")
	s.ok("list")
	s.ok("subject", "show", "Acme Cloud")
	s.ok("report", "1", "--as-of", "2026-12-01")
	s.ok("subject", "edit", noncharSubject, "--owner", noncharOwner, "--tier", "critical")
	s.ok("plan", "1", "--item", "mfa", "--owner", noncharItemBy, "--status", "in-progress")
	s.fails("owner holds a noncharacter (U+1FFFE)", "plan", "1", "--item", "mfa", "--owner", noncharItemBy+" Jr")
	s.recordedNoncharacterNames()
	s.ok("verify")

	out := filepath.Join(t.TempDir(), "1.assay.json")
	s.ok("export", "1", "-o", out)
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{noncharSubject, noncharOwner, noncharItemBy, noncharApprover, noncharSigner} {
		if !bytes.Contains(b, []byte(name)) {
			t.Errorf("the export does not carry %+q as recorded", name)
		}
	}
	other := newTrustingSession(t, s)
	other.ok("key", "trust", noncharSigner, noncharSignerPK)
	other.ok("import", out)
	other.recordedNoncharacterNames()
	other.ok("verify")

	older := newCLISession(t)
	older.ok("key", "trust", noncharSigner, noncharSignerPK)
	older.ok("import", filepath.Join("testdata", "oldnonchars", "draft.assay.json"))
	older.recordedNoncharacterNames()
	older.ok("verify")
}

// The --json outputs (lists, the overdue and due items, an
// assessment's score, coverage and history) are for scripts and people,
// never read back by assay: unlike the export, nothing hashes or signs
// them, and I-JSON (RFC 7493) asks that JSON for other programs hold no
// noncharacter. They held the stored noncharacters as typed, where the
// table beside each shows the name without them. They now drop them, as
// every other output does, and a name from them still finds its record
// (assay finds a name by what is shown).
func TestJSONOutputsDropStoredNoncharacters(t *testing.T) {
	s := olderNoncharacterNames(t)
	for _, args := range [][]string{
		{"list", "--json"}, {"subject", "list", "--json"},
		{"overdue", "--json", "--as-of", "2026-12-01"}, {"due", "--json", "--as-of", "2026-12-01"},
		{"score", "1", "--json"}, {"coverage", "1", "--json"}, {"history", "1", "--json"},
	} {
		out := s.ok(args...)
		for _, r := range noncharacters {
			if strings.ContainsRune(out, r) {
				t.Errorf("assay %s holds U+%04X:\n%s", strings.Join(args, " "), r, out)
			}
		}
	}
	var subjects []struct {
		Name string `json:"name"`
	}
	if err := json.Unmarshal([]byte(s.ok("subject", "list", "--json")), &subjects); err != nil {
		t.Fatal(err)
	}
	if len(subjects) != 1 || subjects[0].Name != "Acme Cloud" {
		t.Fatalf("subject list --json: %+v, want Acme Cloud", subjects)
	}
	s.ok("subject", "show", subjects[0].Name)
	if out := s.ok("history", "1", "--json"); !strings.Contains(out, `"DanaReyes"`) || !strings.Contains(out, "SamOrtiz") {
		t.Errorf("history --json lacks who made the changes and the owner, as shown:\n%s", out)
	}
}
