package store

import (
	"context"

	"github.com/assay-dev/assay/assess/history"
	"github.com/assay-dev/assay/assess/ledger"
)

// AuditHistory verifies assessment id's trail as Verify(ctx, id) does and
// reads it as entries (assess/history) marked verified up to where verify
// vouches for them: assay history and the workspace's trail screen, on
// SQLite and PostgreSQL alike. Verify runs first, so that a record
// written after it is not shown as vouched for. Answers read as the
// labels of the options chosen, from the questionnaire version the
// assessment pinned.
func (db *DB) AuditHistory(ctx context.Context, id int64) (history.Verdict, []history.Entry, error) {
	res, err := db.VerifyWith(ctx, VerifyOptions{ID: id})
	if err != nil {
		return history.Verdict{}, nil, err
	}
	a, err := db.Assessment(ctx, id)
	if err != nil {
		return history.Verdict{}, nil, err
	}
	events, err := db.Events(ctx, id)
	if err != nil {
		return history.Verdict{}, nil, err
	}
	records := make([]ledger.Record, len(events))
	for i, e := range events {
		records[i] = e.Event
	}
	v := verdictOf(res, id)
	entries := history.Read(records, a.Questionnaire)
	v.Mark(entries)
	return v, entries, nil
}

// verdictOf is what verify's result says of assessment id's records: up
// to the break when it is a record of this trail, none when what broke
// is not one record (a ledger entry, an untrusted key, the schema).
func verdictOf(res VerifyResult, id int64) history.Verdict {
	b := res.Broken
	switch {
	case b == nil:
		return history.Verdict{Intact: true, From: int64(res.Records) + 1}
	case b.Chain == "assessment" && b.OwnerID == id && b.Seq > 0:
		return history.Verdict{From: b.Seq, Why: b.Error()}
	}
	v := history.Verdict{From: 1, Why: b.Error(), Unchecked: b.ProtectionsChanged(), Untrusted: b.Untrusted}
	if b.Untrusted {
		v.Signer, v.Entry = b.Signer, b.OwnerID
	}
	return v
}
