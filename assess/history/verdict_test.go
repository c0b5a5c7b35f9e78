package history

import "testing"

// The verdict's words, said once for assay history, the workspace's
// trail and accessible mode: the command line names the assessment (and
// that it is archived), the screen, whose title names it, does not.
func TestVerdictWords(t *testing.T) {
	why := "assessment 3, audit record 9 (event id 9): the record was altered\x1b[2J"
	for _, c := range []struct {
		v        Verdict
		id       int64
		archived bool
		total    int
		want     string
	}{
		{Verdict{Intact: true}, 3, false, 14, "Audit trail of assessment 3 verified (as assay verify 3 checks it): 14 records."},
		{Verdict{Intact: true}, 3, true, 1, "Audit trail of assessment 3 (archived) verified (as assay verify 3 checks it): 1 record."},
		{Verdict{Intact: true}, 0, false, 3, "Audit trail verified (as assay verify checks it): 3 records."},
		{Verdict{From: 9, Why: why}, 3, false, 14, "Audit trail of assessment 3 BROKEN at record 9: assessment 3, audit record 9 (event id 9): the record was altered. 14 records; the ones from 9 on (marked !) are not vouched for."},
		{Verdict{From: 9, Why: why}, 0, false, 14, "Audit trail BROKEN at record 9: assessment 3, audit record 9 (event id 9): the record was altered. 14 records; the ones from 9 on (marked !) are not vouched for."},
		{Verdict{From: 1, Why: "key not trusted"}, 3, false, 2, "Audit trail of assessment 3 NOT VERIFIED: key not trusted. 2 records, none vouched for (all marked !)."},
		{Verdict{From: 1, Why: "key not trusted"}, 0, true, 0, "Audit trail NOT VERIFIED: key not trusted. 0 records, none vouched for (all marked !)."},
	} {
		if got := c.v.Words(c.id, c.archived, c.total); got != c.want {
			t.Errorf("%+v of %d:\n got %s\nwant %s", c.v, c.id, got, c.want)
		}
	}
}

// The line assay history ends with says what assay verify says: a trail
// whose protections changed was not checked, not found broken; one
// signed with a key not trusted is not verified, not broken.
func TestVerdictFailure(t *testing.T) {
	for _, c := range []struct {
		v    Verdict
		want string
	}{
		{Verdict{From: 9, Why: "assessment 3, audit record 9: the record was altered\x1b[2J"}, "audit trail broken: assessment 3, audit record 9: the record was altered"},
		{Verdict{From: 1, Why: "the database's protections changed, so the audit trail was not checked: the trigger t was dropped outside assay", Unchecked: true},
			"the database's protections changed, so the audit trail was not checked: the trigger t was dropped outside assay"},
		{Verdict{From: 1, Why: "ledger entry 5: the entry is signed by \"Rui Costa\" with a key you do not trust", Untrusted: true},
			"not verified: ledger entry 5: the entry is signed by \"Rui Costa\" with a key you do not trust"},
	} {
		if got := c.v.Failure(); got != c.want {
			t.Errorf("%+v:\n got %q\nwant %q", c.v, got, c.want)
		}
	}
}
