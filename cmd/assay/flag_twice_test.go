package main

import (
	"strings"
	"testing"
)

// A flag given twice took the last value silently: assay subject edit
// Acme --tier high --tier low recorded low, and --db a.db --db b.db
// opened b.db, where the person may have meant either. A flag that takes
// one value is now refused when given twice, naming it, with exit status
// 1 and nothing changed; one that takes several (--contact) still adds
// each.
func TestAFlagGivenTwiceIsRefused(t *testing.T) {
	bin, dir, _, env := binaryWithAssessment(t)
	for _, args := range [][]string{
		{"subject", "edit", "Acme Cloud Ltd", "--tier", "high", "--tier", "low"},
		{"subject", "edit", "Acme Cloud Ltd", "--tier=high", "--tier", "low"},
		{"new", "-q", "vendor-security-screen", "-s", "Globex", "-s", "Initech"},
		{"new", "-q", "vendor-security-screen", "--subject", "Globex", "-s", "Initech"},
		{"score", "1", "--json", "--json=false"},
		{"list", "--db", dir + "/other.db", "--db", dir + "/assay.db"},
	} {
		r := runProc(bin, env, args...)
		if r.code != 1 || !strings.Contains(r.errs, "given twice") || strings.Count(strings.TrimSpace(r.errs), "\n") > 0 || r.stdout != "" {
			t.Errorf("assay %s: exit %d, stdout %q, stderr %q; want exit 1, nothing printed and one line saying the flag was given twice",
				strings.Join(args, " "), r.code, r.stdout, r.errs)
		}
	}
	if r := runProc(bin, env, "subject", "show", "Acme Cloud Ltd"); strings.Contains(r.stdout, "high") || strings.Contains(r.stdout, "low") {
		t.Errorf("a refused edit changed the tier:\n%s", r.stdout)
	}
	if r := runProc(bin, env, "subject", "list"); strings.Contains(r.stdout, "Globex") || strings.Contains(r.stdout, "Initech") {
		t.Errorf("a refused new recorded a subject:\n%s", r.stdout)
	}
	r := runProc(bin, env, "subject", "edit", "Acme Cloud Ltd", "--contact", "a@acme.example", "--contact", "b@acme.example")
	if r.code != 0 {
		t.Fatalf("two --contact: exit %d: %s", r.code, r.errs)
	}
	if r := runProc(bin, env, "subject", "show", "Acme Cloud Ltd"); !strings.Contains(r.stdout, "a@acme.example") || !strings.Contains(r.stdout, "b@acme.example") {
		t.Errorf("two --contact did not record both:\n%s", r.stdout)
	}
}

// A switch given twice the same way (--json --json, as a script that adds
// its own --json to what it is passed gives it) is taken once: it was
// refused as "given twice: it takes one value", words for a flag with a
// value. Given on and off, it is refused in words for a switch.
func TestASwitchGivenTwiceTheSameWayIsTakenOnce(t *testing.T) {
	bin, _, _, env := binaryWithAssessment(t)
	once := runOK(t, bin, env, "score", "1", "--json")
	for _, args := range [][]string{{"score", "1", "--json", "--json"}, {"score", "1", "--json=true", "--json"}} {
		if twice := runOK(t, bin, env, args...); twice != once {
			t.Errorf("assay %s printed\n%s\nnot what assay score 1 --json prints:\n%s", strings.Join(args, " "), twice, once)
		}
	}
	for _, args := range [][]string{{"score", "1", "--json", "--json=false"}, {"score", "1", "--json=false", "--json"}} {
		want := "assay: --json is given twice, once on and once off: give it once (nothing was done)\n"
		if r := runProc(bin, env, args...); r.code != 1 || r.errs != want || r.stdout != "" {
			t.Errorf("assay %s: exit %d, stdout %q, stderr %q; want exit 1 and %q", strings.Join(args, " "), r.code, r.stdout, r.errs, want)
		}
	}
}
