package main

import (
	"strings"
	"testing"
)

// Under LANG=C or LC_ALL=POSIX the terminal draws bytes, not UTF-8: a
// table's ellipsis (an owner cut to its column, an action written in
// several lines) came out as three characters of garbage and pushed the
// rest of its row out of line. Its tables draw ASCII there: the ellipsis
// is ~, in the one cell it took. A name is the user's and is printed as
// given, whatever the locale: standard output may be a file or a pipe,
// and a name changed there would be a different name.
func TestTablesDrawASCIIWhereTheLocaleIsNotUTF8(t *testing.T) {
	for _, env := range []map[string]string{
		{"LANG": "C"},
		{"LC_ALL": "POSIX", "LANG": "en_US.UTF-8"},
		{"LC_CTYPE": "en_US.ISO-8859-1", "LANG": "en_US.UTF-8"},
	} {
		s := newCLISession(t)
		delete(s.env, "LANG")
		for k, v := range env {
			s.env[k] = v
		}
		id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
		s.ok("plan", id, "--item", "mfa", "--owner", strings.Repeat("Information Security ", 3),
			"--action", "Turn on MFA\nfor every admin")
		s.ok("plan", id, "--item", "breach-notice", "--owner", "情報システム部")
		out := s.ok("plan", id, "--as-of", "2026-04-01")
		if !strings.Contains(out, "Information Security Informat~") || !strings.Contains(out, "Turn on MFA ~") {
			t.Errorf("%v: the owner and the action are not cut with ~:\n%s", env, out)
		}
		user := strings.ReplaceAll(out, "情報システム部", "")
		if i := strings.IndexFunc(user, func(r rune) bool { return r >= 0x80 }); i >= 0 {
			t.Errorf("%v: the plan draws %q beyond ASCII:\n%s", env, []rune(user[i:])[0], out)
		}
		if !strings.Contains(out, "情報システム部") {
			t.Errorf("%v: the owner's name is not printed as given:\n%s", env, out)
		}
		checkAligned(t, "assay plan under "+strings.Join(keys(env), ","), out, "ITEM  ")
	}
	// In a UTF-8 locale, the ellipsis.
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	s.ok("plan", id, "--item", "mfa", "--action", "Turn on MFA\nfor every admin")
	if out := s.ok("plan", id, "--as-of", "2026-04-01"); !strings.Contains(out, "Turn on MFA …") {
		t.Errorf("LANG=C.UTF-8: the action is not marked as going on with …:\n%s", out)
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// The workspace is told to draw ASCII from the same reading of the
// locale (tui.Deps.ASCII; the tui package reads no environment, so its
// goldens are the same whatever the machine's LANG).
func TestWorkspaceDrawsASCIIUnderTheLocalesWord(t *testing.T) {
	s := newCLISession(t)
	s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	for _, c := range []struct {
		lang  string
		ascii bool
	}{{"C", true}, {"", true}, {"C.UTF-8", false}, {"en_GB.utf8", false}} {
		s.env["LANG"] = c.lang
		a := &app{stdin: strings.NewReader(""), stdout: &strings.Builder{}, stderr: &strings.Builder{},
			getenv: func(k string) string { return s.env[k] }, dbPath: s.env["ASSAY_DB"]}
		d, err := a.tuiDeps()
		a.close()
		if err != nil {
			t.Fatal(err)
		}
		if d.ASCII != c.ascii {
			t.Errorf("LANG=%q: the workspace draws ASCII %v, want %v", c.lang, d.ASCII, c.ascii)
		}
	}
}
