// Package pgtest is how tests find the PostgreSQL server their team
// database half runs against, and how a run without one says so.
//
// $ASSAY_TEST_POSTGRES names the server (a superuser's connection string:
// .ci/pg-start starts a throwaway one). Without it the PostgreSQL half of
// each test skips; with ASSAY_REQUIRE_POSTGRES=1 (CI) it fails instead.
// go test prints nothing of a passing package but its "ok" line, so
// Report also writes the count of tests skipped to the terminal, when
// there is one.
package pgtest

import (
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"
)

var skipped atomic.Int64

// howTo is what to do to run the skipped half.
const howTo = `eval "$(.ci/pg-start)" and run the tests again (README: Running the PostgreSQL half of the tests)`

// Require returns the server's connection string, or skips t (failing it
// under ASSAY_REQUIRE_POSTGRES).
func Require(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv("ASSAY_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("ASSAY_REQUIRE_POSTGRES") != "" {
			t.Fatal("ASSAY_REQUIRE_POSTGRES is set but ASSAY_TEST_POSTGRES is not: start a server with .ci/pg-start")
		}
		skipped.Add(1)
		t.Skip("PostgreSQL half skipped: no server; " + howTo)
	}
	return dsn
}

// Report says, after a package's tests ran, how many PostgreSQL halves
// were skipped: on standard error (shown by go test -v and on failure)
// and on the terminal, if the run has one.
func Report(pkg string) {
	n := skipped.Load()
	if n == 0 {
		return
	}
	tests := "tests"
	if n == 1 {
		tests = "test"
	}
	msg := fmt.Sprintf("%s: the PostgreSQL half of %d %s was skipped (no server): %s\n", pkg, n, tests, howTo)
	fmt.Fprint(os.Stderr, msg)
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		fmt.Fprint(tty, msg)
		tty.Close()
	}
}

// WithParams is dsn, a URL, with its database and query parameters
// replaced ("" leaves the database, and deletes a parameter).
func WithParams(t testing.TB, dsn, database string, params map[string]string) string {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	if database != "" {
		u.Path = "/" + database
	}
	q := u.Query()
	for k, v := range params {
		if v == "" {
			q.Del(k)
		} else {
			q.Set(k, v)
		}
	}
	u.RawQuery = strings.ReplaceAll(q.Encode(), "+", "%20") // libpq reads + as itself
	return u.String()
}
