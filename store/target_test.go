package store

import (
	"strings"
	"testing"
)

// --db names a file unless it is a PostgreSQL connection string; a URL of
// another kind is refused, never taken for a file name.
func TestParseTarget(t *testing.T) {
	for _, tc := range []struct {
		in       string
		postgres bool
		refused  bool
	}{
		{"assay.db", false, false},
		{"/home/ana/portfolio 2026.db", false, false},
		{"./weird=name.db", false, false},
		{"postgres://db.example.org/privacy", true, false},
		{"PostgreSQL://ana@db.example.org:5433/privacy?sslmode=verify-full", true, false},
		{"host=db.example.org dbname=privacy", true, false},
		{"  host=/run/postgresql dbname='privacy office' user=ana ", true, false},
		{"sqlite:///tmp/x.db", false, true},
		{"https://example.org/assay.db", false, true},
		{"host=db.example.org nonsense=1", false, true},   // libpq's shape, a keyword it does not know
		{"x=1.db", false, false},                          // one pair, no space: a (strange) file name
		{"postgres:/db.example.org/privacy", false, true}, // a slash short of a URL
		{"PostgreSQL:db.example.org", false, true},
		{"./postgres:/db.example.org", false, false}, // a folder called postgres: here, given as such
	} {
		got, err := ParseTarget(tc.in)
		if (err != nil) != tc.refused || got.Postgres != tc.postgres {
			t.Errorf("ParseTarget(%q) = %+v, %v; want postgres %v, refused %v", tc.in, got, err, tc.postgres, tc.refused)
		}
	}
	if _, err := ParseTarget("mysql://ana:s3cret@db/x"); err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("a refused URL's message: %v", err)
	}
}

// A string of key=value pairs with spaces between them is a connection
// string in libpq's form: one with a keyword libpq does not know (a
// misspelt dbname) was taken for a file name, which assay new created.
// It is refused, naming the keyword and the nearest of libpq's, and
// without the rest of the string (a misspelt password's value).
func TestAMisspeltConnectionStringKeywordIsRefused(t *testing.T) {
	for _, tc := range []struct{ in, bad, near string }{
		{"host=/tmp dbnme=assay", "dbnme", "dbname"},
		{"host=db.example.org usr=ana dbname=privacy", "usr", "user"},
		{"hots=db.example.org dbname=privacy", "hots", "host"},
		{"host=db.example.org sslmod=require", "sslmod", "sslmode"},
		{"host=db.example.org pasword=s3cret", "pasword", "password"},
	} {
		_, err := ParseTarget(tc.in)
		if err == nil {
			t.Errorf("ParseTarget(%q) took it; want it refused naming %q", tc.in, tc.bad)
			continue
		}
		msg := err.Error()
		for _, want := range []string{`"` + tc.bad + `" is not one of its keywords`, `did you mean "` + tc.near + `"?`, "nothing was created"} {
			if !strings.Contains(msg, want) {
				t.Errorf("ParseTarget(%q) = %q; want %q in it", tc.in, msg, want)
			}
		}
		if strings.Contains(msg, "s3cret") {
			t.Errorf("ParseTarget(%q) = %q: it shows the password", tc.in, msg)
		}
	}
}

// Redact masks every password a connection string can hold, and leaves
// everything else as it is.
func TestRedact(t *testing.T) {
	for _, tc := range []struct{ in, secret string }{
		{"postgres://ana:s3cret@db.example.org/privacy", "s3cret"},
		{"postgres://ana:p%40ss%3Aw@db.example.org/privacy", "p%40ss%3Aw"},
		{"postgres://ana@db.example.org/privacy?password=s3cret&sslmode=require", "s3cret"},
		{"host=db dbname=privacy password=s3cret", "s3cret"},
		{`host=db dbname=privacy password='s3 cr\'et'`, `s3 cr\'et`},
		{"postgres://ana:s3@cr@t@[bad/db", "s3@cr@t"},
	} {
		got := Redact(tc.in)
		if strings.Contains(got, tc.secret) || !strings.Contains(got, "xxxxx") || !HasPassword(tc.in) {
			t.Errorf("Redact(%q) = %q", tc.in, got)
		}
		if !strings.Contains(got, "db") {
			t.Errorf("Redact(%q) = %q lost the host", tc.in, got)
		}
	}
	for _, clean := range []string{"postgres://ana@db.example.org/privacy", "host=db dbname=x", "/home/ana/assay.db"} {
		if HasPassword(clean) || Redact(clean) != clean && !strings.Contains(clean, "://") {
			t.Errorf("%q: HasPassword %v, Redact %q", clean, HasPassword(clean), Redact(clean))
		}
	}
}

// A connection string a person mistyped still holds their password: a
// URL that does not parse has it masked in its query as well as in its
// user information, and a libpq string with a password that does not
// parse (an unclosed quote, a word without its value) is refused rather
// than taken for a file name, which would create a file, and folders,
// named with the password.
func TestMistypedConnectionStringsKeepThePassword(t *testing.T) {
	for _, in := range []string{
		"postgresql://ana@/privacy?host=/tmp/pg&port=5432&password=Hunter22%",
		"postgres://ana@db/privacy?sslmode=require&sslpassword=Hunter22%zz",
	} {
		if got := Redact(in); strings.Contains(got, "Hunter22") || !HasPassword(in) {
			t.Errorf("Redact(%q) = %q, HasPassword %v", in, got, HasPassword(in))
		}
		if got := passwordOf(in); !strings.HasPrefix(got, "Hunter22") {
			t.Errorf("passwordOf(%q) = %q", in, got)
		}
	}
	for _, in := range []string{
		"host=/tmp/pg dbname=privacy user=ana password='Hunter 22",
		`host=/tmp/pg dbname=privacy user=ana password=Hunter\ 22x sslmode`,
		"dbname=privacy password=Hunter22 nonsense=1",
	} {
		got, err := ParseTarget(in)
		if err == nil {
			t.Errorf("ParseTarget(%q) = %+v, want it refused", in, got)
			continue
		}
		if strings.Contains(err.Error(), "Hunter") || !strings.Contains(err.Error(), "xxxxx") {
			t.Errorf("ParseTarget(%q) says %q", in, err)
		}
	}
}
