package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/assay-dev/assay/assess/ledger"
	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/internal/input"
)

// A person's signing key lives outside every database, in assay's config
// folder, readable by its owner only: a database file alone is then not
// enough to forge what it signs. The keys a person trusts (their own and
// colleagues' they have checked) are there too. docs/security.md says how
// to keep them.

// keyPath is $XDG_CONFIG_HOME/assay/signing-key.pem.
func (a *app) keyPath() string {
	return filepath.Join(a.xdgDir("XDG_CONFIG_HOME", ".config"), "assay", "signing-key.pem")
}

// trustedPath is $XDG_CONFIG_HOME/assay/trusted-keys.
func (a *app) trustedPath() string {
	return filepath.Join(a.xdgDir("XDG_CONFIG_HOME", ".config"), "assay", "trusted-keys")
}

// signingKey loads the person's key, creating it the first time: the
// store asks for it on its first write.
func (a *app) signingKey() (*ledger.PrivateKey, error) {
	k, err := loadKey(a.keyPath())
	if errors.Is(err, fs.ErrNotExist) {
		return createKey(a.keyPath())
	}
	return k, err
}

// loadKey reads a signing key, refusing one that others can read.
func loadKey(path string) (*ledger.PrivateKey, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		// Before the mode: chmod 600 is no cure for a folder.
		return nil, input.NotRegular(path, fi.Mode())
	}
	if fi.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("your signing key %s can be read by others (mode %04o): make it yours alone with chmod 600 %s, "+
			"and if anyone else may have copied it, see docs/security.md", path, fi.Mode().Perm(), path)
	}
	b, err := input.ReadFile(path)
	if err != nil {
		return nil, err
	}
	k, err := ledger.ParsePrivateKeyPEM(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return k, nil
}

// createKey makes a new key and stores it at path (mode 0600, its folder
// 0700) without ever replacing a key that is there: the file is written
// under a temporary name and linked into place, so two assay processes
// creating a key at once end up with one key, the first. Both happen in
// the folder held open (holdDir), so that a folder swapped for a link
// meanwhile does not take the key elsewhere.
func createKey(path string) (*ledger.PrivateKey, error) {
	k, dir, tmp, release, err := stageNewKey(path)
	if err != nil {
		return nil, fmt.Errorf("cannot create your signing key %s: %w", safetext.OneLine(path), unwritablePlace(err, keyPlaceRemedy))
	}
	defer release()
	defer os.Remove(tmp)
	if err := os.Link(tmp, filepath.Join(dir, filepath.Base(path))); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return loadKey(path) // another assay made one first
		}
		return nil, fmt.Errorf("creating your signing key: %w", err)
	}
	syncFolder(dir)
	return k, nil
}

// replaceKey makes a new key at path and keeps the one there, old, as
// retired, beside it under a name with the time and the key (the same
// file, linked before the new key is renamed over path): at every moment
// path holds one whole key, and the old key is never lost. All of it
// happens in the folder held open, as createKey's.
func replaceKey(path string, old ledger.PublicKey, now time.Time) (k *ledger.PrivateKey, retired string, err error) {
	k, dir, tmp, release, err := stageNewKey(path)
	if err != nil {
		return nil, "", fmt.Errorf("making your new signing key: %w", unwritablePlace(err, keyPlaceRemedy))
	}
	defer release()
	defer os.Remove(tmp)
	sum := sha256.Sum256(old)
	retiredName := "signing-key-retired-" + now.UTC().Format("20060102T150405Z") + "-" + hex.EncodeToString(sum[:4]) + ".pem"
	retired = filepath.Join(filepath.Dir(path), retiredName)
	current := filepath.Join(dir, filepath.Base(path))
	if err := os.Link(current, filepath.Join(dir, retiredName)); err != nil {
		return nil, "", fmt.Errorf("keeping your old signing key as %s: %w; your key is unchanged", retired, unheld(err))
	}
	if err := os.Rename(tmp, current); err != nil {
		return nil, "", fmt.Errorf("putting your new signing key in place: %w; your old key is still %s (and %s)", unheld(err), path, retired)
	}
	syncFolder(dir)
	return k, retired, nil
}

// stageNewKey generates a key and writes it, synced, to a new file beside
// path (mode 0600 from the start, the folder made 0700), in the folder
// held open (dir, its name while held): the caller puts it in place
// there, then calls release.
func stageNewKey(path string) (k *ledger.PrivateKey, dir, tmp string, release func(), err error) {
	k, err = ledger.GenerateKey()
	if err != nil {
		return nil, "", "", nil, err
	}
	pemBytes, err := k.MarshalPEM()
	if err != nil {
		return nil, "", "", nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, "", "", nil, err
	}
	dir, release, err = holdDir(path, filepath.Dir(path))
	if err != nil {
		return nil, "", "", nil, err
	}
	folderHeld(path)
	tmp, err = stageFile(dir, ".signing-key-", pemBytes)
	if err != nil {
		release()
		return nil, "", "", nil, unheld(err)
	}
	return k, dir, tmp, release, nil
}

// unheld is err without the names of files in a held folder
// (/proc/self/fd/N/...), which mean nothing to the person: the system's
// words alone.
func unheld(err error) error {
	var le *os.LinkError
	var pe *fs.PathError
	switch {
	case errors.As(err, &le):
		return le.Err
	case errors.As(err, &pe):
		return pe.Err
	}
	return err
}

// keyring is whom verify and import trust: the person's own key, if they
// have one, and the keys in their trusted-keys file.
func (a *app) keyring() (*ledger.Keyring, error) {
	ring := &ledger.Keyring{}
	own, err := loadKey(a.keyPath())
	switch {
	case err == nil:
		ring.Add(ledger.Trusted{Key: own.Public(), Name: "you", Own: true})
	case !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	others, err := a.trustedOthers()
	if err != nil {
		return nil, err
	}
	for _, t := range others.Keys() {
		ring.Add(t)
	}
	return ring, nil
}

// trustedOthers is the trusted-keys file's keys, the person's own key
// aside: none when there is no file.
func (a *app) trustedOthers() (*ledger.Keyring, error) {
	b, err := input.ReadFile(a.trustedPath())
	if errors.Is(err, fs.ErrNotExist) {
		return &ledger.Keyring{}, nil
	}
	if err != nil {
		return nil, err
	}
	return ledger.ParseTrusted(a.trustedPath(), b)
}
