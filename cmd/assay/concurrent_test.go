package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/store"
)

// vendorScreenQuestions are the control questions of the built-in
// vendor-security-screen, all control questions.
var vendorScreenQuestions = []string{
	"attestation", "policy", "personnel", "confidentiality", "security-training", "mfa", "least-privilege",
	"access-review", "leavers", "encryption-rest", "encryption-transit", "deletion", "own-use", "vulnerabilities",
	"patching", "supported-software", "pentest", "logging", "monitoring", "backups", "continuity", "change-sign-off",
	"change-testing", "change-rollback", "change-notice", "breach-notice",
	"incident-record", "incident-plan", "subprocessors", "subprocessor-terms", "transfer-tools", "subprocessor-notice",
}

// procResult is one finished assay process.
type procResult struct {
	args         []string
	code         int
	stdout, errs string
}

func runProc(bin string, env []string, args ...string) procResult {
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		code = -1
		errOut.WriteString(err.Error())
	}
	return procResult{args: args, code: code, stdout: out.String(), errs: errOut.String()}
}

// taggedAnswers writes an answers file that answers every question "no"
// (so that every finding, and its plan item, stays) with tag as the note:
// the tag tells afterwards which process's answer the database kept.
func taggedAnswers(t *testing.T, dir, tag string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("questionnaire: vendor-security-screen\nanswers:\n")
	// data-sensitivity has no "no": ordinary personal data moves nothing.
	fmt.Fprintf(&b, "  data-sensitivity: {answer: personal, note: %q}\n", tag)
	for _, q := range vendorScreenQuestions {
		fmt.Fprintf(&b, "  %s: {answer: \"no\", note: %q}\n", q, tag)
	}
	path := filepath.Join(dir, tag+".yaml")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// Several assay processes answer and edit plans in one database at the
// same time, on their own assessments and on a shared one: every process
// succeeds, none prints SQLite's lock error, every recorded answer and
// plan change is in the audit trail, and each question holds the answer
// the trail recorded last.
func TestConcurrentProcessesLoseNothing(t *testing.T) {
	bin := assayBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "assay.db")
	env := procEnv(dir, db)
	worst := filepath.Join("testdata", "worst", "vendor-security-screen.yaml")
	for _, subject := range []string{"Acme Cloud Ltd", "Globex", "Initech"} {
		if r := runProc(bin, env, "new", "-q", "vendor-security-screen", "-s", subject, "--date", "2026-03-01"); r.code != 0 {
			t.Fatalf("assay new: exit %d: %s", r.code, r.errs)
		}
	}
	for id := 1; id <= 3; id++ {
		if r := runProc(bin, env, "answer", fmt.Sprint(id), "-f", worst); r.code != 0 {
			t.Fatalf("assay answer: exit %d: %s", r.code, r.errs)
		}
	}

	const rounds = 4
	var mu sync.Mutex
	var results []procResult
	var wg sync.WaitGroup
	record := func(r procResult) {
		mu.Lock()
		results = append(results, r)
		mu.Unlock()
	}
	// Three answering processes at a time: each on its own assessment
	// (1, 2) in even rounds and all on assessment 3 in odd ones.
	for w := range 3 {
		wg.Go(func() {
			for i := range rounds {
				id := 3
				if i%2 == 0 {
					id = w%2 + 1
				}
				file := taggedAnswers(t, dir, fmt.Sprintf("answer-w%d-r%d", w, i))
				if i == 0 {
					file = worst // the hostile notes of the built-in test file, too
				}
				record(runProc(bin, env, "answer", fmt.Sprint(id), "-f", file))
			}
		})
	}
	// Two plan editors change the same item of the shared assessment.
	for w := range 2 {
		wg.Go(func() {
			for i := range rounds {
				record(runProc(bin, env, "plan", "3", "--item", "mfa", "--owner", fmt.Sprintf("plan-w%d-r%d", w, i)))
			}
		})
	}
	wg.Wait()

	for _, r := range results {
		all := r.stdout + r.errs
		if r.code != 0 {
			t.Errorf("assay %s: exit %d\n%s", strings.Join(r.args, " "), r.code, all)
		}
		if low := strings.ToLower(all); strings.Contains(low, "database is locked") || strings.Contains(low, "sqlite_busy") {
			t.Errorf("assay %s printed SQLite's lock error: %s", strings.Join(r.args, " "), all)
		}
	}
	checkTrailMatches(t, dir, db, results)
}

// checkTrailMatches opens the database as a store: every tag a successful
// process wrote is in the trail, each answer and plan item holds the last
// value its trail records, the chains verify and integrity_check is ok.
func checkTrailMatches(t *testing.T, dir, path string, results []procResult) {
	t.Helper()
	db := openAs(t, dir, path)
	defer db.Close()
	checkTrail(t, db, results)
	integrityOK(t, path)
}

// checkTrail is checkTrailMatches on an open store, SQLite's or a team's.
func checkTrail(t *testing.T, db *store.DB, results []procResult) {
	t.Helper()
	ctx := assess.WithActor(context.Background(), "test")
	seen := map[string]bool{}
	for id := int64(1); id <= 3; id++ {
		a, err := db.Assessment(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		events, err := db.Events(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		last := map[string]string{}
		for _, e := range events {
			var rec struct{ Note, Owner string }
			if e.Kind != "answer" && e.Kind != "plan" {
				continue
			}
			if err := json.Unmarshal([]byte(e.New), &rec); err != nil {
				t.Fatal(err)
			}
			last[e.Kind+":"+e.Target] = rec.Note + rec.Owner
			seen[rec.Note+rec.Owner] = true
		}
		for key, tag := range last {
			kind, target, _ := strings.Cut(key, ":")
			got := a.Answers[target].Note
			if kind == "plan" {
				got = a.PlanEdits[target].Owner
			}
			if got != tag {
				t.Errorf("assessment %d %s holds %q; its trail last recorded %q", id, key, got, tag)
			}
		}
	}
	for _, r := range results {
		if r.code != 0 {
			continue
		}
		tag := ""
		switch r.args[0] {
		case "answer":
			tag = strings.TrimSuffix(filepath.Base(r.args[3]), ".yaml")
			if !strings.HasPrefix(tag, "answer-") {
				continue // the built-in file: its notes are not tags
			}
		case "plan":
			tag = r.args[5]
		}
		if !seen[tag] {
			t.Errorf("assay %s succeeded but %s is not in the audit trail", strings.Join(r.args, " "), tag)
		}
	}
	res, err := db.Verify(ctx, 0)
	if err != nil || res.Broken != nil {
		t.Errorf("verify: %v %v", res.Broken, err)
	}
}

// integrityOK runs SQLite's integrity_check on the file.
func integrityOK(t *testing.T, path string) {
	t.Helper()
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var ok string
	if err := raw.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("integrity_check on %s: %q %v", filepath.Base(path), ok, err)
	}
}
