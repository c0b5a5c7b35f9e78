package tui_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"
)

// A pre-screen of a subject an older assay recorded with a soft hyphen
// in its name recommends the privacy impact assessment, whose form opens
// on that subject as recorded: the field took it for a name typed anew
// and refused it, so that no recommended assessment could be started for
// it. Started, the assessment is the recorded subject's.
func TestPrescreenStartsAnAssessmentOfASubjectRecordedWithAnInvisibleCharacter(t *testing.T) {
	const name = "Loan pre-\u00adapproval"
	e := newEnv(t)
	pre := e.create("prescreen", "Loan pre-approval")
	if err := e.db.SaveAnswers(context.Background(), pre.ID, prescreenAnswers()); err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite", e.dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for _, stmt := range []string{`UPDATE subjects SET name = ?`, `UPDATE assessments SET subject = ?`} {
		if _, err := raw.Exec(stmt, name); err != nil {
			t.Fatal(err)
		}
	}
	f := e.startWith(e.deps())
	f.waitFor("Loan pre-")
	f.press("r")
	f.waitFor("[Recommended]", "▸ Privacy impact assessment (DPIA)")
	f.press("enter")
	f.waitFor("> Privacy impact assessment (DPIA)", "┃ > Loan pre-")
	// The frame measures a soft hyphen as nothing and a terminal draws
	// it: drawn, it pushed the line past the frame's width.
	if strings.ContainsRune(f.screen(), '\u00ad') {
		t.Errorf("the frame draws the soft hyphen:\n%s", f.screen())
	}
	f.press("enter", "enter")
	f.waitFor("Started with 3 answers from the pre-screen.")
	f.press("esc")
	f.quit()

	e.reopen()
	if dpia := e.load(pre.ID + 1); dpia.Subject != name || dpia.SubjectID != pre.SubjectID {
		t.Fatalf("the new assessment is of %q (subject %d); want %q (subject %d)", dpia.Subject, dpia.SubjectID, name, pre.SubjectID)
	}
}
