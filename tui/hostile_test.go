package tui_test

import (
	"bytes"
	"context"
	"database/sql"
	"io"
	"testing"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/assay-dev/assay/assess"
)

// Subject names, notes and evidence from vendors never reach the terminal
// with their escape sequences: no clipboard writes (OSC 52), no links
// (OSC 8), no colours or cursor moves of their own.
// assay refuses such names and cleans such notes before storing them;
// the text is put in the database directly, as an older assay or sqlite3
// could have left it.
func TestHostileTextNeverReachesTheTerminal(t *testing.T) {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Evil Corp")
	q := a.Questionnaire.Questions[0] // data-sensitivity
	ans := assess.Answer{QuestionID: q.ID, Value: assess.Value{Choices: []string{"personal"}}}
	if err := e.db.SaveAnswer(context.Background(), a.ID, ans); err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite", e.dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for _, stmt := range []string{
		`UPDATE assessments SET subject = 'Evil' || char(27) || ']52;c;cGF3bmVk' || char(7) || ' Corp' || char(27) || '[2J'`,
		`UPDATE answers SET note = 'see ' || char(27) || ']8;;https://evil.example' || char(27) || '\here' || char(27) || ']8;;' || char(27) || '\ ' || char(155) || '31mred',
			evidence = json_array(char(27) || '[1;1Hoverwrite')`,
	} {
		if _, err := raw.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	f := e.start()
	f.waitFor("Evil Corp")
	f.press("enter")
	f.waitFor("question 2 of 33")
	f.press("left")
	f.waitFor("Note: see here red", "Evidence: overwrite")
	f.quit()
	out, err := io.ReadAll(f.tm.FinalOutput(t, teatest.WithFinalTimeout(screenWait)))
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"]52;", "]8;;https://evil", "cGF3bmVk", "\u009b", "[1;1Hoverwrite"} {
		if bytes.Contains(out, []byte(bad)) {
			t.Errorf("terminal output contains %q", bad)
		}
	}
}
