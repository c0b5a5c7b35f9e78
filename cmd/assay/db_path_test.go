package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// A database path that is a symbolic link to nothing (a synced folder not
// mounted, a file moved away) is not "an empty file": the message names
// the link and where it points, for commands that read and for the
// default place alike, and nothing is created at either end. Before, list
// and verify said the link was an empty file, not an assay database.
func TestALinkToNothingIsNamedAsSuch(t *testing.T) {
	bin := assayBinary(t)
	dir := t.TempDir()
	target := filepath.Join(dir, "unmounted", "assay.db")
	link := filepath.Join(dir, "portfolio.db")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "data", "assay")
	if err := os.MkdirAll(data, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, filepath.Join(data, "assay.db")); err != nil {
		t.Fatal(err)
	}
	before := withoutCache(listing(t, dir))
	for _, c := range []struct {
		name string
		env  []string
		args []string
		path string
	}{
		{"--db", procEnv(dir, ""), []string{"--db", link}, link},
		{"$ASSAY_DB", procEnv(dir, link), nil, link},
		{"the default place", envWithout(procEnv(dir, ""), "ASSAY_DB"), nil, filepath.Join(data, "assay.db")},
	} {
		for _, args := range [][]string{{"list"}, {"verify"}, {"score", "1"}} {
			r := runProc(bin, c.env, append(c.args, args...)...)
			name := c.name + ": assay " + strings.Join(args, " ")
			want := c.path + " is a link to " + target + ", which is not there"
			if r.code != 1 || !strings.Contains(r.errs, want) || strings.Contains(r.errs, "empty file") || r.stdout != "" {
				t.Errorf("%s: exit %d, stdout %q, stderr %q; want %q", name, r.code, r.stdout, r.errs, want)
			}
			if after := withoutCache(listing(t, dir)); !slices.Equal(before, after) {
				t.Fatalf("%s changed %s:\nbefore %q\nafter  %q", name, dir, before, after)
			}
		}
		// A command that creates the database creates it where the link
		// points, if it can; where it cannot, it says why in those terms.
		r := runProc(bin, c.env, append(c.args, "new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd")...)
		want := c.path + " is a link to " + target + ", whose folder is not there: nothing was created"
		if r.code != 1 || !strings.Contains(r.errs, want) {
			t.Errorf("%s: assay new: exit %d, stderr %q; want %q", c.name, r.code, r.errs, want)
		}
		if after := withoutCache(listing(t, dir)); !slices.Equal(before, after) {
			t.Fatalf("%s: assay new changed %s:\nbefore %q\nafter  %q", c.name, dir, before, after)
		}
	}
}

// A path the shell did not expand (~/assay.db in quotes, in an env file
// or a service unit) or one ending in a slash is refused before anything
// is created: assay new made a folder called ~ in the current folder
// (which rm -r ~ later takes the home folder with) or a folder called
// assay.db, and then failed. A blank one, or one with a space at either
// end (pasted into an env file), made a file whose name shows as nothing,
// or one beside the portfolio that differs from it by an invisible space.
func TestADatabasePathNoFileCanHaveIsRefused(t *testing.T) {
	bin := assayBinary(t)
	dir := t.TempDir()
	work := filepath.Join(dir, "work")
	if err := os.Mkdir(work, 0o700); err != nil {
		t.Fatal(err)
	}
	before := listing(t, work)
	for _, c := range []struct{ path, want string }{
		{"~/assay.db", "~/assay.db begins with ~, which the shell did not expand"},
		{"~", "~ begins with ~, which the shell did not expand"},
		{"portfolio.db/", "portfolio.db/ ends with /, so it names a folder, not a database file"},
		{filepath.Join(work, "portfolio.db") + "/", filepath.Join(work, "portfolio.db") + "/ ends with /"},
		{" ", `the database " " is blank`},
		{"portfolio.db ", `the database "portfolio.db " begins or ends with a space`},
		{"\tportfolio.db", `the database "\tportfolio.db" begins or ends with a space`},
	} {
		for _, args := range [][]string{{"new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd"}, {"subject", "add", "Acme Cloud Ltd"}, {"list"}} {
			for _, how := range []string{"--db", "$ASSAY_DB"} {
				env, runArgs := procEnv(dir, ""), append([]string{"--db", c.path}, args...)
				if how == "$ASSAY_DB" {
					env, runArgs = procEnv(dir, c.path), args
				}
				cmd := exec.Command(bin, runArgs...)
				cmd.Env, cmd.Dir = env, work
				out, err := cmd.CombinedOutput()
				name := how + " " + c.path + ": assay " + strings.Join(args, " ")
				if err == nil || !strings.Contains(string(out), c.want) || !strings.Contains(string(out), "nothing was created") {
					t.Errorf("%s: %v, %q; want %q", name, err, out, c.want)
				}
				if after := listing(t, work); !slices.Equal(before, after) {
					t.Fatalf("%s changed %s:\nbefore %q\nafter  %q", name, work, before, after)
				}
			}
		}
	}
}

// withoutCache is a listing of a home folder without assay's cache of
// compiled questionnaires, which any command may fill.
func withoutCache(names []string) []string {
	var out []string
	for _, n := range names {
		if !strings.HasPrefix(n, "/.cache") {
			out = append(out, n)
		}
	}
	return out
}

// On a fresh machine the workspace (here its accessible mode, which needs
// no terminal) creates the database at the default place, as assay new
// does: only the commands that read stopped creating it.
func TestTheWorkspaceCreatesTheDatabaseOnAFreshMachine(t *testing.T) {
	bin := assayBinary(t)
	dir := t.TempDir()
	env := envWithout(procEnv(dir, ""), "ASSAY_DB")
	r := runProc(bin, env, "--accessible")
	if r.code != 0 || !strings.Contains(r.stdout, "Assessments: 0.") {
		t.Fatalf("assay --accessible on a fresh machine: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.errs)
	}
	if fi, err := os.Stat(filepath.Join(dir, "data", "assay", "assay.db")); err != nil || fi.Size() == 0 {
		t.Errorf("the workspace did not create the database at the default place: %v", err)
	}
}
