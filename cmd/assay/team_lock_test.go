package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/pgtest"
)

// A session that holds an assessment's row lock (psql: BEGIN; SELECT …
// FOR UPDATE, left open) makes assay answer wait for it no longer than
// the lock wait (here shortened through the connection string's
// lock_timeout): it then says, in words, which assessment another
// session holds and that nothing was written, and writes nothing. That it
// gave up, rather than waiting for the lock, shows in its ending at all:
// the session lets the lock go only after assay has ended.
func TestTeamAnswerGivesUpOnAnAssessmentAnotherSessionHolds(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	id := strings.TrimSpace(ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"))
	file := filepath.Join(ana.dir, "answers.yaml")
	if err := os.WriteFile(file, []byte("answers:\n  attestation: \"yes\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}

	ctx := context.Background()
	holder := ana.sql()
	tx, err := holder.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `SELECT id FROM assessments WHERE id = $1 FOR UPDATE`, id); err != nil {
		t.Fatal(err)
	}

	env := ana.envTo(pgtest.WithParams(t, ana.dsn, "", map[string]string{"lock_timeout": "1500"}))
	r := runProc(s.bin, env, "answer", id, "-f", file)
	if r.code == 0 {
		t.Fatalf("assay answer on a held assessment: exit 0, want a refusal once the lock wait ran out\n%s%s", r.stdout, r.errs)
	}
	for _, want := range []string{"assessment " + id + " (Acme Cloud Ltd) is held by another session", "nothing was recorded"} {
		if !strings.Contains(r.errs, want) {
			t.Errorf("refusal does not say %q:\n%s", want, r.errs)
		}
	}
	for _, raw := range []string{"SQLSTATE", "55P03", "lock timeout", "canceling statement"} {
		if strings.Contains(r.errs, raw) {
			t.Errorf("refusal shows the server's own words %q:\n%s", raw, r.errs)
		}
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	if out := ana.ok("list"); !strings.Contains(out, "0/33") {
		t.Fatalf("the refused answer was written:\n%s", out)
	}
	ana.ok("answer", id, "-f", file)
	if out := ana.ok("list"); !strings.Contains(out, "1/33") {
		t.Fatalf("the answer, once the lock was let go, was not written:\n%s", out)
	}
}
