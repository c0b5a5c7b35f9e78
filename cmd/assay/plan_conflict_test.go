package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// planOf is assessment 1's edit of plan item mfa and its number of audit
// records, read from the database.
func planOf(t *testing.T, db string) (assess.PlanEdit, int) {
	t.Helper()
	a, records := firstAssessment(t, db)
	return a.PlanEdits["mfa"], records
}

// Ana sets the owner of a plan item; Bo, in another process, sets
// another: assay refuses, says that Ana set it, when, and to what, and
// records nothing, not even the rest of Bo's change. With --overwrite Bo
// replaces it knowingly. A field nobody set, one's own field, and a
// milestone added are never refused.
func TestPlanRefusesToReplaceAnotherPersonsField(t *testing.T) {
	bin := assayBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "assay.db")
	env := procEnv(dir, db)
	ana, bo := withReviewer(env, "Ana Analyst"), withReviewer(env, "Bo Berg")
	if r := runProc(bin, ana, "new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"); r.code != 0 {
		t.Fatalf("assay new: exit %d: %s", r.code, r.errs)
	}
	if r := runProc(bin, ana, "answer", "1", "-f", mfaAnswerFile(t, dir, "ana", "no", "")); r.code != 0 {
		t.Fatalf("Ana's answer: exit %d: %s", r.code, r.errs)
	}
	if r := runProc(bin, ana, "plan", "1", "--item", "mfa", "--owner", "IT Ops"); r.code != 0 {
		t.Fatalf("Ana sets the owner: exit %d: %s", r.code, r.errs)
	}
	before, records := planOf(t, db)

	r := runProc(bin, bo, "plan", "1", "--item", "mfa", "--owner", "Security team", "--status", "in-progress")
	if r.code != 1 {
		t.Fatalf("Bo's owner over Ana's: exit %d, want 1\n%s%s", r.code, r.stdout, r.errs)
	}
	for _, want := range []string{"the owner of plan item mfa", "changed by Ana Analyst at", `it is now "IT Ops"`, "nothing was recorded", "--overwrite"} {
		if !strings.Contains(r.errs, want) {
			t.Errorf("refusal does not say %q:\n%s", want, r.errs)
		}
	}
	if after, n := planOf(t, db); !after.SameAs(before) || n != records {
		t.Errorf("a refused change changed the item: %+v, %d audit records (was %+v, %d)", after, n, before, records)
	}

	for _, args := range [][]string{
		{"--status", "in-progress"},               // nobody set it
		{"--milestone", "Enrol the admins first"}, // added, never replaced
		{"--owner", "Security team", "--overwrite"},
		{"--owner", "Security & IT"}, // his own now
	} {
		if r := runProc(bin, bo, append([]string{"plan", "1", "--item", "mfa"}, args...)...); r.code != 0 {
			t.Fatalf("Bo's plan %v: exit %d: %s", args, r.code, r.errs)
		}
	}
	got, _ := planOf(t, db)
	if got.Owner != "Security & IT" || got.Status != assess.ItemInProgress || len(got.Milestones) != 1 {
		t.Errorf("item at the end: %+v; want Bo's owner, in-progress and his milestone", got)
	}
	// Ana marks done the status Bo set: refused, naming him.
	if r := runProc(bin, ana, "plan", "1", "--item", "mfa", "--status", "done"); r.code != 1 || !strings.Contains(r.errs, "the status of plan item mfa was changed by Bo Berg") {
		t.Errorf("Ana's status over Bo's: exit %d, want 1 naming Bo:\n%s", r.code, r.errs)
	}
}
