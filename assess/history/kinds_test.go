package history

import (
	"testing"

	"github.com/assay-dev/assay/assess/ledger"
)

// Every kind of record the store writes reads as its own words: a
// revision's copies as copies, not as changes made in it; an import with
// the file it came from; a sending; an archive and a restore; a rename
// against the name the trail held; an acceptance of unconfirmed vendor
// answers with the questions it names (which --question finds); an
// explanation a revision carried with who wrote it, and where.
func TestReadEveryKind(t *testing.T) {
	at := "2026-04-01T10:00:00Z"
	recs := []ledger.Record{
		record(1, at, "Ana", "revise", "assessment", nil, map[string]any{"subject": "Acme", "questionnaire": "q 1.0.0", "status": "draft",
			"revision": 2, "revision_of": 7, "answers_copied": 1, "plan_edits_copied": 0, "reviewer": "Ana"}),
		record(2, at, "Ana", "answer", "mfa", nil, answer("no", "")),
		record(3, at, "Ana", "answer", "mfa", answer("no", ""), answer("yes", "")),
		record(4, at, "Ana", ledger.SendingKind, "vendor-file", nil, map[string]string{"sent": "2026-04-01T10:00:00Z"}),
		record(5, at, "Ana", "import", "assessment", nil, map[string]any{"exported_by": "Vic Vendor", "exported_at": "2026-03-30T08:00:00Z", "file_digest": "abc", "signed_by": "Vic Vendor"}),
		record(6, at, "Ana", "archive", "assessment", false, true),
		record(7, at, "Ana", "archive", "assessment", true, false),
		record(8, at, "Ana", "subject", "assessment", map[string]string{"name": "Wrong", "kind": "vendor"}, map[string]string{"name": "Acme Ltd", "kind": "vendor"}),
		record(9, at, "Ana", "accept", "unconfirmed-vendor-answers", nil, map[string]any{"action": "approve", "count": 2, "questions": []string{"mfa", "logging"}}),
		record(10, at, "Ana", "explain", "compared-none", nil, map[string]any{
			"answers": []map[string]string{{"question": "bias", "answer": "Yes"}, {"question": "groups", "answer": "None"}},
			"text":    "Named in the annex.",
			"carried": map[string]any{"assessment": 7, "audit_seq": 12, "by": "Rui", "at": "2026-03-02T09:00:00Z"}}),
	}
	want := []string{
		"revision 2 started from assessment 7|subject: Acme|questionnaire: q 1.0.0|reviewer: Ana|status: draft|answers copied: 1|plan edits copied: 0",
		"answer copied from the revised assessment: mfa|answer: no",
		"answer changed: mfa|answer: no -> yes",
		"questionnaire file sent to the vendor|sent at: 2026-04-01T10:00:00Z",
		"imported from an export file|exported by: Vic Vendor|exported at: 2026-03-30T08:00:00Z|export signed by: Vic Vendor|file SHA-256: abc",
		"archived",
		"restored from the archive",
		// The trail held Acme (the revise record), not the record's "Wrong".
		"subject renamed|subject: Acme -> Acme Ltd",
		"unconfirmed vendor answers accepted to approve|questions: mfa, logging",
		// Ana started the revision; Rui wrote the words, in assessment 7.
		`explanation carried from assessment 7|check: compared-none|answers: bias "Yes", groups "None"|explanation: Named in the annex.|written by: Rui, 2026-03-02T09:00:00Z (record 12 of assessment 7)`,
	}
	entries := Read(recs, nil)
	if len(entries) != len(want) {
		t.Fatalf("%d entries for %d records", len(entries), len(recs))
	}
	for i, e := range entries {
		got := ""
		for j, l := range e.Lines("->") {
			if j > 0 {
				got += "|"
			}
			got += l
		}
		if got != want[i] {
			t.Errorf("record %d:\n got %s\nwant %s", e.Seq, got, want[i])
		}
	}
	if got := (Filter{Question: "logging"}).Apply(entries); len(got) != 1 || got[0].Seq != 9 {
		t.Errorf("--question logging: %+v", got)
	}
}
