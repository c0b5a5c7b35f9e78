package pgtest

import (
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A connection the relay had accepted, its server dialled, when Down came
// outlived Down: Down cut only the connections already kept, and the one
// under way was kept after it, through to a server meant to be gone. A
// test that took the server down could then read through it.
func TestDownCutsAConnectionAcceptedAsItWentDown(t *testing.T) {
	dir, err := os.MkdirTemp("", "echo")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	// The server echoes what it reads; the relay needs nothing more.
	server, err := net.Listen("unix", filepath.Join(dir, ".s.PGSQL.5432"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { server.Close() })
	go func() {
		for {
			c, err := server.Accept()
			if err != nil {
				return
			}
			go func() { io.Copy(c, c); c.Close() }()
		}
	}()

	r := NewRelay(t, "postgres:///postgres?host="+dir+"&port=5432")
	dialed, release := make(chan struct{}), make(chan struct{})
	r.mu.Lock()
	r.dialed = func() { close(dialed); <-release }
	r.mu.Unlock()
	c, err := net.Dial("unix", r.sock)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	<-dialed // accepted and dialled, not yet kept
	r.Down()
	close(release)

	if _, err := c.Write([]byte("ping")); err != nil {
		return // cut before the write: as wanted
	}
	// Cut, the read ends without an echo: at the end of the stream, or
	// reset as the relay closed with "ping" unread. A deadline bounds a
	// relay that neither cuts nor echoes.
	c.SetReadDeadline(time.Now().Add(30 * time.Second))
	buf := make([]byte, 4)
	n, err := c.Read(buf)
	if n > 0 || !errors.Is(err, io.EOF) && !errors.Is(err, syscall.ECONNRESET) {
		t.Errorf("after Down, a connection accepted as it went down read %q, %v; want it cut", buf[:n], err)
	}
}
