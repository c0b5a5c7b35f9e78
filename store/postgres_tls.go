package store

import (
	"net"
	"net/url"
	"os"
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
// difference.
func teamConfig(dsn string) (*pgx.ConnConfig, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	if hasSSLMode(dsn) || os.Getenv("PGSSLMODE") != "" || isLocalHost(cfg.Host) {
		return cfg, nil
	}
	return pgx.ParseConfig(withSSLMode(dsn, "verify-full"))
}

// isLocalHost reports whether host is this machine: a Unix socket's
// folder, localhost or a loopback address.
func isLocalHost(host string) bool {
	if host == "" || strings.HasPrefix(host, "/") || strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// hasSSLMode reports whether the connection string sets sslmode.
func hasSSLMode(dsn string) bool {
	t := strings.TrimSpace(dsn)
	if strings.Contains(t, "://") {
		u, err := url.Parse(t)
		return err == nil && u.Query().Has("sslmode")
	}
	for rest := t; strings.TrimSpace(rest) != ""; {
		m := keyValue().FindStringSubmatch(rest)
		if m == nil {
			return false
		}
		if strings.EqualFold(m[1], "sslmode") {
			return true
		}
		rest = rest[len(m[0]):]
	}
	return false
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
