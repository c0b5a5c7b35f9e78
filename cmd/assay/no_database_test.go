package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
	"github.com/assay-dev/assay/store"
)

// listing is the names under dir, with their sizes, for a test to check
// that a command created or changed nothing there.
func listing(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	err := filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		names = append(names, strings.TrimPrefix(p, dir)+" "+fi.Mode().String()+" "+strings.Repeat("#", int(min(fi.Size(), 64))))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// envWithout is env without key.
func envWithout(env []string, key string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, key+"=") {
			out = append(out, kv)
		}
	}
	return out
}

// makeDatabase creates an assay database holding nothing at path, as the
// first command that starts something would: the commands that only read
// no longer do.
func makeDatabase(t *testing.T, path string) {
	t.Helper()
	db, err := store.Open(path, questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
}

// needRecords are commands that can only do anything with records already
// in the database: each only reads, or changes an assessment or subject
// that must be there.
func needRecords(answers, report string) [][]string {
	return [][]string{
		{"list"}, {"list", "--json"}, {"list", "--all"}, {"overdue"}, {"overdue", "--json"}, {"due"},
		{"score", "1"}, {"score", "1", "--explain"}, {"report", "1"}, {"report", "1", "-o", report},
		{"plan", "1"}, {"plan", "1", "--csv"}, {"coverage", "1"}, {"export", "1"}, {"diff", "1", "1"},
		{"subject", "list"}, {"subject", "show", "Acme Cloud Ltd"}, {"key", "list"},
		{"verify"}, {"verify", "1"},
		{"answer", "1", "--file", answers}, {"plan", "1", "--item", "mfa", "--owner", "Sam Ortiz"},
		{"send", "1"}, {"review", "1", "--submit", "--comment", "ready"}, {"revise", "1"},
		{"subject", "edit", "Acme Cloud Ltd", "--owner", "Sam Ortiz"},
		{"backup", filepath.Join(filepath.Dir(report), "backup.db")},
	}
}

// A mistyped --db or $ASSAY_DB given to a command that needs records
// already there is refused, naming the path and saying nothing has been
// recorded there, and nothing is created: not the file, its -wal, -shm or
// -journal, nor its folder. Before, assay created an empty portfolio at
// the mistyped path and listed nothing, which reads as "my portfolio is
// gone", and the next change went into the wrong new file.
func TestAMistypedDatabaseIsNotCreated(t *testing.T) {
	bin, dir, _, env := binaryWithAssessment(t)
	answers := filepath.Join(dir, "answers.yaml")
	if err := os.WriteFile(answers, []byte("answers:\n  mfa: \"yes\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	elsewhere := t.TempDir()
	if err := os.WriteFile(filepath.Join(elsewhere, "notes.txt"), []byte("kept"), 0o600); err != nil {
		t.Fatal(err)
	}
	before := listing(t, elsewhere)
	for _, typo := range []string{filepath.Join(elsewhere, "assy.db"), filepath.Join(elsewhere, "portfolios", "assay.db")} {
		for _, args := range needRecords(answers, filepath.Join(dir, "acme.md")) {
			for _, how := range []string{"--db", "$ASSAY_DB"} {
				runEnv, runArgs := env, append([]string{"--db", typo}, args...)
				if how == "$ASSAY_DB" {
					runEnv, runArgs = withEnv(env, "ASSAY_DB", typo), args
				}
				r, hung := runBounded(t, bin, runEnv, runArgs...)
				name := how + " " + typo + ": assay " + strings.Join(args, " ")
				if hung {
					t.Fatalf("%s still running after %v", name, hangLimit)
				}
				if r.code != 1 || !strings.Contains(r.errs, "there is no database at "+typo) ||
					!strings.Contains(r.errs, "nothing has been recorded there") || !strings.Contains(r.errs, "check the name given with "+how) {
					t.Errorf("%s: exit %d, stderr %q", name, r.code, r.errs)
				}
				// Nothing on stdout, not even assay key list's keys you
				// trust, which are kept outside the database: a listing
				// followed by an error reads as half an answer.
				if r.stdout != "" {
					t.Errorf("%s: printed %q", name, r.stdout)
				}
				if after := listing(t, elsewhere); !slices.Equal(before, after) {
					t.Fatalf("%s changed %s:\nbefore %q\nafter  %q", name, elsewhere, before, after)
				}
			}
		}
	}
	// The portfolio itself is intact and still answers.
	if r := runProc(bin, env, "list"); r.code != 0 || !strings.Contains(r.stdout, "Acme Cloud Ltd") {
		t.Errorf("assay list of the real database: exit %d, %q %q", r.code, r.stdout, r.errs)
	}
}

// An empty file given as the database (made by touch, or by a copy that
// failed) is not turned into a database by a command that needs records:
// it is refused by name and left empty, with nothing beside it.
func TestAnEmptyFileIsNotMadeADatabase(t *testing.T) {
	bin, dir, _, env := binaryWithAssessment(t)
	empty := filepath.Join(t.TempDir(), "empty.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	before := listing(t, filepath.Dir(empty))
	for _, args := range needRecords(filepath.Join(dir, "missing-answers.yaml"), filepath.Join(dir, "acme.md")) {
		r := runProc(bin, env, append([]string{"--db", empty}, args...)...)
		if r.code != 1 || !strings.Contains(r.errs, empty+" is an empty file") || !strings.Contains(r.errs, "nothing has been recorded there") {
			t.Errorf("assay %s on an empty file: exit %d, stderr %q", strings.Join(args, " "), r.code, r.errs)
		}
		if after := listing(t, filepath.Dir(empty)); !slices.Equal(before, after) {
			t.Fatalf("assay %s changed the empty file's folder:\nbefore %q\nafter  %q", strings.Join(args, " "), before, after)
		}
	}
}

// On a fresh machine, with neither --db nor $ASSAY_DB, a command that
// only reads creates no database at the default place: it reads as an
// empty portfolio (assay list and assay subject list exit 0 with their
// header and no rows, or [] with --json, assay score 1 finds
// no assessment 1) and says there are no assessments yet and how to start
// one. The first assay new creates the database as before.
func TestAFreshMachineHasNoAssessmentsYet(t *testing.T) {
	bin := assayBinary(t)
	dir := t.TempDir()
	env := envWithout(procEnv(dir, ""), "ASSAY_DB")
	data := filepath.Join(dir, "data")
	start := "No assessments yet: nothing has been recorded in " + filepath.Join(data, "assay", "assay.db") +
		". Start one with assay new -q QUESTIONNAIRE -s SUBJECT (assay questionnaires lists them), or run assay to open the workspace."
	for _, c := range []struct {
		args   []string
		code   int
		stdout string
		errs   string
	}{
		{[]string{"list"}, 0, "ID  SUBJECT  QUESTIONNAIRE  STATUS  PROGRESS  LEVEL  OPEN  OVERDUE\n", start + "\n"},
		{[]string{"list", "--json"}, 0, "[]\n", start + "\n"},
		{[]string{"overdue"}, 0, "", start + "\n"},
		{[]string{"subject", "list"}, 0, "ID  NAME  KIND  TIER  OWNER  ASSESSMENTS  LAST  NEXT DUE  STATE\n", start + "\n"},
		{[]string{"subject", "list", "--json"}, 0, "[]\n", start + "\n"},
		{[]string{"score", "1"}, 1, "", start + "\nassay: no assessment with ID 1 (assay list shows them)\n"},
		{[]string{"report", "1", "-o", filepath.Join(dir, "r.md")}, 1, "", start + "\nassay: no assessment with ID 1 (assay list shows them)\n"},
	} {
		r := runProc(bin, env, c.args...)
		name := "assay " + strings.Join(c.args, " ")
		if r.code != c.code || r.errs != c.errs || (c.stdout != "" && r.stdout != c.stdout) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit %d, stderr %q", name, r.code, r.stdout, r.errs, c.code, c.errs)
		}
		if _, err := os.Lstat(data); !os.IsNotExist(err) {
			t.Fatalf("%s created %s (%v)", name, data, err)
		}
	}
	// verify keeps its own refusal: it has nothing to vouch for.
	if r := runProc(bin, env, "verify"); r.code != 1 || !strings.Contains(r.errs, "nothing has been recorded there, and nothing was created") {
		t.Errorf("assay verify: exit %d, %q", r.code, r.errs)
	}
	if r := runProc(bin, env, "new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd"); r.code != 0 {
		t.Fatalf("assay new: exit %d, %q", r.code, r.errs)
	}
	if r := runProc(bin, env, "list"); r.code != 0 || r.errs != "" || !strings.Contains(r.stdout, "Acme Cloud Ltd") {
		t.Errorf("assay list after assay new: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.errs)
	}
}

// Commands that start something still create the database they are given.
func TestCommandsThatStartSomethingCreateTheDatabase(t *testing.T) {
	bin := assayBinary(t)
	dir := t.TempDir()
	env := procEnv(dir, filepath.Join(dir, "unused.db"))
	answers := filepath.Join(dir, "subject.db")
	for _, c := range []struct {
		db   string
		args []string
	}{
		{filepath.Join(dir, "new", "assay.db"), []string{"new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd"}},
		{answers, []string{"subject", "add", "Acme Cloud Ltd"}},
		{filepath.Join(dir, "key.db"), []string{"key"}},
	} {
		if r := runProc(bin, env, append([]string{"--db", c.db}, c.args...)...); r.code != 0 {
			t.Errorf("assay %s: exit %d, %q", strings.Join(c.args, " "), r.code, r.errs)
		}
		if fi, err := os.Stat(c.db); err != nil || fi.Size() == 0 {
			t.Errorf("assay %s did not create %s: %v", strings.Join(c.args, " "), c.db, err)
		}
	}
}

// assay migrate --to copies a file that must be there: a mistyped --db
// is refused by name before anything is copied, and creates nothing;
// --from still creates the file it copies into.
func TestMigrateToFromAMistypedFileCreatesNothing(t *testing.T) {
	s, owner, env := teamOwnerToMigrate(t)
	folder := t.TempDir()
	typo := filepath.Join(folder, "assy.db")
	r := runProc(s.bin, env, "--db", typo, "migrate", "--to", owner.dsn)
	if r.code != 1 || !strings.Contains(r.errs, "there is no database at "+typo) || !strings.Contains(r.errs, "check the name given with --db") {
		t.Errorf("migrate --to from a missing file: exit %d, stderr %q", r.code, r.errs)
	}
	if left, _ := os.ReadDir(folder); len(left) > 0 {
		t.Errorf("migrate --to from a missing file left %s", left[0].Name())
	}
	if r := runProc(s.bin, env, "--db", typo, "migrate", "--from", owner.dsn); r.code != 0 {
		t.Errorf("migrate --from into a new file: exit %d, stderr %q", r.code, r.errs)
	}
	if fi, err := os.Stat(typo); err != nil || fi.Size() == 0 {
		t.Errorf("migrate --from did not create %s: %v", typo, err)
	}
}
