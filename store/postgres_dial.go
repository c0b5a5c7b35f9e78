package store

import (
	"net"
	"time"

	"github.com/jackc/pgx/v5"
)

// teamKeepAlive is how the kernel probes a team connection that has been
// quiet: after 15 s, three probes 5 s apart. A network that goes away
// without closing the connection (a VPN down, a firewall that forgot the
// flow) then fails the connection within half a minute of quiet, where
// Go's default (15 s, then nine probes 15 s apart) takes two and a half.
// The kernel cannot tell a server that no longer answers behind a live
// connection (a stopped process, a proxy whose other side went): the
// watcher asks the server itself for that (postgres_changes.go).
var teamKeepAlive = net.KeepAliveConfig{Enable: true, Idle: 15 * time.Second, Interval: 5 * time.Second, Count: 3}

// withKeepAlive dials cfg's connections with teamKeepAlive (and within
// connect_timeout, when the string sets one, as pgx's own dialer does).
func withKeepAlive(cfg *pgx.ConnConfig) *pgx.ConnConfig {
	d := &net.Dialer{Timeout: cfg.ConnectTimeout, KeepAliveConfig: teamKeepAlive}
	cfg.DialFunc = d.DialContext
	return cfg
}
