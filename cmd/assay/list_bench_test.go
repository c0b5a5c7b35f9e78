package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/store/synth"
)

// assay list of 100,000 assessments (store/synth's large database, built
// on the first run; go test ./store/synth -run TestRemoveLarge
// -remove-large deletes it), the whole command in-process as main runs
// it: opening the database, reading the list, laying it out, and
// writing it to /dev/null through a real file, as a pipe or a terminal
// takes it (so that every write is a system call). The parsed
// questionnaires are in the cache folder, as after the first command.
// Target: under 1 s. BenchmarkList is the same on 10,000.
func BenchmarkList100k(b *testing.B) { benchmarkList(b, synth.Large) }

func BenchmarkList(b *testing.B) { benchmarkList(b, synth.Default) }

func benchmarkList(b *testing.B, c synth.Config) {
	path, err := synth.Cached(c)
	if err != nil {
		b.Fatal(err)
	}
	home := b.TempDir()
	env := map[string]string{"HOME": home, "ASSAY_DB": path, "XDG_CONFIG_HOME": filepath.Join(home, "config")}
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		b.Fatal(err)
	}
	defer devnull.Close()
	var errOut strings.Builder
	list := func() {
		if code := run(context.Background(), []string{"list", "--as-of", "2026-06-01"}, strings.NewReader(""), devnull, &errOut, func(k string) string { return env[k] }); code != 0 {
			b.Fatalf("assay list: exit %d: %s", code, errOut.String())
		}
	}
	list() // leaves the compiled questionnaires
	b.ResetTimer()
	for b.Loop() {
		list()
	}
}
