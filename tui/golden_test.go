package tui_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
)

// updating reports whether -update was given; the flag itself is
// defined by teatest's golden package, which this test binary links.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// golden compares what is on the screen with testdata/NAME.golden: the
// whole 80x24 frame a person would see.
func (f *flow) golden(name string) {
	f.t.Helper()
	got := strings.TrimRight(f.screen(), "\n") + "\n"
	path := filepath.Join("testdata", name+".golden")
	if updating() {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			f.t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		f.t.Fatalf("%v (run go test ./tui -update to create it)", err)
	}
	if got != string(want) {
		f.t.Errorf("screen differs from %s (go test ./tui -update rewrites it)\n--- got ---\n%s--- want ---\n%s", path, got, want)
	}
	lines := strings.Split(strings.TrimRight(got, "\n"), "\n")
	if len(lines) > 24 {
		f.t.Errorf("%s: %d lines, more than the 24 of the terminal", name, len(lines))
	}
	for i, l := range lines {
		if w := len([]rune(l)); w > 80 {
			f.t.Errorf("%s line %d is %d columns wide, more than 80: %q", name, i+1, w, l)
		}
	}
}
