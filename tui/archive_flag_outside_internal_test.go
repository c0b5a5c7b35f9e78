package tui

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// An archive flag set outside assay (7, typed with sqlite3) is refused in
// the workspace as what it is, as the store and assay answer refuse it:
// said as an ordinary archive, the tampering went unseen, and the remedy
// named none of what assay verify finds.
func TestTheWorkspaceSaysAnArchiveFlagSetOutsideAssay(t *testing.T) {
	for _, c := range []struct {
		flag        assess.ArchiveFlag
		says, never string
	}{
		{assess.ArchivedInAssay, "#1 is archived; A then a on the home screen restores it", "outside assay"},
		{7, "#1's archive flag is neither 0 nor 1, so it was set outside assay: A then a on the home screen restores it, and assay verify names every such assessment", "#1 is archived;"},
	} {
		a := typeAheadPayroll(t)
		a.Archive = c.flag
		sh := typeAheadShell(t, a)
		yes := assess.Answer{QuestionID: "mfa", Value: assess.Value{Choices: []string{"yes"}}, Source: assess.ByAnalyst, Reviewed: true}
		if sh.sess.setAnswer(sh.deps, yes) {
			t.Errorf("flag %d: the answer was taken", c.flag)
		}
		if got := sh.saves.refused; got != c.says || strings.Contains(got, c.never) {
			t.Errorf("flag %d: refused as %q; want %q", c.flag, got, c.says)
		}
		if sh.saves.pending() {
			t.Errorf("flag %d: a write was queued", c.flag)
		}
	}
}
