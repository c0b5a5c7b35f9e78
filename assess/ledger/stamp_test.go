package ledger

import (
	"encoding/json"
	"testing"
	"time"
)

// The rule for who saved an answer and when, worked out by hand: a record
// written at 10:00 by Ana, and a revision whose record 2 copied an answer
// Rui saved at 08:00 elsewhere.
func TestCheckStamp(t *testing.T) {
	rec := Record{Seq: 5, At: "2026-03-02T10:00:00Z", Actor: "Ana Analyst", Kind: "answer", Target: "mfa"}
	plain := &Trail{}
	copied := &Trail{Copies: 3, Copied: &Copied{Answers: map[string]Stamp{"mfa": {At: "2026-03-01T08:00:00Z", By: "Rui Reviewer"}}, Plan: map[string]Stamp{}}}
	older := &Trail{Copies: 3} // a revision whose creation record states no stamps
	copyRec := rec
	copyRec.Seq = 2
	cases := []struct {
		name  string
		trail *Trail
		r     Record
		s     Stamp
		field string // "" when it fits
		seq   int64
	}{
		{"stamped with its record", plain, rec, Stamp{"2026-03-02T10:00:00Z", "Ana Analyst"}, "", 0},
		{"an older assay's row, a moment before", plain, rec, Stamp{"2026-03-02T09:59:59.997Z", "Ana Analyst"}, "", 0},
		{"a name the record trimmed", plain, rec, Stamp{"2026-03-02T10:00:00Z", " Ana Analyst "}, "", 0},
		{"another name", plain, rec, Stamp{"2026-03-02T10:00:00Z", "Mallory"}, "by", 5},
		{"two minutes before", plain, rec, Stamp{"2026-03-02T09:58:00Z", "Ana Analyst"}, "at", 5},
		{"after its record", plain, rec, Stamp{"2026-03-02T10:00:00.001Z", "Ana Analyst"}, "at", 5},
		{"not a time", plain, rec, Stamp{"yesterday", "Ana Analyst"}, "at", 5},
		{"a copy as copied", copied, copyRec, Stamp{"2026-03-01T08:00:00Z", "Rui Reviewer"}, "", 0},
		{"a copy credited to the reviser", copied, copyRec, Stamp{"2026-03-02T10:00:00Z", "Ana Analyst"}, "by", 1},
		{"a copy dated a moment earlier", copied, copyRec, Stamp{"2026-03-01T07:59:59Z", "Rui Reviewer"}, "at", 1},
		{"a later change to a copied answer", copied, rec, Stamp{"2026-03-02T10:00:00Z", "Ana Analyst"}, "", 0},
		{"an older revision's copy", older, copyRec, Stamp{"2020-01-01T00:00:00Z", "Anyone"}, "", 0},
		{"an older revision's later change", older, rec, Stamp{"2026-03-02T10:00:00Z", "Mallory"}, "by", 5},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sb := c.trail.CheckStamp("answer", "mfa", c.s, c.r)
			switch {
			case c.field == "" && sb != nil:
				t.Fatalf("got %+v, want it to fit", sb)
			case c.field != "" && (sb == nil || sb.Field != c.field || sb.Seq != c.seq):
				t.Fatalf("got %+v, want field %s of record %d", sb, c.field, c.seq)
			}
		})
	}
}

// A revision's creation record states its copies' stamps and the row's
// creation time; one written before it did states neither.
func TestReplayReadsCreationStamps(t *testing.T) {
	created, _ := json.Marshal(map[string]any{"uuid": "u", "answers_copied": 1, "plan_edits_copied": 1, "created_at": "2026-03-02T10:00:00Z",
		"copied_stamps": Copied{Answers: map[string]Stamp{"mfa": {At: "2026-03-01T08:00:00Z", By: "Rui"}}, Plan: map[string]Stamp{"mfa": {At: "2026-03-01T08:00:00Z", By: "Rui"}}}})
	tr, err := ReplayAssessment([]Record{{Seq: 1, Kind: "revise", New: string(created)}, {Seq: 2, Kind: "answer", Target: "mfa"}, {Seq: 3, Kind: "plan", Target: "mfa"}})
	if err != nil {
		t.Fatal(err)
	}
	if tr.CreatedAt != "2026-03-02T10:00:00Z" || tr.Copies != 3 || tr.Copied == nil || tr.Copied.Answers["mfa"].By != "Rui" {
		t.Fatalf("read %q, %d copies, %+v", tr.CreatedAt, tr.Copies, tr.Copied)
	}
	tr, err = ReplayAssessment([]Record{{Seq: 1, Kind: "create", New: `{"uuid":"u"}`}})
	if err != nil {
		t.Fatal(err)
	}
	if tr.CreatedAt != "" || tr.Copies != 0 || tr.Copied != nil {
		t.Fatalf("an older creation record read as %q, %d copies, %+v", tr.CreatedAt, tr.Copies, tr.Copied)
	}
}

// The creation time is the one the creation record states, exactly; a
// record that states none bounds it from above only.
func TestCheckStampsHoldsTheStatedCreation(t *testing.T) {
	at := func(s string) time.Time { v, _ := time.Parse(time.RFC3339, s); return v }
	times := []string{"2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z"}
	get := func(i int) string { return times[i] }
	for _, c := range []struct {
		created, stated string
		want            TimesFault
	}{
		{"2026-03-02T10:00:00Z", "2026-03-02T10:00:00Z", TimesFit},
		{"2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", CreatedNotStated},
		{"2026-03-02T09:00:00Z", "", TimesFit},
		{"2026-03-02T10:30:00Z", "", CreatedAfterFirst},
	} {
		if got, _ := CheckStamps(at(c.created), at("2026-03-02T11:00:00Z"), c.stated, 2, get); got != c.want {
			t.Errorf("created %s, stated %q: got %v, want %v", c.created, c.stated, got, c.want)
		}
	}
}
