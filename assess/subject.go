package assess

import (
	"sort"
	"strings"
	"time"
)

// Subject kinds.
const (
	SubjectVendor  = "vendor"
	SubjectSystem  = "system"
	SubjectDataset = "dataset"
)

// SubjectKinds lists every kind of subject.
var SubjectKinds = []string{SubjectVendor, SubjectSystem, SubjectDataset}

// Tiers are the inherent tiers, least critical first, as the built-in
// third-party questionnaire's "tier" level names them.
var Tiers = []string{"low", "moderate", "high", "critical"}

// TierLevels are the IDs of the level that sets a vendor's inherent tier,
// in order of preference: a questionnaire that defines one is a
// third-party assessment for tiering.
var TierLevels = []string{"tier", "inherent-tier"}

// TierLevelOf returns the ID of q's tier level, or "" if it has none.
func TierLevelOf(q *Questionnaire) string {
	if q == nil {
		return ""
	}
	for _, id := range TierLevels {
		if _, ok := q.Level(id); ok {
			return id
		}
	}
	return ""
}

// Subject is what is assessed: a vendor, a system or a dataset, with its
// assessments over time.
type Subject struct {
	ID int64
	// UUID names the subject the same way in every database.
	UUID     string
	Name     string
	Kind     string // vendor, system or dataset
	Owner    string // who in the organisation answers for it
	Contacts []string
	Notes    string
	// SetTier is a tier set by hand, used only while no assessment sets one.
	SetTier string
	// Tier is the tier in force: from the latest third-party assessment
	// (TierFrom), else SetTier.
	Tier      string
	TierFrom  int64
	CreatedAt time.Time
	UpdatedAt time.Time

	// Assessments are the subject's assessments, oldest first.
	Assessments []AssessmentRef
}

// AssessmentRef is enough of an assessment to place it in a subject's
// history and cadence.
type AssessmentRef struct {
	ID            int64
	Questionnaire string
	Title         string
	AssessedOn    Date
	Status        Lifecycle
	Archived      bool
	Revision      int
	RevisionOf    int64
	Level         string // its headline level, or NotRatedYet while answers to come could change it
	UseForbidden  bool   // an answer describes a use the law forbids (Summary.UseForbidden)
	Tier          string // the tier it sets, if its questionnaire has a tier level
	// Steps are its review's steps (submission, approval, rejection,
	// withdrawal) in the order given, for its state on an earlier day
	// (StatusOn); nil when the store did not read them.
	Steps []ReviewStep
}

// RefOf summarises an assessment for a subject's history; tier is the
// tier it sets ("" if none).
func RefOf(a *Assessment, tier string) AssessmentRef {
	r := AssessmentRef{ID: a.ID, AssessedOn: a.AssessedOn, Status: a.Status, Archived: a.Archive.Archived(),
		Revision: a.Revision, RevisionOf: a.RevisionOf, Level: a.Summary.Headline(), UseForbidden: a.Summary.UseForbidden, Tier: tier}
	if a.Questionnaire != nil {
		r.Questionnaire, r.Title = a.Questionnaire.ID, a.Questionnaire.Title
	}
	return r
}

// Counts reports whether the assessment counts for tier and cadence: it
// is neither archived nor rejected.
func (r AssessmentRef) Counts() bool {
	return !r.Archived && r.Status != Rejected
}

// TierOf scores the assessment and returns the tier its answers set, or
// "" if its questionnaire has no tier level or the tier is not yet
// determined: a question that feeds it is visible and unanswered (an
// unanswered question counts as the worst answer, and a blank draft must
// not make every vendor critical), or, in a draft, answered by the vendor
// and not yet confirmed.
func TierOf(a *Assessment) string {
	id := TierLevelOf(a.Questionnaire)
	if id == "" {
		return ""
	}
	res := Score(a.Questionnaire, a.Answers, a.AssessedOn)
	dims := map[string]bool{}
	levelDimensions(a.Questionnaire, id, dims, 0)
	for _, qr := range res.Questions {
		if !dims[qr.Dimension] || !qr.Visible {
			continue
		}
		if qr.Status == StatusUnanswered {
			return ""
		}
		// The vendor does not set its own tier, and with it how often it
		// is reassessed: its answers count once an analyst confirmed
		// them, or a reviewer accepted them as given to submit.
		if ans := a.Answers[qr.ID]; a.Status == Draft && ans.Source == ByVendor && !ans.Reviewed {
			return ""
		}
	}
	if l, ok := res.Level(id); ok {
		return l.Level
	}
	return ""
}

// levelDimensions collects the dimensions a level is read from.
func levelDimensions(q *Questionnaire, id string, into map[string]bool, depth int) {
	def, ok := q.Level(id)
	if !ok || depth > len(q.Levels) {
		return
	}
	if def.Matrix != nil {
		levelDimensions(q, def.Matrix.Rows, into, depth+1)
		levelDimensions(q, def.Matrix.Cols, into, depth+1)
	}
	if def.Dimension != "" {
		into[def.Dimension] = true
	}
}

// SortHistory orders refs oldest first: by assessment date, then ID.
func SortHistory(refs []AssessmentRef) {
	sort.SliceStable(refs, func(i, j int) bool {
		a, b := refs[i].AssessedOn, refs[j].AssessedOn
		if a.Before(b) || b.Before(a) {
			return a.Before(b)
		}
		return refs[i].ID < refs[j].ID
	})
}

// ResolveTier sets s.Tier and s.TierFrom: the tier of the latest counted
// assessment that sets one, else the tier set by hand. s.Assessments must
// be sorted oldest first.
func (s *Subject) ResolveTier() {
	s.Tier, s.TierFrom = s.SetTier, 0
	for i := len(s.Assessments) - 1; i >= 0; i-- {
		r := s.Assessments[i]
		if r.Counts() && r.Tier != "" {
			s.Tier, s.TierFrom = r.Tier, r.ID
			return
		}
	}
}

// ParseSubjectKind checks a subject kind; "" is allowed (not said).
func ParseSubjectKind(k string) (string, error) {
	k = strings.ToLower(strings.TrimSpace(k))
	if k == "" {
		return "", nil
	}
	for _, x := range SubjectKinds {
		if x == k {
			return k, nil
		}
	}
	return "", Errorf(EInvalid, "unknown subject kind %q (use vendor, system or dataset)", k)
}

// ParseTier checks a tier name; "" clears it.
func ParseTier(t string) (string, error) {
	t = strings.ToLower(strings.TrimSpace(t))
	if t == "" {
		return "", nil
	}
	for _, x := range Tiers {
		if x == t {
			return t, nil
		}
	}
	return "", Errorf(EInvalid, "unknown tier %q (use %s)", t, strings.Join(Tiers, ", "))
}

// Validate checks a subject's fields before it is stored, and trims them:
// the name, owner and contacts are names (CleanName), the notes free text
// (CleanText).
func (s *Subject) Validate() error { return s.ValidateAgainst(nil) }

// ValidateAgainst checks a subject's fields as Validate does, except that
// a name, owner or contact that rec, the subject as recorded, already
// holds stands as recorded (KeepName): editing a subject's tier, or
// importing a signed export's record of it, does not refuse a name an
// older assay accepted. rec may be nil.
func (s *Subject) ValidateAgainst(rec *Subject) error {
	var name, owner string
	var contacts []string
	if rec != nil {
		name, owner, contacts = rec.Name, rec.Owner, rec.Contacts
	}
	var err error
	if s.Name, err = KeepName("subject name", s.Name, name); err != nil {
		return err
	}
	if NameKey(s.Name) == "" {
		return Errorf(EInvalid, "a subject needs a name")
	}
	if s.Kind, err = ParseSubjectKind(s.Kind); err != nil {
		return err
	}
	if s.SetTier, err = ParseTier(s.SetTier); err != nil {
		return err
	}
	if s.Owner, err = KeepName("subject owner", s.Owner, owner); err != nil {
		return err
	}
	var kept []string
	for _, c := range s.Contacts {
		if c, err = KeepName("contact", c, contacts...); err != nil {
			return err
		}
		if c != "" {
			kept = append(kept, c)
		}
	}
	s.Contacts = kept
	if s.Notes, err = CleanText("subject notes", s.Notes); err != nil {
		return err
	}
	return nil
}

// SubjectChange is a change someone asks for on a subject's record; nil
// fields stay as they are. Contacts, when set, replaces the list.
type SubjectChange struct {
	Name, Kind, Owner, SetTier, Notes *string
	Contacts                          *[]string
}

// Empty reports whether the change changes nothing.
func (ch SubjectChange) Empty() bool {
	return ch.Name == nil && ch.Kind == nil && ch.Owner == nil && ch.SetTier == nil && ch.Notes == nil && ch.Contacts == nil
}

// ApplySubjectChange returns the record that results from applying ch to
// cur, checked. The store runs it inside the write transaction on the
// record it has just read, so that people changing different fields of
// one subject at the same time all keep their change.
func ApplySubjectChange(cur Subject, ch SubjectChange) (Subject, error) {
	s := cur
	s.Assessments = nil
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = *v
		}
	}
	set(&s.Name, ch.Name)
	set(&s.Kind, ch.Kind)
	set(&s.Owner, ch.Owner)
	set(&s.SetTier, ch.SetTier)
	set(&s.Notes, ch.Notes)
	s.Contacts = cur.Contacts
	if ch.Contacts != nil {
		s.Contacts = *ch.Contacts
	}
	if err := s.ValidateAgainst(&cur); err != nil {
		return cur, err
	}
	return s, nil
}
