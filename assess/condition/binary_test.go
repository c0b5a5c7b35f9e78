package condition

import (
	"reflect"
	"testing"
)

// A bound expression written with MarshalBinary reads back equal, with
// every reference bound to the same index, and evaluates alike.
func TestBinaryRoundTrip(t *testing.T) {
	env := mapEnv{names: []string{"a", "b", "c"}, values: map[string]Value{
		"a": {Kind: Text, Str: "yes"}, "c": {Kind: Set, Set: []string{"x", "y"}},
	}}
	for _, src := range []string{
		"a == 'yes'", "not answered(b) and (c contains 'y' or count(c) >= 3)", "a in ['no', 'yes'] and b != 'x'", "true",
	} {
		e, err := Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		env.bind(t, e)
		b, err := e.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var back Expr
		if err := back.UnmarshalBinary(b); err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if !reflect.DeepEqual(&back, e) {
			t.Errorf("%q: read back differs:\n got %#v\nwant %#v", src, back, *e)
		}
		if back.Eval(env) != e.Eval(env) {
			t.Errorf("%q: evaluates differently after the round trip", src)
		}
	}
}

// Damaged input is an error, never a panic or a half-bound expression.
func TestBinaryDamaged(t *testing.T) {
	e, _ := Parse("a == 'yes' and answered(b)")
	e.Bind(func(name string) (int, bool) { return map[string]int{"a": 4, "b": 7}[name], true })
	good, _ := e.MarshalBinary()
	for cut := range len(good) {
		var back Expr
		if err := back.UnmarshalBinary(good[:cut]); err == nil {
			t.Errorf("cut at %d of %d: no error", cut, len(good))
		}
	}
	var back Expr
	if err := back.UnmarshalBinary(append(good, 0)); err == nil {
		t.Error("a trailing byte: no error")
	}
}
