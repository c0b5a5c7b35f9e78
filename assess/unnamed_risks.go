package assess

import "strings"

// Unnamed reports whether a is a rating of a risk named in its note
// (RiskDef.NamedInNote) whose note names nothing: the register would show
// the questionnaire's placeholder title at the rating's level.
func (q *Question) Unnamed(a Answer) bool {
	return q.Type == TypeRisk && q.RiskDef != nil && q.RiskDef.NamedInNote &&
		a.Value.Risk.InitialRated() && noteName(a.Note) == ""
}

// UnnamedRisks lists, in the questionnaire's order, the visible risks
// that are rated but not named (Question.Unnamed).
func (a *Assessment) UnnamedRisks() []string {
	return a.visibleWhere((*Question).Unnamed)
}

// UnnamedRisksRefused returns an error when action sends a to the
// committee (a submit or an approval) while a risk of it is rated but not
// named: the committee would decide on a risk nobody can say.
func UnnamedRisksRefused(a *Assessment, action Action) error {
	if action != ActSubmit && action != ActApprove {
		return nil
	}
	open := a.UnnamedRisks()
	if len(open) == 0 {
		return nil
	}
	return Errorf(EConflict, "cannot %s assessment %d: %s %s rated but not named: "+
		"write the risk's name as the first line of its note (n in the interview, note: in an answers file), "+
		"or clear the rating if there is no such risk",
		action, a.ID, strings.Join(open, ", "), Plural(len(open), "is", "are"))
}
