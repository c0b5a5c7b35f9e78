package ledger

import "time"

// An assessment's and a subject's rows keep when they were created and
// last changed, beside their trails: the portfolio is ordered by the one,
// OSCAL's last-modified and exports carry it, and the subject list shows
// both. Each write stamps the row and appends its records in one
// transaction, so each time is held to the record of the write that set
// it: exactly (assay now dates that record with the row's time), or up to
// StampSlack before it (an older assay dated the record a moment after).

// stampsLastChange says whether record r is of a change that stamps the
// row's time of last change: a creation, a saved answer or plan edit (not
// a revision's copy of one, which keeps the revised assessment's), a
// status change, an archiving, a subject renamed. A sign-off alone (a DPO
// opinion), an acceptance of vendor answers (always followed by its status
// record), a file sent to a vendor and an import leave the time as it was:
// an import keeps the exported file's, which its own records set.
func (t *Trail) stampsLastChange(r Record) bool {
	switch r.Kind {
	case "create", "revise", "status", "archive", "subject":
		return true
	case "answer", "plan":
		return r.Seq > t.Copies
	}
	return false
}

// CheckUpdated holds an assessment's time of last change to the record
// that last set it (LastChange): a creation sets it to the creation time,
// exactly; any other change to its record's time, or up to StampSlack
// before it. It returns that record's number, 0 when the trail has none.
func (t *Trail) CheckUpdated(created, updated time.Time) (TimesFault, int64) {
	r := t.LastChange
	if r.Seq == 0 {
		return TimesFit, 0
	}
	if r.Kind == "create" || r.Kind == "revise" {
		if !updated.Equal(created) {
			return UpdatedNotLastChange, r.Seq
		}
		return TimesFit, r.Seq
	}
	if !withinSlack(updated, r.At) {
		return UpdatedNotLastChange, r.Seq
	}
	return TimesFit, r.Seq
}

// withinSlack says whether t is the time at (a record's, RFC 3339) or up
// to StampSlack before it. A record's time that does not read holds
// nothing: its hash covers it as assay wrote it.
func withinSlack(t time.Time, at string) bool {
	want, err := time.Parse(time.RFC3339Nano, at)
	if err != nil {
		return true
	}
	return t.Equal(want) || t.Before(want) && want.Sub(t) <= StampSlack
}

// SubjectTimesFault says which of a subject's own times its trail
// contradicts.
type SubjectTimesFault int

const (
	SubjectTimesFit          SubjectTimesFault = iota
	SubjectCreatedNotFirst                     // created other than at its creation record
	SubjectUpdatedNotLast                      // last changed other than at its last edit record
	SubjectUpdatedNotCreated                   // never edited, yet last changed other than at its creation
)

// CheckSubjectTimes holds a subject's creation time to its creation
// record (the first), and its time of last change to its last edit
// record, or to its creation time when it was never edited. It returns
// the record concerned (an index into records).
func CheckSubjectTimes(created, updated time.Time, records []Record) (SubjectTimesFault, int) {
	if len(records) == 0 {
		return SubjectTimesFit, 0
	}
	if !withinSlack(created, records[0].At) {
		return SubjectCreatedNotFirst, 0
	}
	for i := len(records) - 1; i > 0; i-- {
		if records[i].Kind != "edit" {
			continue
		}
		if !withinSlack(updated, records[i].At) {
			return SubjectUpdatedNotLast, i
		}
		return SubjectTimesFit, i
	}
	if !updated.Equal(created) {
		return SubjectUpdatedNotCreated, 0
	}
	return SubjectTimesFit, 0
}
