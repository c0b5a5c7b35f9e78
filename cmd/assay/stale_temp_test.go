package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/assay-dev/assay/assess/ledger"
)

// goneProcessID is the ID of a process that has ended.
func goneProcessID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skipf("cannot run true: %v", err)
	}
	return cmd.Process.Pid
}

// A file written whole (-o, the trusted keys, a new signing key) is
// written under a temporary name first, which a run killed with SIGKILL
// leaves behind: a copy of a report beside it, or, in the config folder,
// a private key that was never used. The next write into that folder
// removes those a run that is gone left, and keeps a live run's. Before,
// they stayed for good, each killed assay key new adding a private key.
func TestStaleTemporaryFilesAreRemoved(t *testing.T) {
	bin, dir, _, env := binaryWithAssessment(t)
	gone, live := strconv.Itoa(goneProcessID(t)), strconv.Itoa(os.Getpid())
	plant := func(folder string, names ...string) {
		t.Helper()
		for _, n := range names {
			if err := os.WriteFile(filepath.Join(folder, n), []byte("left by a killed run"), 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
	check := func(what, folder string, removed, kept []string) {
		t.Helper()
		names := folderNames(t, folder)
		for _, n := range removed {
			if slices.Contains(names, n) {
				t.Errorf("after %s, %s (left by a run that is gone) is still there", what, n)
			}
		}
		for _, n := range kept {
			if !slices.Contains(names, n) {
				t.Errorf("after %s, %s (a live run's) was removed", what, n)
			}
		}
	}

	out := t.TempDir()
	plant(out, ".assay-"+gone+"-12345", ".assay-"+live+"-12345")
	if r := runProc(bin, env, "report", "1", "-o", filepath.Join(out, "acme.md")); r.code != 0 {
		t.Fatalf("report: %s", r.errs)
	}
	check("report -o", out, []string{".assay-" + gone + "-12345"}, []string{".assay-" + live + "-12345"})

	config := filepath.Join(dir, "config", "assay")
	plant(config, ".assay-"+gone+"-1", ".signing-key-"+gone+"-2", ".signing-key-"+live+"-3")
	k, err := ledger.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	if r := runProc(bin, env, "key", "trust", "Rui Costa", k.Public().String()); r.code != 0 {
		t.Fatalf("key trust: %s", r.errs)
	}
	if r := runProc(bin, env, "key", "new"); r.code != 0 {
		t.Fatalf("key new: %s", r.errs)
	}
	check("key trust and key new", config, []string{".assay-" + gone + "-1", ".signing-key-" + gone + "-2"}, []string{".signing-key-" + live + "-3"})
}
