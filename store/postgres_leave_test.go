package store

import (
	"strconv"
	"testing"
	"time"

	"github.com/assay-dev/assay/internal/pgtest"
)

// leaveLimit is how long closing a handle on a server gone silent may
// take before the test calls it held up: a hang detector, not a speed
// target. Closing sends each connection's goodbye and waits for no
// answer; what it must not do is wait, as pgx does for each statement
// it deallocates, up to 5 s a connection for a server that never
// answers.
const leaveLimit = 2 * time.Second

// A handle that saved answers (the save path's statements prepared on
// its connections) closes at once on a server gone silent: assay, quit
// with nothing left unsaved, ended only after pgx had waited 5 s a
// connection to deallocate the statements one by one, which the server
// does itself when the connection ends.
func TestClosingAfterSavesOnASilentServerEndsAtOnce(t *testing.T) {
	dsn := teamSchema(t)
	proxy := newSilentProxy(t, requirePostgres(t))
	viaProxy := pgtest.WithParams(t, dsn, "", map[string]string{
		"host": "127.0.0.1", "port": strconv.Itoa(proxy.port()), "sslmode": "disable"})
	db := openTeamAs(t, viaProxy)
	_, q := testDB(t)
	a := newAssessment(t, db, q, "Globex", day("2026-03-01"), nil)
	if err := db.SaveAnswer(as("Ana Analyst"), a.ID, choice("mfa", "no")); err != nil {
		t.Fatal(err)
	}
	proxy.silence(true)
	start := time.Now()
	db.Close()
	if took := time.Since(start); took > leaveLimit {
		t.Errorf("closing the handle on a silent server took %s; it sends its goodbyes and waits for no answer", took.Round(time.Millisecond))
	}
}
