package store

import (
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/export"
)

// rehash makes a file's audit chain whole again after its records were
// changed, as a forger who knows the hash (plain SHA-256) would: the form
// of each field is then all that stands between the file and the store.
func rehash(f *export.File) {
	prev := ""
	for i := range f.Events {
		f.Events[i].PrevHash = prev
		f.Events[i].Hash = Event{Event: f.Events[i]}.computeHash()
		prev = f.Events[i].Hash
	}
	f.EventHead = prev
}

// An assessment file whose fields are out of form or range is refused,
// naming the field, before anything is stored: even where the audit chain
// was made whole again, and whether encoding/json or assay's own check
// finds the fault.
func TestImportChecksEveryFieldsFormAndRange(t *testing.T) {
	contract(t, contractImportChecksEveryFieldsFormAndRange)
}

func contractImportChecksEveryFieldsFormAndRange(t *testing.T) {
	seed := importSeed(t)
	db := openOther(t)
	ctx := as("Iris Importer")
	before := rowCounts(t, db)
	year0 := assess.NewDate(0, 1, 1)
	cases := []struct {
		name, want string
		change     func(*export.File)
	}{
		{"a 1 MB UUID", "assessment.uuid", func(f *export.File) { f.Assessment.UUID = strings.Repeat("a", 1<<20) }},
		{"a path for a UUID", "assessment.uuid", func(f *export.File) { f.Assessment.UUID = "../../etc/passwd" }},
		{"a revision of a path", "assessment.revision_of", func(f *export.File) { f.Assessment.RevisionOf = "../../etc/passwd" }},
		{"not a time", "assessment.created_at", func(f *export.File) { f.Assessment.CreatedAt = "not a time" }},
		{"updated in year 0", "assessment.updated_at", func(f *export.File) { f.Assessment.UpdatedAt = "0000-01-01T00:00:00Z" }},
		{"revision -3", "assessment.revision", func(f *export.File) { f.Assessment.Revision = -3 }},
		{"assessed in year 0", "assessment.assessed_on", func(f *export.File) { f.Assessment.AssessedOn = year0 }},
		{"a NUL in the subject", "assessment.subject", func(f *export.File) { f.Assessment.Subject = "Acme\x00Cloud" }},
		{"an escape in the reviewer", "assessment.reviewer", func(f *export.File) { f.Assessment.Reviewer = "Ana\x1b]52;c;ZQ==\x07" }},
		{"a 10,000-character subject", "assessment.subject", func(f *export.File) { f.Assessment.Subject = strings.Repeat("A", 10000) }},
		{"exported at no time", "exported_at", func(f *export.File) { f.ExportedAt = "yesterday" }},
		{"exported by a bidi override", "exported_by", func(f *export.File) { f.ExportedBy = "Ana\u202e" }},
		{"a NUL in a contact", "subject_record.contacts[0]", func(f *export.File) {
			f.SubjectRecord = &export.SubjectRecord{Contacts: []string{"x\x00"}}
		}},
		{"an answer saved in year 0", "answers[0].updated_at", func(f *export.File) { f.Answers[0].UpdatedAt = time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC) }},
		{"an answer saved by an escape", "answers[0].updated_by", func(f *export.File) { f.Answers[0].UpdatedBy = "\x1b[2J" }},
		{"an escape in a note", "answers[0].note", func(f *export.File) { f.Answers[0].Note = "ok\x1b[2J" }},
		{"a plan edit at no time", "plan_edits[0].updated_at", func(f *export.File) { f.PlanEdits[0].UpdatedAt = "not a time" }},
		{"a NUL in a plan owner", "plan_edits[0].edit.owner", func(f *export.File) { f.PlanEdits[0].Edit.Owner = "Sam\x00" }},
		{"a milestone due in year 0", "plan_edits[0].edit.milestones[0].due", func(f *export.File) { f.PlanEdits[0].Edit.Milestones[0].Due = year0 }},
		{"a plan item for no question", "plan_edits[0].edit.key", func(f *export.File) { f.PlanEdits[0].Edit.Key = "../../etc/passwd" }},
		{"a signature in year 0", "signoffs[0].date", func(f *export.File) { f.SignOffs[0].On = year0 }},
		{"a signature at no time", "signoffs[0].at", func(f *export.File) { f.SignOffs[0].At = time.Time{} }},
		{"a king's signature", "signoffs[0].role", func(f *export.File) { f.SignOffs[0].Role = "king" }},
		{"an escape in a signer", "signoffs[0].name", func(f *export.File) { f.SignOffs[0].Name = "Ana\x1b[8m" }},
		{"a record at no time", "events[1].at", func(f *export.File) { f.Events[1].At = "not a time"; rehash(f) }},
		{"a record by a NUL", "events[1].actor", func(f *export.File) { f.Events[1].Actor = "Ana\x00"; rehash(f) }},
		{"a record of a path", "events[1].kind", func(f *export.File) { f.Events[1].Kind = "../x"; rehash(f) }},
		{"a record with a control in its target", "events[1].target", func(f *export.File) { f.Events[1].Target = "mfa\x1b[2J"; rehash(f) }},
		{"a record that is not JSON", "events[1].new", func(f *export.File) { f.Events[1].New = "not json"; rehash(f) }},
		{"a hash that is not one", "events[1].hash", func(f *export.File) { f.Events[1].Hash = "../x" }},
		{"a head that is not a hash", "event_head", func(f *export.File) { f.EventHead = strings.Repeat("z", 64) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := export.Unmarshal("acme.json", seed)
			if err != nil {
				t.Fatal(err)
			}
			c.change(f)
			b, err := export.Marshal(f)
			if err != nil {
				t.Fatal(err)
			}
			checkImportRefused(t, db, before, b, c.want)
		})
	}
	// Values encoding/json hands to a parser of their own: the error
	// names the field, which encoding/json does not.
	for _, c := range []struct{ name, after, key, value, want string }{
		{"an answer time that is not one", `"answers": [`, `"updated_at": `, `"not a time"`, "answers[0].updated_at"},
		{"a day that does not exist", `"assessment": {`, `"assessed_on": `, `"2026-13-45"`, "assessment.assessed_on"},
		{"a signature at no time", `"signoffs": [`, `"at": `, `"soon"`, "signoffs[0].at"},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := string(seed)
			from := strings.Index(src, c.after)
			at := strings.Index(src[from:], c.key) + from + len(c.key)
			end := strings.IndexAny(src[at:], ",\n") + at
			if from < 0 || at < from+len(c.key) || end < at {
				t.Fatalf("the seed has no %s%s", c.after, c.key)
			}
			checkImportRefused(t, db, before, []byte(src[:at]+c.value+src[end:]), c.want)
		})
	}
	// The seed itself still imports.
	f, err := export.Unmarshal("acme.json", seed)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Import(ctx, f); err != nil {
		t.Fatalf("the untouched file: %v", err)
	}
}

// checkImportRefused reads and imports b, as assay import does, and wants
// it refused with an error naming field, and every table as it was.
func checkImportRefused(t *testing.T, db *DB, before string, b []byte, field string) {
	t.Helper()
	f, err := export.Unmarshal("acme.json", b)
	if err == nil {
		_, err = db.Import(as("Iris Importer"), f)
	}
	if err == nil {
		t.Fatalf("imported; want it refused at %s", field)
	}
	if msg := err.Error(); !strings.Contains(msg, field+":") || len(msg) > 600 {
		t.Errorf("the error does not name %s (or quotes too much):\n%.600s", field, msg)
	}
	if after := rowCounts(t, db); after != before {
		t.Errorf("a refused import changed the database:\n%s\n%s", before, after)
	}
}
