package main

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// dbDigest is a checksum of every row of every table in the session's
// database, so that a test can show a refused command changed nothing.
func (s *cliSession) dbDigest() string {
	s.t.Helper()
	db, err := sql.Open("sqlite", "file:"+s.env["ASSAY_DB"]+"?mode=ro")
	if err != nil {
		s.t.Fatal(err)
	}
	defer db.Close()
	var tables []string
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
	if err != nil {
		s.t.Fatal(err)
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			s.t.Fatal(err)
		}
		tables = append(tables, name)
	}
	rows.Close()
	h := sha256.New()
	total := 0
	for _, table := range tables {
		rows, err := db.Query(`SELECT * FROM "` + table + `"`)
		if err != nil {
			s.t.Fatal(err)
		}
		cols, _ := rows.Columns()
		var lines []string
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				s.t.Fatal(err)
			}
			lines = append(lines, fmt.Sprintf("%q", vals))
		}
		rows.Close()
		slices.Sort(lines)
		fmt.Fprintf(h, "%s %d\n%s\n", table, len(lines), strings.Join(lines, "\n"))
		total += len(lines)
	}
	if total == 0 {
		s.t.Fatal("the database is empty: the comparison would prove nothing")
	}
	return hex.EncodeToString(h.Sum(nil))
}

func writeFile(t *testing.T, dir, name, body string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// A custom questionnaire with mistakes is refused with file, line, column
// and field for each, cannot be started, and the database is unchanged.
func TestBadQuestionnaireIsRejected(t *testing.T) {
	s := newCLISession(t)
	// Something in the database first, so "unchanged" means something.
	id := s.start("scoring-basics", "Existing vendor", "2026-01-10", "mfa: yes")
	before := s.dbDigest()

	dir := t.TempDir()
	path := writeFile(t, dir, "custom.yaml", `id: custom
version: "1.0.0"
title: Custom screen
kind: security
sections:
  - id: access
    title: Access
    questions:
      - id: mfa
        type: control
        text: Is MFA enforced?
        severity: severe
        action: Enforce MFA.
        controls:
          iso27001: [A.8.55]
`)
	wantProblems := []string{
		path + `:12:19: sections[access].questions[mfa].severity: unknown severity "severe" (use low, medium, high or critical)`,
		path + `:15:22: sections[access].questions[mfa].controls.iso27001[0]: ISO/IEC 27001:2022 has no control "A.8.55" (did you mean "A.8.5"?)`,
	}

	code, out, errOut := s.run("", "--questionnaires", dir, "new", "-q", "custom", "-s", "Acme")
	if code == 0 {
		t.Fatalf("a questionnaire with mistakes was started: %s", out)
	}
	for _, w := range wantProblems {
		if !strings.Contains(errOut, "Skipping the questionnaire file "+w+".\n") {
			t.Errorf("stderr does not name the problem\n%s\nstderr:\n%s", w, errOut)
		}
	}
	if !strings.Contains(errOut, "custom") {
		t.Errorf("stderr does not say which questionnaire could not be started:\n%s", errOut)
	}
	// lint reports the same problems, and nothing else.
	code, out, _ = s.run("", "lint", path)
	if code != 1 || strings.TrimRight(out, "\n") != strings.Join(wantProblems, "\n") {
		t.Errorf("lint: exit %d\n%s", code, out)
	}
	if after := s.dbDigest(); after != before {
		t.Error("the database changed")
	}
	// The assessment that was there is untouched and still scores.
	s.ok("score", id)
}

// An answers file with mistakes is refused with file, line, column and
// field for each, records nothing, and the database is unchanged.
func TestBadAnswersFileIsRejected(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud", "--date", "2026-01-31"))
	good := writeFile(t, t.TempDir(), "good.yaml", "answers:\n  attestation: no\n  policy: yes\n")
	s.ok("answer", id, "-f", good)
	before := s.dbDigest()
	scoreBefore := s.ok("score", id, "--as-of", "2026-02-01")

	path := writeFile(t, t.TempDir(), "answers.yaml", `questionnaire: vendor-security-screen
answers:
  attestation: yes
  mfa: sometimes
  policy:
    answer: partial
    evidnce: [Policy v3]
  firewall: yes
`)
	code, out, errOut := s.run("", "answer", id, "-f", path)
	if code == 0 {
		t.Fatalf("a bad answers file was accepted: %s", out)
	}
	for _, w := range []string{
		path + `:4:8: answers.mfa: question mfa has no option "sometimes" (options: yes, partial, no, na)`,
		path + `:7:5: answers.policy.evidnce: unknown field "evidnce" (did you mean "evidence"?)`,
		path + `:8:3: answers.firewall: questionnaire vendor-security-screen has no question "firewall"`,
	} {
		if !strings.Contains(errOut, w) {
			t.Errorf("stderr does not name the problem\n%s\nstderr:\n%s", w, errOut)
		}
	}
	if !strings.Contains(errOut, "assay: "+path+": 3 problems; nothing was recorded") {
		t.Errorf("no summary line:\n%s", errOut)
	}
	if after := s.dbDigest(); after != before {
		t.Error("the database changed")
	}
	// attestation is still no, not the file's yes.
	if got := s.ok("score", id, "--as-of", "2026-02-01"); got != scoreBefore {
		t.Errorf("score changed:\n%s\nwas:\n%s", got, scoreBefore)
	}
	// An answers file written for another questionnaire is refused too.
	other := writeFile(t, t.TempDir(), "other.yaml", "questionnaire: dpia\nanswers:\n  mfa: yes\n")
	code, _, errOut = s.run("", "answer", id, "-f", other)
	if code == 0 || !strings.Contains(errOut, other+`:1:16: questionnaire: this file answers "dpia", but the assessment uses "vendor-security-screen"`) {
		t.Errorf("exit %d:\n%s", code, errOut)
	}
	if after := s.dbDigest(); after != before {
		t.Error("the database changed")
	}
}
