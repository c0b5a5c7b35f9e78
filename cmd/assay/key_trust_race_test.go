package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess/ledger"
)

// Eight assay key trust at once, each of a different colleague's key,
// keep all eight: each reads the trusted-keys file and writes it back
// with its key added, so they take turns under the key folder's lock.
// Before, each said "Trusted …" while the ones that read the file at the
// same moment replaced each other's line, and what those colleagues
// signed no longer verified.
func TestKeyTrustEightAtOnceKeepEveryKey(t *testing.T) {
	bin := assayBinary(t)
	dir := t.TempDir()
	env := procEnv(dir, filepath.Join(dir, "assay.db"))
	keys := make([]string, 8)
	for i := range keys {
		k, err := ledger.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		keys[i] = k.Public().String()
	}
	results := make(chan procResult, len(keys))
	for i, k := range keys {
		go func() { results <- runProc(bin, env, "key", "trust", "Colleague "+strconv.Itoa(i), k) }()
	}
	for range keys {
		if r := <-results; r.code != 0 {
			t.Errorf("assay key trust, eight at once: exit %d: %s", r.code, r.errs)
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, "config", "assay", "trusted-keys"))
	if err != nil {
		t.Fatal(err)
	}
	for i, k := range keys {
		if n := strings.Count(string(b), k+" Colleague "+strconv.Itoa(i)+"\n"); n != 1 {
			t.Errorf("Colleague %d's key is in trusted-keys %d times after eight trusted at once; want once:\n%s", i, n, b)
		}
	}
	// The same key trusted by four at once is written once: the others
	// find it trusted already.
	k, err := ledger.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	same := make(chan procResult, 4)
	for range 4 {
		go func() { same <- runProc(bin, env, "key", "trust", "Rui Costa", k.Public().String()) }()
	}
	trusted := 0
	for range 4 {
		r := <-same
		switch {
		case r.code == 0:
			trusted++
		case !strings.Contains(r.errs, "already trusted"):
			t.Errorf("assay key trust of one key, four at once: exit %d: %s", r.code, r.errs)
		}
	}
	b, _ = os.ReadFile(filepath.Join(dir, "config", "assay", "trusted-keys"))
	if n := strings.Count(string(b), k.Public().String()); trusted != 1 || n != 1 {
		t.Errorf("one key trusted by four at once: %d said so, it is in trusted-keys %d times; want 1 and 1", trusted, n)
	}
}
