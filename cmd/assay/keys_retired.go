package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/assay-dev/assay/assess/export"
	"github.com/assay-dev/assay/assess/history"
	"github.com/assay-dev/assay/assess/ledger"
	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/store"
)

// retiredKey finds, among the keys assay key new kept beside the signing
// key, the one with this fingerprint: its file and when it was retired.
func (a *app) retiredKey(id string) (file string, on time.Time, ok bool) {
	dir := filepath.Dir(a.keyPath())
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", time.Time{}, false
	}
	for _, e := range entries {
		name := e.Name()
		stamp, isRetired := strings.CutPrefix(name, "signing-key-retired-")
		if !isRetired || !strings.HasSuffix(name, ".pem") || len(stamp) < 16 {
			continue
		}
		k, err := loadKey(filepath.Join(dir, name))
		if err != nil || k.Public().ID() != id {
			continue
		}
		on, _ = time.Parse("20060102T150405Z", stamp[:16])
		return filepath.Join(dir, name), on, true
	}
	return "", time.Time{}, false
}

// ownRetiredSigner words a file signed with the reader's own retired,
// untrusted key as theirs (see untrustedOwnKey); any other error is left
// as it is.
func (a *app) ownRetiredSigner(err error) error {
	var uk *export.UntrustedKeyError
	if !errors.As(err, &uk) {
		return err
	}
	file, on, ok := a.retiredKey(uk.Key.ID())
	if !ok {
		return err
	}
	return fmt.Errorf("%s: the file is signed with key %s, your own key, retired on %s (kept as %s) and not in your trusted keys, "+
		"as assay key new --compromised leaves it: it does not prove the file. Import a copy made before the key may have been copied",
		uk.Field, uk.Key.ID(), on.UTC().Format("2006-01-02 15:04 UTC"), file)
}

// untrustedOwnKey words an entry signed by a key the verifier does not
// trust when that key is their own, retired: the usual advice (check the
// fingerprint with the colleague, then trust it) would invite them to
// trust again a key they retired because it may have been copied.
func (a *app) untrustedOwnKey(b *store.Break) (string, bool) {
	return a.ownRetiredKeyWords(b.OwnerID, b.Signer)
}

// ownRetiredKeyWords is untrustedOwnKey of ledger entry, signed by signer.
func (a *app) ownRetiredKeyWords(entry int64, signer *ledger.Signer) (string, bool) {
	if signer == nil {
		return "", false
	}
	file, on, ok := a.retiredKey(signer.KeyID)
	if !ok {
		return "", false
	}
	return fmt.Sprintf("ledger entry %d: the entry is signed by %q with key %s, your own key, retired on %s (kept as %s) and not in your trusted keys, "+
		"as assay key new --compromised leaves it: nothing it signed verifies, your own changes before the replacement included. "+
		"Check what it signed against a copy made before the key may have been copied: assay verify --against COPY",
		entry, safetext.OneLine(signer.Name), signer.KeyID, on.UTC().Format("2006-01-02 15:04 UTC"), file), true
}

// auditHistory is store.AuditHistory for assay history and the
// workspace's trail, with a trail signed by the reader's own retired key
// worded as assay verify words it. It said "a key you do not trust. If
// it is a colleague's, check that fingerprint with them, then run: assay
// key trust ...": advice to trust again the key they had retired because
// it may have been copied.
func (a *app) auditHistory(db *store.DB) func(ctx context.Context, id int64) (history.Verdict, []history.Entry, error) {
	return func(ctx context.Context, id int64) (history.Verdict, []history.Entry, error) {
		v, entries, err := db.AuditHistory(ctx, id)
		if err == nil && v.Untrusted {
			if own, ok := a.ownRetiredKeyWords(v.Entry, v.Signer); ok {
				v.Why = own
			}
		}
		return v, entries, err
	}
}
