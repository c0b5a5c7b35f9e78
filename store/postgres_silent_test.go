package store

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/internal/pgtest"
	"github.com/assay-dev/assay/questionnaires"
)

// A network gone silent (a VPN down, a relay stopped) answers a new
// connection with nothing: the connect timeout ends it. assay list then
// printed pgx's own words, `failed to connect to `user=ana
// database=privacy`: 127.0.0.1:55432 (127.0.0.1): failed to receive
// message: timeout: context deadline exceeded`, which named neither the
// team database nor what to do, nor said that nothing was recorded; and
// the workspace's status line, whose save opened a connection after the
// last had timed out, wrapped the same words to two lines. The failure
// is now said as a server that cannot be reached, which did not answer
// in time (connect_timeout), briefly for a status line.
func TestASilentNetworkIsSaidAsAServerThatCannotBeReached(t *testing.T) {
	dsn := teamSchema(t)
	proxy := newSilentProxy(t, requirePostgres(t))
	viaProxy := pgtest.WithParams(t, dsn, "", map[string]string{
		"host": "127.0.0.1", "port": strconv.Itoa(proxy.port()), "connect_timeout": "1", "sslmode": "disable"})
	proxy.silence(true)
	_, err := OpenTeam(viaProxy, questionnaires.Decode)
	if err == nil {
		t.Fatal("opened the team database through a silent network")
	}
	checkUnreachable(t, err, "opening")
}

// A save whose connection the pool opens anew, on a network gone silent
// since the handle was opened, is said the same way.
func TestASaveOnASilentNetworkSaysTheServerCannotBeReached(t *testing.T) {
	dsn := teamSchema(t)
	proxy := newSilentProxy(t, requirePostgres(t))
	viaProxy := pgtest.WithParams(t, dsn, "", map[string]string{
		"host": "127.0.0.1", "port": strconv.Itoa(proxy.port()), "connect_timeout": "1", "sslmode": "disable"})
	db := openTeamAs(t, viaProxy)
	_, q := testDB(t)
	a := newAssessment(t, db, q, "Globex", day("2026-03-01"), nil)
	db.sql.SetMaxIdleConns(0) // the next save connects anew, as after a connection that timed out
	proxy.silence(true)
	ctx, cancel := context.WithTimeout(as("Ana Analyst"), time.Minute)
	defer cancel()
	err := db.SaveAnswer(ctx, a.ID, choice("mfa", "no"))
	if err == nil {
		t.Fatal("saved through a silent network")
	}
	checkUnreachable(t, err, "saving")
}

func checkUnreachable(t *testing.T, err error, doing string) {
	t.Helper()
	msg := err.Error()
	for _, want := range []string{"cannot reach the team database", "it did not answer in time (assay waits 1s for a connection", "nothing was recorded"} {
		if !strings.Contains(msg, want) {
			t.Errorf("%s through a silent network: %q does not say %q", doing, msg, want)
		}
	}
	for _, raw := range []string{"failed to connect to `", "failed to receive message", "context deadline exceeded"} {
		if strings.Contains(msg, raw) {
			t.Errorf("%s through a silent network: %q carries the driver's words %q", doing, msg, raw)
		}
	}
	if code := assess.ErrorCode(err); code != assess.EUnavailable {
		t.Errorf("%s through a silent network: code %q, want %q (nothing was sent: the workspace makes the change again once the server answers)", doing, code, assess.EUnavailable)
	}
	e, ok := err.(*assess.Error)
	if !ok || !strings.HasPrefix(e.Brief, "cannot reach ") || strings.Contains(e.Brief, "failed") {
		t.Errorf("%s through a silent network: brief %+v, want \"cannot reach login@host/database\"", doing, err)
	}
}
