package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/allocs"
)

// hostileSettings are settings files shaped to cost parsing more than
// their size, n their size in repeats.
var hostileSettings = []struct {
	name string
	file func(n int) string
}{
	{"many questionnaires", func(n int) string {
		var b strings.Builder
		b.WriteString("questionnaires:\n")
		for i := range n {
			fmt.Fprintf(&b, "  q%d:\n    deadlines: {critical: 10}\n", i)
		}
		return b.String()
	}},
	{"many deadlines", func(n int) string {
		var b strings.Builder
		b.WriteString("deadlines:\n")
		for i := range n {
			fmt.Fprintf(&b, "  s%d: 10\n", i)
		}
		return b.String()
	}},
	{"a long reviewer", func(n int) string { return "reviewer: " + strings.Repeat("x", 32*n) + "\n" }},
	{"a long unknown key", func(n int) string { return strings.Repeat("k", 32*n) + ": 1\n" }},
	{"nested lists", func(n int) string { return "reviewer: " + strings.Repeat("[", n) + "\n" }},
	{"aliases of aliases", func(n int) string {
		var b strings.Builder
		b.WriteString("a0: &a0 [x, x]\n")
		for i := 1; i < n; i++ {
			fmt.Fprintf(&b, "a%d: &a%d [*a%d, *a%d]\n", i, i, i-1, i-1)
		}
		return b.String()
	}},
	{"many aliases", func(n int) string { return "a: &a x\nb: [" + strings.Repeat("*a, ", n) + "*a]\n" }},
	{"a long flow list", func(n int) string { return "cadence: [" + strings.Repeat("1, ", n) + "1]\n" }},
}

// A settings file shaped to cost parsing more than its size (many keys,
// long text, deep nesting, aliases of aliases, long lists) is read or
// refused with work in proportion to it: four times the file makes at
// most about four times the allocations, and allocates less than eight
// times the bytes (work that grows with the square of the file allocates
// sixteen; the slack is for the few large buffers of a long value, whose
// doubling lands one side or the other of a size from run to run).
// Counted, never timed.
func TestReadingAHostileSettingsFileTakesWorkInProportionToIt(t *testing.T) {
	for _, shape := range hostileSettings {
		n := 16
		for len(shape.file(n)) < 16<<10 {
			n += n / 8
		}
		small, large := []byte(shape.file(n)), []byte(shape.file(4*n))
		read := func(src []byte) func() { return func() { _, _ = parseConfig("config.yaml", src) } }
		as, al := testing.AllocsPerRun(1, read(small)), testing.AllocsPerRun(1, read(large))
		bs, bl := allocs.Least(read(small)), allocs.Least(read(large))
		_, err := parseConfig("config.yaml", large)
		t.Logf("%s: %d bytes: %.0f allocations, %d bytes; %d bytes: %.0f, %d; says %.200v", shape.name, len(small), as, bs, len(large), al, bl, err)
		if ratio := al / as; ratio > 5 {
			t.Errorf("%s: %.0f allocations for %d bytes, %.0f for %d (%.1f times)", shape.name, as, len(small), al, len(large), ratio)
		}
		if ratio := float64(bl) / float64(bs); ratio >= 8 {
			t.Errorf("%s: %d bytes allocated for %d bytes, %d for %d (%.1f times)", shape.name, bs, len(small), bl, len(large), ratio)
		}
	}
}

// A settings file refused for its size says what is wrong with it, in
// words that fit a line: one with more values than a settings file holds
// and no alias is not told its aliases expand too far, and a key 66,000
// letters long is not printed back whole.
func TestHostileSettingsRefusalsSayWhatIsWrong(t *testing.T) {
	for _, c := range []struct {
		name, file string
		want       []string
		not        string
	}{
		{"many keys, no alias", hostileSettings[1].file(12_000), []string{"config.yaml:1001:3: ", "too many keys", "one mapping of about 1000 keys is the most"}, "alias"},
		{"a long flow list, no alias", hostileSettings[7].file(12_000), []string{"config.yaml: ", "holds more than 10000 values", "a settings file holds a few dozen"}, "alias"},
		{"aliases of aliases", hostileSettings[5].file(40), []string{"config.yaml: ", "its aliases expand to more than 10000 values"}, ""},
		{"a long unknown key", strings.Repeat("k", 66_000) + ": 1\n", []string{"config.yaml:1:1: ", `unknown field "kkkk`, `…"`}, ""},
	} {
		_, err := parseConfig("config.yaml", []byte(c.file))
		if err == nil {
			t.Errorf("%s: read without a word", c.name)
			continue
		}
		said := err.Error()
		for _, w := range c.want {
			if !strings.Contains(said, w) {
				t.Errorf("%s: says %.300q; want %q in it", c.name, said, w)
			}
		}
		if c.not != "" && strings.Contains(said, c.not) {
			t.Errorf("%s: says %.300q; it has no %s", c.name, said, c.not)
		}
		if len(said) > 300 {
			t.Errorf("%s: says %d bytes (%.100q…); a refusal fits in a few lines", c.name, len(said), said)
		}
	}
}
