package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// The sign-off refusals the workspace's tests drive through teatest and
// the command line's through the CLI, driven here on the built binary in
// tmux, as a person meets them: each is said whole on the screen, says
// what to do instead, and records nothing, which assay's own commands
// show afterwards.

// flat is the screen's text as one line, however the workspace wrapped
// it: the refusals are sentences longer than a line.
func flat(screen string) string { return strings.Join(strings.Fields(screen), " ") }

// waitSays waits until the screen, read as one line, holds every text.
func (p *tmuxPane) waitSays(texts ...string) {
	p.t.Helper()
	p.waitFor(strings.Join(texts, " / "), func(s string) bool {
		for _, text := range texts {
			if !strings.Contains(flat(s), text) {
				return false
			}
		}
		return true
	})
}

// signOffs are assessment id's signatures as assay export writes them:
// role, decision and name.
func (w *workspace) signOffs(id string) []string {
	w.t.Helper()
	var doc struct {
		Signoffs []struct{ Role, Decision, Name string } `json:"signoffs"`
	}
	if err := json.Unmarshal([]byte(w.cli("export", id)), &doc); err != nil {
		w.t.Fatal(err)
	}
	var got []string
	for _, s := range doc.Signoffs {
		got = append(got, s.Role+" "+s.Decision+" "+s.Name)
	}
	return got
}

// A fairness review of a practice the EU AI Act prohibits, in review:
// S offers no approval and says why before anything is typed, and the
// rejection it offers records the committee's decision.
func TestTmuxSignOffOfAProhibitedPracticeOffersNoApproval(t *testing.T) {
	w := newWorkspace(t)
	id := strings.TrimSpace(w.cli("new", "-q", "fairness-aia", "-s", "Agent emotion scores", "--date", "2026-03-01"))
	w.cli("answer", id, "-f", filepath.Join("..", "..", "questionnaires", "testdata", "verdicts", "fairness-call-centre-agent-emotion-recognition-prohibited.yaml"))
	w.cli("--reviewer", "Ana Analyst", "review", id, "--submit", "--comment", "For the committee")
	p := w.open(80, 24)
	p.waitText("Agent emotion")
	p.keys("r")
	p.waitSays("State: in review, submitted by Ana Analyst", "S rejects: it must not be used")
	p.keys("S")
	p.waitSays("Sign off", "Reject: record that the system must not be used",
		`Approve is not offered: the system must not be used (ai-act-class was answered "A prohibited practice (Article 5)"): `+
			"a prohibited AI practice may not be placed on the market or used in the EU (AI Act Article 5). Reject it, saying so.")
	if s := p.screen(); strings.Contains(s, "Approve:") {
		t.Errorf("the sign-off of a prohibited practice offers an approval:\n%s", s)
	}
	if got := w.signOffs(id); len(got) != 1 || got[0] != "author submitted Ana Analyst" {
		t.Errorf("opening the sign-off recorded something: %q", got)
	}
	p.keys("Enter")
	p.waitText("┃ Comment")
	p.keys("-l", "Emotion recognition at work: the system must not be used")
	p.waitText("must not be used")
	p.keys("Enter")
	p.waitSays("#" + id + " is rejected: rejected by Dana Reyes on")
	p.quit()
	if got := w.signOffs(id); len(got) != 2 || got[1] != "reviewer rejected Dana Reyes" {
		t.Errorf("signatures after the rejection: %q, want the submission and Dana Reyes's rejection", got)
	}
}

// The DPO's opinion given a second time the same day, the same opinion:
// refused on a page of its own, saying it is held already and that
// nothing was recorded; any key goes back to the review.
func TestTmuxTheSameDPOOpinionTwiceTheSameDayIsRefused(t *testing.T) {
	w := newWorkspace(t)
	id := strings.TrimSpace(w.cli("new", "-q", "dpia", "-s", "Payroll", "--date", "2026-03-01"))
	p := w.open(80, 24)
	p.waitText("Payroll")
	p.keys("r")
	p.waitSays("State: draft")
	giveFavourable := func() {
		p.keys("S")
		p.waitSays("Sign off", "DPO opinion: favourable with reservations")
		p.keys("Down") // from Submit for review to DPO opinion: favourable
		p.keys("Enter")
		p.waitSays("Decision: DPO opinion: favourable.", "┃ Comment")
		p.keys("Enter")
	}
	giveFavourable()
	p.waitSays("DPO opinion on #" + id + ": favourable, by Dana Reyes on")
	giveFavourable()
	p.waitSays("Not signed: assessment "+id+" already holds this DPO opinion: favourable, by Dana Reyes on", "; nothing was recorded",
		"Any key goes back to the review.")
	p.keys("x")
	p.waitSays("State: draft")
	p.quit()
	if got := w.signOffs(id); len(got) != 1 || got[0] != "dpo favourable Dana Reyes" {
		t.Errorf("signatures: %q, want the one DPO opinion", got)
	}
}

// a on an approved assessment on the home screen: refused whole on the
// home screen, saying why and what to do instead; it stays listed.
func TestTmuxArchivingAnApprovedAssessmentIsRefused(t *testing.T) {
	w := newWorkspace(t)
	id := strings.TrimSpace(w.cli("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"))
	w.cli("answer", id, "-f", filepath.Join("testdata", "worst", "vendor-security-screen.yaml"))
	w.cli("--reviewer", "Ana Analyst", "review", id, "--submit", "--comment", "For the committee")
	w.cli("review", id, "--approve", "--comment", "Plan agreed")
	p := w.open(80, 24)
	p.waitText("Acme Cloud Ltd", "approved")
	p.keys("a")
	p.waitSays("cannot archive assessment " + id + ": it is approved, the committee's signed decision, and stays listed; " +
		"to change it, start a revision: S on the review starts a revision")
	p.quit()
	if list := w.cli("list"); !strings.Contains(list, "Acme Cloud Ltd") {
		t.Errorf("the approved assessment is no longer listed:\n%s", list)
	}
	if got := w.signOffs(id); len(got) != 2 || got[1] != "reviewer approved Dana Reyes" {
		t.Errorf("signatures: %q, want the submission and the approval", got)
	}
}
