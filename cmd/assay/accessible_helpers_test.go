package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// accessibleSession is the real binary on a database holding assessment 1,
// the vendor security screen of Acme Cloud Ltd with every question
// answered No (28 findings, 28 plan items), driven as a screen reader's
// user drives it: TERM=dumb, the answers typed into a pipe.
type accessibleSession struct {
	t            *testing.T
	bin, dir, db string
	env          []string
}

func newAccessibleSession(t *testing.T) *accessibleSession {
	t.Helper()
	bin, dir, db, env := binaryWithAssessment(t)
	for i, kv := range env {
		if strings.HasPrefix(kv, "TERM=") {
			env[i] = "TERM=dumb"
		}
	}
	s := &accessibleSession{t: t, bin: bin, dir: dir, db: db, env: env}
	if r := runProc(bin, env, "answer", "1", "-f", taggedAnswers(t, t.TempDir(), "found")); r.code != 0 {
		t.Fatalf("assay answer: exit %d: %s", r.code, r.errs)
	}
	return s
}

// drive runs assay with the lines typed, one a line, and returns what it
// said on standard output; it fails the test on an escape sequence there.
func (s *accessibleSession) drive(lines ...string) string {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hangLimit)
	defer cancel()
	cmd := exec.CommandContext(ctx, s.bin)
	cmd.Env, cmd.Dir = s.env, s.dir
	cmd.Stdin = strings.NewReader(strings.Join(lines, "\n") + "\n")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		s.t.Fatalf("assay: %v\nstdout:\n%s\nstderr:\n%s", err, out.String(), errOut.String())
	}
	if strings.Contains(out.String(), "\x1b") {
		s.t.Errorf("an escape sequence reached the transcript:\n%q", out.String())
	}
	return out.String()
}

// says fails the test for each want the transcript lacks.
func (s *accessibleSession) says(transcript string, wants ...string) {
	s.t.Helper()
	for _, w := range wants {
		if !strings.Contains(transcript, w) {
			s.t.Errorf("the transcript lacks %q:\n%s", w, transcript)
		}
	}
}

// assessment is assessment id as the database now holds it.
func (s *accessibleSession) assessment(id int64) *assess.Assessment {
	s.t.Helper()
	db := openAs(s.t, s.dir, s.db)
	defer db.Close()
	a, err := db.Assessment(context.Background(), id)
	if err != nil {
		s.t.Fatal(err)
	}
	return a
}

// config writes the config file the binary reads.
func (s *accessibleSession) config(text string) {
	s.t.Helper()
	path := filepath.Join(s.dir, "config", "assay", "config.yaml")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		s.t.Fatal(err)
	}
}

// as is the session with another reviewer's name.
func (s *accessibleSession) as(name string) *accessibleSession {
	c := *s
	c.env = append(append([]string(nil), s.env...), fmt.Sprintf("ASSAY_REVIEWER=%s", name))
	return &c
}
