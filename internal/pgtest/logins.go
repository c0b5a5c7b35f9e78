package pgtest

import (
	"database/sql"
	"fmt"
	"os"
	"sort"
	"sync"
)

// Logins belong to the server, not to a test's schema: dropping the
// schema leaves them. Each test drops the logins it made when it ends
// (t.Cleanup); a package's TestMain calls CheckLogins after its tests, so
// that a test that left one fails the run instead of leaving it on the
// server for every later run.

var made struct {
	sync.Mutex
	names map[string]bool
}

// MadeLogin notes that a test made the login name on the server.
func MadeLogin(name string) {
	made.Lock()
	defer made.Unlock()
	if made.names == nil {
		made.names = map[string]bool{}
	}
	made.names[name] = true
	noteReservedMade(name)
}

// CheckLogins says, on standard error, which logins the package's tests
// made (MadeLogin) the server still has (but for those a run still going
// holds: HoldLogin), and returns code, or 1 when
// some are left or the server cannot say, or when a test made a login
// named as one of PortfolioPeople (people.go). open connects to the server
// $ASSAY_TEST_POSTGRES names (the caller's test code opens it: only the
// team adapter opens connections in assay's own code); it is not called
// when no test made a login.
func CheckLogins(pkg string, code int, open func(dsn string) (*sql.DB, error)) int {
	ReleaseHolds() // the tests are over
	if err := reservedError(); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", pkg, err)
		code = 1
	}
	left, err := loginsLeft(open)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: could not check for the tests' logins left on the server: %v\n", pkg, err)
		return 1
	}
	if len(left) > 0 {
		fmt.Fprintf(os.Stderr, "%s: the tests' logins left on the server (each test drops the logins it makes): %q\n", pkg, left)
		return 1
	}
	return code
}

func loginsLeft(open func(dsn string) (*sql.DB, error)) ([]string, error) {
	made.Lock()
	names := make([]string, 0, len(made.names))
	for name := range made.names {
		names = append(names, name)
	}
	made.Unlock()
	dsn := os.Getenv("ASSAY_TEST_POSTGRES")
	if dsn == "" || len(names) == 0 {
		return nil, nil
	}
	db, err := open(dsn)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return loginsOnServer(db, names)
}

// loginsOnServer lists the logins of names the server still has that no
// run holds (HoldLogin): one a run still going holds, that run drops.
func loginsOnServer(db *sql.DB, names []string) ([]string, error) {
	rows, err := db.Query(`SELECT rolname FROM pg_roles WHERE rolname = ANY($1) AND NOT `+heldSQL("rolname"), names)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var left []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		left = append(left, name)
	}
	sort.Strings(left)
	return left, rows.Err()
}
