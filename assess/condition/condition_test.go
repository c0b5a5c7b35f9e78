package condition

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess/decimal"
)

// mapEnv is an Env over named values, with indices given by order.
type mapEnv struct {
	names  []string
	values map[string]Value
}

func (m mapEnv) Value(i int) Value { return m.values[m.names[i]] }

func (m mapEnv) bind(t *testing.T, e *Expr) {
	t.Helper()
	errs := e.Bind(func(name string) (int, bool) {
		for i, n := range m.names {
			if n == name {
				return i, true
			}
		}
		return 0, false
	})
	if len(errs) > 0 {
		t.Fatalf("bind %q: %v", e.Source, errs[0])
	}
}

func TestEval(t *testing.T) {
	env := mapEnv{
		names: []string{"uses-ai", "volume", "data", "launch", "empty", "free"},
		values: map[string]Value{
			"uses-ai": {Kind: Text, Str: "yes"},
			"volume":  {Kind: Number, Num: decimal.FromInt(250000)},
			"data":    {Kind: Set, Set: []string{"health", "location"}},
			"launch":  {Kind: Text, Str: "2026-03-01"},
			"free":    {Kind: Text, Str: "it's fine"},
		},
	}
	cases := []struct {
		src  string
		want bool
	}{
		{"uses-ai == 'yes'", true},
		{`uses-ai == "no"`, false},
		{"uses-ai != 'no'", true},
		{"empty != 'no'", false}, // no value: every comparison is false
		{"not (empty == 'no')", true},
		{"answered(empty)", false},
		{"answered(uses-ai)", true},
		{"volume >= 100000", true},
		{"volume > 250000", false},
		{"volume <= 250000 and volume < 250000.5", true},
		{"data contains 'health'", true},
		{"data contains 'biometric'", false},
		{"count(data) >= 2", true},
		{"count(data) == 3", false},
		{"count(empty) == 0", false},
		{"uses-ai in ['maybe', 'yes']", true},
		{"uses-ai in ['no']", false},
		{"launch < '2026-06-01'", true},
		{"free == 'it\\'s fine'", true},
		{"uses-ai == 'no' or data contains 'location'", true},
		{"uses-ai == 'yes' and not data contains 'health'", false},
		{"true and (false or volume == 250000)", true},
		{"volume == 'yes'", false}, // a number never equals text
	}
	for _, c := range cases {
		e, err := Parse(c.src)
		if err != nil {
			t.Fatalf("Parse(%q): %v", c.src, err)
		}
		env.bind(t, e)
		if got := e.Eval(env); got != c.want {
			t.Errorf("%s = %v, want %v", c.src, got, c.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct {
		src, wantMsg string
		wantPos      int
	}{
		{"a = 'x'", "use == or !=", 2},
		{"a == yes", "quote option values", 5},
		{"a == 'x", "not closed", 5},
		{"(a == 'x'", `expected ")"`, 9},
		{"a == 'x' b", "after the end", 9},
		{"and == 'x'", "expected a question id", 0},
		{"a contains 3", "quoted option value", 11},
		{"a in ['x' 'y']", `expected "," or "]"`, 10},
		{"a $ 1", "unexpected character", 2},
		{"count(a) contains 'x'", "expected ==", 9},
		{strings.Repeat("(", 100) + "a == 1" + strings.Repeat(")", 100), "nested too deeply", 65},
	}
	for _, c := range cases {
		_, err := Parse(c.src)
		if err == nil {
			t.Errorf("Parse(%q) accepted a bad condition", c.src)
			continue
		}
		ce, ok := err.(*Error)
		if !ok || !strings.Contains(ce.Msg, c.wantMsg) || ce.Pos != c.wantPos {
			t.Errorf("Parse(%q) = %v, want %q at %d", c.src, err, c.wantMsg, c.wantPos+1)
		}
	}
}

func TestBindReportsUnknownNames(t *testing.T) {
	e, err := Parse("a == 'x' and zz == 'y' or answered(qq)")
	if err != nil {
		t.Fatal(err)
	}
	errs := e.Bind(func(n string) (int, bool) { return 0, n == "a" })
	if len(errs) != 2 || !strings.Contains(errs[0].Msg, "zz") || !strings.Contains(errs[1].Msg, "qq") {
		t.Fatalf("Bind errors = %v", errs)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"a == 'x'", "count(a) >= 2 and not b contains 'y'", "(a in ['1', 2]) or answered(c)",
		"x != -3.5", "((((a))))", "'", "a in [", "not not not true",
	} {
		f.Add(s)
	}
	env := mapEnv{names: []string{"a"}, values: map[string]Value{"a": {Kind: Set, Set: []string{"x"}}}}
	f.Fuzz(func(t *testing.T, src string) {
		e, err := Parse(src)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("Parse(%q) returned %T, want *Error", src, err)
			}
			return
		}
		e.Bind(func(string) (int, bool) { return 0, true })
		_ = e.Eval(env)
		_ = e.Comparisons()
	})
}
