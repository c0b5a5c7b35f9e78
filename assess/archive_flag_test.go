package assess_test

import (
	"testing"

	"github.com/assay-dev/assay/assess"
)

// The stored archive flag read as assay reads it: 0 kept, 1 archived in
// assay, and every other value (7 typed with sqlite3, -1 with psql)
// archived and set outside assay, which the archive refusal names.
func TestArchiveFlagReadsEveryStoredValue(t *testing.T) {
	for _, c := range []struct {
		stored                 int64
		archived, outsideAssay bool
		editable               string // Editable's refusal, by the start of its words
	}{
		{0, false, false, ""},
		{1, true, false, "assessment 9 is archived (set aside as started by mistake)"},
		{7, true, true, "assessment 9's archive flag is neither 0 nor 1"},
		{-1, true, true, "assessment 9's archive flag is neither 0 nor 1"},
	} {
		f := assess.ArchiveFlag(c.stored)
		if f.Archived() != c.archived || f.SetOutsideAssay() != c.outsideAssay {
			t.Errorf("flag %d: archived %v, set outside assay %v; want %v, %v", c.stored, f.Archived(), f.SetOutsideAssay(), c.archived, c.outsideAssay)
		}
		err := (&assess.Assessment{ID: 9, Status: assess.Draft, Archive: f}).Editable()
		switch {
		case c.editable == "" && err != nil:
			t.Errorf("flag %d: a draft is refused changes: %v", c.stored, err)
		case c.editable != "" && (err == nil || len(err.Error()) < len(c.editable) || err.Error()[:len(c.editable)] != c.editable):
			t.Errorf("flag %d: a draft's change is refused as %v; want %q…", c.stored, err, c.editable)
		}
	}
	if assess.ArchiveFlagOf(true) != 1 || assess.ArchiveFlagOf(false) != 0 {
		t.Errorf("assay writes %d for archived and %d for kept; want 1 and 0", assess.ArchiveFlagOf(true), assess.ArchiveFlagOf(false))
	}
}
