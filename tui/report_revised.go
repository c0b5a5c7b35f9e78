package tui

import "github.com/assay-dev/assay/assess"

// revisedApproval is, for a revision, the approval of the assessment it
// revises, which its report names beside that assessment's number (as
// assay report does); nil for an assessment that revises none, or one
// whose approval is not on record. Read off the update loop.
func revisedApproval(d Deps, a *assess.Assessment) (*assess.SignOff, error) {
	if a.RevisionOf == 0 || d.Repo == nil {
		return nil, nil
	}
	revised, err := d.Repo.Assessment(d.ctx(), a.RevisionOf)
	if err != nil {
		return nil, err
	}
	if ap, ok := revised.Approval(); ok {
		return &ap, nil
	}
	return nil, nil
}
