package main

import (
	"context"

	"github.com/assay-dev/assay/assess/history"
	"github.com/assay-dev/assay/assess/ledger"
	"github.com/assay-dev/assay/questionnaires"
	"github.com/assay-dev/assay/store"
)

// readHistory verifies assessment id's trail as assay verify ID does and
// reads it as entries marked verified up to where verify vouches for
// them: the command line's history and the workspace's trail screen.
// Verify runs first: a record written after it is not vouched for.
func readHistory(ctx context.Context, db *store.DB, id int64) (history.Verdict, []history.Entry, error) {
	// Snapshots are decoded from their YAML, as assay verify does.
	db.SetVerifyDecoder(questionnaires.Decode)
	res, err := db.VerifyWith(ctx, store.VerifyOptions{ID: id})
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
	entries := history.Read(records)
	v.Mark(entries)
	return v, entries, nil
}

// verdictOf is what verify's result says of assessment id's records: up
// to the break when it is a record of this trail, none when what broke
// is not one record (a ledger entry, an untrusted key, the schema).
func verdictOf(res store.VerifyResult, id int64) history.Verdict {
	b := res.Broken
	switch {
	case b == nil:
		return history.Verdict{Intact: true, From: int64(res.Records) + 1}
	case b.Chain == "assessment" && b.OwnerID == id && b.Seq > 0:
		return history.Verdict{From: b.Seq, Why: b.Error()}
	}
	return history.Verdict{From: 1, Why: b.Error()}
}
