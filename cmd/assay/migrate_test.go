package main

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// portfolioReports are the committee reports (Markdown and HTML) and the
// OSCAL POA&M of assessments 1 to n, as of one day, as env's assay writes
// them.
// reportsAsOf is the one day every portfolioReports of a run reports as
// of, so that reports before and after a move compare byte for byte: the
// day the tests started, on or after every assessment's own date (a
// report as of a day before it is refused).
var reportsAsOf = time.Now().Format(time.DateOnly)

func portfolioReports(t *testing.T, bin string, env []string, n int) map[string]string {
	t.Helper()
	out := map[string]string{}
	for id := 1; id <= n; id++ {
		for _, format := range []string{"md", "html", "oscal-poam"} {
			r := runProc(bin, env, "report", fmt.Sprint(id), "--format", format, "--as-of", reportsAsOf)
			if r.code != 0 {
				t.Fatalf("assay report %d --format %s: exit %d: %s", id, format, r.code, r.errs)
			}
			out[fmt.Sprintf("%d.%s", id, format)] = r.stdout
		}
	}
	return out
}

// withEnv is env with one variable added or replaced.
func withEnv(env []string, key, value string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, key+"=") {
			out = append(out, kv)
		}
	}
	return append(out, key+"="+value)
}

// A personal portfolio moves to the team database and back: every
// report reads byte for byte the same on the server and in the file it
// comes back to, both verify, and the team carries on where the file
// left off.
func TestMigrateRoundTrip(t *testing.T) {
	s := newTeamServer(t)
	owner := s.person("owner", "owner", "analyst", "approver")
	bin := s.bin
	dir := t.TempDir()
	file := filepath.Join(dir, "assay.db")
	env := withEnv(procEnv(dir, file), "PGPASSFILE", filepath.Join(owner.dir, "pgpass"))
	s.trustTheAdmin(dir) // who signed the owner's grant
	run := runsOK(t, bin)
	worst := filepath.Join("testdata", "worst", "vendor-security-screen.yaml")
	// A portfolio with a little of everything: answers with hostile
	// notes, plan edits, a subject's record, an approved assessment, its
	// revision, and a draft.
	for _, subject := range []string{"Acme Cloud Ltd", "Globex | <b>Corp</b>", "Initech"} {
		id := strings.TrimSpace(run(env, "new", "-q", "vendor-security-screen", "-s", subject, "--date", "2026-03-01"))
		run(env, "answer", id, "-f", worst)
	}
	run(env, "plan", "1", "--item", "mfa", "--owner", "IT Security")
	run(env, "subject", "edit", "Acme Cloud Ltd", "--tier", "critical", "--owner", "Procurement")
	run(env, "review", "1", "--submit", "--accept-unconfirmed", "--date", "2026-03-02")
	run(withEnv(env, "ASSAY_REVIEWER", "Rui Costa"), "review", "1", "--approve", "--accept-unconfirmed", "--date", "2026-03-03")
	run(env, "revise", "1")
	run(env, "plan", "2", "--item", "mfa", "--owner", "Vendor manager")
	before := portfolioReports(t, bin, env, 4)

	out := run(env, "migrate", "--to", owner.dsn)
	for _, want := range []string{"4 assessments", "3 subjects", "Verified in", "intact"} {
		if !strings.Contains(out, want) {
			t.Errorf("migrate --to says %q; want %q in it", out, want)
		}
	}
	onServer := withEnv(env, "ASSAY_DB", owner.dsn)
	if got := portfolioReports(t, bin, onServer, 4); !sameReports(t, "on the team database", before, got) {
		return
	}
	if out := run(onServer, "verify"); !strings.Contains(out, "Audit trail intact: 4 assessments, 3 subjects") {
		t.Errorf("verify on the team database: %s", out)
	}
	// The file's key is registered there for Dana Reyes, and a key
	// belongs to one person: the owner's login does not sign with it too.
	// (--overwrite: the owner the revision copied is Dana's, and this
	// login replaces it knowingly.)
	if r := runProc(bin, onServer, "plan", "4", "--item", "mfa", "--owner", "Team", "--overwrite"); r.code == 0 ||
		!strings.Contains(r.errs, `for "Dana Reyes" (ledger entry 1), and a key belongs to one person`) {
		t.Errorf("the owner's login signing with Dana's key: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
	// The person makes a new key for the login (assay key new, which
	// keeps the old one trusted) and the team carries on: a new assessment
	// takes the next ID, the revision takes answers, and all of it still
	// verifies, on the server and back in a file.
	if out := run(onServer, "key", "new"); !strings.Contains(out, "Registered in ") {
		t.Errorf("assay key new on the team database:\n%s", out)
	}
	if id := strings.TrimSpace(run(onServer, "new", "-q", "vendor-security-screen", "-s", "Hooli", "--date", "2026-03-05")); id != "5" {
		t.Fatalf("the first assessment made on the server after the move is %s, want 5", id)
	}
	run(onServer, "answer", "5", "-f", worst)
	run(onServer, "plan", "4", "--item", "mfa", "--owner", "Team", "--overwrite")
	run(onServer, "verify")
	after := portfolioReports(t, bin, onServer, 5)

	back := filepath.Join(t.TempDir(), "back.db")
	run(withEnv(env, "ASSAY_DB", back), "migrate", "--from", owner.dsn)
	backEnv := withEnv(env, "ASSAY_DB", back)
	sameReports(t, "back in a file", after, portfolioReports(t, bin, backEnv, 5))
	if out := run(backEnv, "verify"); !strings.Contains(out, "Audit trail intact: 5 assessments, 4 subjects") {
		t.Errorf("verify back in a file: %s", out)
	}
}

func sameReports(t *testing.T, where string, want, got map[string]string) bool {
	t.Helper()
	same := true
	for name, w := range want {
		if got[name] != w {
			same = false
			t.Errorf("report %s differs %s:\n%s", name, where, firstDifference(w, got[name]))
		}
	}
	return same
}

func firstDifference(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(al), len(bl))
}

// A move that fails, at any point, leaves the target as it was: a row the
// server refuses midway, a login that is not the owner, a target that
// already holds a portfolio, signatures the person does not trust.
func TestMigrateFailureLeavesTheTargetAsItWas(t *testing.T) {
	s := newTeamServer(t)
	owner := s.person("owner", "owner", "analyst")
	ana := s.person("ana", "analyst")
	dir := t.TempDir()
	file := filepath.Join(dir, "assay.db")
	env := withEnv(procEnv(dir, file), "PGPASSFILE", filepath.Join(owner.dir, "pgpass"))
	s.trustTheAdmin(dir) // who signed the owner's grant
	worst := filepath.Join("testdata", "worst", "vendor-security-screen.yaml")
	for _, subject := range []string{"Acme Cloud Ltd", "Globex"} {
		id := strings.TrimSpace(runProc(s.bin, env, "new", "-q", "vendor-security-screen", "-s", subject, "--date", "2026-03-01").stdout)
		if r := runProc(s.bin, env, "answer", id, "-f", worst); r.code != 0 {
			t.Fatal(r.errs)
		}
	}
	rowsOnServer := func() int {
		t.Helper()
		total := 0
		for _, table := range []string{"questionnaire_snapshots", "subjects", "assessments", "answers", "events", "ledger"} {
			var n int
			if err := s.raw.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
				t.Fatal(err)
			}
			total += n
		}
		return total
	}

	// A login without the owner role: the server would refuse the
	// history recorded under other names; assay says so first.
	if r := runProc(s.bin, withEnv(env, "PGPASSFILE", filepath.Join(ana.dir, "pgpass")), "migrate", "--to", ana.dsn); r.code == 0 || !strings.Contains(r.errs, "owner role") {
		t.Errorf("migrate as an analyst: exit %d, %s", r.code, r.errs)
	}
	// A note PostgreSQL cannot hold (a NUL character, which SQLite keeps)
	// makes the server refuse the answers, after the snapshots, subjects
	// and assessments went in: none of them stays.
	raw := rawSQLite(t, file)
	if _, err := raw.Exec(`UPDATE answers SET note = 'before' || char(0) || 'after' WHERE assessment_id = 2 AND question_id = 'mfa'`); err != nil {
		t.Fatal(err)
	}
	r := runProc(s.bin, env, "migrate", "--to", owner.dsn)
	if r.code == 0 || !strings.Contains(r.errs, "copying answers") {
		t.Errorf("migrate with a row the server refuses: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
	if n := rowsOnServer(); n != 0 {
		t.Errorf("the failed move left %d rows on the server", n)
	}
	if _, err := raw.Exec(`UPDATE answers SET note = 'fixed' WHERE assessment_id = 2 AND question_id = 'mfa'`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	// Fixing a note by hand breaks the trail: verify inside the move
	// finds it, and nothing is left either.
	r = runProc(s.bin, env, "migrate", "--to", owner.dsn)
	if r.code == 0 || !strings.Contains(r.errs, "does not verify") {
		t.Errorf("migrate of a portfolio that does not verify: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
	if n := rowsOnServer(); n != 0 {
		t.Errorf("the move that did not verify left %d rows on the server", n)
	}

	// A good portfolio moves; moving it again is refused, changing nothing.
	good := filepath.Join(t.TempDir(), "good.db")
	goodEnv := withEnv(env, "ASSAY_DB", good)
	if id := strings.TrimSpace(runProc(s.bin, goodEnv, "new", "-q", "vendor-security-screen", "-s", "Initech", "--date", "2026-03-01").stdout); id != "1" {
		t.Fatalf("assay new: %q", id)
	}
	if r := runProc(s.bin, goodEnv, "migrate", "--to", owner.dsn); r.code != 0 {
		t.Fatalf("migrate --to: %s", r.errs)
	}
	n := rowsOnServer()
	if r := runProc(s.bin, goodEnv, "migrate", "--to", owner.dsn); r.code == 0 || !strings.Contains(r.errs, "already holds a portfolio") {
		t.Errorf("migrate into a team database that holds one: exit %d, %s", r.code, r.errs)
	}
	if rowsOnServer() != n {
		t.Error("the refused second move changed the server")
	}
	// Someone who does not trust the key that signed the team's history
	// cannot bring it into their file: it does not verify for them, and
	// their file holds nothing afterwards.
	stranger := t.TempDir()
	strangerFile := filepath.Join(stranger, "mine.db")
	strangerEnv := withEnv(procEnv(stranger, strangerFile), "PGPASSFILE", filepath.Join(owner.dir, "pgpass"))
	r = runProc(s.bin, strangerEnv, "migrate", "--from", owner.dsn)
	if r.code == 0 || !strings.Contains(r.errs, "do not trust") {
		t.Errorf("migrate --from without trusting the signer: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
	if _, err := os.Stat(strangerFile); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the refused move left the file it created: %v", err)
	}
	// Into a file that was there, holding nothing: it holds nothing after.
	makeDatabase(t, strangerFile)
	if r := runProc(s.bin, strangerEnv, "migrate", "--from", owner.dsn); r.code == 0 {
		t.Error("migrate --from without trusting the signer succeeded into an existing file")
	}
	if out := runProc(s.bin, strangerEnv, "list").stdout; strings.Contains(out, "Initech") {
		t.Errorf("the refused move left assessments in the file:\n%s", out)
	}
}

// rawSQLite opens a database file with SQLite directly, as sqlite3 would.
func rawSQLite(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
