package tui_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// An answer an older assay stored with more evidence references than
// assess.MaxEvidence can be neither saved again nor exported until some
// are removed. The workspace says so where the analyst is, naming the
// question, how many it lists, how many to remove and how; nothing of
// the refused change is stored.
func TestAnAnswerOverTheEvidenceLimitSaysWhatToDo(t *testing.T) {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	q := a.Questionnaire.Questions[0] // data-sensitivity
	ans := assess.Answer{QuestionID: q.ID, Value: assess.Value{Choices: []string{"personal"}}, Evidence: []string{"DPA.pdf"}}
	if err := e.db.SaveAnswer(context.Background(), a.ID, ans); err != nil {
		t.Fatal(err)
	}
	refs := make([]string, assess.MaxEvidence+100)
	for i := range refs {
		refs[i] = fmt.Sprintf("T%d", i+1)
	}
	planted, err := json.Marshal(refs)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite", e.dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`UPDATE answers SET evidence = ? WHERE assessment_id = ? AND question_id = ?`, string(planted), a.ID, q.ID); err != nil {
		t.Fatal(err)
	}

	f := e.start()
	f.waitFor("Acme Cloud Ltd")
	f.press("enter")
	f.waitFor("question 2 of 33")
	f.press("left")
	f.waitFor("question 1 of 33", "Evidence: T1; T2")
	f.press("n")
	f.typeText("checked with the DPO")
	f.press("enter")
	f.waitFor("not saved: question data-sensitivity lists 600 evidence references, more than the 500 an answer may list",
		"e edits them: remove at least 100")
	if got := e.load(a.ID).Answers[q.ID]; got.Note != "" || len(got.Evidence) != len(refs) {
		t.Fatalf("the refused change was stored: note %q, %d references", got.Note, len(got.Evidence))
	}

	// Trimmed to one reference that lists the rest, the answer saves, and
	// so does the note after it.
	f.press("esc")
	f.press("e")
	f.waitFor("Evidence: >", "T599; T600")
	f.tm.Send(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}) // clears the field
	f.waitGone("T600")
	f.typeText("evidence-index.xlsx")
	f.press("enter")
	f.waitFor("Evidence: evidence-index.xlsx", "saved ✓")
	f.press("n")
	f.typeText("checked with the DPO")
	f.press("enter")
	f.waitFor("Note: checked with the DPO")
	f.quit()
	got := e.load(a.ID).Answers[q.ID]
	if got.Note != "checked with the DPO" || len(got.Evidence) != 1 || got.Evidence[0] != "evidence-index.xlsx" {
		t.Errorf("after trimming: note %q, evidence %q", got.Note, got.Evidence)
	}
}
