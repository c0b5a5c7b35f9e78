package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
	"github.com/assay-dev/assay/assess/safetext"
)

// Against is what CheckPin found: the assessment a copy pinned, and how
// far its chain and the ledger have grown since.
type Against struct {
	ID      int64  // the assessment, in this database
	Records int64  // its chain's length now
	Entries int64  // the ledger's length now
	Signer  string // the name the ledger registers the pinned entry's key under
}

// CheckPin proves that this database still holds the history a copy (a
// report, an OSCAL file, an export) pinned: the assessment's audit record
// at the pinned position has the pinned hash, and the pinned ledger entry
// is there with the pinned hash and signature, committing to that record.
// Run after a Verify that found nothing broken (chains and ledger intact,
// each record and entry linked to the one before), this means the
// database holds exactly that history and only appended to it.
func (db *DB) CheckPin(ctx context.Context, p ledger.Pin) (Against, error) {
	var out Against
	err := db.view(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT id, event_count FROM assessments WHERE uuid = ?`, p.Assessment).Scan(&out.ID, &out.Records)
		if isNoRows(err) {
			return fmt.Errorf("the assessment it pins, %s, is not in this database: it was deleted, or the copy comes from another database", p.Assessment)
		}
		if err != nil {
			return err
		}
		var hash string
		err = tx.QueryRowContext(ctx, `SELECT hash FROM events WHERE assessment_id = ? AND seq = ?`, out.ID, p.Records).Scan(&hash)
		if isNoRows(err) {
			return fmt.Errorf("assessment %d has %s, fewer than the %d it pins: its history was cut back", out.ID, assess.Count(int(out.Records), "audit record", "audit records"), p.Records)
		}
		if err != nil {
			return err
		}
		if hash != p.Head {
			return fmt.Errorf("assessment %d's audit record %d is not the one it pins (%s, now %s): its history was rewritten", out.ID, p.Records, short(p.Head), short(hash))
		}
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM ledger`).Scan(&out.Entries); err != nil {
			return err
		}
		if p.Entry == 0 {
			return nil
		}
		var e ledger.Entry
		err = tx.QueryRowContext(ctx, `SELECT hash, key_id, signature FROM ledger WHERE seq = ?`, p.Entry).Scan(&e.Hash, &e.KeyID, &e.Signature)
		if err != nil && !isNoRows(err) {
			return err
		}
		missing := isNoRows(err)
		if missing || e.Hash != p.EntryHash || e.KeyID != p.KeyID || e.Signature != p.Signature {
			if from, whole, err := arrivedWhole(ctx, tx, p); err != nil {
				return err
			} else if whole {
				return fmt.Errorf("assessment %d's audit records 1 to %d are here as it pins them, but they came into this database together "+
					"(ledger entry %d: imported, or copied from another database), and the ledger entry it pins, %d, is the one of the database "+
					"the copy was made from: check it there with assay verify --against", out.ID, p.Records, from, p.Entry)
			}
		}
		if missing {
			return fmt.Errorf("the ledger has %d entries, fewer than the %d it pins: the ledger was cut back", out.Entries, p.Entry)
		}
		if e.Hash != p.EntryHash || e.KeyID != p.KeyID || e.Signature != p.Signature {
			return fmt.Errorf("ledger entry %d is not the one it pins (signed by key %s, hash %s; now key %s, hash %s): the ledger was rewritten",
				p.Entry, p.KeyID, short(p.EntryHash), e.KeyID, short(e.Hash))
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM ledger_leaves WHERE seq = ? AND uuid = ? AND records = ? AND head = ?`,
			p.Entry, p.Assessment, p.Records, p.Head).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("ledger entry %d does not commit to assessment %d's record %d, as the copy says it does: the copy was altered", p.Entry, out.ID, p.Records)
		}
		// The signer's name in a copy is not signed: the ledger's
		// registration of the key says whose it is.
		if _, out.Signer, err = registeredKey(ctx, tx, e.KeyID); err != nil {
			return err
		}
		if p.Signer != "" && signerKey(p.Signer) != signerKey(out.Signer) {
			return fmt.Errorf("the copy names %q as the signer of ledger entry %d, but this database registers its key %s under %q: the copy was altered",
				p.Signer, p.Entry, e.KeyID, out.Signer)
		}
		return nil
	})
	return out, err
}

// arrivedWhole reports whether this database's ledger first signed the
// pinned assessment with the pinned record already in its chain: its
// history up to there came in at once (assay import, or a copy), so a
// copy made before then pins the other database's ledger, whose entries
// this one does not hold. A history written here starts with its first
// record, and a cut-back ledger is then told apart from another
// database's.
func arrivedWhole(ctx context.Context, tx *sql.Tx, p ledger.Pin) (entry int64, whole bool, err error) {
	var records int64
	err = tx.QueryRowContext(ctx, `SELECT seq, records FROM ledger_leaves WHERE uuid = ? ORDER BY seq, idx LIMIT 1`, p.Assessment).Scan(&entry, &records)
	if isNoRows(err) {
		return 0, false, nil
	}
	return entry, err == nil && records >= p.Records && records > 1, err
}

// signerKey is a signer's name as every copy can carry it back: as the
// report shows it (safetext.OneLine), without the backslashes Markdown
// escapes with and HTML does not, and with runs of spaces folded.
func signerKey(name string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(safetext.OneLine(name), `\`, "")), " ")
}
