package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Four windows import one file at once, each process stopped as its
// write begins and all four let go together: one imports it, the other
// three are refused as any second import of that file is (docs/security.md:
// "An assessment already in the database is never changed by an import:
// the refusal names assessment.uuid and says whether the file is the very
// one imported before"), the database holds it once, and the trail
// verifies. On SQLite and on the team database. (A personal database's
// window that waits past the busy timeout says so instead, recording
// nothing.)
func TestFourImportsOfOneFileAtOnceStoreItOnce(t *testing.T) {
	onEachSide(t, func(t *testing.T, side signingSide) {
		bin := assayBinary(t)
		file := colleaguesExport(t, bin)
		trusting := [][]string{side.importer}
		if !slices.Equal(side.analyst, side.importer) { // the analyst verifies
			trusting = append(trusting, side.analyst)
		}
		for _, env := range trusting {
			if r := runProc(bin, env, "key", "trust", "Carl Weber", file.key); r.code != 0 {
				t.Fatalf("assay key trust: exit %d: %s", r.code, r.errs)
			}
		}
		// A database to import into, made first: the run that makes
		// one holds the folder until its first write (db_first.go).
		if r := runProc(bin, side.analyst, "new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"); r.code != 0 {
			t.Fatalf("assay new: exit %d: %s", r.code, r.errs)
		}
		before := side.rows()
		run := raceRun{env: side.importer, args: []string{"import", file.path}}
		results := together(t, "write-begins", run, run, run, run)
		imported := 0
		for _, r := range results {
			switch {
			case r.code == 0 && strings.HasPrefix(r.stdout, "imported "):
				imported++
			case waitedPastBusyTimeout(r):
			case r.code == 1 && strings.Contains(r.errs, file.path+": assessment.uuid: the assessment is already in this database: this very file was imported already, as assessment ") &&
				strings.HasSuffix(r.errs, "; nothing was imported\n"):
			default:
				t.Errorf("one of four imports at once: exit %d\n%s%s\nwant it imported, or refused as the very file imported already", r.code, r.stdout, r.errs)
			}
		}
		if imported != 1 {
			t.Errorf("four imports of one file at once imported it %d times; want once", imported)
		}
		if after := side.rows(); after["assessments"] != before["assessments"]+1 {
			t.Errorf("after four imports at once the database holds %d assessments; %d before, want one more", after["assessments"], before["assessments"])
		}
		if r := runProc(bin, side.analyst, "verify"); r.code != 0 || !strings.Contains(r.stdout, "Audit trail intact: 2 assessments") {
			t.Errorf("verify after four imports at once: exit %d\n%s%s", r.code, r.stdout, r.errs)
		}
	})
}

// Four windows submit one assessment at once, then four approve it at
// once, each process stopped as its write begins and all four let go
// together: one signs, the other three are refused, saying the
// assessment is already in review, or already approved and by whom,
// with nothing recorded; the trail holds one sign-off of each and
// verifies. On SQLite and on the team database. (A personal database's
// window that waits past the busy timeout says so instead, recording
// nothing.)
func TestFourSignOffsOfOneAssessmentAtOnceSignOnce(t *testing.T) {
	onEachSide(t, func(t *testing.T, side signingSide) {
		bin := assayBinary(t)
		r := runProc(bin, side.analyst, "new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01")
		id := strings.TrimSpace(r.stdout)
		if r.code != 0 {
			t.Fatalf("assay new: exit %d: %s", r.code, r.errs)
		}
		if r := runProc(bin, side.analyst, "answer", id, "-f", filepath.Join("testdata", "worst", "vendor-security-screen.yaml")); r.code != 0 {
			t.Fatalf("assay answer: exit %d: %s", r.code, r.errs)
		}
		for _, step := range []struct {
			env            []string
			args           []string
			signs, refused string
		}{
			{side.analyst, []string{"review", id, "--submit", "--comment", "Ready for the committee"},
				"Assessment " + id + " is now in review: submitted by ", "assay: cannot submit assessment " + id + ": it is already in review\n"},
			{side.approver, []string{"review", id, "--approve", "--comment", "Plan agreed"},
				"Assessment " + id + " is now approved: approved by ", "assay: cannot approve assessment " + id + ": it is already approved (approved by "},
		} {
			before := side.rows()
			run := raceRun{env: step.env, args: step.args}
			signed := 0
			for _, r := range together(t, "write-begins", run, run, run, run) {
				switch {
				case r.code == 0 && strings.HasPrefix(r.stdout, step.signs):
					signed++
				case r.code == 1 && strings.HasPrefix(r.errs, step.refused), waitedPastBusyTimeout(r):
				default:
					t.Errorf("one of four at once (%s): exit %d\n%s%s\nwant %q or %q", strings.Join(step.args, " "), r.code, r.stdout, r.errs, step.signs, step.refused)
				}
			}
			if signed != 1 {
				t.Errorf("four at once (%s) signed %d times; want once", strings.Join(step.args, " "), signed)
			}
			if after := side.rows(); after["signoffs"] != before["signoffs"]+1 {
				t.Errorf("four at once (%s) left %d sign-offs, %d before; want one more", strings.Join(step.args, " "), after["signoffs"], before["signoffs"])
			}
			if r := runProc(bin, side.analyst, "verify"); r.code != 0 || !strings.Contains(r.stdout, "Audit trail intact: 1 assessment") {
				t.Errorf("verify after four at once (%s): exit %d\n%s%s", strings.Join(step.args, " "), r.code, r.stdout, r.errs)
			}
		}
	})
}

// waitedPastBusyTimeout is a run refused because another window held a
// personal database's write lock past the busy timeout (5 s), which
// README allows: on a loaded machine three writes ahead of it may take
// that long. It recorded nothing, as the other refusals.
func waitedPastBusyTimeout(r procResult) bool {
	return r.code == 1 && strings.Contains(r.errs, "the database is busy: another program holds the write lock of ") &&
		strings.Contains(r.errs, "nothing was recorded")
}

// colleaguesFile is an export made by a colleague, Carl Weber, on his own
// personal database, signed with his own key.
type colleaguesFile struct {
	path string
	key  string // his public key
}

// colleaguesExport has Carl start and answer a DPIA and export it.
func colleaguesExport(t *testing.T, bin string) colleaguesFile {
	t.Helper()
	dir := t.TempDir()
	env := withEnv(procEnv(dir, filepath.Join(dir, "carl.db")), "ASSAY_REVIEWER", "Carl Weber")
	file := filepath.Join(dir, "payroll.assay.json")
	answers := writeFile(t, dir, "answers.yaml", "answers:\n  purpose: Payroll for 300 staff.\n")
	for _, args := range [][]string{
		{"new", "-q", "dpia", "-s", "Payroll system", "--date", "2026-03-01"},
		{"answer", "1", "-f", answers},
		{"export", "1", "-o", file},
	} {
		if r := runProc(bin, env, args...); r.code != 0 {
			t.Fatalf("carl: assay %s: exit %d: %s", strings.Join(args, " "), r.code, r.errs)
		}
	}
	return colleaguesFile{path: file, key: publicKey(runProc(bin, env, "key").stdout)}
}
