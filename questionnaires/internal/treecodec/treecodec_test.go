package treecodec

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
)

type leaf struct {
	N      int
	U      uint16
	F      float64
	S      string
	B      bool
	Ptr    *int
	hidden string
}

type bound struct {
	Value     int64
	Inclusive bool
}

type node struct {
	Name     string
	Kids     []*node
	Leaves   []leaf
	Labels   map[int]string
	Lists    map[string][]string
	Lower    *bound
	Upper    *bound
	Self     *selfWriting
	Fixed    [2]int8
	Bytes    []byte
	Nothing  []string
	Empty    []string
	NilMap   map[string]int
	EmptyMap map[string]int
}

// selfWriting writes itself, as condition.Expr does.
type selfWriting struct{ text string }

func (s *selfWriting) MarshalBinary() ([]byte, error) { return []byte(strings.ToUpper(s.text)), nil }
func (s *selfWriting) UnmarshalBinary(b []byte) error {
	s.text = strings.ToLower(string(b))
	return nil
}

func intp(i int) *int { return &i }

func sample() *node {
	return &node{
		Name: "root",
		Kids: []*node{{Name: "a", Lower: &bound{}}, nil, {Name: "b", Upper: &bound{Value: -3, Inclusive: true}, Kids: []*node{}}},
		Leaves: []leaf{
			{N: -1 << 40, U: 65535, F: math.Inf(-1), S: "ünïcode ✓", B: true, Ptr: intp(0)},
			{Ptr: nil, F: 0.1},
		},
		Labels:   map[int]string{1: "one", -2: "minus two", 0: ""},
		Lists:    map[string][]string{"x": nil, "y": {}, "z": {"1", "2"}},
		Lower:    &bound{}, // a pointer to zero: not the same as no bound
		Self:     &selfWriting{text: "written by itself"},
		Fixed:    [2]int8{-128, 127},
		Bytes:    []byte{0, 1, 2},
		Empty:    []string{},
		EmptyMap: map[string]int{},
	}
}

// What is read is what was written: nil and empty, a pointer to zero and
// no pointer, told apart; unexported fields left out.
func TestRoundTrip(t *testing.T) {
	in := sample()
	b, err := Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var out node
	if err := Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&out, in) {
		t.Fatalf("read back differs:\n got %+v\nwant %+v", out, *in)
	}
	if out.Lower == nil || out.Upper != nil || out.Leaves[0].Ptr == nil || *out.Leaves[0].Ptr != 0 || out.Leaves[1].Ptr != nil {
		t.Error("pointers to zero and nil pointers are confused")
	}
	if out.Empty == nil || out.Nothing != nil || out.EmptyMap == nil || out.NilMap != nil || out.Kids[2].Kids == nil || out.Kids[0].Kids != nil {
		t.Error("empty and nil slices or maps are confused")
	}
}

func TestUnexportedLeftOut(t *testing.T) {
	b, err := Marshal(&leaf{hidden: "secret"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "secret") {
		t.Error("an unexported field was written")
	}
}

// Input cut anywhere, or with bytes after it, is an error: never a panic,
// never a value half read taken for whole.
func TestDamagedInput(t *testing.T) {
	b, err := Marshal(sample())
	if err != nil {
		t.Fatal(err)
	}
	for cut := range len(b) {
		var out node
		if err := Unmarshal(b[:cut], &out); err == nil {
			t.Fatalf("cut at %d of %d: no error", cut, len(b))
		}
	}
	var out node
	if err := Unmarshal(append(b, 0), &out); err == nil {
		t.Error("a trailing byte: no error")
	}
	// A length far beyond the input asks for no memory.
	if err := Unmarshal([]byte{1, 0xff, 0xff, 0xff, 0xff, 0x0f}, &[]string{}); !errors.Is(err, errShort) {
		t.Errorf("huge length: got %v", err)
	}
	// A number too big for its field is refused.
	big, _ := Marshal(&struct{ N int64 }{N: 1 << 40})
	if err := Unmarshal(big, &struct{ N int8 }{}); err == nil {
		t.Error("overflow: no error")
	}
}

func TestRefusesWhatIsNotATree(t *testing.T) {
	for _, v := range []any{
		&struct{ F func() }{}, &struct{ C chan int }{}, &struct{ I any }{},
	} {
		if _, err := Marshal(v); err == nil {
			t.Errorf("%T: no error", v)
		}
	}
	if _, err := Marshal(leaf{}); err == nil {
		t.Error("a value, not a pointer: no error")
	}
}
