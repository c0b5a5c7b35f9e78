package assess

import (
	"time"
)

// Assessment is one run of a questionnaire about one subject. It pins the
// questionnaire it started with (a snapshot) and the deadline policy, so
// later edits to either never change it.
type Assessment struct {
	ID          int64
	UUID        string
	Subject     string
	SubjectKind string // vendor, system or dataset
	// SubjectKindOffered: SubjectKind was only offered (a form's default
	// for the questionnaire), not chosen, so a subject already recorded
	// with a kind keeps it rather than the new assessment being refused.
	SubjectKindOffered bool
	Reviewer           string
	Questionnaire      *Questionnaire
	AssessedOn         Date // deadlines run from this day
	Deadlines          Deadlines
	Status             Lifecycle
	// Archive is the archive flag as stored: Archive.Archived() for an
	// assessment set aside, and Archive.SetOutsideAssay() for a flag
	// assay never writes (archive_flag.go).
	Archive   ArchiveFlag
	CreatedAt time.Time
	UpdatedAt time.Time

	Answers   Answers
	PlanEdits map[string]PlanEdit
	Summary   Summary

	// Governance (see lifecycle.go and subject.go).
	SubjectID  int64     // the subject record; Subject keeps the name as assessed
	Revision   int       // 1 for an original, n+1 for a revision of revision n
	RevisionOf int64     // the approved assessment this one revises; 0 for none
	SignOffs   []SignOff // in the order they were given
	// RevisedApproval is, for a revision, the approval of the assessment
	// it revises, as the store reads it with the revision: its report
	// names it, so the revision is judged no earlier than its day
	// (JudgedOn). Nil for an original, or while that assessment is not
	// here.
	RevisedApproval *SignOff
	// AsSubmitted is, for an assessment in review or approved, what was
	// changed since its last submission stood at as submitted (review.go).
	AsSubmitted *AsSubmitted
	// Imported is where the assessment came from when it was brought in
	// with assay import, as its import audit record states it; nil for
	// one made here.
	Imported *Imported
	// Explanations are the explanations of disagreeing answers its audit
	// trail records, oldest first (explain.go); Evaluate gives each
	// disagreement the one that still stands.
	Explanations []Explanation
	// CarriedNotHere are the explanations a revision's trail says it
	// carried from the assessment it revises, when that assessment is
	// not here to vouch for them (a revision imported without it): they
	// explain nothing, and are kept to say which did not come across.
	// By and At are who wrote each there and when; Seq is the
	// revision's own record.
	CarriedNotHere []Explanation
}

// Lifecycle is an assessment's review state.
type Lifecycle string

// Lifecycle states.
const (
	Draft    Lifecycle = "draft"
	InReview Lifecycle = "in-review"
	Approved Lifecycle = "approved"
	Rejected Lifecycle = "rejected"
)

// Words is the state as people read it: "in review", not "in-review"; an
// assessment stored before states existed is a draft.
func (l Lifecycle) Words() string {
	switch l {
	case InReview:
		return "in review"
	case "":
		return "draft"
	}
	return string(l)
}

// Evaluation is an assessment scored and planned on a given day.
type Evaluation struct {
	Assessment *Assessment
	Result     *Result
	Plan       []PlanItem
	Today      Date
}

// Evaluate scores the assessment and builds its remediation plan as of
// today, or as of the assessment date while today is before it (JudgedOn).
func Evaluate(a *Assessment, today Date) *Evaluation {
	today = a.JudgedOn(today)
	res := Score(a.Questionnaire, a.Answers, a.AssessedOn)
	a.explain(res)
	deadlines := a.Deadlines
	if deadlines == nil {
		deadlines = DefaultDeadlines()
	}
	plan := BuildPlan(res.Findings, a.PlanEdits, deadlines, a.AssessedOn, today)
	return &Evaluation{Assessment: a, Result: res, Plan: plan, Today: today}
}

// Open counts plan items not closed; Overdue those of them past due.
func (e *Evaluation) Open() (open, overdue int) {
	for _, it := range e.Plan {
		if !it.Closed() {
			open++
			if it.Overdue(e.Today) {
				overdue++
			}
		}
	}
	return open, overdue
}

// Summary is what lists show of an assessment without scoring it again:
// it is stored with the assessment and refreshed on every change.
type Summary struct {
	ScoringVersion string `json:"scoring_version"`
	Level          string `json:"level,omitempty"`
	LevelTitle     string `json:"level_title,omitempty"`
	LevelRank      int    `json:"level_rank"`
	LevelOf        int    `json:"level_of"`
	// LevelUnsettled: answers still to come could change the level, which
	// is the worst case until then (LevelResult.Unsettled); lists show the
	// assessment as not rated yet.
	LevelUnsettled bool `json:"level_unsettled,omitempty"`
	// UseForbidden: an answer describes a use the law forbids (a
	// knock-out with forbids_use, UseForbidden): whatever its status,
	// lists say the system must not be used, as its report does.
	UseForbidden bool          `json:"use_forbidden,omitempty"`
	Answered     int           `json:"answered"`
	Total        int           `json:"total"`
	Complete     bool          `json:"complete"`
	Findings     int           `json:"findings"`
	Items        []ItemSummary `json:"items,omitempty"`
}

// Headline is the level as lists show it: "not rated yet" while answers
// still to come could change it (LevelResult.Headline), else the level,
// "" for none.
func (s Summary) Headline() string {
	if s.LevelUnsettled {
		return NotRatedYet
	}
	return s.Level
}

// ItemSummary is enough of a plan item to count it open or overdue on any day.
type ItemSummary struct {
	Key           string     `json:"key"`
	Severity      Severity   `json:"severity"`
	Due           Date       `json:"due"`
	Status        ItemStatus `json:"status"`
	AcceptedUntil Date       `json:"accepted_until,omitzero"`
	// Count is how many alike items this one stands for: lists group the
	// items with the same status, due date and expiry, without key or
	// severity, to read less. Zero means one.
	Count int `json:"count,omitempty"`
}

// Summarize condenses an evaluation for lists.
func Summarize(e *Evaluation) Summary {
	s := Summary{
		ScoringVersion: e.Result.ScoringVersion,
		Answered:       e.Result.Answered,
		Total:          e.Result.Total,
		Complete:       e.Result.Complete,
		Findings:       len(e.Result.Findings),
		LevelRank:      -1,
	}
	if o := e.Result.Outcome; o != nil {
		s.Level, s.LevelTitle, s.LevelRank, s.LevelOf = o.Level, o.Title, o.Rank, o.Of
		s.LevelUnsettled = o.Unsettled
	}
	_, s.UseForbidden = UseForbidden(e.Result)
	for _, it := range e.Plan {
		is := ItemSummary{Key: it.Key(), Severity: it.Finding.Severity, Due: it.Due, Status: it.Status}
		if it.Status == ItemAccepted && it.Acceptance != nil {
			is.AcceptedUntil = it.Acceptance.Expires
		}
		if it.Status == ItemAccepted && it.Acceptance == nil {
			is.Status = ItemOpen // an acceptance without its record never closes an item
		}
		s.Items = append(s.Items, is)
	}
	return s
}

// OpenOn counts the summary's items open and overdue on day today.
func (s Summary) OpenOn(today Date) (open, overdue int) {
	for _, it := range s.Items {
		closed := it.Status == ItemDone || (it.Status == ItemAccepted && !it.AcceptedUntil.Before(today))
		if closed {
			continue
		}
		n := max(it.Count, 1)
		open += n
		if it.Due.Before(today) {
			overdue += n
		}
	}
	return open, overdue
}
