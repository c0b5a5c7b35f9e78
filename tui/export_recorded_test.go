package tui_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// The exported report holds what the database holds, which is what its
// record line pins for assay verify --against: an answer shown on the
// screen but not saved (the write failed) is not in it, and the
// workspace says so, instead of a committee report showing an answer
// the database never recorded, pinned to a record without it.
func TestExportedReportHoldsWhatTheDatabaseHolds(t *testing.T) {
	e, _, repo, f := faultyInterview(t, 0)
	repo.mode.Store(writeFails)
	f.press("1")
	f.waitFor("question 3 of 33", "not saved: the answer to attestation")
	f.press("tab", "tab", "tab")
	f.waitFor("[Report]")
	f.waitGone("Rendering…")
	f.press("e")
	f.waitFor("Export to:")
	f.press("enter")
	f.waitFor("Exported what the database holds, without the changes shown here that")
	f.quit()

	got, err := os.ReadFile(filepath.Join(e.dir, "acme-cloud-ltd-1-report.md"))
	if err != nil {
		t.Fatal(err)
	}
	if regexp.MustCompile("`attestation`[^`]*Answer:\\*\\* Yes").Match(got) {
		t.Errorf("the exported report holds the answer to attestation, which the database does not:\n%s", got)
	}
}
