package main

import (
	"bytes"
	"errors"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// --db 'host=/tmp dbnme=assay' (libpq's key=value form, dbname misspelt)
// was taken for a file name: assay new created a file called that in the
// folder it ran in, and the team never saw the assessment. A string of
// key=value pairs with spaces between them is a connection string: one
// with a keyword libpq does not know is refused, by every command and
// from $ASSAY_DB alike, naming the keyword and the nearest right one, and
// nothing is created.
func TestAMisspeltConnectionStringKeywordCreatesNothing(t *testing.T) {
	bin := assayBinary(t)
	dir := t.TempDir()
	dsn := "host=/tmp dbnme=assay"
	before := withoutCache(listing(t, dir))
	for _, c := range []struct {
		name string
		env  []string
		args []string
	}{
		{"--db: assay new", procEnv(dir, ""), []string{"--db", dsn, "new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd"}},
		{"--db: assay list", procEnv(dir, ""), []string{"--db", dsn, "list"}},
		{"$ASSAY_DB: assay new", procEnv(dir, dsn), []string{"new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd"}},
	} {
		r := runProcIn(dir, bin, c.env, c.args...) // where a file called dsn would be created
		for _, want := range []string{`"dbnme" is not one of its keywords`, `did you mean "dbname"?`, "nothing was created"} {
			if r.code != 1 || !strings.Contains(r.errs, want) {
				t.Errorf("%s: exit %d, stderr %q; want exit 1 and %q", c.name, r.code, r.errs, want)
			}
		}
		if after := withoutCache(listing(t, dir)); !slices.Equal(before, after) {
			t.Fatalf("%s changed %s:\nbefore %q\nafter  %q", c.name, dir, before, after)
		}
	}
}

// runProcIn is runProc in the folder dir.
func runProcIn(dir, bin string, env []string, args ...string) procResult {
	cmd := exec.Command(bin, args...)
	cmd.Dir, cmd.Env = dir, env
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	code := 0
	var ee *exec.ExitError
	if err := cmd.Run(); errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		code = -1
		errOut.WriteString(err.Error())
	}
	return procResult{args: args, code: code, stdout: out.String(), errs: errOut.String()}
}
