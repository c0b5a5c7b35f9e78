package store

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"github.com/jackc/pgpassfile"
)

// The password file (~/.pgpass, PGPASSFILE or the connection string's
// passfile), read as libpq reads it rather than as pgx does. pgx looks
// every Unix socket up under the host "localhost", so for a server whose
// socket is in a folder of its own a line naming that folder was ignored
// (and a localhost line meant for another server used); libpq matches the
// folder, and "localhost" only for its default socket folder. pgx also
// reads a file others may read, which libpq ignores.

// socketDirs are the folders pgx tries, in order, for libpq's default
// socket folder: that folder is compiled into libpq (Debian's is
// /var/run/postgresql, PostgreSQL's own /tmp) and a Go program cannot ask
// it, so the first one present here stands for it, as pgx assumes when a
// connection string names no host.
var socketDirs = []string{"/var/run/postgresql", "/private/tmp", "/tmp"}

// defaultSocketDir is libpq's default socket folder as pgx assumes it,
// or "" if none of pgx's candidates is present.
func defaultSocketDir() string {
	for _, dir := range socketDirs {
		if _, err := os.Stat(dir); err == nil {
			return dir
		}
	}
	return ""
}

// passFileServer is what a password file line is matched against: the server's
// host (or socket folder), port, database and the login.
type passFileServer struct {
	host     string
	port     uint16
	database string
	user     string
}

// passFilePasswords are the passwords for servers, the hosts a
// connection string names in the order they are tried, as libpq would
// take each from the password file when it tries that host, given the
// one pgx found for the first (from the connection string, PGPASSWORD, a
// service file or the password file). Only a password pgx took from the
// password file is replaced: one the connection string or PGPASSWORD
// gives wins, for every host, as with libpq, and so does a service
// file's. On Windows, where libpq makes no permission check and sockets
// are rare, pgx's answer stands.
func passFilePasswords(servers []passFileServer, dsn, pgxFound string) []string {
	found := make([]string, len(servers))
	for i := range found {
		found[i] = pgxFound
	}
	if runtime.GOOS == "windows" || passwordOf(dsn) != "" || os.Getenv("PGPASSWORD") != "" {
		return found
	}
	path := passFilePath(dsn)
	if path == "" {
		return found
	}
	file, err := pgpassfile.ReadPassfile(path)
	if err != nil {
		return found // no file to read: pgx found nothing in it either
	}
	first := servers[0]
	pgxHost := first.host
	if isSocketDir(first.host) {
		pgxHost = "localhost"
	}
	if pgxFound != "" && pgxFound != file.FindPassword(pgxHost, strconv.Itoa(int(first.port)), first.database, first.user) {
		return found // not the password file's
	}
	for i, srv := range servers {
		found[i] = ""
		if !passFileIsPrivate(path) {
			continue
		}
		database := srv.database
		if database == "" {
			database = srv.user // libpq's default database is the login's name
		}
		found[i] = file.FindPassword(passFileHost(srv.host), strconv.Itoa(int(srv.port)), database, srv.user)
	}
	return found
}

// isSocketDir reports whether host is a Unix socket's folder, as pgx
// tells one off Windows.
func isSocketDir(host string) bool {
	return strings.HasPrefix(host, "/")
}

// passFileHost is the host field a line must carry for the server at
// host: for a Unix socket its folder, but "localhost" for libpq's
// default folder (compared as libpq compares, byte for byte).
func passFileHost(host string) string {
	if isSocketDir(host) && host == defaultSocketDir() {
		return "localhost"
	}
	return host
}

// passFilePath is the password file libpq reads: the connection string's
// passfile, else PGPASSFILE, else ~/.pgpass.
func passFilePath(dsn string) string {
	if p, ok := paramOf(dsn, "passfile"); ok && p != "" {
		return p
	}
	if p := os.Getenv("PGPASSFILE"); p != "" {
		return p
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, ".pgpass")
}

// passFileIsPrivate reports whether libpq would read the file: a plain
// file that neither its group nor anyone else may read, write or run.
func passFileIsPrivate(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular() && fi.Mode().Perm()&0o077 == 0
}

// passFileNotice says, for a refused login, that the password file was
// not read because others may read it (libpq warns of that on every
// connection), or is "" when it was read or not needed.
func passFileNotice(dsn string) string {
	if runtime.GOOS == "windows" || passwordOf(dsn) != "" || os.Getenv("PGPASSWORD") != "" {
		return ""
	}
	path := passFilePath(dsn)
	if _, err := os.Stat(path); path == "" || err != nil || passFileIsPrivate(path) {
		return ""
	}
	return fmt.Sprintf(". The password file %q was not read: its group or others may open it, so, as with psql, it is ignored (chmod 0600 it)", path)
}
