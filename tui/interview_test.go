package tui_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// The skeleton's promise: start an assessment, answer four questions,
// leave, come back, and carry on at the fifth with the four answers kept.
func TestNewAssessmentAnswerQuitAndResume(t *testing.T) {
	e := newEnv(t)
	f := e.start()
	f.waitFor("No assessments yet")
	f.press("n")
	// One identity per session: the header names it, the form does not ask.
	f.waitFor("Questionnaire", "Subject", "· Dana Reyes")
	f.waitGone("Reviewer")
	// Every built-in is on screen at 80x24, the last one too: the list
	// scrolls without saying so, and the pre-screen's title, which wraps,
	// pushed the vendor security screen out of sight.
	f.waitFor("Pre-screen: which assessments", "  Vendor security screen")
	// The vendor security screen is the last of the built-ins as listed.
	f.pickQuestionnaire("Vendor security screen")
	f.typeText("Acme Cloud Ltd")
	f.waitFor("> Acme Cloud Ltd")
	f.press("enter")
	f.waitFor("┃ The subject is a")
	f.press("enter") // a vendor
	f.waitFor("question 1 of 33", "What is the most sensitive data")
	f.press("1")
	f.waitFor("question 2 of 33")
	f.press("1")
	f.waitFor("question 3 of 33")
	f.press("2")
	f.waitFor("question 4 of 33")
	f.press("3")
	f.waitFor("question 5 of 33", "4/33", "saved ✓")
	f.quit()

	e.reopen()
	a := e.load(1)
	// The first four questions on screen; attestation-not-applicable,
	// third in the file, is hidden until attestation is "not applicable".
	want := map[string]string{"data-sensitivity": "business-contacts", "attestation": "yes", "policy": "partial", "personnel": "no"}
	for id, choice := range want {
		got := a.Answers[id].Value.Choices
		if len(got) != 1 || got[0] != choice {
			t.Errorf("answer to %s after reopening = %v, want %s", id, got, choice)
		}
	}
	if len(a.Answers) != 4 {
		t.Errorf("%d answers stored, want 4", len(a.Answers))
	}

	f = e.start()
	f.waitFor("Acme Cloud Ltd", "4/33")
	f.press("enter")
	f.waitFor("question 5 of 33", "Have those staff signed a confidentiality")
	// Going back shows the fourth question with its stored answer ticked.
	f.press("left")
	f.waitFor("question 4 of 33", "(•) No")
	f.quit()
}

// pickQuestionnaire moves the new-assessment form's list down to the
// questionnaire whose title holds title, picks it, and waits for the
// subject's field. Each down waits for the one before it to be drawn:
// the form is first drawn without its cursor, and a down pressed on
// that frame, counted as moved by the cursor's first drawing, was one
// down too many, past the last questionnaire to the pre-screen at the
// top, which enter then picked while the frame still showed the title
// (round 21; the form did as the keys said: see
// TestNewAssessmentPickSurvivesReloadsInAnyOrder).
func (f *flow) pickQuestionnaire(title string) {
	f.t.Helper()
	f.waitUntil("the questionnaire list's cursor", func(string) bool { return f.selectedQuestionnaire() != "" })
	for !strings.Contains(f.selectedQuestionnaire(), title) {
		before := f.selectedQuestionnaire()
		f.press("down")
		f.waitUntil("the cursor to leave "+before, func(string) bool {
			now := f.selectedQuestionnaire()
			return now != "" && now != before
		})
	}
	f.press("enter")
	f.waitFor("┃ Subject")
}

// selectedQuestionnaire is the option under the form's cursor, as drawn.
func (f *flow) selectedQuestionnaire() string {
	for _, line := range strings.Split(f.screen(), "\n") {
		if strings.Contains(line, "> ") && strings.Contains(line, "┃") {
			return line
		}
	}
	return ""
}

// pressAndWaitChange presses k and waits until the frame differs from
// the one before it; the test fails if it never does. (It pressed first
// and took the frame after as the one to leave, which a key handled at
// once had already changed; and it went on after 2 s, so that the next
// key could land before this one had been handled.)
func (f *flow) pressAndWaitChange(k string) {
	f.t.Helper()
	before := f.screen()
	f.press(k)
	f.waitUntil("the screen to change after "+k, func(s string) bool { return s != before })
}

// The subject's kind the form offers is what the questionnaire is about:
// a system for a DPIA (it offered a vendor whatever the questionnaire, so
// a DPIA tabbed through was recorded as about a vendor), a vendor for the
// vendor screen; a kind picked by hand stays picked when the
// questionnaire changes; a subject already recorded keeps its own.
func TestNewAssessmentOffersTheQuestionnairesSubjectKind(t *testing.T) {
	e := newEnv(t)
	f := e.start()
	f.waitFor("No assessments yet")
	create := func(title, subject string, picks ...string) {
		t.Helper()
		f.press("n")
		f.waitFor("Questionnaire", "Subject")
		f.pickQuestionnaire(title)
		f.typeText(subject)
		f.waitFor("> " + subject)
		f.press("enter")
		f.waitFor("┃ The subject is a")
		f.press(picks...)
		f.press("enter")
		f.waitFor("question 1 of")
		// A free-text first question opens its field: esc leaves it, and
		// a second esc the interview.
		for i := 0; i < 2 && !strings.Contains(f.screen(), "sorted by"); i++ {
			f.pressAndWaitChange("esc")
		}
		f.waitFor("sorted by")
	}
	create("Privacy impact assessment", "Payroll")
	create("Vendor security screen", "Acme Cloud Ltd")
	create("Privacy impact assessment", "Loyalty data", "down") // system, then dataset
	// A subject already recorded keeps its kind when the one offered
	// differs: a DPIA of the vendor is not refused as about a system.
	create("Privacy impact assessment", "acme cloud ltd")
	for id, want := range map[int64]string{1: "system", 2: "vendor", 3: "dataset", 4: "vendor"} {
		if got := e.load(id).SubjectKind; got != want {
			t.Errorf("assessment %d is about a %q, want a %s", id, got, want)
		}
	}
	f.quit()
}

// u goes to the next question that must still be answered, passing the
// optional ones left blank; once every required question has an answer,
// it goes to the optional ones, saying they may stay blank. A credit
// scorer's FRIA with its essential-services risk and the overseers'
// training unanswered, and the workers', children's, expression and
// further risks (optional for it) unrated.
func TestNextUnansweredPrefersRequiredQuestions(t *testing.T) {
	e := newEnv(t)
	src, err := os.ReadFile(filepath.Join("..", "questionnaires", "testdata", "verdicts", "fria-credit-no-oversight.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	answered := func(subject string, leave ...string) {
		a := e.create("eu-ai-act-fria", subject)
		parsed, problems := questionnaires.ParseAnswers("fria.yaml", src, a.Questionnaire)
		if len(problems) > 0 {
			t.Fatal(problems)
		}
		var answers []assess.Answer
		for _, ans := range parsed.Answers {
			if !slices.Contains(leave, ans.QuestionID) {
				answers = append(answers, ans)
			}
		}
		if err := e.db.SaveAnswers(context.Background(), a.ID, answers); err != nil {
			t.Fatal(err)
		}
	}
	answered("Credit scoring", "risk-essential-services", "oversight-people")
	answered("Loan pricing")
	answered("Credit line", "oversight-people")
	const essential, training, workers = "Essential services: how likely", "Have the people assigned to oversight been trained", "Workers' rights: how likely"

	f := e.start()
	open := func(id int, subject string) {
		f.waitFor("sorted by")
		f.press("esc", "/") // home keeps the last filter: esc clears it
		f.typeText(subject)
		f.press("enter")
		f.waitFor("1 of 3")
		f.press("enter")
		f.waitFor(fmt.Sprintf("assay › #%d %s", id, subject))
	}
	open(1, "Credit scoring")
	f.waitFor(essential) // reopening resumes at the first unanswered
	f.press("u")
	f.waitFor(training) // not the workers' risk, optional here
	f.press("u")
	f.waitFor(essential) // round again
	f.press("u")
	f.waitFor(training)
	f.press("1") // yes, and on to the next question
	f.waitGone(training)
	f.press("u")
	f.waitFor(essential)

	// Every required question answered: u goes to the optional ones, and
	// says they may stay blank.
	f.press("esc")
	open(2, "Loan pricing")
	f.waitFor(workers) // the first left blank
	f.press("u")
	f.waitFor("Children: how likely", "Every required question has an answer: this one may stay blank")
	// The risks' section has nothing left that must be answered: it is
	// ticked, with its blank optional risks still counted.
	f.press("]")
	f.waitFor("▸ (e) Human", "✓ (d) Risks of     6/12") // risk-justice (eu-ai-act-fria 1.9.0) counted blank

	// Reopening resumes at the first question still to answer, past the
	// optional risks left blank before it.
	f.press("esc")
	open(3, "Credit line")
	f.waitFor(training)
	f.quit()
}
