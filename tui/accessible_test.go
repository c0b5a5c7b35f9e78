package tui_test

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/tui"
)

// Accessible mode: plain prompts that say what they accept, a refused
// answer explained, a note, and each answer saved as it is given.
func TestAccessibleInterview(t *testing.T) {
	e := newEnv(t)
	e.createFrom("all-types.yaml", "Payroll system")
	in := strings.Join([]string{
		"1",             // the assessment, by its ID
		"7",             // mfa: no such option
		"note: seen it", // mfa: a note first
		"evidence: idp-policy.pdf; TICKET-42",
		"r",   // mfa: read again, with its note and evidence
		"1",   // mfa: yes
		"2",   // hosting: US, which shows the transfer question
		"s",   // skip the transfer question
		"1,2", // data: contact and health
		"q",
	}, "\n") + "\n"
	text := e.accessible(in)
	for _, want := range []string{
		"Assessment 1: Payroll system, Every question type, draft, 0 of 8 answered",
		"Note so far: seen it",
		"Evidence so far: idp-policy.pdf; TICKET-42",
		"Type one number. Options: 1 Yes, in place; 2 Partly; 3 No; 4 Not applicable.",
		"Not saved: type a number from 1 to 4",
		"Are transfers covered by standard contractual clauses?",
		"Type the numbers that apply, separated by commas.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "\x1b") {
		t.Errorf("accessible output contains escape sequences")
	}
	a := e.load(1)
	if got := a.Answers["mfa"]; got.Note != "seen it" || got.Value.Choices[0] != "yes" || strings.Join(got.Evidence, "|") != "idp-policy.pdf|TICKET-42" {
		t.Errorf("mfa stored as %+v", got)
	}
	if got := a.Answers["data"].Value.Choices; len(got) != 2 || got[0] != "contact" || got[1] != "health" {
		t.Errorf("data stored as %v", got)
	}
	if _, ok := a.Answers["transfer-safeguards"]; ok {
		t.Errorf("a skipped question was answered")
	}
}

// Assessments are chosen by their ID, as on the command line, not by
// their place in the list: with the newest listed first, "2" is
// assessment 2 wherever it is listed; an ID not listed is refused.
func TestAccessibleChoosesByID(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	e.createFrom("all-types.yaml", "Payroll system")
	in := "7\n1\nq\n"
	text := e.accessible(in)
	for _, want := range []string{
		"Assessment 2: Payroll system", "Assessment 1: Acme Cloud Ltd, Vendor security screen, draft, 0 of 33 answered, level not rated yet.",
		"There is no assessment 7 in the list.",
		"What is the most sensitive data of ours the vendor will hold or be able to reach?",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, text)
		}
	}
}

// The questionnaires offered for a new assessment are sentences of their
// own, one full stop each: the pre-screen's title ends with its own
// question mark ("…need?." read aloud as a stray stop).
func TestAccessibleQuestionnaireListReadsAsSentences(t *testing.T) {
	e := newEnv(t)
	var out bytes.Buffer
	if err := tui.RunAccessible(context.Background(), e.deps(), strings.NewReader("n\n"), &out); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	if !strings.Contains(text, "1. Pre-screen: which assessments does this initiative need?\n") || strings.Contains(text, "?.") ||
		!strings.Contains(text, ". Vendor security screen.\n") {
		t.Errorf("accessible mode's list of questionnaires:\n%s", text)
	}
}

// A risk rated higher after measures than as found is saved as typed,
// and accessible mode says so after "Saved.", as the workspace does.
func TestAccessibleRiskRatedHigherAfterMeasures(t *testing.T) {
	e, a := payrollButTheRisk(t)
	out := runAccessible(t, e, "1\n1 2 3 2\nq\n")
	want := "Saved.\nAs found: low (rare, moderate). After measures: medium (likely, moderate).\nRated higher after measures than as found: measures do not raise a risk, so check the ratings."
	if !strings.Contains(out, want) {
		t.Errorf("accessible output lacks %q:\n%s", want, out)
	}
	if r := e.load(a.ID).Answers["breach"].Value.Risk; r == nil || r.AfterLikelihood != 3 {
		t.Errorf("breach stored as %+v", r)
	}
}

// A risk's rating is said once saved, as the workspace shows it under the
// ratings: likely × severe is critical in all-types' matrix, rare ×
// moderate low.
func TestAccessibleSaysTheRiskLevel(t *testing.T) {
	e, _ := payrollButTheRisk(t)
	out := runAccessible(t, e, "1\n3 4 1 2\nq\n")
	for _, want := range []string{
		"Type the likelihood and the impact as found, each from 1 to 4, and if you wish the two after measures, all on one line.",
		"Saved.\nAs found: critical (likely, severe). After measures: low (rare, moderate).\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, out)
		}
	}
}

// payrollButTheRisk is all-types answered but for its risk, breach, the
// question accessible mode asks first.
func payrollButTheRisk(t *testing.T) (*env, *assess.Assessment) {
	t.Helper()
	e := newEnv(t)
	a := e.createFrom("all-types.yaml", "Payroll system")
	var answers []assess.Answer
	for _, ans := range allTypesAnswers() {
		if ans.QuestionID != "breach" {
			answers = append(answers, ans)
		}
	}
	if err := e.db.SaveAnswers(context.Background(), a.ID, answers); err != nil {
		t.Fatal(err)
	}
	return e, a
}

// runAccessible runs accessible mode on what a person types, and returns
// what it said.
func runAccessible(t *testing.T, e *env, typed string) string {
	t.Helper()
	var out bytes.Buffer
	if err := tui.RunAccessible(context.Background(), e.deps(), strings.NewReader(typed), &out); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// A new subject is offered the kind its questionnaire is about, as the
// full-screen form offers it: enter takes a system for a DPIA (it took a
// vendor whatever the questionnaire), a vendor for the vendor screen.
func TestAccessibleOffersTheQuestionnairesSubjectKind(t *testing.T) {
	e := newEnv(t)
	d := e.deps()
	number := func(id string) string {
		t.Helper()
		n := 1 // the pre-screen is listed first, then the rest as given
		for _, q := range d.Questionnaires {
			if q.Kind == assess.KindPrescreen {
				if q.ID == id {
					return "1"
				}
				continue
			}
			n++
			if q.ID == id {
				return strconv.Itoa(n)
			}
		}
		t.Fatalf("no questionnaire %s", id)
		return ""
	}
	for i, c := range []struct{ questionnaire, subject, offered, kind string }{
		{"dpia", "Payroll", "system", "system"},
		{"vendor-security-screen", "Acme Cloud Ltd", "vendor", "vendor"},
		{"dpia", "acme cloud ltd", "system", "vendor"}, // recorded already: it keeps its kind
	} {
		in := strings.Join([]string{"n", number(c.questionnaire), c.subject, "", "q", "q"}, "\n") + "\n"
		var out bytes.Buffer
		if err := tui.RunAccessible(context.Background(), d, strings.NewReader(in), &out); err != nil {
			t.Fatal(err)
		}
		if want := "press enter for " + c.offered + ":"; !strings.Contains(out.String(), want) {
			t.Errorf("%s: the prompt does not say %q:\n%s", c.questionnaire, want, out.String())
		}
		if got := e.load(int64(i + 1)).SubjectKind; got != c.kind {
			t.Errorf("%s: the subject is recorded as a %q, want a %s", c.questionnaire, got, c.kind)
		}
	}
}
