package store

import (
	"context"
	"database/sql"
	"maps"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// assay writes an assessment's archive flag as 0 (kept) or 1 (archived),
// and nothing else; a database written outside assay may hold another
// integer (a team login in psql before schema 014, anyone with sqlite3
// on a file). Such a row reads as archived, as the server's own rules
// read it (IS DISTINCT FROM 0): the list leaves it out unless archived
// ones are asked for, and nobody signs it. Verify names it, the value
// and that assay never writes it; restoring it puts it right.
func TestAnArchiveFlagAssayNeverWritesReadsAsArchivedAndVerifyNamesIt(t *testing.T) {
	contract(t, contractArchiveFlagAssayNeverWrites)
}

func contractArchiveFlagAssayNeverWrites(t *testing.T) {
	ctx := context.Background()
	path := tempPath(t)
	db := openAt(t, path)
	q := tieringQuestionnaire(t)
	kept := newAssessment(t, db, q, "Kept Ltd", day("2026-03-01"), completeAnswers())
	seven := newAssessment(t, db, q, "Seven Ltd", day("2026-03-01"), completeAnswers())
	minusOne := newAssessment(t, db, q, "Minus One Ltd", day("2026-03-01"), completeAnswers())
	if err := db.SetArchived(as("Ana Analyst"), seven.ID, true); err != nil {
		t.Fatal(err)
	}
	setArchiveFlagOutsideAssay(t, path, seven.ID, 7)     // archived through assay, then 1 became 7
	setArchiveFlagOutsideAssay(t, path, minusOne.ID, -1) // never archived through assay

	listed := func(includeArchived bool) map[int64]bool {
		t.Helper()
		all, err := db.Assessments(ctx, assess.Filter{IncludeArchived: includeArchived})
		if err != nil {
			t.Fatal(err)
		}
		out := map[int64]bool{}
		for _, a := range all {
			out[a.ID] = a.Archive.Archived()
		}
		return out
	}
	if got := listed(false); len(got) != 1 || !has(got, kept.ID) {
		t.Errorf("the list without archived ones holds %v, want assessment %d alone", got, kept.ID)
	}
	if got, want := listed(true), map[int64]bool{kept.ID: false, seven.ID: true, minusOne.ID: true}; !maps.Equal(got, want) {
		t.Errorf("the list with archived ones reads %v (ID: archived), want %v", got, want)
	}
	for _, id := range []int64{seven.ID, minusOne.ID} {
		if a := loadAt(t, db, id); !a.Archive.Archived() {
			t.Errorf("assessment %d read alone is not archived", id)
		}
		_, err := db.Review(as("Ana Analyst"), id, assess.ActSubmit, day("2026-03-02"), "ready")
		wantCode(t, err, assess.EConflict, "it is archived")
	}

	wantBreak := func(id int64, value string) {
		t.Helper()
		res, err := db.Verify(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		want := "assessment " + itoa(id) + ": its archive flag is " + value + ", which assay never writes (0 kept, 1 archived), so it was changed outside assay"
		if res.Broken == nil || res.Broken.Error() != want {
			t.Fatalf("verify: %v\nwant: %s", res.Broken, want)
		}
	}
	wantBreak(seven.ID, "7")
	// Restored, it is kept and written 0; the next such row is named.
	if err := db.SetArchived(as("Ana Analyst"), seven.ID, false); err != nil {
		t.Fatalf("restoring assessment %d: %v", seven.ID, err)
	}
	if got := listed(false); len(got) != 2 || !has(got, seven.ID) {
		t.Errorf("once restored, the list without archived ones holds %v, want %d and %d", got, kept.ID, seven.ID)
	}
	wantBreak(minusOne.ID, "-1")
}

// setArchiveFlagOutsideAssay sets assessment id's archive flag to v as
// only SQL outside assay does: in the file with sqlite3, on the server as
// its superuser did before schema 014 held the flag to 0 or 1 (the rule
// taken off, the row written, the rule put back NOT VALID, as 014 added
// it over such rows).
func setArchiveFlagOutsideAssay(t *testing.T, path string, id int64, v int) {
	t.Helper()
	var raw *sql.DB
	if onPostgres(t) {
		dsn, _ := schemas.Load(t.Name() + "\x00" + path)
		raw = rawTeam(t, dsn.(string))
	} else {
		raw = rawOpen(t, path)
		t.Cleanup(func() { raw.Close() })
	}
	stmts := []string{`UPDATE assessments SET archived = ` + itoa(int64(v)) + ` WHERE id = ` + itoa(id)}
	if onPostgres(t) {
		stmts = []string{`ALTER TABLE assessments DROP CONSTRAINT ` + archivedFlagConstraint, stmts[0],
			`ALTER TABLE assessments ADD CONSTRAINT ` + archivedFlagConstraint + ` CHECK (archived IN (0, 1)) NOT VALID`}
	}
	if err := tryInTx(t, raw, stmts...); err != nil {
		t.Fatalf("setting assessment %d's archive flag to %d: %v", id, v, err)
	}
}

func has(m map[int64]bool, id int64) bool { _, ok := m[id]; return ok }

// Archiving a row whose flag was set outside assay did nothing and said
// nothing, as the row reads as archived already: the person (or the
// workspace, whose list read the row before the flag was set) was told
// it was archived, and the tampering went unseen. It is refused as every
// other change to such a row is (assess.Assessment.Editable): naming the
// flag set outside assay, how to put it right and assay verify; the flag
// is left as it was, for verify to name. Restoring it still puts it
// right.
func TestArchivingARowWhoseFlagWasSetOutsideAssayIsRefusedAsSuch(t *testing.T) {
	contract(t, contractArchivingAFlagSetOutsideAssay)
}

func contractArchivingAFlagSetOutsideAssay(t *testing.T) {
	path := tempPath(t)
	db := openAt(t, path)
	q := tieringQuestionnaire(t)
	a := newAssessment(t, db, q, "Seven Ltd", day("2026-03-01"), completeAnswers())
	setArchiveFlagOutsideAssay(t, path, a.ID, 7)
	before := eventCount(t, db, a.ID)

	err := db.SetArchived(as("Ana Analyst"), a.ID, true)
	wantCode(t, err, assess.EInvalid, "assessment "+itoa(a.ID)+"'s archive flag is neither 0 nor 1, the only values assay writes: it was set outside assay")
	for _, says := range []string{"restores it", "assay verify names every such assessment"} {
		if err != nil && !strings.Contains(err.Error(), says) {
			t.Errorf("archiving assessment %d, whose flag is 7, is refused without saying %q: %v", a.ID, says, err)
		}
	}
	if got := loadAt(t, db, a.ID).Archive; got != 7 {
		t.Errorf("the refused archiving left the flag %d, want 7 as it was", got)
	}
	if after := eventCount(t, db, a.ID); after != before {
		t.Errorf("the refused archiving added %d records to the audit trail", after-before)
	}

	if err := db.SetArchived(as("Ana Analyst"), a.ID, false); err != nil {
		t.Fatalf("restoring assessment %d: %v", a.ID, err)
	}
	if err := db.SetArchived(as("Ana Analyst"), a.ID, true); err != nil {
		t.Errorf("archiving assessment %d once restored: %v", a.ID, err)
	}
	if got := loadAt(t, db, a.ID).Archive; got != assess.ArchivedInAssay {
		t.Errorf("restored and archived again, the flag is %d, want 1", got)
	}
}
