package export

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/assay-dev/assay/assess"
)

// CheckFields checks the form and range of every field of an assessment
// file that the questionnaire does not decide: identifiers, times and
// dates, names, free text, the audit records' fields and hashes. It names
// the first field at fault. A file comes from another database or from
// anyone; nothing in it is stored before it passes, and the store checks
// the rest (the questionnaire's digest, each answer against it, the audit
// chain, the answers against the trail).
//
// Names and free text must be as assay stores them: free text is not
// cleaned here, as it is when a person types it, because the audit trail's
// hashes cover it byte for byte.
func (f *File) CheckFields() error {
	c := &fieldCheck{}
	c.stamp("exported_at", f.ExportedAt)
	c.name("exported_by", f.ExportedBy)

	a := f.Assessment
	c.uuid("assessment.uuid", a.UUID)
	c.name("assessment.subject", a.Subject)
	if c.err == nil && assess.NameKey(a.Subject) == "" {
		c.fail("assessment.subject", "an assessment needs a subject")
	}
	c.name("assessment.reviewer", a.Reviewer)
	c.date("assessment.assessed_on", a.AssessedOn, true)
	if a.Revision < 0 || a.Revision > maxRevision {
		c.fail("assessment.revision", "a revision is a whole number from 1 to %d, not %d", maxRevision, a.Revision)
	}
	if a.RevisionOf != "" {
		c.uuid("assessment.revision_of", a.RevisionOf)
	}
	c.stamp("assessment.created_at", a.CreatedAt)
	c.stamp("assessment.updated_at", a.UpdatedAt)

	if r := f.SubjectRecord; r != nil {
		c.name("subject_record.owner", r.Owner)
		for i, contact := range r.Contacts {
			c.name(fmt.Sprintf("subject_record.contacts[%d]", i), contact)
		}
		c.text("subject_record.notes", r.Notes)
	}

	c.key("questionnaire.id", f.Questionnaire.ID)
	c.key("questionnaire.version", f.Questionnaire.Version)
	c.text("questionnaire.source_name", f.Questionnaire.SourceName)
	c.hash("questionnaire.digest", f.Questionnaire.Digest)

	for i, ans := range f.Answers {
		field := fmt.Sprintf("answers[%d]", i)
		c.key(field+".question", ans.QuestionID)
		c.text(field+".value.text", ans.Value.Text)
		if ans.Value.Risk != nil {
			c.text(field+".value.risk.measures", ans.Value.Risk.Measures)
		}
		// An answer's date is any day of the calendar, as assay answer
		// and the interview take it (a vendor founded in 1952): only the
		// days assay records itself are held to the years 1970 to 9999.
		c.text(field+".note", ans.Note)
		if err := assess.CheckEvidenceCount(len(ans.Evidence)); err != nil {
			c.fail(field+".evidence", "%v", err)
		}
		for j, e := range ans.Evidence {
			c.text(fmt.Sprintf("%s.evidence[%d]", field, j), e)
		}
		c.when(field+".updated_at", ans.UpdatedAt)
		c.name(field+".updated_by", ans.UpdatedBy)
	}

	for i, pe := range f.PlanEdits {
		field := fmt.Sprintf("plan_edits[%d]", i)
		e := pe.Edit
		c.key(field+".edit.key", e.Key)
		c.name(field+".edit.owner", e.Owner)
		c.text(field+".edit.action", e.Action)
		c.date(field+".edit.due", e.Due, false)
		c.text(field+".edit.due_reason", e.DueReason)
		if acc := e.Acceptance; acc != nil {
			c.name(field+".edit.acceptance.approver", acc.Approver)
			c.text(field+".edit.acceptance.reason", acc.Reason)
			c.date(field+".edit.acceptance.expires", acc.Expires, false)
		}
		for j, m := range e.Milestones {
			ms := fmt.Sprintf("%s.edit.milestones[%d]", field, j)
			c.text(ms+".title", m.Title)
			c.date(ms+".due", m.Due, false)
		}
		c.stamp(field+".updated_at", pe.UpdatedAt)
		c.name(field+".updated_by", pe.UpdatedBy)
	}

	for i, s := range f.SignOffs {
		field := fmt.Sprintf("signoffs[%d]", i)
		decisions, ok := assess.Decisions[s.Role]
		if !ok && c.err == nil {
			c.fail(field+".role", "%q is not a role that signs (author, reviewer, dpo)", clip(s.Role))
		}
		if ok && !slices.Contains(decisions, s.Decision) {
			c.fail(field+".decision", "a %s decides %s, not %q", s.Role, strings.Join(decisions, ", "), clip(s.Decision))
		}
		c.name(field+".name", s.Name)
		c.date(field+".date", s.On, true)
		c.text(field+".comment", s.Comment)
		if s.At.IsZero() {
			c.fail(field+".at", "the time of the signature is missing")
		}
		c.when(field+".at", s.At)
	}

	for i, e := range f.Events {
		field := fmt.Sprintf("events[%d]", i)
		c.stamp(field+".at", e.At)
		c.name(field+".actor", e.Actor)
		if !eventKind().MatchString(e.Kind) {
			c.fail(field+".kind", "%q is not a kind of audit record", clip(e.Kind))
		}
		c.key(field+".target", e.Target)
		for part, v := range map[string]string{".old": e.Old, ".new": e.New} {
			if v != "" && !json.Valid([]byte(v)) {
				c.fail(field+part, "the recorded value is not JSON")
			}
		}
		if i > 0 {
			c.hash(field+".prev_hash", e.PrevHash)
		} else if e.PrevHash != "" {
			c.fail(field+".prev_hash", "the first record follows no other")
		}
		c.hash(field+".hash", e.Hash)
	}
	if len(f.Events) > 0 {
		c.hash("event_head", f.EventHead)
	}
	return c.err
}

// maxRevision bounds a revision number.
const maxRevision = 9999

var (
	uuidForm = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
	})
	hashForm  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9a-f]{64}$`) })
	eventKind = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z][a-z-]{0,31}$`) })
)

// fieldCheck keeps the first fault found.
type fieldCheck struct{ err error }

func (c *fieldCheck) fail(field, format string, args ...any) {
	if c.err == nil {
		c.err = fmt.Errorf("%s: %s", field, fmt.Sprintf(format, args...))
	}
}

// name checks a name as recorded (assess.CheckStoredName): the file's
// names are the database's, which an older assay may have recorded with
// characters that show as nothing, and the trail's hashes cover them as
// they are. Outer spaces pass: an older assay recorded names untrimmed,
// and they show as they are.
func (c *fieldCheck) name(field, s string) {
	if err := assess.CheckStoredName("the name", s); err != nil {
		c.fail(field, "%v", err)
	}
	if strings.TrimSpace(s) != strings.Trim(s, " ") { // CleanName trims these; the file's name is stored as it is
		c.fail(field, "the name starts or ends with a line break, tab or other space that is not a plain space")
	}
}

// text checks free text as assay stores it (assess.CheckStoredText).
func (c *fieldCheck) text(field, s string) {
	if err := assess.CheckStoredText("the text", s); err != nil {
		c.fail(field, "%v", err)
	}
}

// key checks an identifier: a question ID, a version, a record's target.
func (c *fieldCheck) key(field, s string) {
	switch r, at := firstControl(s); {
	case s == "":
		c.fail(field, "it is missing")
	case at >= 0:
		c.fail(field, "%q holds a control or invisible formatting character (U+%04X)", clip(s), r)
	case utf8.RuneCountInString(s) > assess.MaxNameLength:
		c.fail(field, "it is %d characters long; an identifier may have at most %d", utf8.RuneCountInString(s), assess.MaxNameLength)
	}
}

func (c *fieldCheck) uuid(field, s string) {
	if !uuidForm().MatchString(s) {
		c.fail(field, "%q is not a UUID (8-4-4-4-12 hexadecimal digits)", clip(s))
	}
}

func (c *fieldCheck) hash(field, s string) {
	if !hashForm().MatchString(s) {
		c.fail(field, "%q is not a SHA-256 hash (64 lowercase hexadecimal digits)", clip(s))
	}
}

// stamp checks a time written as RFC 3339 text.
func (c *fieldCheck) stamp(field, s string) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		c.fail(field, "%q is not a time (RFC 3339, as 2026-03-01T09:30:00Z)", clip(s))
		return
	}
	c.when(field, t)
}

// when checks a time's year; the zero time is "not recorded".
func (c *fieldCheck) when(field string, t time.Time) {
	if !t.IsZero() && !assess.DateOf(t.UTC()).InRecordRange() {
		c.fail(field, "%s is not in the years %d to %d", t.UTC().Format(time.RFC3339), assess.MinRecordYear, assess.MaxRecordYear)
	}
}

func (c *fieldCheck) date(field string, d assess.Date, required bool) {
	switch {
	case d.IsZero() && required:
		c.fail(field, "the date is missing")
	case !d.IsZero() && !d.InRecordRange():
		c.fail(field, "%s is not in the years %d to %d", d, assess.MinRecordYear, assess.MaxRecordYear)
	}
}

// firstControl finds a control, bidi or other invisible formatting
// character, which an identifier never holds.
func firstControl(s string) (rune, int) {
	for i, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == utf8.RuneError || unicode.Is(unicode.Cf, r) {
			return r, i
		}
	}
	return 0, -1
}
