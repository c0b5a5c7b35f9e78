package main

import (
	"database/sql"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// copies is a committee report in Markdown and in HTML, an OSCAL POA&M,
// OSCAL assessment results and an export of one assessment, made at the
// same moment.
type copies struct{ report, html, oscal, results, export string }

func (s *cliSession) copiesOf(id, dir string) copies {
	s.t.Helper()
	c := copies{filepath.Join(dir, "report.md"), filepath.Join(dir, "report.html"), filepath.Join(dir, "poam.json"), filepath.Join(dir, "results.json"),
		filepath.Join(dir, "export.json")}
	s.ok("report", id, "-o", c.report, "--as-of", "2026-03-20")
	s.ok("report", id, "--format", "html", "-o", c.html, "--as-of", "2026-03-20")
	s.ok("report", id, "--format", "oscal-poam", "-o", c.oscal, "--as-of", "2026-03-20")
	s.ok("report", id, "--format", "oscal-assessment-results", "-o", c.results, "--as-of", "2026-03-20")
	s.ok("export", id, "-o", c.export)
	return c
}

func (c copies) all() []string { return []string{c.report, c.html, c.oscal, c.results, c.export} }

// A report, OSCAL files and an export made before a change still verify
// against the database after assay appends to the history they pinned;
// once the database is rolled back to before them (a backup restored,
// which verify alone cannot tell from the real thing), they do not.
func TestVerifyAgainstCopiesMadeBeforeAChange(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", "mfa: no\nencryption: partial")
	backup := filepath.Join(t.TempDir(), "backup.db")
	copyDB(t, s.env["ASSAY_DB"], backup)

	s.ok("plan", id, "--item", "mfa", "--owner", "Sam Ortiz", "--as-of", "2026-03-02")
	early := s.copiesOf(id, t.TempDir())
	for _, f := range early.all() {
		out := s.ok("verify", "--against", f)
		if !strings.Contains(out, "The database still holds the record "+f+" pins: assessment 1, audit records 1 to 4.\n") ||
			!regexp.MustCompile(`Ledger entry 4, signed by Test Reviewer \(key SHA256:\S+\), is unchanged; 0 entries were added since\.`).MatchString(out) {
			t.Errorf("verify --against %s, just made:\n%s", filepath.Base(f), out)
		}
	}

	// Assay appends: two more answers and a submission.
	s.ok("answer", id, "-f", writeFile(t, t.TempDir(), "more.yaml", "answers:\n  breach-notice: yes\n  subprocessors: no\n"))
	s.ok("review", id, "--submit", "--date", "2026-03-20") // not after the later copies' --as-of
	for _, f := range early.all() {
		out := s.ok("verify", "--against", f)
		if !strings.Contains(out, "audit records 1 to 4; 4 records added since.\n") || !strings.Contains(out, "is unchanged; 2 entries were added since.") {
			t.Errorf("verify --against %s after appends:\n%s", filepath.Base(f), out)
		}
	}
	late := s.copiesOf(id, t.TempDir())

	// The database rolled back to the backup, taken before all of this:
	// consistent, so verify passes, but it no longer holds what the
	// copies pinned.
	copyDB(t, backup, s.env["ASSAY_DB"])
	if out := s.ok("verify"); !strings.HasPrefix(out, "Audit trail intact") {
		t.Fatalf("verify of the restored backup: %s", out)
	}
	for _, f := range append(early.all(), late.all()...) {
		code, _, errOut := s.run("", "verify", "--against", f)
		if code != 1 || !strings.Contains(errOut, "assessment 1 has 3 audit records, fewer than the") || !strings.Contains(errOut, "its history was cut back") {
			t.Errorf("verify --against %s after a rollback: exit %d, %s", filepath.Base(f), code, errOut)
		}
	}
}

// A copy names the history it pins exactly: one from another database, or
// altered, does not verify against this one.
func TestVerifyAgainstRefusesOtherAndAlteredCopies(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", "mfa: no")
	c := s.copiesOf(id, t.TempDir())

	other := newCLISession(t)
	other.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", "mfa: no")
	for _, f := range c.all() {
		other.fails("is not in this database: it was deleted, or the copy comes from another database", "verify", "--against", f)
	}

	report, err := os.ReadFile(c.report)
	if err != nil {
		t.Fatal(err)
	}
	head := regexp.MustCompile("ending in\\s+`([0-9a-f]{64})`").FindSubmatch(report)
	if head == nil {
		t.Fatalf("no head in the report:\n%s", report)
	}
	altered := strings.Replace(string(report), string(head[1]), strings.Repeat("0", 64), 1)
	s.fails("audit record 2 is not the one it pins", "verify", "--against", writeFile(t, t.TempDir(), "altered.md", altered))
	sig := regexp.MustCompile("`([A-Za-z0-9+/]{86}==)`").FindSubmatch(report)
	resigned := strings.Replace(string(report), string(sig[1]), strings.Repeat("A", 86)+"==", 1)
	s.fails("is not the one it pins", "verify", "--against", writeFile(t, t.TempDir(), "resigned.md", resigned))

	s.fails("no record line", "verify", "--against", writeFile(t, t.TempDir(), "notes.md", "# Some notes\n"))
	pdf := filepath.Join(t.TempDir(), "report.pdf")
	s.ok("report", id, "--format", "pdf", "-o", pdf)
	s.fails("a PDF report cannot be read back; give the same report in Markdown or HTML", "verify", "--against", pdf)
	s.fails("--against checks the assessment the file pins: give no ID", "verify", id, "--against", c.report)
}

// A database from an assay before signing: verify says it is not signed
// yet and how to sign it; assay key signs a checkpoint of it as it is;
// verify then says from when the signed guarantee holds.
func TestVerifyADatabaseFromBeforeSigning(t *testing.T) {
	s := newCLISession(t)
	loadDump(t, filepath.Join("..", "..", "store", "testdata", "before-signing.sql"), s.env["ASSAY_DB"])
	s.fails("ledger: the database holds 3 assessments and 2 subjects but no signed ledger: it was written by an assay from before signing (run assay key to sign a checkpoint of it as it is)", "verify")
	out := s.ok("key")
	if !strings.Contains(out, "Registered in "+s.env["ASSAY_DB"]+" as Test Reviewer, ledger entry 1") {
		t.Errorf("assay key:\n%s", out)
	}
	out = s.ok("verify")
	want := regexp.MustCompile(`(?m)^Signed since \S+ \(ledger entry 2, a checkpoint of a database written before signing\): before it, the history of 5 assessments and subjects is hash-chained only\.$`)
	if !strings.Contains(out, "Audit trail intact: 3 assessments, 2 subjects, 52 records checked.") || !want.MatchString(out) {
		t.Errorf("verify after assay key:\n%s", out)
	}
}

// loadDump makes a database file from an sqlite3 .dump.
func loadDump(t *testing.T, dump, path string) {
	t.Helper()
	b, err := os.ReadFile(dump)
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(string(b)); err != nil {
		t.Fatal(err)
	}
}

// A report of an assessment changed outside assay since its last signed
// entry pins no signed entry, and says why; verify --against it fails on
// the change first.
func TestReportOfAChangedAssessmentIsNotSigned(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", "mfa: no")
	s.tamper(`UPDATE assessments SET reviewer = 'Mallory' WHERE id = 1`)
	report := strings.Join(strings.Fields(s.ok("report", id)), " ")
	if !strings.Contains(report, "; not signed: it is not what ledger entry 3 signed, so it was changed outside assay since (run `assay verify`).") {
		t.Errorf("the report's record line:\n%s", report)
	}
	s.fails(`field reviewer is "Mallory" but this record, the last to set it, says "Test Reviewer"`,
		"verify", "--against", writeFile(t, t.TempDir(), "r.md", s.ok("report", id)))
}

// A report made in one database, checked in another that imported the
// assessment from it: its audit records are there as it pins them, but
// the ledger entry it pins is the first database's. verify --against says
// so, and where to check the signed part, instead of calling this
// database's ledger cut back.
func TestVerifyAgainstACopyFromTheDatabaseAnImportCameFrom(t *testing.T) {
	dana := newCLISession(t)
	dana.env["ASSAY_REVIEWER"] = "Dana Reyes"
	id := dana.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", "mfa: no\nencryption: partial")
	c := dana.copiesOf(id, t.TempDir())
	rui := newTrustingSession(t, dana)
	rui.env["ASSAY_REVIEWER"] = "Rui Costa"
	rui.ok("import", c.export)
	for _, f := range []string{c.report, c.html, c.results} {
		code, _, errOut := rui.run("", "verify", "--against", f)
		want := "assessment 1's audit records 1 to 3 are here as it pins them, but they came into this database together (ledger entry 2: imported, " +
			"or copied from another database), and the ledger entry it pins, 3, is the one of the database the copy was made from: check it there"
		if code != 1 || !strings.Contains(errOut, want) || strings.Contains(errOut, "cut back") {
			t.Errorf("verify --against %s in the database it was imported into: exit %d, %s", filepath.Base(f), code, errOut)
		}
		dana.ok("verify", "--against", f)
	}
}
