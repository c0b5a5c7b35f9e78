package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// -o never replaces assay's own files in the config folder: the signing
// key (a report written over it lost the key, and every later change
// failed "not a signing key"), the trusted keys, a retired key and the
// settings file, whether they exist yet or not, and through a link. Nor
// does a backup: one written as trusted-keys left a database where assay
// reads the keys it trusts.
func TestOutputNeverReplacesTheKeysOrTheSettings(t *testing.T) {
	s := newCLISession(t)
	s.ok("new", "-q", "vendor-security-screen", "-s", "Acme", "--date", "2026-03-01")
	s.ok("answer", "1", "-f", writeFile(t, t.TempDir(), "answers.yaml", "answers:\n  mfa: no\n"))
	cfgDir := filepath.Join(s.env["XDG_CONFIG_HOME"], "assay")
	key := filepath.Join(cfgDir, "signing-key.pem")
	keyBytes, err := os.ReadFile(key)
	if err != nil {
		t.Fatal(err)
	}
	settings := filepath.Join(cfgDir, "config.yaml")
	if err := os.WriteFile(settings, []byte("reviewer: Test Reviewer\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	retired := filepath.Join(cfgDir, "signing-key-retired-20260101T000000Z-abcd1234.pem")
	if err := os.WriteFile(retired, keyBytes, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "report.md")
	if err := os.Symlink(key, link); err != nil {
		t.Fatal(err)
	}
	trusted := filepath.Join(cfgDir, "trusted-keys") // not there yet
	for _, target := range []string{key, link, trusted, retired, settings} {
		for _, args := range [][]string{
			{"report", "1", "-o", target},
			{"report", "1", "--format", "csv", "-o", target},
			{"plan", "1", "-o", target},
			{"export", "1", "-o", target},
			{"send", "1", "-o", target},
			{"backup", target},
			{"backup", "--overwrite", target},
		} {
			code, _, errOut := s.run("", args...)
			if code == 0 || !strings.Contains(errOut, "nothing was written") {
				t.Errorf("assay %s: exit %d, stderr %q; want a refusal", strings.Join(args, " "), code, errOut)
			}
		}
	}
	if b, err := os.ReadFile(key); err != nil || !bytes.Equal(b, keyBytes) {
		t.Fatalf("the signing key was replaced (%v)", err)
	}
	if _, err := os.Stat(trusted); err == nil {
		t.Errorf("a report was written as the trusted keys")
	}
	if b, _ := os.ReadFile(settings); string(b) != "reviewer: Test Reviewer\n" {
		t.Errorf("the settings file was replaced: %.60q", b)
	}
	s.ok("plan", "1", "--item", "mfa", "--owner", "IT Ops") // the key still signs
}
