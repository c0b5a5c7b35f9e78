package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// groupsTestedRefusal is the refusal of a submission of a fairness-aia
// assessment whose bias testing compared groups (yes) while intersectional
// testing says no group was compared (not-measured): the check
// groups-tested-yet-none-compared holds (its when: bias-testing in
// ['yes', 'partial'] and intersectional-testing == 'not-measured'), and
// it is the only check of the five that does (the others need bias-testing
// no, accuracy-by-group yes, or an na answer).
const groupsTestedRefusal = `cannot submit assessment 1: a consistency check finds answers that disagree, and nobody has explained why: ` +
	`groups-tested-yet-none-compared: Bias testing is answered as comparing groups, yet intersectional testing says no group was compared, alone or in combination: ` +
	`one of the two answers misdescribes the same test report ` +
	`(answers: bias-testing "Yes, outcomes and error rates, for each group", intersectional-testing "Not measured: no group was compared, alone or in combination"); ` +
	`change one of the answers, or explain why both stand ` +
	`(assay answer 1, or assay explain 1 groups-tested-yet-none-compared "why both stand")`

// A fairness assessment whose answers disagree is not submitted until
// someone explains why both stand, or changes one; the explanation is
// shown by assay score and its JSON, and lapses when an answer it
// explained is answered again.
func TestSubmittingAnswersThatDisagreeNeedsAnExplanation(t *testing.T) {
	s := newCLISession(t)
	id := s.startBuiltin("fairness-aia", "Loan model", "2026-03-01", "bias-testing: 'yes'\nintersectional-testing: not-measured\n")

	s.fails(groupsTestedRefusal, "--reviewer", "Ana Analyst", "review", id, "--submit", "--date", "2026-03-02")
	if out := s.ok("list"); !strings.Contains(out, "draft") {
		t.Errorf("a refused submission changed the state:\n%s", out)
	}

	out := s.ok("--reviewer", "Ana Analyst", "explain", id, "groups-tested-yet-none-compared",
		"The vendor's report compares groups one by one; no combination was measured.")
	if want := `Explained groups-tested-yet-none-compared on assessment 1 (answers: bias-testing "Yes, outcomes and error rates, for each group", intersectional-testing "Not measured: no group was compared, alone or in combination"), by Ana Analyst; the audit trail records it.` + "\n"; out != want {
		t.Errorf("explain: %q, want %q", out, want)
	}
	out = s.ok("score", id, "--as-of", "2026-03-02")
	if want := "  groups-tested-yet-none-compared: "; !strings.Contains(out, want) ||
		!strings.Contains(out, "    Explained by Ana Analyst on ") || !strings.Contains(out, ": The vendor's report compares groups one by one; no combination was measured.\n") {
		t.Errorf("score does not show the explanation:\n%s", out)
	}
	var got struct {
		Result struct {
			Disagreements []struct {
				ID          string `json:"id"`
				Explanation *struct {
					Check   string `json:"check"`
					Text    string `json:"text"`
					By      string `json:"by"`
					Answers []struct{ Question, Answer string }
				} `json:"explanation"`
			} `json:"disagreements"`
		} `json:"result"`
	}
	if err := json.Unmarshal([]byte(s.ok("score", id, "--json", "--as-of", "2026-03-02")), &got); err != nil {
		t.Fatal(err)
	}
	if d := got.Result.Disagreements; len(d) != 1 || d[0].Explanation == nil || d[0].Explanation.By != "Ana Analyst" ||
		d[0].Explanation.Check != "groups-tested-yet-none-compared" || len(d[0].Explanation.Answers) != 2 ||
		d[0].Explanation.Answers[1].Answer != "Not measured: no group was compared, alone or in combination" {
		t.Errorf("score --json: %+v", d)
	}

	// An answer the check reads, answered again (partial keeps the check
	// holding): the explanation was for yes, and lapses.
	s.ok("answer", id, "--file", s.answerFile("answers:\n  bias-testing: partial\n"))
	s.fails(strings.ReplaceAll(groupsTestedRefusal, `bias-testing "Yes, outcomes and error rates, for each group"`, `bias-testing "`+partialLabel+`"`),
		"--reviewer", "Ana Analyst", "review", id, "--submit", "--date", "2026-03-02")

	s.ok("--reviewer", "Ana Analyst", "explain", id, "groups-tested-yet-none-compared", "Partly: only two groups compared.")
	out = s.ok("--reviewer", "Ana Analyst", "review", id, "--submit", "--date", "2026-03-02")
	want := "Assessment 1 is now in review: submitted by Ana Analyst on 2026-03-02.\n" +
		"Note: 1 consistency check finds answers that disagree (groups-tested-yet-none-compared, 1 explained); the report lists it before its appendix: assay score 1 shows it.\n"
	if out != want {
		t.Errorf("submit: %q, want %q", out, want)
	}

	agree := s.startBuiltin("fairness-aia", "Ranking model", "2026-03-01", "bias-testing: 'yes'\nintersectional-testing: 'no'\n")
	if out := s.ok("--reviewer", "Ana Analyst", "review", agree, "--submit", "--date", "2026-03-02"); strings.Contains(out, "disagree") {
		t.Errorf("answers that agree: %q", out)
	}
	s.fails(`consistency check groups-tested-yet-none-compared does not hold on assessment 2`,
		"explain", agree, "groups-tested-yet-none-compared", "nothing to explain")
}

// partialLabel is fairness-aia's bias-testing answer partial as people
// read it.
const partialLabel = "Partly: only outcomes, only error rates, or only some groups"

// assay history shows an explanation as what it is, with the check, the
// answers it explained and the text, never as a record of unknown kind;
// an escape sequence typed into it reaches neither the terminal nor the
// stored record.
func TestHistoryShowsAnExplanation(t *testing.T) {
	s := newCLISession(t)
	id := s.startBuiltin("fairness-aia", "Loan model", "2026-03-01", "bias-testing: 'yes'\nintersectional-testing: not-measured\n")
	s.ok("--reviewer", "Ana Analyst", "explain", id, "groups-tested-yet-none-compared", "Groups \x1b[2Jone by one;\x1b]8;;http://x\x07 no combination.")
	out := s.ok("history", id)
	for _, want := range []string{"answers that disagree explained", "groups-tested-yet-none-compared", "explanation: Groups one by one; no combination."} {
		if !strings.Contains(out, want) {
			t.Errorf("history lacks %q:\n%s", want, out)
		}
	}
	if strings.ContainsAny(out, "\x1b\x07") || strings.Contains(out, "unknown record kind") {
		t.Errorf("history: %q", out)
	}
	if out := s.ok("history", id, "--question", "intersectional-testing"); !strings.Contains(out, "answers that disagree explained") {
		t.Errorf("history --question intersectional-testing lacks the explanation:\n%s", out)
	}
}

// assay diff says when answers began to disagree, and who explained them:
// a committee comparing two assessments of one model sees that this
// year's answers disagree, and why they are taken to stand.
func TestDiffListsDisagreementsAndTheirExplanations(t *testing.T) {
	s := newCLISession(t)
	before := s.startBuiltin("fairness-aia", "Loan model", "2026-03-01", "bias-testing: 'yes'\nintersectional-testing: 'no'\n")
	after := s.startBuiltin("fairness-aia", "Loan model", "2026-03-02", "bias-testing: 'yes'\nintersectional-testing: not-measured\n")
	out := s.ok("diff", before, after)
	if want := "Answers that disagree (groups-tested-yet-none-compared): does not hold -> holds, not explained\n"; !strings.Contains(out, want) {
		t.Errorf("diff lacks %q:\n%s", want, out)
	}
	s.ok("--reviewer", "Ana Analyst", "explain", after, "groups-tested-yet-none-compared", "Groups \x1b[31mone by one.")
	out = s.ok("diff", before, after)
	if want := "Answers that disagree (groups-tested-yet-none-compared): does not hold -> holds, explained by Ana Analyst on "; !strings.Contains(out, want) ||
		!strings.Contains(out, ": Groups one by one.\n") || strings.ContainsRune(out, 0x1b) {
		t.Errorf("diff after the explanation:\n%q", out)
	}
}
