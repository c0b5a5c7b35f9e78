package store

import (
	"bytes"
	"io"
	"net"
)

// A connection lost after a write's commit reached the server, before
// its answer came back, leaves the handle unable to tell whether the
// server committed; one lost inside the transaction, before its commit,
// leaves nothing on the server. The relay plays either moment: armed with
// cutAtCommit, it cuts the connection at the server's word that it
// committed, instead of passing it on, so the server has committed and
// the handle hears nothing of it; armed with cutInsideWrite, it passes on
// the server's word that a transaction began and cuts the connection at
// its answer to the next statement.

// relayCut is the moment an armed relay cuts the connection at.
type relayCut int

const (
	cutNowhere relayCut = iota
	cutCommit
	cutAfterBegin
	cutNext // the transaction began: cut at the server's next answer
)

// cutAtCommit arms the relay for the next commit the server reports.
func (r *pgRelay) cutAtCommit() { r.arm(cutCommit) }

// cutInsideWrite arms the relay for the next transaction's second answer.
func (r *pgRelay) cutInsideWrite() { r.arm(cutAfterBegin) }

func (r *pgRelay) arm(at relayCut) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.armed = at
}

// The server's CommandComplete tags, in its messages' zero-terminated text.
var (
	committedTag = []byte("COMMIT\x00")
	beganTag     = []byte("BEGIN\x00")
)

// toServer relays what the handle sends on c to the server on s.
func (r *pgRelay) toServer(s, c net.Conn) { io.Copy(s, c) }

// toClient relays the server's answers on s to the handle on c, and cuts
// both where the relay was armed to.
func (r *pgRelay) toClient(c, s net.Conn) {
	buf := make([]byte, 64<<10)
	for {
		n, err := s.Read(buf)
		if n > 0 {
			if r.cutAt(buf[:n]) {
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
// on answer, and moves the armed moment on.
func (r *pgRelay) cutAt(answer []byte) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch {
	case r.armed == cutCommit && bytes.Contains(answer, committedTag), r.armed == cutNext:
		r.armed = cutNowhere
		return true
	case r.armed == cutAfterBegin && bytes.HasSuffix(answer, []byte{'Z', 0, 0, 0, 5, 'T'}) && bytes.Contains(answer, beganTag):
		r.armed = cutNext
	}
	return false
}
