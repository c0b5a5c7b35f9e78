package condition

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// MarshalBinary writes a bound expression as its source and the question
// index each reference is bound to, in source order, so that a compiled
// questionnaire (questionnaires' cache) keeps its conditions without
// binding them again by name.
func (e *Expr) MarshalBinary() ([]byte, error) {
	refs := e.Comparisons()
	b := binary.AppendUvarint(nil, uint64(len(e.Source)))
	b = append(b, e.Source...)
	b = binary.AppendUvarint(b, uint64(len(refs)))
	for _, c := range refs {
		b = binary.AppendVarint(b, int64(c.Ref.Index))
	}
	return b, nil
}

// UnmarshalBinary reads what MarshalBinary wrote: it parses the source
// again (parsing is deterministic, so the references come in the same
// order) and binds each reference to its recorded index.
func (e *Expr) UnmarshalBinary(b []byte) error {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)-k) {
		return errors.New("condition: truncated source")
	}
	src := string(b[k : k+int(n)])
	b = b[k+int(n):]
	parsed, err := Parse(src)
	if err != nil {
		return err
	}
	refs := parsed.Comparisons()
	count, k := binary.Uvarint(b)
	if k <= 0 || count != uint64(len(refs)) {
		return fmt.Errorf("condition %q: %d references recorded, %d in the source", src, count, len(refs))
	}
	b = b[k:]
	for _, c := range refs {
		i, k := binary.Varint(b)
		if k <= 0 {
			return errors.New("condition: truncated references")
		}
		c.Ref.Index = int(i)
		b = b[k:]
	}
	if len(b) != 0 {
		return errors.New("condition: trailing bytes")
	}
	*e = *parsed
	return nil
}
