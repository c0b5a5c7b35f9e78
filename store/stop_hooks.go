//go:build assay_stop_hooks && linux

package store

import "github.com/assay-dev/assay/internal/stophook"

// A binary built for the kill and race tests stops, when
// ASSAY_TEST_STOP_AT names the point (cmd/assay/stop_binary_linux_test.go):
//   - signoff-inserted: inside a sign-off's transaction, its row written
//     and its audit record not yet;
//   - revision-copied: inside a revision's transaction, its assessment,
//     answers and plan edits copied and none of its audit records written;
//   - audit-record-due: inside any write's transaction, as its first audit
//     record is about to be written;
//   - membership-changed: inside a team grant's or revocation's
//     transaction, a role granted or taken back and not yet recorded;
//   - write-begins: before a change to an assessment or an import begins
//     its transaction;
//   - ledger-entry-written: inside any write's transaction, a ledger
//     entry's row written and its leaves not yet;
//   - summary-rescored: inside a rescore batch's transaction, a stored
//     summary scored again and the batch not yet committed;
//
// and, at copy-hangs, assay migrate's copy hangs (stophook.Hang) once it
// has copied its first audit record, not heeding Ctrl-C: a copy that
// takes longer than assay's grace to stop.
func init() {
	signOffInserted = func() { stophook.At("signoff-inserted") }
	revisionCopied = func() { stophook.At("revision-copied") }
	auditRecordDue = func() { stophook.At("audit-record-due") }
	membershipChanged = func() { stophook.At("membership-changed") }
	writeBegins = func() { stophook.At("write-begins") }
	ledgerEntryWritten = func() { stophook.At("ledger-entry-written") }
	summaryRescored = func() { stophook.At("summary-rescored") }
	copyHook = func(at string, rows int) {
		if at == "events" && rows == 1 {
			stophook.Hang("copy-hangs")
		}
	}
}
