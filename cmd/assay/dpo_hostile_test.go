package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// The DPO's opinion, as a careless or hostile user gives it: the same
// opinion twice recorded two identical signatures, an opinion dated
// before the one it replaces became "the latest" though older, an
// unfavourable one without reasons was refused in broken English, and
// one after approval did not say how to give it. Escape sequences never
// reach the output or the report.
func TestDPOOpinionHostileCLI(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "dpia", "-s", "Loyalty analytics", "--kind", "system", "--date", "2026-03-01"))

	// On the draft: recorded, and the state does not change.
	out := s.ok("--reviewer", "Dee Pio", "dpo", id, "--opinion", "favourable", "--date", "2026-03-04")
	if want := "DPO opinion on assessment 1: favourable, by Dee Pio on 2026-03-04.\n"; out != want {
		t.Fatalf("dpo on the draft: %q, want %q", out, want)
	}
	// The same again, the same day: nothing new to record.
	s.fails("assessment 1 already holds this DPO opinion: favourable, by Dee Pio on 2026-03-04; nothing was recorded",
		"--reviewer", "Dee Pio", "dpo", id, "--opinion", "favourable", "--date", "2026-03-04")
	// Before the opinion it would replace.
	s.fails("a DPO opinion cannot be dated 2026-03-03, before the DPO opinion it replaces (by Dee Pio on 2026-03-04)",
		"--reviewer", "Dee Pio", "dpo", id, "--opinion", "unfavourable", "--comment", "Retention", "--date", "2026-03-03")
	// Without reasons, or with reasons that show as nothing.
	for _, blank := range []string{"", "   ", "\u200b\u200b"} {
		s.fails("an unfavourable opinion needs a comment giving the DPO's reasons",
			"--reviewer", "Dee Pio", "dpo", id, "--opinion", "unfavourable", "--comment", blank, "--date", "2026-03-05")
	}
	s.fails("an opinion with reservations needs a comment giving the DPO's reasons",
		"--reviewer", "Dee Pio", "dpo", id, "--opinion", "favourable-with-reservations", "--date", "2026-03-05")
	// Escape sequences and a right-to-left override in the reasons.
	code, out, errOut := s.run("", "--reviewer", "Dee Pio", "dpo", id, "--opinion", "unfavourable",
		"--comment", "\x1b[2J\x1b[31mRetention\u202e too long", "--date", "2026-03-05")
	if code != 0 || strings.ContainsAny(out+errOut, "\x1b\u202e") {
		t.Fatalf("dpo with escapes: exit %d, %q %q", code, out, errOut)
	}
	md := s.ok("report", id, "--as-of", "2026-03-05")
	if strings.ContainsAny(md, "\x1b\u202e") || strings.Count(md, "| Data protection officer | Dee Pio |") != 2 {
		t.Errorf("the report's DPO opinions:\n%s", md[strings.Index(md, "## Sign-off"):])
	}
	// After approval: locked, and the way to give it said.
	done := strings.TrimSpace(s.ok("new", "-q", "dpia", "-s", "Badge access", "--kind", "system", "--date", "2026-03-01"))
	s.ok("answer", done, "-f", filepath.Join("..", "..", "questionnaires", "testdata", "verdicts", "dpia-badge-access-cash-office-door-events-residual-medium.yaml"))
	s.ok("--reviewer", "Ana Analyst", "review", done, "--submit", "--date", "2026-03-02")
	s.ok("--reviewer", "Rui Reviewer", "review", done, "--approve", "--date", "2026-03-03")
	s.fails("assessment 2 is approved and locked; the DPO opinion must be given before approval, or on a revision (assay revise 2)",
		"--reviewer", "Dee Pio", "dpo", done, "--opinion", "favourable")
	// No DPO step on a fairness review.
	other := strings.TrimSpace(s.ok("new", "-q", "fairness-aia", "-s", "Model", "--date", "2026-03-01"))
	s.fails("a DPO opinion is recorded on privacy assessments; fairness-aia is a fairness questionnaire",
		"--reviewer", "Dee Pio", "dpo", other, "--opinion", "favourable")
}
