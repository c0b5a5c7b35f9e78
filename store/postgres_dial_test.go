package store

import (
	"net"
	"os"
	"syscall"
	"testing"
)

// A server out of reach is said with the system's reason and where assay
// looked, not pgx's words, which name the address twice and a socket by
// its file (.s.PGSQL.5432).
func TestDialFailureSaysWhereAndWhyWithoutTheSocketFile(t *testing.T) {
	for _, c := range []struct {
		name string
		err  error
		want string
	}{
		{"no socket", &net.OpError{Op: "dial", Net: "unix", Addr: &net.UnixAddr{Name: "/run/pg/.s.PGSQL.5433", Net: "unix"},
			Err: os.NewSyscallError("connect", syscall.ENOENT)}, "no server listens at /run/pg, port 5433 (no such file or directory)"},
		{"refused", &net.OpError{Op: "dial", Net: "tcp", Addr: &net.TCPAddr{IP: net.IPv4(10, 0, 0, 5), Port: 5432},
			Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}, "10.0.0.5:5432: connection refused"},
		{"no such host", &net.DNSError{Err: "no such host", Name: "db.example.org", Server: "10.255.255.53:53", IsNotFound: true},
			"host db.example.org: no such host"},
	} {
		if got := dialFailure(c.err); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
