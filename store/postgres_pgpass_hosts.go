package store

import (
	"context"
	"net"
	"path/filepath"
	"slices"
	"strconv"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// A connection string may name several hosts (host=a,b, or
// postgres://a,b/db): a primary and its standby, tried in turn. libpq
// looks each host up in the password file as it tries it; pgx looks up
// the first alone and sends that password to every host, so a standby
// whose line in the password file differs refused the login, and was
// handed the first host's password on the way. pgx keeps one password
// for all its hosts, so where their lines differ the password is chosen
// for each connection once it is made to a host and before the server
// asks for it (AfterNetConnect), by the address it reached.

// withPasswordPerHost gives cfg, as parsed from dsn, the password the
// password file holds for each host it tries (cfg.Host, then
// cfg.Fallbacks: one a TLS attempt and one not, for sslmode=prefer), as
// passFilePasswords reads them: as its password when they all agree (the
// common case, one host), else each host its own as it is reached. It
// alone of this file reaches the driver's configuration.
func withPasswordPerHost(cfg *pgx.ConnConfig, dsn string) {
	servers := []passFileServer{{cfg.Host, cfg.Port, cfg.Database, cfg.User}}
	for _, fb := range cfg.Fallbacks {
		servers = append(servers, passFileServer{fb.Host, fb.Port, cfg.Database, cfg.User})
	}
	passwords := passFilePasswords(servers, dsn, cfg.Password)
	cfg.Password = passwords[0]
	if !slices.ContainsFunc(passwords, func(p string) bool { return p != passwords[0] }) {
		return
	}
	looked := &lookedUp{addrs: map[string][]string{}}
	lookup := cfg.LookupFunc
	cfg.LookupFunc = func(ctx context.Context, host string) ([]string, error) {
		addrs, err := lookup(ctx, host)
		if err == nil {
			looked.note(host, addrs)
		}
		return addrs, err
	}
	cfg.AfterNetConnect = func(_ context.Context, c *pgconn.Config, conn net.Conn) (net.Conn, error) {
		// c is this connection's own copy of the configuration (pgx
		// copies it for each): setting it touches no other.
		c.Password = ""
		if i := looked.serverAt(servers, conn.RemoteAddr()); i >= 0 {
			c.Password = passwords[i]
		}
		return conn, nil
	}
}

// lookedUp keeps the addresses each host name was looked up as, so that
// the address a connection reached names the host it was made for.
type lookedUp struct {
	mu    sync.Mutex
	addrs map[string][]string
}

func (l *lookedUp) note(host string, addrs []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.addrs[host] = addrs
}

// serverAt is the index in servers of the first host whose address is
// addr (pgx tries them in that order), or -1 if none: a host no password
// of another is sent to.
func (l *lookedUp) serverAt(servers []passFileServer, addr net.Addr) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	for i, srv := range servers {
		if isSocketDir(srv.host) {
			// The socket's file in its folder, as libpq and pgx name it.
			if addr.Network() == "unix" && addr.String() == filepath.Join(srv.host, ".s.PGSQL."+strconv.Itoa(int(srv.port))) {
				return i
			}
			continue
		}
		ip, port, err := net.SplitHostPort(addr.String())
		if err != nil || port != strconv.Itoa(int(srv.port)) {
			continue
		}
		for _, a := range l.addrs[srv.host] {
			if a == ip || net.ParseIP(a).Equal(net.ParseIP(ip)) {
				return i
			}
		}
	}
	return -1
}
