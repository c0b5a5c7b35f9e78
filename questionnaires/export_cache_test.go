package questionnaires

import (
	"crypto/sha256"
	"encoding/hex"

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
