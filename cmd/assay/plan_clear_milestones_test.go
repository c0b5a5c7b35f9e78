package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// Milestones are added, never replaced: --clear-milestones removes every
// milestone of an item, so when someone else added or ticked one since
// they were last cleared it is refused as replacing their field is,
// naming them, and --overwrite clears them knowingly. Bo cleared Ana's
// milestones without a word. Milestones only he added are his to clear.
func TestClearingAnotherPersonsMilestonesIsRefused(t *testing.T) {
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
	if r := runProc(bin, ana, "plan", "1", "--item", "mfa", "--milestone", "2027-01-15 Enrol the admins"); r.code != 0 {
		t.Fatalf("Ana's milestone: exit %d: %s", r.code, r.errs)
	}
	// Bo adds one of his own: the last change is his, Ana's is still there.
	if r := runProc(bin, bo, "plan", "1", "--item", "mfa", "--milestone", "2027-02-01 Enrol everyone"); r.code != 0 {
		t.Fatalf("Bo's milestone: exit %d: %s", r.code, r.errs)
	}
	before, records := planOf(t, db)
	for _, args := range [][]string{
		{"--clear-milestones"},
		{"--clear-milestones", "--milestone", "2027-03-01 Bo's plan alone"},
	} {
		r := runProc(bin, bo, append([]string{"plan", "1", "--item", "mfa"}, args...)...)
		if r.code != 1 {
			t.Fatalf("Bo clears Ana's milestones (%v): exit %d, want 1\n%s%s", args, r.code, r.stdout, r.errs)
		}
		for _, want := range []string{"milestones of plan item mfa", "Ana Analyst", "Enrol the admins", "nothing was recorded", "--overwrite"} {
			if !strings.Contains(r.errs, want) {
				t.Errorf("refusal does not say %q:\n%s", want, r.errs)
			}
		}
		if after, n := planOf(t, db); !after.SameAs(before) || n != records {
			t.Errorf("a refused clear changed the item: %+v, %d audit records (was %+v, %d)", after, n, before, records)
		}
	}
	if r := runProc(bin, bo, "plan", "1", "--item", "mfa", "--clear-milestones", "--overwrite", "--milestone", "2027-03-01 Bo's plan"); r.code != 0 {
		t.Fatalf("Bo clears knowingly: exit %d: %s", r.code, r.errs)
	}
	// Now every milestone is his: clearing them again is his to do.
	if r := runProc(bin, bo, "plan", "1", "--item", "mfa", "--clear-milestones"); r.code != 0 {
		t.Fatalf("Bo clears his own milestones: exit %d: %s", r.code, r.errs)
	}
	if got, _ := planOf(t, db); len(got.Milestones) != 0 {
		t.Errorf("milestones left: %+v", got.Milestones)
	}
}
