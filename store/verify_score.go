package store

import (
	"bufio"
	"crypto/sha256"
	"encoding/json"
	"strconv"
	"sync"

	"github.com/assay-dev/assay/assess"
)

// scoreCache scores each distinct assessment once per verify: a summary
// depends only on the questionnaire, the answers, the plan edits, the
// assessment date and the deadlines (assess.Evaluate), so assessments
// whose stored rows of those are byte for byte the same score the same.
// Portfolios built from templates, and revisions not yet changed, share
// them.
type scoreCache struct {
	mu sync.Mutex
	m  map[[sha256.Size]byte]*scored
}

// scored is one scoring's summary, and the summary and list summary as
// the save path stores them.
type scored struct {
	s             assess.Summary
	summary, list string
}

// maxScored bounds the cache; when full it starts again.
const maxScored = 4096

// score returns the summary of a, read as o, scoring it if no assessment
// with the same inputs was scored in this verify.
func (c *scoreCache) score(o *ownerRows, a *assess.Assessment) *scored {
	key := scoreKey(o)
	c.mu.Lock()
	s := c.m[key]
	c.mu.Unlock()
	if s != nil {
		return s
	}
	want := assess.Summarize(assess.Evaluate(a, a.AssessedOn))
	b, _ := json.Marshal(want)
	s = &scored{s: want, summary: string(b), list: encodeList(want)}
	c.mu.Lock()
	if c.m == nil || len(c.m) >= maxScored {
		c.m = map[[sha256.Size]byte]*scored{}
	}
	c.m[key] = s
	c.mu.Unlock()
	return s
}

// scoreKey hashes what scoring reads, as stored: each field with its
// length, so that no two different inputs run together the same way. The
// fields go to the hash through a 4 KiB buffer, a write per buffer rather
// than three per field.
func scoreKey(o *ownerRows) [sha256.Size]byte {
	r := o.a
	h := sha256.New()
	w := bufio.NewWriterSize(h, 4096)
	var digits [20]byte
	field := func(s string) {
		w.Write(strconv.AppendInt(digits[:0], int64(len(s)), 10))
		w.WriteByte(':')
		w.WriteString(s)
	}
	number := func(n int) { field(strconv.Itoa(n)) }
	field(r.row.digest)
	field(r.row.assessedOn)
	field(r.row.deadlines)
	number(len(r.answers))
	for _, a := range r.answers {
		field(a.qid)
		field(a.value)
		field(a.note)
		field(a.evidence)
		field(a.source)
		number(a.reviewed)
		field(a.updated)
		field(a.by)
	}
	number(len(r.plan))
	for _, p := range r.plan {
		field(p.key)
		field(p.edit)
	}
	w.Flush() // writes to a hash do not fail
	var k [sha256.Size]byte
	h.Sum(k[:0])
	return k
}
