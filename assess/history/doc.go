// Package history reads an assessment's audit trail as people read it:
// one entry per record, saying when, who and what changed, with the old
// and new value of every field the record changed. The old values come
// from replaying the trail from its first record, not from the records'
// own "old" fields: an entry says what the trail before it held. Every
// record gives an entry, a kind this package does not know included.
//
// Entries hold the recorded text as it is (JSON output escapes it);
// Lines and the table cells built from it are cleaned for a terminal.
package history
