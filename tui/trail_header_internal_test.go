package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess/history"
)

// The trail's header says, as assay history's first lines do, that the
// assessment is archived and that it is a revision of another, whose own
// trail shows how it came to be: the records here start from the copy.
// An auditor reading only the screen took the first record for the
// assessment's beginning.
func TestTrailHeaderSaysArchivedAndRevision(t *testing.T) {
	sh := &shell{st: newStyles(true), width: 120, height: 24, saves: &saver{}}
	s := newTrail(sh, trailLoadedMsg{id: 7, subject: "Acme", archived: true, revision: 2, revOf: 3,
		verdict: history.Verdict{Intact: true}, entries: longTrail(3)})
	// The header wraps to the screen: read as one text.
	out := strings.Join(strings.Fields(ansi.Strip(s.View(120, 24))), " ")
	for _, want := range []string{
		"Audit trail of assessment 7 (archived) verified (as assay verify 7 checks it): 3 records.",
		"Assessment 7 is revision 2 of assessment 3: assay history 3 shows how that one came to be; the records here start from the copy.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("want %q in:\n%s", want, out)
		}
	}
	// Neither: the header is the verdict alone, as before.
	s = newTrail(sh, trailLoadedMsg{id: 7, subject: "Acme", verdict: history.Verdict{Intact: true}, entries: longTrail(3)})
	out = ansi.Strip(s.View(120, 24))
	if !strings.HasPrefix(out, "Audit trail verified (as assay verify checks it): 3 records.") || strings.Contains(out, "revision") {
		t.Errorf("an assessment neither archived nor a revision:\n%s", out)
	}
}
