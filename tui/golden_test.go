package tui_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// updating reports whether -update was given; the flag itself is
// defined by teatest's golden package, which this test binary links.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// golden compares what is on the screen with testdata/NAME.golden: the
// whole frame a person would see, which must fit the terminal.
func (f *flow) golden(name string) {
	f.t.Helper()
	got := strings.TrimRight(f.screen(), "\n") + "\n"
	path := filepath.Join("testdata", name+".golden")
	if updating() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			f.t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			f.t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		f.t.Fatalf("%v (run go test ./tui -update to create it)", err)
	}
	// The text a test waited for can be on the screen a frame before the
	// screen is whole: a form's options or a preview load a moment later,
	// and on a loaded machine the golden was compared with that frame.
	// The frame compared is the one the screen settles on: the first equal
	// to the golden, or the last drawn within screenWait (a load that
	// delays any screen delays this one as much). A flow waits so once in
	// vain at most: with every golden out of date (a layout changed), the
	// test reports them all at once instead of running out of time.
	for deadline := time.Now().Add(screenWait); got != string(want) && !f.unsettled; {
		if time.Now().After(deadline) {
			f.unsettled = true
			break
		}
		time.Sleep(10 * time.Millisecond)
		got = strings.TrimRight(f.screen(), "\n") + "\n"
	}
	if got != string(want) {
		f.t.Errorf("screen differs from %s (go test ./tui -update rewrites it)\n--- got ---\n%s--- want ---\n%s", path, got, want)
	}
	lines := strings.Split(strings.TrimRight(got, "\n"), "\n")
	if len(lines) > f.h {
		f.t.Errorf("%s: %d lines, more than the %d of the terminal", name, len(lines), f.h)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > f.w {
			f.t.Errorf("%s line %d is %d columns wide, more than %d: %q", name, i+1, w, f.w, l)
		}
	}
}
