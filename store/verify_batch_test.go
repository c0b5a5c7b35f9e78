package store

import (
	"strings"
	"testing"
)

// Verify reads a record's text columns joined by a unit separator; a
// record edited to hold one is read again column by column, so the break
// names the record as it is.
func TestVerifyRecordHoldingTheSeparator(t *testing.T) {
	db := trail(t)
	if _, err := db.sql.Exec(`UPDATE events SET actor = 'Ana' || char(31) || 'x' WHERE assessment_id = 1 AND seq = 2`); err != nil {
		t.Fatal(err)
	}
	res, err := db.Verify(as("x"), 0)
	if err != nil {
		t.Fatal(err)
	}
	b := res.Broken
	if b == nil || b.OwnerID != 1 || b.Seq != 2 || !strings.Contains(b.Reason, "the record was altered") || !strings.Contains(b.Reason, "by Ana\x1fx at") {
		t.Fatalf("got %v", b)
	}
}
