package assess

// ReviewStep is a step of an assessment's review: its day and the state
// it left the assessment in.
type ReviewStep struct {
	On Date
	To Lifecycle
}

// ReviewStepOf is the step sign-off s is, and false for a DPO opinion,
// which changes no state.
func ReviewStepOf(s SignOff) (ReviewStep, bool) {
	to, ok := stepStates[s.Decision]
	if s.Role == RoleDPO || !ok {
		return ReviewStep{}, false
	}
	return ReviewStep{On: s.On, To: to}, true
}

// stepStates is the state each step of the review leaves an assessment in.
var stepStates = map[string]Lifecycle{"submitted": InReview, "approved": Approved, "rejected": Rejected, "withdrawn": Draft}

// StatusOn is the state the assessment was in on day: that of the last
// step of its review dated on or before it, or a draft before its first.
// A step signed after day had not been taken: an assessment approved on
// the 10th was in review on the 1st. Without its steps (an assessment
// whose review nobody signed, or a ref read without them) it is the
// state it has now.
func (r AssessmentRef) StatusOn(day Date) Lifecycle {
	if len(r.Steps) == 0 {
		return r.Status
	}
	state := Draft
	for _, s := range r.Steps {
		if !s.On.After(day) {
			state = s.To
		}
	}
	return state
}

// SubjectsOn is subjects as their assessments stood on day, for a
// reassessment list as of an earlier day (assay due --as-of): each
// assessment in the state its review had reached then (StatusOn), and the
// tier resolved from those. The subjects given are not changed.
func SubjectsOn(subjects []*Subject, day Date) []*Subject {
	out := make([]*Subject, len(subjects))
	for i, s := range subjects {
		c := *s
		c.Assessments = make([]AssessmentRef, len(s.Assessments))
		for j, r := range s.Assessments {
			r.Status = r.StatusOn(day)
			c.Assessments[j] = r
		}
		c.ResolveTier()
		out[i] = &c
	}
	return out
}
