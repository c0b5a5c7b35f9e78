package ledger

import (
	"testing"
	"time"
)

// A row's own times, worked out by hand: the record of the write that set
// each, exactly or up to StampSlack (a minute) before it, and no more.
func TestRowTimesHeldToTheirRecords(t *testing.T) {
	at := func(s string) time.Time { v, _ := time.Parse(time.RFC3339, s); return v }
	subject := []Record{{Seq: 1, Kind: "create", At: "2026-03-02T10:00:00Z"}, {Seq: 2, Kind: "edit", At: "2026-03-02T11:00:00Z"}}
	for _, c := range []struct {
		created, updated string
		records          []Record
		want             SubjectTimesFault
	}{
		{"2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z", subject, SubjectTimesFit},
		{"2026-03-02T09:59:01Z", "2026-03-02T10:59:01Z", subject, SubjectTimesFit}, // an older assay's, 59 s before
		{"2026-03-02T09:58:59Z", "2026-03-02T11:00:00Z", subject, SubjectCreatedNotFirst},
		{"2026-03-02T10:00:01Z", "2026-03-02T11:00:00Z", subject, SubjectCreatedNotFirst},
		{"2026-03-02T10:00:00Z", "2026-03-02T10:58:59Z", subject, SubjectUpdatedNotLast},
		{"2026-03-02T10:00:00Z", "2026-03-02T10:00:00Z", subject, SubjectUpdatedNotLast},
		{"2026-03-02T10:00:00Z", "2026-03-02T10:00:00Z", subject[:1], SubjectTimesFit},
		{"2026-03-02T10:00:00Z", "2026-03-02T10:00:30Z", subject[:1], SubjectUpdatedNotCreated},
	} {
		if got, _ := CheckSubjectTimes(at(c.created), at(c.updated), c.records); got != c.want {
			t.Errorf("subject created %s, updated %s, %d records: got %v, want %v", c.created, c.updated, len(c.records), got, c.want)
		}
	}

	tr, err := ReplayAssessment([]Record{
		{Seq: 1, Kind: "create", At: "2026-03-02T10:00:00Z", New: `{"uuid":"u"}`},
		{Seq: 2, Kind: "answer", Target: "mfa", At: "2026-03-02T11:00:00Z", New: `{}`},
		{Seq: 3, Kind: "signoff", At: "2026-03-02T12:00:00Z", New: `{}`}, // a DPO opinion: the time stays
	})
	if err != nil {
		t.Fatal(err)
	}
	created := at("2026-03-02T10:00:00Z")
	for _, c := range []struct {
		updated string
		want    TimesFault
	}{
		{"2026-03-02T11:00:00Z", TimesFit},
		{"2026-03-02T10:59:30Z", TimesFit},
		{"2026-03-02T10:58:59Z", UpdatedNotLastChange},
		{"2026-03-02T12:00:00Z", UpdatedNotLastChange},
		{"2026-03-02T10:00:00Z", UpdatedNotLastChange},
	} {
		if got, seq := tr.CheckUpdated(created, at(c.updated)); got != c.want || seq != 2 {
			t.Errorf("updated %s: got %v at record %d, want %v at record 2", c.updated, got, seq, c.want)
		}
	}
	// A revision not changed since: its copies' records change nothing.
	rev, err := ReplayAssessment([]Record{
		{Seq: 1, Kind: "revise", At: "2026-03-02T10:00:01Z", New: `{"uuid":"u","answers_copied":1,"plan_edits_copied":0}`},
		{Seq: 2, Kind: "answer", Target: "mfa", At: "2026-03-02T10:00:02Z", New: `{}`},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, seq := rev.CheckUpdated(created, created); got != TimesFit || seq != 1 {
		t.Errorf("an unchanged revision: got %v at record %d", got, seq)
	}
	if got, _ := rev.CheckUpdated(created, at("2026-03-02T10:00:02Z")); got != UpdatedNotLastChange {
		t.Errorf("an unchanged revision dated at its copy's record: got %v", got)
	}
}
