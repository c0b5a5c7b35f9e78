package tui_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// silentGate is what every test double of a server that accepts and
// never answers shares: the calls it holds wait, deaf to their context,
// until the test lets them go (or ends), and the test can wait until a
// call is held before it looks at the screen. Each double hangs its own
// methods on it; the gate only holds, and says what it held.
type silentGate struct {
	silent atomic.Bool
	// released is closed by letGo, once, by the test or at its end.
	released chan struct{}
	letGo    func()

	mu      sync.Mutex
	held    []string      // the calls held, in the order they came
	waited  int           // how many of held heldNow has looked at
	arrived chan struct{} // a call was held since heldNow last looked
}

// newSilentGate is a gate that holds nothing until goSilent (or hold),
// let go at the end of the test at the latest, so that nothing it holds
// outlives it.
func newSilentGate(t *testing.T) *silentGate {
	g := &silentGate{released: make(chan struct{}), arrived: make(chan struct{}, 1)}
	g.letGo = sync.OnceFunc(func() { close(g.released) })
	t.Cleanup(g.letGo)
	return g
}

// errReleased is what a held call returns once let go when its double
// records nothing: the test is over, and no screen should take it for
// the store's answer.
var errReleased = errors.New("released at the end of the test")

// goSilent makes holdWhileSilent hold from now on; answer stops it.
// Calls held already stay held until the gate is let go.
func (g *silentGate) goSilent() { g.silent.Store(true) }
func (g *silentGate) answer()   { g.silent.Store(false) }

// holdWhileSilent holds the call what while the gate is silent, and
// reports whether it did.
func (g *silentGate) holdWhileSilent(what string) bool {
	if !g.silent.Load() {
		return false
	}
	g.hold(what)
	return true
}

// hold holds the call what, silent or not, until the gate is let go.
func (g *silentGate) hold(what string) {
	g.heldAs(what)
	<-g.released
}

// holdWithin holds the call what as hold does, but gives up at ctx's
// end, as a driver that honours its context does, with ctx's error.
func (g *silentGate) holdWithin(ctx context.Context, what string) error {
	g.heldAs(what)
	select {
	case <-g.released:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// heldAs records what as held, for heldNow.
func (g *silentGate) heldAs(what string) {
	g.mu.Lock()
	g.held = append(g.held, what)
	g.mu.Unlock()
	select {
	case g.arrived <- struct{}{}:
	default: // heldNow has yet to look: it will see this one too
	}
}

// heldNow waits until a call not yet waited for is held, and fails the
// test unless it is what.
func (g *silentGate) heldNow(t *testing.T, what string) {
	t.Helper()
	deadline := time.After(screenWait)
	for {
		g.mu.Lock()
		if g.waited < len(g.held) {
			got := g.held[g.waited]
			g.waited++
			g.mu.Unlock()
			if got != what {
				t.Fatalf("the store was asked for %s; want %s", got, what)
			}
			return
		}
		g.mu.Unlock()
		select {
		case <-g.arrived:
		case <-deadline:
			t.Fatalf("waited %s in vain for the store to be asked for %s", screenWait, what)
		}
	}
}
