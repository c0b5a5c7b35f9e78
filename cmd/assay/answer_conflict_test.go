package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
	"github.com/assay-dev/assay/store"
)

// mfaOf is assessment 1's answer to mfa and its number of audit records,
// read from the database.
func mfaOf(t *testing.T, db string) (assess.Answer, int) {
	t.Helper()
	a, records := firstAssessment(t, db)
	return a.Answers["mfa"], records
}

// firstAssessment is assessment 1 and its number of audit records, read
// from the database.
func firstAssessment(t *testing.T, db string) (*assess.Assessment, int) {
	t.Helper()
	s, err := store.Open(db, questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	a, err := s.Assessment(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	events, err := s.Events(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	return a, len(events)
}

// mfaAnswerFile writes an answers file setting mfa, and returns its path.
func mfaAnswerFile(t *testing.T, dir, name, value, note string) string {
	t.Helper()
	path := filepath.Join(dir, name+".yaml")
	body := fmt.Sprintf("answers:\n  mfa: {answer: %q, note: %q}\n", value, note)
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// withReviewer is env with the reviewer replaced.
func withReviewer(env []string, name string) []string {
	out := []string{"ASSAY_REVIEWER=" + name}
	for _, kv := range env {
		if !strings.HasPrefix(kv, "ASSAY_REVIEWER=") {
			out = append(out, kv)
		}
	}
	return out
}

// Ana answers mfa; Bo, in another process, answers it differently from a
// file: assay refuses, says that Ana saved it, when, and what it says,
// and records nothing. With --overwrite, Bo replaces it knowingly. Ana
// changing her own answer again needs no flag.
func TestAnswerRefusesToReplaceAnotherPersonsAnswer(t *testing.T) {
	bin := assayBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "assay.db")
	env := procEnv(dir, db)
	ana, bo := withReviewer(env, "Ana Analyst"), withReviewer(env, "Bo Berg")
	if r := runProc(bin, ana, "new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"); r.code != 0 {
		t.Fatalf("assay new: exit %d: %s", r.code, r.errs)
	}
	if r := runProc(bin, ana, "answer", "1", "-f", mfaAnswerFile(t, dir, "ana", "yes", "SSO for all staff")); r.code != 0 {
		t.Fatalf("Ana's answer: exit %d: %s", r.code, r.errs)
	}
	before, records := mfaOf(t, db)

	boFile := mfaAnswerFile(t, dir, "bo", "no", "contractors excluded")
	r := runProc(bin, bo, "answer", "1", "-f", boFile)
	if r.code != 1 {
		t.Fatalf("Bo's answer over Ana's: exit %d, want 1\n%s%s", r.code, r.stdout, r.errs)
	}
	for _, want := range []string{"question mfa", "Ana Analyst saved it at", `it says yes (note "SSO for all staff")`, "nothing was recorded", "--overwrite"} {
		if !strings.Contains(r.errs, want) {
			t.Errorf("refusal does not say %q:\n%s", want, r.errs)
		}
	}
	if after, n := mfaOf(t, db); !assess.SameAnswer(after, before) || after.UpdatedBy != "Ana Analyst" || n != records {
		t.Errorf("a refused answer changed the assessment: mfa %s by %s, %d audit records (was %d)", after.Describe(), after.UpdatedBy, n, records)
	}

	if r := runProc(bin, bo, "answer", "1", "-f", boFile, "--overwrite"); r.code != 0 {
		t.Fatalf("Bo's answer with --overwrite: exit %d: %s", r.code, r.errs)
	}
	if r := runProc(bin, bo, "answer", "1", "-f", mfaAnswerFile(t, dir, "bo2", "partial", "contractors from May")); r.code != 0 {
		t.Fatalf("Bo changing his own answer: exit %d: %s", r.code, r.errs)
	}
	if got, _ := mfaOf(t, db); got.Note != "contractors from May" || got.UpdatedBy != "Bo Berg" {
		t.Errorf("mfa is %s by %s, want Bo's last answer", got.Describe(), got.UpdatedBy)
	}
}

// Four people answer the same question at the same moment, each in a
// process of their own, none having seen an answer: exactly one answer
// is recorded; the three others are refused, naming it.
func TestAnswerOneWinnerAmongProcesses(t *testing.T) {
	bin := assayBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "assay.db")
	env := procEnv(dir, db)
	if r := runProc(bin, env, "new", "-q", "vendor-security-screen", "-s", "Globex", "--date", "2026-03-01"); r.code != 0 {
		t.Fatalf("assay new: exit %d: %s", r.code, r.errs)
	}
	const n = 4
	results := make([]procResult, n)
	var wg sync.WaitGroup
	for w := range n {
		file := mfaAnswerFile(t, dir, fmt.Sprintf("w%d", w), "partial", fmt.Sprintf("person %d", w))
		wg.Go(func() {
			results[w] = runProc(bin, withReviewer(env, fmt.Sprintf("Person %d", w)), "answer", "1", "-f", file)
		})
	}
	wg.Wait()
	won := -1
	for w, r := range results {
		switch {
		case r.code == 0 && won < 0:
			won = w
		case r.code == 0:
			t.Errorf("persons %d and %d both recorded an answer to mfa", won, w)
		case r.code != 1 || !strings.Contains(r.errs, "nothing was recorded"):
			t.Errorf("person %d: exit %d: %s", w, r.code, r.errs)
		}
	}
	if won < 0 {
		t.Fatalf("nobody's answer was recorded: %+v", results)
	}
	if got, n := mfaOf(t, db); got.Note != fmt.Sprintf("person %d", won) || n != 2 {
		t.Errorf("mfa is %s with %d audit records, want person %d's answer alone after the creation", got.Describe(), n, won)
	}
	for w, r := range results {
		if w != won && !strings.Contains(r.errs, fmt.Sprintf("Person %d saved it", won)) {
			t.Errorf("person %d's refusal does not name person %d:\n%s", w, won, r.errs)
		}
	}
}
