package store

import (
	"fmt"
	"strings"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
)

// verifyState checks that what the assessment holds is what its intact
// audit trail last recorded: each answer, each plan edit and the
// signatures. A row changed, added or removed in the tables directly
// (bypassing assay and so the trail) shows here, named with the record it
// contradicts. The row's own fields are verifyClaims'.
func verifyState(a *assess.Assessment, raw *assessmentRaw, events []Event, trail *ledger.Trail) *Break {
	id := a.ID
	byseq := func(r ledger.Record) Event { return events[r.Seq-1] }
	brk := func(e Event, format string, args ...any) *Break { return brkAt(id, e, format, args...) }
	for _, qid := range sortedKeys(a.Answers) {
		r, ok := trail.Answers[qid]
		if !ok {
			return brk(Event{}, "answer %s has no audit record: it was written outside assay", qid)
		}
		if !ledger.SameAnswer(a.Answers[qid], r.New) {
			return brk(byseq(r), "answer %s is not what this record says: it was changed outside assay", qid)
		}
	}
	for _, ans := range raw.answers {
		stamp := ledger.Stamp{At: ans.updated, By: ans.by}
		if b := verifyStamp(id, "answer", ans.qid, stamp, events, trail, trail.Answers); b != nil {
			return b
		}
		if b := verifyCopied(a, "answer "+ans.qid, stamp, events, trail, trail.Answers[ans.qid], raw.revisedAnswers); b != nil {
			return b
		}
	}
	for _, qid := range sortedKeys(trail.Answers) {
		if _, ok := a.Answers[qid]; !ok {
			return brk(byseq(trail.Answers[qid]), "answer %s recorded here is missing: it was deleted outside assay", qid)
		}
	}
	for _, key := range sortedKeys(a.PlanEdits) {
		r, ok := trail.Plan[key]
		if !ok {
			return brk(Event{}, "plan item %s has no audit record: it was written outside assay", key)
		}
		if !ledger.SamePlanEdit(a.PlanEdits[key], r.New) {
			return brk(byseq(r), "plan item %s is not what this record says: it was changed outside assay", key)
		}
	}
	for _, p := range raw.plan {
		stamp := ledger.Stamp{At: p.updated, By: p.by}
		if b := verifyStamp(id, "plan", p.key, stamp, events, trail, trail.Plan); b != nil {
			return b
		}
		if b := verifyCopied(a, "plan item "+p.key, stamp, events, trail, trail.Plan[p.key], raw.revisedPlan); b != nil {
			return b
		}
	}
	for _, key := range sortedKeys(trail.Plan) {
		if _, ok := a.PlanEdits[key]; !ok {
			return brk(byseq(trail.Plan[key]), "plan item %s recorded here is missing: it was deleted outside assay", key)
		}
	}
	for i, s := range a.SignOffs {
		if i >= len(trail.SignOffs) {
			return brk(Event{}, "the signature of %s (%s) has no audit record: it was added outside assay", s.Name, s.Decision)
		}
		if r := trail.SignOffs[i]; !ledger.SameSignOff(s, r.New) {
			return brk(byseq(r), "the signature stored is not the one this record says: it was changed outside assay")
		}
	}
	if len(trail.SignOffs) > len(a.SignOffs) {
		return brk(byseq(trail.SignOffs[len(a.SignOffs)]), "the signature recorded here is missing: it was deleted outside assay")
	}
	return nil
}

// verifyStamp holds who saved an answer or plan edit and when, as its
// row keeps them, to the record that last set it (ledger.CheckStamp);
// the item's own record was found above.
func verifyStamp(id int64, kind, item string, stored ledger.Stamp, events []Event, trail *ledger.Trail, last map[string]ledger.Record) *Break {
	r, ok := last[item]
	if !ok {
		return nil
	}
	sb := trail.CheckStamp(kind, item, stored, r)
	if sb == nil {
		return nil
	}
	what := "answer " + item
	if kind == "plan" {
		what = "plan item " + item
	}
	e := events[sb.Seq-1]
	switch {
	case sb.NotATime:
		return brkAt(id, e, "%s's time (%q) is not a time: it was changed outside assay", what, clipReason(sb.Stored))
	case sb.Copy && sb.Trail == "" && sb.Field == "by":
		return brkAt(id, e, "%s is stored as copied, but the revision's record %d, which copied it, does not name it: it was changed outside assay", what, sb.Seq)
	case sb.Copy && sb.Field == "by":
		return brkAt(id, e, "%s is stored as saved by %q but the revision's record %d, which copied it, says %q saved it: it was changed outside assay",
			what, clipReason(sb.Stored), sb.Seq, sb.Trail)
	case sb.Copy:
		return brkAt(id, e, "%s is stored as saved at %s but the revision's record %d, which copied it, says it was saved at %s: it was changed outside assay",
			what, clipReason(sb.Stored), sb.Seq, sb.Trail)
	case sb.Field == "by":
		return brkAt(id, e, "%s is stored as saved by %q but this record, the last to set it, was written by %q: it was changed outside assay",
			what, clipReason(sb.Stored), sb.Trail)
	}
	return brkAt(id, e, "%s is stored as saved at %s but this record, the last to set it, was written at %s: it was changed outside assay",
		what, clipReason(sb.Stored), sb.Trail)
}

// verifyCopied holds a copy that a revision made by an older assay still
// keeps (r, the record that last set it, is one of the revision's
// records of the copy) to the assessment it was copied from: the
// revision's creation record states nothing of who saved it and when, but
// the assessment revised, approved and so locked, still holds the row it
// was copied from, itself held to its own record. The copy must be that
// row exactly. revised is that assessment's rows (none when it is not in
// the database, or holds none: its own check names that). A revision that
// states its copies is held to that instead (verifyStamp).
func verifyCopied(a *assess.Assessment, what string, stored ledger.Stamp, events []Event, trail *ledger.Trail, r ledger.Record,
	revised map[string]ledger.Stamp) *Break {
	if r.Seq == 0 || r.Seq > trail.Copies || trail.Copied != nil || len(revised) == 0 {
		return nil
	}
	item := r.Target
	want, ok := revised[item]
	e := events[r.Seq-1]
	if !ok {
		return brkAt(a.ID, e, "%s is stored as copied from assessment %d, which has no such item: it was changed outside assay", what, a.RevisionOf)
	}
	if sameStamp(stored, want) {
		return nil
	}
	return brkAt(a.ID, e, "%s is stored as saved by %q at %s but assessment %d, which this revision copied it from, has it saved by %q at %s: it was changed outside assay",
		what, clipReason(stored.By), clipReason(stored.At), a.RevisionOf, clipReason(want.By), clipReason(want.At))
}

// sameStamp says whether two stamps name the same person and the same
// moment, however each time is written.
func sameStamp(x, y ledger.Stamp) bool {
	if strings.TrimSpace(x.By) != strings.TrimSpace(y.By) {
		return false
	}
	if x.At == y.At {
		return true
	}
	tx, err1 := time.Parse(time.RFC3339Nano, x.At)
	ty, err2 := time.Parse(time.RFC3339Nano, y.At)
	return err1 == nil && err2 == nil && tx.Equal(ty)
}

// verifyClaims checks each field of an owner's row that its trail states
// (the status, the subject, the date…) against the record that last
// stated it.
func verifyClaims(o owner, events []Event, claims map[string]ledger.Claim, state ledger.State) (*Break, error) {
	scope := chainName(o.c)
	cb, err := ledger.CheckClaims(scope, claims, state)
	if err != nil || cb == nil {
		return nil, err
	}
	e := events[cb.Seq-1]
	return &Break{Chain: scope, OwnerID: o.id, Seq: e.Seq, EventID: e.ID,
		Reason: fmt.Sprintf("field %s is %s but this record, the last to set it, says %s: it was changed outside assay", cb.Field, cb.Now, cb.Trail)}, nil
}

func records(events []Event) []ledger.Record {
	out := make([]ledger.Record, len(events))
	for i, e := range events {
		out[i] = e.Event
	}
	return out
}

func brkAt(id int64, e Event, format string, args ...any) *Break {
	return &Break{Chain: "assessment", OwnerID: id, Seq: e.Seq, EventID: e.ID, Reason: fmt.Sprintf(format, args...)}
}

// verifyTimes holds the assessment's creation and update times, stored
// beside its trail, to the rule import holds an export's to
// (ledger.CheckTimes): a database that verifies exports a file that
// imports, and a time changed outside assay is named here rather than as
// a changed file on import. Times are compared as written (the raw
// column), so text that is not a time is named too.
func verifyTimes(id int64, createdRaw, updatedRaw string, trail *ledger.Trail, events []Event) *Break {
	stated := trail.CreatedAt
	if len(events) == 0 {
		return nil // checkRecords has named the missing trail
	}
	firstE, lastE := events[0], events[len(events)-1]
	parse := func(what, raw string, e Event) (time.Time, *Break) {
		t, err := time.Parse(time.RFC3339Nano, raw)
		if err != nil {
			return t, brkAt(id, e, "the assessment's %s (%q) is not a time: it was changed outside assay", what, clipReason(raw))
		}
		return t, nil
	}
	created, b := parse("creation time", createdRaw, firstE)
	if b != nil {
		return b
	}
	updated, b := parse("time of last change", updatedRaw, lastE)
	if b != nil {
		return b
	}
	fault, r := ledger.CheckStamps(created, updated, stated, len(events), func(i int) string { return events[i].At })
	at := events[r]
	switch fault {
	case ledger.CreatedNotStated:
		return brkAt(id, at, "the assessment's creation time (%s) is not the one its creation record states (%s): it was changed outside assay", createdRaw, clipReason(stated))
	case ledger.CreatedAfterFirst:
		return brkAt(id, at, "the assessment's creation time (%s) is after its first audit record (%s): it was changed outside assay", createdRaw, at.At)
	case ledger.UpdatedAfterLast:
		return brkAt(id, at, "the assessment's time of last change (%s) is after its latest audit record (%s): it was changed outside assay", updatedRaw, at.At)
	case ledger.UpdatedBeforeCreated:
		return brkAt(id, at, "the assessment's time of last change (%s) is before its creation (%s): it was changed outside assay", updatedRaw, createdRaw)
	}
	if fault, seq := trail.CheckUpdated(created, updated); fault != ledger.TimesFit {
		e := events[seq-1]
		if e.Kind == "create" || e.Kind == "revise" {
			return brkAt(id, e, "the assessment's time of last change (%s) is not its creation time (%s), though this record, its creation, is the last to change it: it was changed outside assay",
				updatedRaw, createdRaw)
		}
		return brkAt(id, e, "the assessment's time of last change (%s) is not the time of this record (%s), the last to change it: it was changed outside assay", updatedRaw, e.At)
	}
	return nil
}

// verifySubjectTimes holds a subject's creation time and time of last
// change, stored beside its trail, to the records of the writes that set
// them (ledger.CheckSubjectTimes): the subject list shows them.
func verifySubjectTimes(id int64, createdRaw, updatedRaw string, events []Event) *Break {
	if len(events) == 0 {
		return nil // checkRecords has named the missing trail
	}
	brk := func(e Event, format string, args ...any) *Break {
		return &Break{Chain: "subject", OwnerID: id, Seq: e.Seq, EventID: e.ID, Reason: fmt.Sprintf(format, args...)}
	}
	created, err := time.Parse(time.RFC3339Nano, createdRaw)
	if err != nil {
		return brk(events[0], "the subject's creation time (%q) is not a time: it was changed outside assay", clipReason(createdRaw))
	}
	updated, err := time.Parse(time.RFC3339Nano, updatedRaw)
	if err != nil {
		return brk(events[len(events)-1], "the subject's time of last change (%q) is not a time: it was changed outside assay", clipReason(updatedRaw))
	}
	fault, i := ledger.CheckSubjectTimes(created, updated, records(events))
	e := events[i]
	switch fault {
	case ledger.SubjectCreatedNotFirst:
		return brk(e, "the subject's creation time (%s) is not the time of its creation record (%s): it was changed outside assay", createdRaw, e.At)
	case ledger.SubjectUpdatedNotLast:
		return brk(e, "the subject's time of last change (%s) is not the time of this record (%s), the last to change it: it was changed outside assay", updatedRaw, e.At)
	case ledger.SubjectUpdatedNotCreated:
		return brk(e, "the subject's time of last change (%s) is not its creation time (%s), though it was never changed: it was changed outside assay", updatedRaw, createdRaw)
	}
	return nil
}

// clipReason shortens a stored value quoted in a break's reason: the value
// was written outside assay and may be of any length.
func clipReason(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
