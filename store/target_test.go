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
		{"host=db.example.org nonsense=1", false, false}, // not libpq's words: a (strange) file name
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
