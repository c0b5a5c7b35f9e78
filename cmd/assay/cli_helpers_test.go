package main

import (
	"bytes"
	"context"
	"database/sql"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/store"
)

// cliSession runs assay in-process against its own database and folders,
// so tests never touch the real user's data.
type cliSession struct {
	t   *testing.T
	env map[string]string
}

func newCLISession(t *testing.T) *cliSession {
	t.Helper()
	dir := t.TempDir()
	return &cliSession{t: t, env: map[string]string{
		"HOME":            dir,
		"ASSAY_DB":        filepath.Join(dir, "assay.db"),
		"XDG_CONFIG_HOME": filepath.Join(dir, "config"),
		"XDG_DATA_HOME":   filepath.Join(dir, "data"),
		"XDG_CACHE_HOME":  sharedCache,
		"ASSAY_REVIEWER":  "Test Reviewer",
		"NO_COLOR":        "1",
		"LANG":            "C.UTF-8", // tables and the workspace draw UTF-8 (a test of LANG=C sets its own)
	}}
}

// run executes assay with args and returns the exit code and both outputs.
func (s *cliSession) run(stdin string, args ...string) (code int, stdout, stderr string) {
	s.t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errOut, func(k string) string { return s.env[k] })
	return code, out.String(), errOut.String()
}

// listed is assay list with args, or "" when nothing has created the
// session's database yet (assay list then refuses it by name, and creates
// nothing): what a test that something was not recorded reads.
func (s *cliSession) listed(args ...string) string {
	s.t.Helper()
	return s.readOrNothingYet(append([]string{"list"}, args...)...)
}

// readOrNothingYet runs a command that only reads and returns its output,
// or "" when nothing has created the session's database yet.
func (s *cliSession) readOrNothingYet(args ...string) string {
	s.t.Helper()
	code, out, errOut := s.run("", args...)
	if code == 1 && strings.Contains(errOut, "there is no database at "+s.env["ASSAY_DB"]) {
		return ""
	}
	if code != 0 {
		s.t.Fatalf("assay %s: exit %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), code, out, errOut)
	}
	return out
}

// ok runs a command that must succeed and returns its standard output.
func (s *cliSession) ok(args ...string) string {
	s.t.Helper()
	code, out, errOut := s.run("", args...)
	if code != 0 {
		s.t.Fatalf("assay %s: exit %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), code, out, errOut)
	}
	return out
}

// plant runs a statement on the database directly, bypassing assay: to
// put there what an older assay, which stored names as given, or sqlite3
// could have left, for the tests of what assay shows of it.
func (s *cliSession) plant(stmt string, args ...any) {
	s.t.Helper()
	raw, err := sql.Open("sqlite", s.env["ASSAY_DB"])
	if err != nil {
		s.t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(stmt, args...); err != nil {
		s.t.Fatalf("%s: %v", stmt, err)
	}
}

// plantSubject names assessment id's subject name, in the database
// directly (assay refuses such names).
func (s *cliSession) plantSubject(id, name string) {
	s.t.Helper()
	s.plant(`UPDATE subjects SET name = ? WHERE id = (SELECT subject_id FROM assessments WHERE id = ?)`, name, id)
	s.plant(`UPDATE assessments SET subject = ? WHERE id = ?`, name, id)
}

// testdataQuestionnaires is the folder of test questionnaires, passed to
// assay as the user's own folder.
var testdataQuestionnaires = filepath.Join("..", "..", "questionnaires", "testdata")

// start creates an assessment of a test questionnaire on a fixed date,
// records the answers (the body of an answers file's "answers:" mapping)
// and returns the assessment's ID as printed by assay new.
func (s *cliSession) start(questionnaire, subject, date, answers string) string {
	s.t.Helper()
	id := strings.TrimSpace(s.ok("--questionnaires", testdataQuestionnaires, "new", "-q", questionnaire, "-s", subject, "--date", date))
	if answers != "" {
		var b strings.Builder
		b.WriteString("answers:\n")
		for _, line := range strings.Split(strings.TrimSpace(answers), "\n") {
			b.WriteString("  " + strings.TrimSpace(line) + "\n")
		}
		path := filepath.Join(s.t.TempDir(), "answers.yaml")
		if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
			s.t.Fatal(err)
		}
		s.ok("answer", id, "-f", path)
	}
	return id
}

// publicKey is the session's public key as assay key prints it (the key
// is made on the session's first change, or by assay key itself).
func (s *cliSession) publicKey() string { return s.keyLine("Public key:") }

// keyID is the fingerprint of the session's key.
func (s *cliSession) keyID() string { return s.keyLine("Fingerprint:") }

// keyLine is what assay key prints after label.
func (s *cliSession) keyLine(label string) string {
	s.t.Helper()
	for _, line := range strings.Split(s.ok("key"), "\n") {
		if v, ok := strings.CutPrefix(line, label); ok {
			return strings.TrimSpace(v)
		}
	}
	s.t.Fatalf("assay key printed no %s", label)
	return ""
}

// trust makes s trust other's key, as a person does once they have
// checked its fingerprint with its owner.
func (s *cliSession) trust(other *cliSession) {
	s.t.Helper()
	s.ok("key", "trust", other.env["ASSAY_REVIEWER"], other.publicKey())
}

// newTrustingSession is another person's session, trusting the key of the
// person of session from.
func newTrustingSession(t *testing.T, from *cliSession) *cliSession {
	t.Helper()
	s := newCLISession(t)
	s.trust(from)
	return s
}

// openStore opens the session's database as assay does, signing with the
// session's key and trusting it.
func (s *cliSession) openStore() *store.DB {
	s.t.Helper()
	return openStoreAs(s.t, s.env, s.env["ASSAY_DB"])
}

// openStoreAs opens the database at path as assay would for the person
// whose environment env is: signing with their key, trusting it.
func openStoreAs(t *testing.T, env map[string]string, path string) *store.DB {
	t.Helper()
	a := &app{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, getenv: func(k string) string { return env[k] }, dbPath: path}
	db, err := a.store()
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// worstCase starts an assessment of questionnaire q, dated 2026-03-01,
// and answers it with the worst answers (testdata/worst); it returns its
// ID.
func (s *cliSession) worstCase(q string) string {
	s.t.Helper()
	id := strings.TrimSpace(s.ok("new", "-q", q, "-s", "Subject "+q, "--date", "2026-03-01"))
	s.ok("answer", id, "-f", filepath.Join("testdata", "worst", q+".yaml"))
	return id
}
