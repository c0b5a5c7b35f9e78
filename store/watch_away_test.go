package store

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/assay-dev/assay/internal/pgtest"
)

// pgRelay stands between a handle and the test's server, on a Unix
// socket of its own: down cuts every connection and refuses new ones, as
// a server that stops does; up lets them through again.
type pgRelay struct {
	t      *testing.T
	sock   string // the relay's socket
	target string // the server's address
	net    string // its network: unix or tcp
	dsn    string // dsn, through the relay
	mu     sync.Mutex
	ln     net.Listener
	conns  []net.Conn
	// armed: the moment the relay cuts the connection at
	// (relay_commit_test.go).
	armed relayCut
}

// pgServerAddr is where dsn's server listens: its network (unix or tcp)
// and address.
func pgServerAddr(t *testing.T, dsn string) (network, addr string, cfg *pgx.ConnConfig) {
	t.Helper()
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(cfg.Host, "/") {
		return "unix", filepath.Join(cfg.Host, fmt.Sprintf(".s.PGSQL.%d", cfg.Port)), cfg
	}
	return "tcp", net.JoinHostPort(cfg.Host, fmt.Sprint(cfg.Port)), cfg
}

func newPGRelay(t *testing.T, dsn string) *pgRelay {
	t.Helper()
	network, target, cfg := pgServerAddr(t, dsn)
	r := &pgRelay{t: t, net: network, target: target}
	dir, err := os.MkdirTemp("", "relay")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	r.sock = filepath.Join(dir, fmt.Sprintf(".s.PGSQL.%d", cfg.Port))
	r.dsn = pgtest.WithParams(t, dsn, "", map[string]string{"host": dir, "sslmode": "disable"})
	r.up()
	t.Cleanup(r.down)
	return r
}

func (r *pgRelay) up() {
	r.t.Helper()
	ln, err := net.Listen("unix", r.sock)
	if err != nil {
		r.t.Fatal(err)
	}
	r.mu.Lock()
	r.ln = ln
	r.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s, err := net.Dial(r.net, r.target)
			if err != nil {
				c.Close()
				continue
			}
			r.mu.Lock()
			r.conns = append(r.conns, c, s)
			r.mu.Unlock()
			go func() { r.toServer(s, c); s.Close() }()
			go func() { r.toClient(c, s); c.Close() }()
		}
	}()
}

func (r *pgRelay) down() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.ln != nil {
		r.ln.Close()
		r.ln = nil
	}
	for _, c := range r.conns {
		c.Close()
	}
	r.conns = nil
	os.Remove(r.sock)
}

// While the server is out of reach the watch says so, and why, once;
// when it is back, the watch says so once it has read what others
// committed meanwhile, which it then reports as their change.
func TestWatchSaysWhileTheServerIsAway(t *testing.T) {
	requirePostgres(t)
	dsn := teamSchema(t)
	relay := newPGRelay(t, dsn)
	theirs := useTestKeys(openTeamAs(t, dsn))
	mine := openTeamAs(t, relay.dsn)
	_, q := testDB(t)
	a := newAssessment(t, theirs, q, "Globex", day("2026-03-01"), nil)
	w, err := mine.Watch(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()

	relay.down()
	ch := nextChange(t, w)
	if ch.Lost != "the team database cannot be reached" {
		t.Fatalf("with the server away the watch reported %+v, want that the server cannot be reached", ch)
	}
	for _, raw := range []string{"SQLSTATE", "dial", "connect:", ".s.PGSQL"} {
		if strings.Contains(ch.Lost, raw) {
			t.Errorf("the reason %q carries the driver's words %q", ch.Lost, raw)
		}
	}
	noChange(t, w, "while the server stays away")
	if err := theirs.SaveAnswer(as("Bo"), a.ID, choice("mfa", "no")); err != nil {
		t.Fatal(err)
	}
	relay.up()
	back := nextChange(t, w)
	if back.Lost != "" || back.Entries < 1 {
		t.Fatalf("with the server back the watch reported %+v, want the change made meanwhile", back)
	}
	if l := w.w.(*pgListener); l.conn == nil {
		t.Fatal("the watch said it was back before listening again")
	}
	if err := theirs.SaveAnswer(as("Bo"), a.ID, choice("mfa", "yes")); err != nil {
		t.Fatal(err)
	}
	if ch := nextChange(t, w); ch.Lost != "" || ch.Entries < 1 {
		t.Errorf("after coming back the watch reported %+v, want the next change", ch)
	}
}
