package assess

// FindingControls are the controls a finding on q lists. A risk's rating
// is evidence that the risk was assessed (its Controls, such as NIST CSF
// ID.RA-04), not of the measures against it: a finding that a risk of
// illegitimate access is high, listing ID.RA-04, would send the committee
// looking for a missing risk assessment, when the assessment is what
// found the risk. So a risk that names the controls it concerns
// (Concerns) lists those; any other question, and a risk that names
// none (a questionnaire written before concerns existed), lists the
// controls it maps.
func (q *Question) FindingControls() Controls {
	if q.Type == TypeRisk && q.Concerns != nil {
		return q.Concerns
	}
	return q.Controls
}
