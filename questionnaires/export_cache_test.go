package questionnaires

import (
	"crypto/sha256"
	"encoding/hex"
	"os"

	"github.com/assay-dev/assay/assess"
)

// RoundTrip compiles q and reads it back, as the Decoder's files do.
func RoundTrip(q *assess.Questionnaire) (*assess.Questionnaire, error) {
	b, err := compile(q)
	if err != nil {
		return nil, err
	}
	return decompile(b, q.SourceName, q.Source, q.Digest)
}

// Compiled returns the compiled form d keeps for src, or nil.
func (d *Decoder) Compiled(name string, src []byte) *assess.Questionnaire {
	sum := sha256.Sum256(src)
	return d.readCompiled(name, src, hex.EncodeToString(sum[:]))
}

// CompiledPath is where d keeps the compiled form of src.
func (d *Decoder) CompiledPath(src []byte) string {
	sum := sha256.Sum256(src)
	return d.path(hex.EncodeToString(sum[:]))
}

// Forge writes q's compiled form where d keeps the compiled form of src,
// with a header and checksum d accepts: what anyone who can write the
// cache folder can do, since nothing in the file is secret.
func (d *Decoder) Forge(src []byte, q *assess.Questionnaire) error {
	sum := sha256.Sum256(src)
	digest := hex.EncodeToString(sum[:])
	body, err := compile(q)
	if err != nil {
		return err
	}
	check := sha256.Sum256(body)
	out := append([]byte(d.header(digest)+hex.EncodeToString(check[:])+"\n"), body...)
	if err := os.MkdirAll(d.dir, 0o700); err != nil {
		return err
	}
	return os.WriteFile(d.path(digest), out, 0o600)
}
