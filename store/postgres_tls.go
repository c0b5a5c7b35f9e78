package store

import (
	"fmt"
	"net"
	"net/url"
	"os"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
)

// TLS for the team database. libpq, and pgx with it, default to
// sslmode=prefer: encrypt if the server offers it, without checking whose
// certificate it is, and fall back to plain text if it does not. That
// protects against nobody who can sit between assay and a server on
// another machine. So assay asks for sslmode=verify-full (encrypt, and
// check that the certificate names the host, signed by a trusted
// authority: the system's, or sslrootcert's) whenever the server is not
// on this machine and the person has not chosen a mode themselves, in the
// connection string or PGSSLMODE. A server on this machine (a Unix
// socket, localhost, a loopback address) keeps libpq's default: nothing
// crosses a network there.

// teamConfig reads a connection string as libpq would, with that one
// difference. An sslmode libpq does not know is refused here, wherever
// the server is: pgx reads sslmode only for a server reached over TCP, so
// on a Unix socket a slip (sslmode=verfy-full) would pass unnoticed.
func teamConfig(dsn string) (*pgx.ConnConfig, error) {
	mode, set := sslModeOf(dsn)
	if set && !slices.Contains(sslModes, mode) {
		return nil, fmt.Errorf("sslmode %q is not one libpq knows: %s", mode, strings.Join(sslModes, ", "))
	}
	if env := os.Getenv("PGSSLMODE"); env != "" && !set && !slices.Contains(sslModes, env) {
		return nil, fmt.Errorf("PGSSLMODE %q is not an sslmode libpq knows: %s", env, strings.Join(sslModes, ", "))
	}
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	if !set && os.Getenv("PGSSLMODE") == "" && !isLocalHost(cfg.Host) {
		if cfg, err = pgx.ParseConfig(withSSLMode(dsn, "verify-full")); err != nil {
			return nil, err
		}
	}
	withPasswordPerHost(cfg, dsn)
	return withKeepAlive(cfg), nil
}

// sslModes are libpq's, weakest first.
var sslModes = []string{"disable", "allow", "prefer", "require", "verify-ca", "verify-full"}

// isLocalHost reports whether host is this machine: a Unix socket's
// folder, localhost or a loopback address.
func isLocalHost(host string) bool {
	if host == "" || strings.HasPrefix(host, "/") || strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// sslModeOf is the sslmode the connection string sets, if it sets one
// (a key=value pair's quotes taken off).
func sslModeOf(dsn string) (string, bool) {
	return paramOf(dsn, "sslmode")
}

// paramOf is the value the connection string gives key, if it gives one
// (a key=value pair's quotes taken off).
func paramOf(dsn, key string) (string, bool) {
	t := strings.TrimSpace(dsn)
	if strings.Contains(t, "://") {
		u, err := url.Parse(t)
		if err != nil || !u.Query().Has(key) {
			return "", false
		}
		return u.Query().Get(key), true
	}
	for rest := t; strings.TrimSpace(rest) != ""; {
		m := keyValue().FindStringSubmatch(rest)
		if m == nil {
			return "", false
		}
		if strings.EqualFold(m[1], key) {
			return unquoteValue(m[2]), true
		}
		rest = rest[len(m[0]):]
	}
	return "", false
}

// withSSLMode is the connection string with sslmode set to mode.
func withSSLMode(dsn, mode string) string {
	t := strings.TrimSpace(dsn)
	if strings.Contains(t, "://") {
		sep := "?"
		if strings.Contains(t, "?") {
			sep = "&"
		}
		return t + sep + "sslmode=" + mode
	}
	return t + " sslmode=" + mode
}

// unquoteValue is a key=value pair's value as libpq reads it: single
// quotes taken off and backslash escapes undone.
func unquoteValue(v string) string {
	if len(v) < 2 || v[0] != '\'' || v[len(v)-1] != '\'' {
		return v
	}
	var b strings.Builder
	for i := 1; i < len(v)-1; i++ {
		if v[i] == '\\' && i+1 < len(v)-1 {
			i++
		}
		b.WriteByte(v[i])
	}
	return b.String()
}
