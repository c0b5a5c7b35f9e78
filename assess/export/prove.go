package export

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
	"github.com/assay-dev/assay/assess/safetext"
)

// Proven is what Prove established about a file.
type Proven struct {
	// Signer is the trusted key that signed the assessment's head.
	Signer ledger.Trusted
	// SignerName is the name the exporting database registered it under.
	SignerName string
	// RevisionOf is the approved assessment the file's trail says it
	// revises, with the length and head of that assessment's chain when
	// the revision was made; empty UUID for an original.
	RevisionOf ledger.Pin
	// SubjectUUID is the subject the assessment's signed state names.
	SubjectUUID string
}

// fileFields names, for each field of an assessment's signed state, the
// file's field that holds it.
var fileFields = map[string]string{
	"uuid": "assessment.uuid", "subject_uuid": "head.assessment.state", "subject": "assessment.subject",
	"subject_kind": "assessment.subject_kind", "reviewer": "assessment.reviewer", "snapshot_digest": "questionnaire.digest",
	"assessed_on": "assessment.assessed_on", "deadlines": "assessment.deadlines", "status": "assessment.status",
	"archived": "assessment.archived", "revision": "assessment.revision", "revision_of": "assessment.revision_of",
}

// Prove checks every field of an assessment file against its audit trail
// and its signed head, with the keys the reader trusts:
//
//   - the head: its proofs verify on their own (ledger.Proof.Check), with
//     a key in trusted; it signed this assessment's chain, at this length
//     and head, and a state whose every field is the file's;
//   - the trail: each field of the assessment the trail states (status,
//     subject, date, deadlines, revision link…) is the file's; every
//     answer, plan edit and signature is the one its last record says,
//     and every one recorded is in the file;
//   - the subject's record is the one its own signed head holds;
//   - who saved each answer and plan edit, and when, is its last
//     record's name and time (ledger.CheckStamp);
//   - the assessment was created when its creation record says (or,
//     in a record that does not say, before it) and last updated when
//     the record of its last change was written (Trail.CheckUpdated).
//
// It reads no database: the trail's chain itself (links and hashes) is
// the caller's to check first. Errors name the file's field at fault.
func Prove(f *File, trusted *ledger.Keyring) (*Proven, error) {
	if f.Head == nil || f.Head.Assessment == nil {
		return nil, fmt.Errorf("head: the file carries no signed head, so its status, signatures and trail cannot be proved")
	}
	p := f.Head.Assessment
	out := &Proven{SignerName: p.Signer}
	var err error
	if out.Signer, err = checkProof("head.assessment", p, ledger.ScopeAssessment, trusted); err != nil {
		return nil, err
	}
	if p.Leaf.UUID != f.Assessment.UUID {
		return nil, fmt.Errorf("assessment.uuid: is %s but the signed head is of assessment %s", clip(f.Assessment.UUID), p.Leaf.UUID)
	}
	if p.Leaf.Records != int64(len(f.Events)) || p.Leaf.Head != f.EventHead {
		return nil, fmt.Errorf("events: the file has %s ending in %s, but its signed head is record %d ending in %s: records were added, removed or changed",
			assess.Count(len(f.Events), "record", "records"), clip(f.EventHead), p.Leaf.Records, p.Leaf.Head)
	}
	var signed ledger.AssessmentState
	if err := json.Unmarshal([]byte(p.State), &signed); err != nil {
		return nil, fmt.Errorf("head.assessment.state: does not read: %v", err)
	}
	mine := fileState(f, signed.SubjectUUID)
	if d, differ, err := ledger.Diff(ledger.ScopeAssessment, p.State, mine); err != nil {
		return nil, fmt.Errorf("head.assessment.state: %v", err)
	} else if differ {
		return nil, fmt.Errorf("%s: the file says %s but its signed head says %s: the file was changed", fileFields[d.Field], clip(d.Now), clip(d.Was))
	}
	trail, err := ledger.ReplayAssessment(f.Events)
	if err != nil {
		return nil, fmt.Errorf("events: %v", err)
	}
	if cb, err := ledger.CheckClaims(ledger.ScopeAssessment, trail.Claims, mine); err != nil {
		return nil, err
	} else if cb != nil {
		return nil, fmt.Errorf("%s: the file says %s but audit record %d says %s: the file was changed", fileFields[cb.Field], clip(cb.Now), cb.Seq, clip(cb.Trail))
	}
	if err := answersMatch(f, trail); err != nil {
		return nil, err
	}
	if err := planMatches(f, trail); err != nil {
		return nil, err
	}
	if err := signOffsMatch(f, trail); err != nil {
		return nil, err
	}
	if err := subjectMatches(f, signed.SubjectUUID, trusted); err != nil {
		return nil, err
	}
	if err := timesMatch(f, trail); err != nil {
		return nil, err
	}
	out.RevisionOf, out.SubjectUUID = revisedFrom(f.Events), signed.SubjectUUID
	return out, nil
}

// checkProof checks one proof and that its key is trusted.
func checkProof(field string, p *ledger.Proof, scope string, trusted *ledger.Keyring) (ledger.Trusted, error) {
	key, err := p.Check()
	if err != nil {
		return ledger.Trusted{}, fmt.Errorf("%s.%v", field, err)
	}
	if p.Leaf.Scope != scope {
		return ledger.Trusted{}, fmt.Errorf("%s.leaf.scope: is %q, not %q", field, clip(p.Leaf.Scope), scope)
	}
	t, ok := trusted.Lookup(key.ID())
	if !ok {
		return ledger.Trusted{}, &UntrustedKeyError{Field: field + ".key", Signer: p.Signer, Key: key}
	}
	return t, nil
}

// UntrustedKeyError is a file signed with a key the reader does not
// trust: nothing is shown altered, but nothing vouches for it either.
type UntrustedKeyError struct {
	Field  string // "head.assessment.key"
	Signer string // the name the file gives, unchecked
	Key    ledger.PublicKey
}

func (e *UntrustedKeyError) Error() string {
	name := e.Signer
	if ledger.CheckKeyName(name) != nil {
		name = "NAME"
	}
	return fmt.Sprintf("%s: the file is signed by %q with key %s, a key you do not trust. If it is a colleague's, check that fingerprint with them, then run: assay key trust %q %s",
		e.Field, clip(e.Signer), e.Key.ID(), name, e.Key)
}

// fileState is the assessment's state as the file gives it.
func fileState(f *File, subjectUUID string) ledger.State {
	a := f.Assessment
	revision := a.Revision
	if revision == 0 {
		revision = 1
	}
	return ledger.AssessmentStateOf(ledger.AssessmentState{
		UUID: a.UUID, SubjectUUID: subjectUUID, Subject: a.Subject, SubjectKind: a.SubjectKind, Reviewer: a.Reviewer,
		Digest: f.Questionnaire.Digest, AssessedOn: a.AssessedOn.String(), Deadlines: a.Deadlines, Status: a.Status,
		Archived: a.Archived, Revision: revision, RevisionOf: a.RevisionOf,
	})
}

// answersMatch: every answer is the one its last record says (value, note,
// evidence, source, review), and every question the trail answers is in
// the file.
func answersMatch(f *File, t *ledger.Trail) error {
	inFile := map[string]bool{}
	for i, a := range f.Answers {
		inFile[a.QuestionID] = true
		r, ok := t.Answers[a.QuestionID]
		if !ok {
			return fmt.Errorf("answers[%d] (%s): the audit trail has no record of it: the file was changed", i, clip(a.QuestionID))
		}
		if !ledger.SameAnswer(a, r.New) {
			return fmt.Errorf("answers[%d] (%s): differs from audit record %d, the last to set it: the file was changed", i, clip(a.QuestionID), r.Seq)
		}
		stamp := ledger.Stamp{At: a.UpdatedAt.UTC().Format(time.RFC3339Nano), By: a.UpdatedBy}
		if err := stampMatches(fmt.Sprintf("answers[%d]", i), t.CheckStamp("answer", a.QuestionID, stamp, r)); err != nil {
			return err
		}
	}
	for _, q := range slices.Sorted(maps.Keys(t.Answers)) {
		if !inFile[q] {
			return fmt.Errorf("answers: %s is in the audit trail (record %d) but not in the file: the file was changed", clip(q), t.Answers[q].Seq)
		}
	}
	return nil
}

// planMatches: every plan edit is the one its last record says, and every
// item the trail edits is in the file.
func planMatches(f *File, t *ledger.Trail) error {
	inFile := map[string]bool{}
	for i, pe := range f.PlanEdits {
		inFile[pe.Edit.Key] = true
		r, ok := t.Plan[pe.Edit.Key]
		if !ok {
			return fmt.Errorf("plan_edits[%d] (%s): the audit trail has no record of it: the file was changed", i, clip(pe.Edit.Key))
		}
		if !ledger.SamePlanEdit(pe.Edit, r.New) {
			return fmt.Errorf("plan_edits[%d] (%s): differs from audit record %d, the last to set it: the file was changed", i, clip(pe.Edit.Key), r.Seq)
		}
		stamp := ledger.Stamp{At: pe.UpdatedAt, By: pe.UpdatedBy}
		if err := stampMatches(fmt.Sprintf("plan_edits[%d]", i), t.CheckStamp("plan", pe.Edit.Key, stamp, r)); err != nil {
			return err
		}
	}
	for _, k := range slices.Sorted(maps.Keys(t.Plan)) {
		if !inFile[k] {
			return fmt.Errorf("plan_edits: %s is in the audit trail (record %d) but not in the file: the file was changed", clip(k), t.Plan[k].Seq)
		}
	}
	return nil
}

// stampMatches turns what ledger.CheckStamp found of an answer's or plan
// edit's time and author (field, as the file names it) into an error.
func stampMatches(field string, sb *ledger.StampBreak) error {
	switch {
	case sb == nil:
		return nil
	case sb.NotATime:
		return fmt.Errorf("%s.updated_at: %q is not a UTC time (RFC 3339)", field, clip(sb.Stored))
	case sb.Copy && sb.Trail == "":
		return fmt.Errorf("%s: audit record %d, the revision's copy, does not name it: the file was changed", field, sb.Seq)
	case sb.Copy:
		return fmt.Errorf("%s.updated_%s: is %s but audit record %d, the revision's copy, says %s: the file was changed", field, sb.Field, clip(sb.Stored), sb.Seq, clip(sb.Trail))
	}
	return fmt.Errorf("%s.updated_%s: is %s but audit record %d, the last to set it, says %s: the file was changed", field, sb.Field, clip(sb.Stored), sb.Seq, clip(sb.Trail))
}

// signOffsMatch: the signatures are the trail's sign-off records, in
// order, field for field.
func signOffsMatch(f *File, t *ledger.Trail) error {
	for i, s := range f.SignOffs {
		if i >= len(t.SignOffs) {
			return fmt.Errorf("signoffs[%d]: the signature of %s has no audit record: the file was changed", i, clip(s.Name))
		}
		if r := t.SignOffs[i]; !ledger.SameSignOff(s, r.New) {
			return fmt.Errorf("signoffs[%d]: is not the signature audit record %d holds: the file was changed", i, r.Seq)
		}
	}
	if len(t.SignOffs) > len(f.SignOffs) {
		return fmt.Errorf("signoffs: audit record %d holds a signature the file lacks: the file was changed", t.SignOffs[len(f.SignOffs)].Seq)
	}
	return nil
}

// subjectMatches: the subject's signed head is that of the subject the
// assessment's own signed state names (subjectUUID), and the subject's
// record in the file is the one it holds. Without the first, any other
// subject's signed head, taken from another export with its record, would
// pass for this one's.
func subjectMatches(f *File, subjectUUID string, trusted *ledger.Keyring) error {
	p := f.Head.Subject
	if p == nil {
		if f.SubjectRecord != nil {
			return fmt.Errorf("subject_record: the file has no signed head for its subject, so its record cannot be proved")
		}
		return nil
	}
	if _, err := checkProof("head.subject", p, ledger.ScopeSubject, trusted); err != nil {
		return err
	}
	var s ledger.SubjectState
	if err := json.Unmarshal([]byte(p.State), &s); err != nil {
		return fmt.Errorf("head.subject.state: does not read: %v", err)
	}
	if p.Leaf.UUID != subjectUUID || s.UUID != subjectUUID {
		return fmt.Errorf("head.subject: is the signed head of subject %s (%s), not of the assessment's subject (%s) that its signed head names: the file was changed",
			clip(safetext.OneLine(s.Name)), clip(p.Leaf.UUID), clip(subjectUUID))
	}
	rec := SubjectRecord{}
	if f.SubjectRecord != nil {
		rec = *f.SubjectRecord
	}
	list := func(l []string) string {
		b, _ := json.Marshal(append([]string{}, l...)) // none and an empty list alike
		return string(b)
	}
	for _, f := range []struct{ field, file, signed string }{
		{"owner", rec.Owner, s.Owner}, {"contacts", list(rec.Contacts), list(s.Contacts)}, {"tier", rec.Tier, s.Tier}, {"notes", rec.Notes, s.Notes},
	} {
		if f.file != f.signed {
			return fmt.Errorf("subject_record.%s: is not what the subject's signed head says: the file was changed", f.field)
		}
	}
	return nil
}

// revisedFrom reads a revision's creation record: the approved assessment
// it revises and that assessment's chain length and head then.
func revisedFrom(events []Event) ledger.Pin {
	if len(events) == 0 || events[0].Kind != "revise" {
		return ledger.Pin{}
	}
	var rec struct {
		UUID   string `json:"revision_of_uuid"`
		Events int64  `json:"revision_of_events"`
		Head   string `json:"revision_of_head"`
	}
	if json.Unmarshal([]byte(events[0].New), &rec) != nil {
		return ledger.Pin{}
	}
	return ledger.Pin{Assessment: rec.UUID, Records: rec.Events, Head: rec.Head}
}

// timesMatch places the assessment's creation and update times within its
// trail by the rule verify holds a database to (ledger.CheckTimes), and
// the update time at the record that last set it (Trail.CheckUpdated).
// Which reports list first depends on them.
func timesMatch(f *File, trail *ledger.Trail) error {
	stated := trail.CreatedAt
	parse := func(field, v string) (time.Time, error) {
		t, err := time.Parse(time.RFC3339Nano, v)
		if err != nil {
			return t, fmt.Errorf("%s: %q is not a UTC time (RFC 3339)", field, clip(v))
		}
		return t, nil
	}
	created, err := parse("assessment.created_at", f.Assessment.CreatedAt)
	if err != nil {
		return err
	}
	updated, err := parse("assessment.updated_at", f.Assessment.UpdatedAt)
	if err != nil {
		return err
	}
	if _, err := parse("events[0].at", f.Events[0].At); err != nil {
		return err
	}
	n := len(f.Events)
	if _, err := parse(fmt.Sprintf("events[%d].at", n-1), f.Events[n-1].At); err != nil {
		return err
	}
	fault, r := ledger.CheckStamps(created, updated, stated, n, func(i int) string { return f.Events[i].At })
	switch fault {
	case ledger.CreatedNotStated:
		return fmt.Errorf("assessment.created_at: is not the time its creation record states (%s): the file was changed", clip(stated))
	case ledger.CreatedAfterFirst:
		return fmt.Errorf("assessment.created_at: is after its first audit record (%s): the file was changed", f.Events[r].At)
	case ledger.UpdatedAfterLast:
		return fmt.Errorf("assessment.updated_at: is after its latest audit record (%s): the file was changed", f.Events[r].At)
	case ledger.UpdatedBeforeCreated:
		return fmt.Errorf("assessment.updated_at: is before its creation (%s): the file was changed", f.Assessment.CreatedAt)
	}
	if fault, seq := trail.CheckUpdated(created, updated); fault != ledger.TimesFit {
		e := f.Events[seq-1]
		if e.Kind == "create" || e.Kind == "revise" {
			return fmt.Errorf("assessment.updated_at: is not its creation time, though audit record %d, its creation, is the last to change it: the file was changed", seq)
		}
		return fmt.Errorf("assessment.updated_at: is not the time of audit record %d (%s), the last to change it: the file was changed", seq, clip(e.At))
	}
	return nil
}
