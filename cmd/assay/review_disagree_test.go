package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// A fairness assessment whose bias testing compared groups while its
// intersectional answer says no group was compared is not refused at
// submission (which answer is wrong is the reviewer's call), but the
// submission names the check, and assay score lists it, in its summary
// and its JSON; answers that agree say nothing of it.
func TestSubmittingAnswersThatDisagreeSaysSo(t *testing.T) {
	s := newCLISession(t)
	id := s.startBuiltin("fairness-aia", "Loan model", "2026-03-01", "bias-testing: 'yes'\nintersectional-testing: not-measured\n")

	out := s.ok("score", id, "--as-of", "2026-03-02")
	if want := "Answers that disagree: 1 (the scores take each answer as given)\n  groups-tested-yet-none-compared: "; !strings.Contains(out, want) {
		t.Errorf("score says nothing of the disagreement:\n%s", out)
	}
	var got struct {
		Result struct {
			Disagreements []struct {
				ID      string `json:"id"`
				Answers []struct{ Question, Answer string }
			} `json:"disagreements"`
		} `json:"result"`
	}
	if err := json.Unmarshal([]byte(s.ok("score", id, "--json", "--as-of", "2026-03-02")), &got); err != nil {
		t.Fatal(err)
	}
	if d := got.Result.Disagreements; len(d) != 1 || d[0].ID != "groups-tested-yet-none-compared" || len(d[0].Answers) != 2 || d[0].Answers[0].Question != "bias-testing" {
		t.Errorf("score --json disagreements: %+v", d)
	}

	out = s.ok("--reviewer", "Ana Analyst", "review", id, "--submit", "--date", "2026-03-02")
	want := "Assessment 1 is now in review: submitted by Ana Analyst on 2026-03-02.\n" +
		"Note: 1 consistency check finds answers that disagree (groups-tested-yet-none-compared); the report lists it before its appendix: assay score 1 shows it.\n"
	if out != want {
		t.Errorf("submit: %q, want %q", out, want)
	}

	agree := s.startBuiltin("fairness-aia", "Ranking model", "2026-03-01", "bias-testing: 'yes'\nintersectional-testing: 'no'\n")
	if out := s.ok("--reviewer", "Ana Analyst", "review", agree, "--submit", "--date", "2026-03-02"); strings.Contains(out, "disagree") {
		t.Errorf("answers that agree: %q", out)
	}
}
