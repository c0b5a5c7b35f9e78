package tui

import (
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A save in the workspace outlasts the team database's lock wait
// (assess.WriteWait): a write the server refuses because another session
// holds the assessment is then named as such, rather than cut off at the
// same moment as "the database did not answer".
func TestASaveOutlastsTheLockWait(t *testing.T) {
	if got := (Deps{}).saveTimeout(); got <= assess.WriteWait {
		t.Errorf("a save gets %s, no more than the lock wait of %s: the workspace gives up as the server does", got, assess.WriteWait)
	}
}
