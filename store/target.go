package store

import (
	"fmt"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/internal/input"
)

// Target is where a portfolio is kept, as --db or $ASSAY_DB name it: a
// SQLite file, or a PostgreSQL server given by a connection string.
type Target struct {
	// Postgres: the string is a PostgreSQL connection string
	// (postgres://…, postgresql://…, or libpq's key=value form).
	Postgres bool
	// Value is the path or the connection string as given.
	Value string
}

// libpqKeys are the keywords of libpq's key=value connection strings.
var libpqKeys = map[string]bool{
	"host": true, "hostaddr": true, "port": true, "dbname": true, "user": true, "password": true, "passfile": true,
	"connect_timeout": true, "sslmode": true, "sslcert": true, "sslkey": true, "sslrootcert": true, "sslpassword": true,
	"sslcrl": true, "sslsni": true, "service": true, "servicefile": true, "application_name": true, "options": true,
	"target_session_attrs": true, "search_path": true, "channel_binding": true, "krbsrvname": true, "gssencmode": true,
	"require_auth": true, "min_read_buffer_size": true, "sslnegotiation": true, "load_balance_hosts": true,
}

// keyValue is one key=value pair of libpq's form: a value is a word or a
// single-quoted string with \' and \\ inside.
var keyValue = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*([A-Za-z_]+)\s*=\s*('(?:[^'\\]|\\.)*'|[^\s']*)`) })

// ParseTarget reads what --db or $ASSAY_DB names. A string with :// is a
// URL: PostgreSQL's, or refused, never taken for a file name. A string
// made of libpq's key=value pairs (host=… dbname=…) is PostgreSQL's too.
// Anything else is a SQLite file.
func ParseTarget(s string) (Target, error) {
	t := strings.TrimSpace(s)
	lower := strings.ToLower(t)
	switch {
	case strings.HasPrefix(lower, "postgres://"), strings.HasPrefix(lower, "postgresql://"):
		return Target{Postgres: true, Value: t}, nil
	case strings.Contains(t, "://"):
		scheme := t[:strings.Index(t, "://")]
		return Target{}, fmt.Errorf("the database %s is a %s:// address, which assay does not read: give a file name, or a PostgreSQL connection string (postgres://… or host=… dbname=…)",
			Redact(t), scheme)
	case strings.HasPrefix(lower, "postgres:"), strings.HasPrefix(lower, "postgresql:"):
		// A slash short of a URL: as a path it named a folder
		// "postgres:" that assay new made, with the host's name inside.
		scheme := t[:strings.Index(t, ":")]
		return Target{}, fmt.Errorf("the database %s is not a PostgreSQL URL, which begins %s:// (two slashes): give a connection string (%s://… or host=… dbname=…) or a file name; nothing was created",
			Redact(t), scheme, scheme)
	case isKeyValue(t):
		return Target{Postgres: true, Value: t}, nil
	case keyValueShaped(t):
		return Target{}, unknownKeyword(t)
	case loosePassword().MatchString(t):
		return Target{}, fmt.Errorf("the database %s looks like a PostgreSQL connection string holding a password, but does not parse as one: "+
			"give libpq's key=value pairs, with a value holding spaces or quotes in single quotes ('…', \\' inside), or keep the password in ~/.pgpass; nothing was created",
			Redact(t))
	case t == "":
		return Target{}, fmt.Errorf("the database %q is blank: give a file name; nothing was created", s)
	case t != s:
		// A space pasted into an env file would name a file beside the
		// portfolio that differs from it by what nobody sees.
		return Target{}, fmt.Errorf("the database %q begins or ends with a space: give the file's name without it; nothing was created", s)
	case input.HomeRelative(t): // a ~ the shell left: a folder called ~ here
		return Target{}, fmt.Errorf("the database %s begins with ~, which the shell did not expand (it does not in quotes, after --db=, or in an env file): give the whole path; nothing was created",
			safetext.OneLine(t))
	case strings.HasSuffix(s, "/") || strings.HasSuffix(s, string(filepath.Separator)):
		// Creating it made a folder of that name, then failed to open it.
		return Target{}, fmt.Errorf("the database %s ends with %s, so it names a folder, not a database file: give the file's name; nothing was created",
			safetext.OneLine(s), s[len(s)-1:])
	}
	return Target{Value: s}, nil
}

// isKeyValue reports whether s is wholly libpq key=value pairs, each key
// one of libpq's.
func isKeyValue(s string) bool {
	if !strings.Contains(s, "=") {
		return false
	}
	for rest := s; strings.TrimSpace(rest) != ""; {
		m := keyValue().FindStringSubmatch(rest)
		if m == nil || !libpqKeys[strings.ToLower(m[1])] {
			return false
		}
		rest = rest[len(m[0]):]
		if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
			return false
		}
	}
	return true
}

// keyValueShaped reports whether s has libpq's key=value shape, whatever
// its keywords: two pairs or more, spaces between them. No file is named
// so; one pair without a space (x=1.db) may be.
func keyValueShaped(s string) bool {
	pairs := 0
	for rest := s; strings.TrimSpace(rest) != ""; pairs++ {
		m := keyValue().FindStringSubmatch(rest)
		if m == nil {
			return false
		}
		rest = rest[len(m[0]):]
		if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
			return false
		}
	}
	return pairs > 1
}

// unknownKeyword refuses a string of libpq's shape with a keyword libpq
// does not know, naming it and the nearest one it does. The string is
// shown with the values of its passwords masked, and those of the
// keywords libpq does not know: a misspelt password= holds a password.
func unknownKeyword(s string) error {
	var shown []string
	unknown := ""
	for rest := s; strings.TrimSpace(rest) != ""; {
		m := keyValue().FindStringSubmatch(rest)
		key := strings.ToLower(m[1])
		pair := strings.TrimSpace(m[0])
		if !libpqKeys[key] || key == "password" || key == "sslpassword" {
			pair = m[1] + "=xxxxx"
		}
		if !libpqKeys[key] && unknown == "" {
			unknown = m[1]
		}
		shown = append(shown, pair)
		rest = rest[len(m[0]):]
	}
	return fmt.Errorf("the database %q is a PostgreSQL connection string (key=value pairs), but %q is not one of its keywords: did you mean %q? Give libpq's keywords (host, port, dbname, user, sslmode…); nothing was created",
		strings.Join(shown, " "), unknown, nearestKeyword(strings.ToLower(unknown)))
}

// nearestKeyword is libpq's keyword fewest edits from key (a letter
// added, dropped, changed, or two swapped), the first in alphabetical
// order of those as near.
func nearestKeyword(key string) string {
	keys := make([]string, 0, len(libpqKeys))
	for k := range libpqKeys {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	best, bestEdits := "", -1
	for _, k := range keys {
		if n := edits(key, k); bestEdits < 0 || n < bestEdits {
			best, bestEdits = k, n
		}
	}
	return best
}

// edits is the optimal string alignment distance between a and b: the
// fewest letters added, dropped or changed, or neighbours swapped, that
// make one the other.
func edits(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// HasPassword reports whether a PostgreSQL connection string holds a
// password (in its user information, or a password parameter).
func HasPassword(dsn string) bool {
	return Redact(dsn) != dsn
}

// Redact is a connection string without its passwords, for messages. A
// SQLite path comes back as it is.
func Redact(s string) string {
	t := strings.TrimSpace(s)
	lower := strings.ToLower(t)
	if strings.Contains(lower, "://") {
		u, err := url.Parse(t)
		if err != nil {
			return redactLoose(t)
		}
		if u.User != nil {
			if _, ok := u.User.Password(); ok {
				u.User = url.UserPassword(u.User.Username(), "xxxxx")
			}
		}
		q := u.Query()
		changed := false
		for k := range q {
			if strings.EqualFold(k, "password") || strings.EqualFold(k, "sslpassword") {
				q.Set(k, "xxxxx")
				changed = true
			}
		}
		if changed {
			u.RawQuery = strings.ReplaceAll(q.Encode(), "+", "%20") // libpq reads + as itself
		}
		// A parameter whose escapes do not parse is left out of Query, not
		// out of the string: its value is masked as written.
		return queryPassword().ReplaceAllString(u.String(), "${1}xxxxx")
	}
	if isKeyValue(t) {
		var out []string
		for rest := t; strings.TrimSpace(rest) != ""; {
			m := keyValue().FindStringSubmatch(rest)
			pair := strings.TrimSpace(m[0])
			if k := strings.ToLower(m[1]); k == "password" || k == "sslpassword" {
				pair = m[1] + "=xxxxx"
			}
			out = append(out, pair)
			rest = rest[len(m[0]):]
		}
		return strings.Join(out, " ")
	}
	if loc := loosePassword().FindStringIndex(t); loc != nil {
		// Not libpq's form, but a password in it all the same (an unclosed
		// quote, an escape): everything after it is masked.
		return t[:loc[1]] + "xxxxx"
	}
	return s
}

// loosePassword finds a password= or sslpassword= word in a string that
// is neither a URL nor wholly libpq's key=value pairs. No file name holds
// one: such a string is a mistyped connection string.
var loosePassword = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)(?:^|\s)(?:ssl)?password\s*=\s*`) })

// queryPassword is a password parameter in the query of a URL that does
// not parse, and its value.
var queryPassword = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`([?&](?i:ssl)?password=)([^&#]*)`) })

// redactLoose masks what follows a colon in the user information of a
// URL that does not parse.
// A password may itself hold an @: everything up to the last one is
// masked.
var userinfoPassword = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(://[^:/@]*):.*@`) })

func redactLoose(s string) string {
	s = userinfoPassword().ReplaceAllString(s, "${1}:xxxxx@")
	return queryPassword().ReplaceAllString(s, "${1}xxxxx")
}

// passwordOf is the password a connection string holds, "" if none: what
// every message about that database must leave out.
func passwordOf(dsn string) string {
	t := strings.TrimSpace(dsn)
	if strings.Contains(t, "://") {
		u, err := url.Parse(t)
		if err != nil {
			if m := userinfoPassword().FindStringSubmatch(t); m != nil {
				return strings.TrimSuffix(strings.TrimPrefix(m[0], m[1]+":"), "@")
			}
			if m := queryPassword().FindStringSubmatch(t); m != nil {
				return m[2]
			}
			return ""
		}
		if u.User != nil {
			if p, ok := u.User.Password(); ok {
				return p
			}
		}
		if p := u.Query().Get("password"); p != "" {
			return p
		}
		if m := queryPassword().FindStringSubmatch(t); m != nil {
			return m[2] // one whose escapes do not parse
		}
		return ""
	}
	for rest := t; isKeyValue(t) && strings.TrimSpace(rest) != ""; {
		m := keyValue().FindStringSubmatch(rest)
		if strings.EqualFold(m[1], "password") {
			v := m[2]
			if strings.HasPrefix(v, "'") {
				v = strings.NewReplacer(`\'`, `'`, `\\`, `\`).Replace(strings.Trim(v, "'"))
			}
			return v
		}
		rest = rest[len(m[0]):]
	}
	return ""
}
