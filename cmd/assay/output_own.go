package main

import (
	"os"
	"path/filepath"
	"strings"
)

// ownFile says which of assay's own files in the config folder path is,
// or "" for none: the signing key, a key assay key new retired, the
// trusted keys and the settings file. A report written over the key lost
// it, and with it the power to sign; over the others, the trust or the
// settings they hold. They count by name in their folder (a file not
// made yet is still theirs) and as the same file through any link.
func (a *app) ownFile(path string) string {
	keyDir := filepath.Dir(a.keyPath())
	own := []struct{ file, what string }{
		{a.keyPath(), "your signing key"},
		{a.trustedPath(), "the keys you trust"},
		{a.configPath(), "the settings file"},
	}
	fi, statErr := os.Stat(path)
	dir, dirErr := os.Stat(filepath.Dir(path))
	for _, o := range own {
		if other, err := os.Stat(o.file); statErr == nil && err == nil && os.SameFile(fi, other) {
			return o.what
		}
		oDir, err := os.Stat(filepath.Dir(o.file))
		if dirErr == nil && err == nil && os.SameFile(dir, oDir) && filepath.Base(path) == filepath.Base(o.file) {
			return o.what
		}
	}
	if dirErr == nil {
		if kd, err := os.Stat(keyDir); err == nil && os.SameFile(dir, kd) && strings.HasPrefix(filepath.Base(path), "signing-key-retired-") {
			return "a signing key you retired"
		}
	}
	return ""
}
