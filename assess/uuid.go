package assess

import (
	"crypto/rand"
	"fmt"
)

// NewUUID returns a random (version 4) UUID, as an assessment, a subject
// or a database is known by wherever it is copied. A caller may give a
// new assessment its UUID before creating it: a creation whose outcome
// cannot be told (its connection lost at the commit) is then known by it
// in the list read again, apart from a colleague's of the same name.
func NewUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = (b[6] & 0x0f) | 0x40
	b[8] = (b[8] & 0x3f) | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
