package store

import (
	"context"
	"io"
	"net"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/internal/pgtest"
)

// A network that goes away without closing the connection (a laptop on
// a train, a firewall that forgets idle flows, a VPN that drops) leaves
// no error to read: the watcher finds out by asking the server, and says
// it is not following; once the network is back it listens again and
// reports what others wrote meanwhile.
//
// The test shortens the watcher's waits, so on a loaded machine (load
// 17) the server itself can miss pgAnswerWithin while the network works:
// the watcher then rightly says it is not following, and listens again.
// Each step therefore waits for the change it is about (until), passing
// over such reports, instead of taking the next change for it.
func TestWatchNoticesANetworkThatGoesSilent(t *testing.T) {
	dsn := teamSchema(t)
	proxy := newSilentProxy(t, requirePostgres(t))
	every, within := pgCheckEvery, pgAnswerWithin
	pgCheckEvery, pgAnswerWithin = 200*time.Millisecond, 300*time.Millisecond
	t.Cleanup(func() { pgCheckEvery, pgAnswerWithin = every, within })

	// connect_timeout bounds a connect the silence holds; 5 s leaves room
	// for a server slow to answer a login on a loaded machine (1 s failed
	// the first open at load 27), and the silence is shorter than that.
	viaProxy := pgtest.WithParams(t, dsn, "", map[string]string{
		"host": "127.0.0.1", "port": strconv.Itoa(proxy.port()), "connect_timeout": "5"})
	mine := useTestKeys(openTeamAs(t, viaProxy))
	theirs := useTestKeys(openTeamAs(t, dsn))
	_, q := testDB(t)
	a := newAssessment(t, theirs, q, "Globex", day("2026-03-01"), nil)
	changes := watchChanges(t, mine)
	// until waits for the first change want accepts, passing over the
	// others (logged), within a bound generous for a loaded machine:
	// reconnecting waits out the retries' pauses (up to 10 s once they
	// have doubled a few times) and a connect (it ran out at 10 s under
	// -race with other tests running).
	until := func(what string, want func(assess.Change) bool) {
		t.Helper()
		deadline := time.After(30 * time.Second)
		for {
			select {
			case ch, ok := <-changes:
				if !ok {
					t.Fatalf("%s: the watch ended", what)
				}
				if want(ch) {
					return
				}
				t.Logf("%s: passed over %+v", what, ch)
			case <-deadline:
				t.Fatalf("%s: not reported within 30s", what)
			}
		}
	}
	lost := func(ch assess.Change) bool { return ch.Lost == "the team database cannot be reached" }
	others := func(ch assess.Change) bool { return ch.Lost == "" && ch.Entries >= 1 }

	time.Sleep(2 * pgCheckEvery) // the watcher waits on its connection, and checks it
	proxy.silence(true)
	until("network gone silent: the team database cannot be reached", lost)
	if err := theirs.SaveAnswer(as("Bo"), a.ID, choice("mfa", "no")); err != nil {
		t.Fatal(err)
	}
	time.Sleep(4 * pgCheckEvery)
	proxy.silence(false)
	until("network back: the answer saved meanwhile", others)
	// And it hears the next announcement on its connection.
	if err := theirs.SaveAnswer(as("Bo"), a.ID, choice("mfa", "yes")); err != nil {
		t.Fatal(err)
	}
	until("after the network came back: the next answer", others)
}

// silentProxy forwards TCP connections to the test server, and can stop
// forwarding bytes either way without closing anything (where pgtest.Relay
// cuts them): a network that went silent. What it read meanwhile it
// delivers once forwarding again.
type silentProxy struct {
	ln     net.Listener
	net    string // the server's network (unix or tcp) and address
	target string
	mu     sync.Mutex
	open   chan struct{} // closed while forwarding
	conns  []net.Conn
}

func newSilentProxy(t *testing.T, dsn string) *silentProxy {
	t.Helper()
	network, target, _ := pgtest.ServerAddr(t, dsn)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &silentProxy{ln: ln, net: network, target: target, open: make(chan struct{})}
	close(p.open)
	go p.accept()
	t.Cleanup(p.close)
	return p
}

func (p *silentProxy) port() int { return p.ln.Addr().(*net.TCPAddr).Port }

func (p *silentProxy) accept() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		up, err := net.Dial(p.net, p.target)
		if err != nil {
			c.Close()
			continue
		}
		p.mu.Lock()
		p.conns = append(p.conns, c, up)
		p.mu.Unlock()
		go p.forward(up, c)
		go p.forward(c, up)
	}
}

// forward copies from src to dst, holding each chunk while silent.
func (p *silentProxy) forward(dst, src net.Conn) {
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		p.mu.Lock()
		open := p.open
		p.mu.Unlock()
		<-open
		if n > 0 {
			if _, werr := dst.Write(buf[:n]); werr != nil {
				src.Close()
				return
			}
		}
		if err != nil {
			if err != io.EOF {
				src.Close()
			}
			dst.Close()
			return
		}
	}
}

// silence stops (true) or resumes (false) forwarding.
func (p *silentProxy) silence(on bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	select {
	case <-p.open:
		if on {
			p.open = make(chan struct{})
		}
	default:
		if !on {
			close(p.open)
		}
	}
}

func (p *silentProxy) close() {
	p.silence(false)
	p.ln.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
}

// watchChanges watches db's team database and passes on what it reports,
// closing the channel when the watch ends; the watch is closed when the
// test ends.
func watchChanges(t *testing.T, db *DB) <-chan assess.Change {
	t.Helper()
	w, err := db.Watch(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	changes := make(chan assess.Change, 8)
	go func() {
		for {
			ch, err := w.Next(context.Background())
			if err != nil {
				close(changes)
				return
			}
			changes <- ch
		}
	}()
	return changes
}
