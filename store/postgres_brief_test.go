package store

import (
	"errors"
	"net"
	"strings"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/assay-dev/assay/assess"
)

// A lost connection to the team database names the server briefly
// (login@host/database), on the workspace's status line and, as the
// store opens it (OpenTeam), on the command line too
// (cmd/assay's TestTeamFailuresNameTheServerAsLoginHostDatabase): the
// brief form fits one line of 80 columns after "not saved: the answer to
// mfa: ", rather than a whole connection string wrapping to three, and
// carries none of the string's options. No form carries the password.
func TestALostConnectionIsSaidBrieflyForTheStatusLine(t *testing.T) {
	const password = "Tr0ub4dor-secret"
	dsn := "postgres://ana:" + password + "@db.example.org:5432/privacy?sslmode=verify-full&application_name=assay-laptop-of-ana&connect_timeout=5&search_path=office2"
	cfg, err := teamConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	d := &pgDialect{secret: password, cfg: cfg, short: briefServerName(cfg)}
	for _, c := range []struct {
		name string
		err  error
	}{
		{"no such host", &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: "db.example.org", IsNotFound: true}}},
		{"refused outright", &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}},
		{"shut down", &pgconn.PgError{Code: "57P01", Message: "terminating connection due to administrator command"}},
		{"lost", &pgconn.PgError{Code: "08006", Message: "connection failure"}},
	} {
		got := d.worded(d.short, c.err, false)
		var e *assess.Error
		if !errors.As(got, &e) {
			t.Fatalf("%s: not a domain error: %v", c.name, got)
		}
		if !strings.Contains(got.Error(), "ana@db.example.org/privacy") || strings.Contains(got.Error(), "search_path") {
			t.Errorf("%s: the command line's message does not name the server as ana@db.example.org/privacy alone: %v", c.name, got)
		}
		if e.Brief == "" || !strings.Contains(e.Brief, "ana@db.example.org/privacy") {
			t.Errorf("%s: brief %q does not name the login, host and database", c.name, e.Brief)
		}
		if n := len([]rune("not saved: the answer to mfa: " + e.Brief)); n > 80 {
			t.Errorf("%s: brief is %d columns on the status line: %q", c.name, n, e.Brief)
		}
		for _, said := range []string{got.Error(), e.Brief} {
			if strings.Contains(said, password) {
				t.Errorf("%s: the password shows: %q", c.name, said)
			}
		}
	}
}
