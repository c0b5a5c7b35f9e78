package pgtest

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
)

// Relay stands between a handle (or a built assay) and the test's server,
// on a Unix socket of its own: Down cuts every connection and refuses new
// ones, as a server that stops does; Up lets them through again.
//
// A connection lost after a write's commit reached the server, before
// its answer came back, leaves the handle unable to tell whether the
// server committed; one lost inside the transaction, before its commit,
// leaves nothing on the server. The relay plays either moment: armed with
// CutAtCommit, it cuts the connection at the server's word that it
// committed a transaction that inserted rows (every write of assay's
// does; a read's transaction, which a command may run first, inserts
// none), instead of passing it on, so the server has committed and the
// handle hears nothing of it; armed with CutInsideWrite, it passes on
// the server's word that a transaction began and cuts the connection at
// its answer to the next statement.
type Relay struct {
	// DSN is the server's connection string through the relay.
	DSN    string
	t      testing.TB
	sock   string // the relay's socket
	target string // the server's address
	net    string // its network: unix or tcp
	mu     sync.Mutex
	ln     net.Listener
	conns  []net.Conn
	armed  relayCut // the moment the relay cuts the connection at
	cuts   int      // how many connections it cut where it was armed to
	// dialed, if set, runs once a connection is accepted and its server
	// dialled, before the relay keeps it (relay_test.go holds it there).
	dialed func()
	// answers is how many more of the server's answers an armed
	// CutAtAnswer lets through before it cuts.
	answers int
}

// relayCut is the moment an armed relay cuts the connection at.
type relayCut int

const (
	cutNowhere relayCut = iota
	cutCommit
	cutAfterBegin
	cutNext  // the transaction began: cut at the server's next answer
	cutCount // cut at the answer CutAtAnswer counts down to
)

// ServerAddr is where dsn's server listens: its network (unix or tcp)
// and address.
func ServerAddr(t testing.TB, dsn string) (network, addr string, cfg *pgx.ConnConfig) {
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

// NewRelay starts a relay to dsn's server, taken down when t ends.
func NewRelay(t testing.TB, dsn string) *Relay {
	t.Helper()
	network, target, cfg := ServerAddr(t, dsn)
	r := &Relay{t: t, net: network, target: target}
	dir, err := os.MkdirTemp("", "relay")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	r.sock = filepath.Join(dir, fmt.Sprintf(".s.PGSQL.%d", cfg.Port))
	r.DSN = WithParams(t, dsn, "", map[string]string{"host": dir, "sslmode": "disable"})
	r.Up()
	t.Cleanup(r.Down)
	return r
}

// Up lets connections through again.
func (r *Relay) Up() {
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
			dialed := r.dialed
			r.mu.Unlock()
			if dialed != nil {
				dialed()
			}
			// A Down that came since Accept has cut the connections it
			// knew of, not this one: it is cut here, or it would outlive
			// the server's going away.
			r.mu.Lock()
			up := r.ln == ln
			if up {
				r.conns = append(r.conns, c, s)
			}
			r.mu.Unlock()
			if !up {
				c.Close()
				s.Close()
				return
			}
			go func() { r.toServer(s, c); s.Close() }()
			go func() { r.toClient(c, s); c.Close() }()
		}
	}()
}

// Down cuts every connection and refuses new ones.
func (r *Relay) Down() {
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

// CutAtCommit arms the relay for the next commit the server reports.
func (r *Relay) CutAtCommit() { r.arm(cutCommit) }

// CutInsideWrite arms the relay for the next transaction's second answer.
func (r *Relay) CutInsideWrite() { r.arm(cutAfterBegin) }

// CutAtAnswer arms the relay to cut the connection that carries the
// server's n-th answer from now (n ≥ 1; each read from the server, on
// any connection, is one), instead of passing it on: a test that tries
// every n up to the last answer an operation needs cuts it at each of
// its exchanges, wherever they fall (opening a transaction, a query, a
// row, the commit). Disarm stops the count.
func (r *Relay) CutAtAnswer(n int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.armed, r.answers = cutCount, n
}

// Disarm lets every answer through again.
func (r *Relay) Disarm() { r.arm(cutNowhere) }

// Cuts is how many connections the relay has cut where it was armed to:
// a test that armed it checks the cut came, so that it does not pass on
// a write that went through whole.
func (r *Relay) Cuts() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.cuts
}

func (r *Relay) arm(at relayCut) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.armed = at
}

// The server's CommandComplete tags, in its messages' zero-terminated text.
var (
	committedTag = []byte("COMMIT\x00")
	beganTag     = []byte("BEGIN\x00")
	insertedTag  = []byte("INSERT 0 ")
)

// toServer relays what the handle sends on c to the server on s.
func (r *Relay) toServer(s, c net.Conn) { io.Copy(s, c) }

// toClient relays the server's answers on s to the handle on c, and cuts
// both where the relay was armed to.
func (r *Relay) toClient(c, s net.Conn) {
	buf := make([]byte, 64<<10)
	inserted := false // the transaction under way on s inserted rows
	for {
		n, err := s.Read(buf)
		if n > 0 {
			if r.cutAt(buf[:n], &inserted) {
				c.Close()
				s.Close()
				return
			}
			if _, werr := c.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// cutAt reports whether the relay cuts the connection instead of passing
// on answer, and moves the armed moment on; inserted follows whether the
// connection's transaction under way inserted rows.
func (r *Relay) cutAt(answer []byte, inserted *bool) bool {
	since := answer
	if i := bytes.LastIndex(answer, beganTag); i >= 0 {
		since, *inserted = answer[i:], false
	}
	*inserted = *inserted || bytes.Contains(since, insertedTag)
	committed := bytes.Contains(since, committedTag)
	r.mu.Lock()
	defer r.mu.Unlock()
	switch {
	case r.armed == cutCount:
		r.answers--
		if r.answers > 0 {
			return false
		}
		r.armed = cutNowhere
		r.cuts++
		return true
	case r.armed == cutCommit && committed && *inserted, r.armed == cutNext:
		r.armed = cutNowhere
		r.cuts++
		return true
	case r.armed == cutAfterBegin && bytes.HasSuffix(answer, []byte{'Z', 0, 0, 0, 5, 'T'}) && bytes.Contains(answer, beganTag):
		r.armed = cutNext
	}
	return false
}
