package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/assay-dev/assay/assess"
)

// revisedApproval is, for a revision, the approval of the assessment it
// revises, which the report names beside its number: nil for an assessment
// that revises none, or one whose approval is not on record.
func (a *app) revisedApproval(cmd *cobra.Command, asmt *assess.Assessment) (*assess.SignOff, error) {
	if asmt.RevisionOf == 0 {
		return nil, nil
	}
	db, err := a.store()
	if err != nil {
		return nil, err
	}
	revised, err := db.Assessment(a.ctx(cmd), asmt.RevisionOf)
	if err != nil {
		return nil, fmt.Errorf("assessment %d revises assessment %d, which cannot be read: %w", asmt.ID, asmt.RevisionOf, err)
	}
	if ap, ok := revised.Approval(); ok {
		return &ap, nil
	}
	return nil, nil
}
