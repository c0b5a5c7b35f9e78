package safetext

import (
	"slices"
	"testing"
)

func TestLines(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{" \n\t\n", nil},
		{"one line", []string{"one line"}},
		{"\n\nfirst\r\nsecond  with\tspaces\n", []string{"first", "second with spaces"}},
		{"para one\n\n\n \npara two\nline two", []string{"para one", "", "para two", "line two"}},
		{"a\x1b[31mred\x1b[0m\n\x1b]52;c;eA==\x07b\u202e", []string{"ared", "b"}},
		{"lone\rcarriage", []string{"lone", "carriage"}},
	} {
		if got := Lines(c.in); !slices.Equal(got, c.want) {
			t.Errorf("Lines(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
