package export

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/allocs"
)

// hostileJSON is an assessment file made to cost the import's checks
// work that grows faster than its size, n its size in repeats.
type hostileJSON struct {
	name string
	file func(n int) string
}

// longKey is a key of the form assay writes (keyForm), as long as it may
// be: the longer each key, the longer the path of a value below many.
var longKey = `"k` + strings.Repeat("x", 63) + `"`

var hostileJSONShapes = []hostileJSON{
	{"objects nested under long keys", func(n int) string {
		return strings.Repeat("{"+longKey+":", n) + "1" + strings.Repeat("}", n)
	}},
	{"nested arrays", func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }},
	{"a long array deep below long keys", func(n int) string {
		const depth = 500
		return strings.Repeat("{"+longKey+":", depth) + "[" + strings.Repeat("1,", n) + "1]" + strings.Repeat("}", depth)
	}},
	{"many keys in one object", func(n int) string {
		var b strings.Builder
		b.WriteString("{")
		for i := range n {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(`"k` + strings.Repeat("x", 40) + itoa(i) + `":1`)
		}
		return b.String() + "}"
	}},
	{"a long string", func(n int) string { return `{"format":"` + strings.Repeat("x", 64*n) + `"}` }},
}

func itoa(i int) string {
	var b [20]byte
	n := len(b)
	for {
		n--
		b[n] = byte('0' + i%10)
		if i /= 10; i == 0 {
			return string(b[n:])
		}
	}
}

// perByteRead bounds the bytes reading a file allocates for each of its
// bytes. A long array of one-digit numbers costs the most: about 95 (the
// token, its interface, the decoded value, the walk for a typed fault).
const perByteRead = 128

// Reading an assessment file shaped to cost the checks before decoding
// more than its size (deep nesting under long keys, a long array below
// them, many keys, a long string) takes work in proportion to the file:
// four times the file allocates at most about four times the bytes, and
// makes about four times the allocations, and no byte of the file costs
// more than perByteRead bytes allocated (decoding a value allocates a few
// times its size, for its token, the value and the document walked for a
// typed fault). Counted, never timed.
func TestReadingAHostileAssessmentFileTakesWorkInProportionToIt(t *testing.T) {
	for _, shape := range hostileJSONShapes {
		n := 64
		for len(shape.file(n)) < 64<<10 {
			n += n / 8
		}
		small, large := []byte(shape.file(n)), []byte(shape.file(4*n))
		read := func(b []byte) func() { return func() { _, _ = Unmarshal("hostile.json", b) } }
		bs, bl := allocs.Least(read(small)), allocs.Least(read(large))
		as, al := testing.AllocsPerRun(1, read(small)), testing.AllocsPerRun(1, read(large))
		t.Logf("%s: %d bytes read allocate %d bytes in %.0f allocations; %d bytes, %d in %.0f", shape.name, len(small), bs, as, len(large), bl, al)
		if ratio := float64(bl) / float64(bs); ratio > 5 {
			t.Errorf("%s: %d bytes read allocate %d bytes, %d bytes read allocate %d (%.1f times): the checks' work grows faster than the file",
				shape.name, len(small), bs, len(large), bl, ratio)
		}
		if per := float64(bl) / float64(len(large)); per > perByteRead {
			t.Errorf("%s: %d bytes read allocate %d bytes, %.0f for each byte read; want at most %d", shape.name, len(large), bl, per, perByteRead)
		}
		if ratio := al / as; ratio > 5 {
			t.Errorf("%s: %.0f allocations for %d bytes, %.0f for %d (%.1f times): the checks' work grows faster than the file",
				shape.name, as, len(small), al, len(large), ratio)
		}
	}
}
