package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// The first command after an upgrade to other scoring rules scores again
// the summaries an older assay stored, saying so on standard error, and
// the list then shows the levels the assessments' reports give (here the
// approved one, which never changes again, among them); later commands
// say nothing of it.
func TestTheFirstCommandScoresOlderSummariesAgainOnce(t *testing.T) {
	s := newCLISession(t)
	loadDump(t, filepath.Join("..", "..", "store", "testdata", "before-signing.sql"), s.env["ASSAY_DB"])
	// What the older assay stored for assessment 1, approved, changed by
	// hand to a level its answers do not give under any rules.
	s.plant(`UPDATE assessments SET summary = json_set(summary, '$.level', 'low', '$.level_rank', 0),
		list = json_set(list, '$[6]', 'low', '$[4]', 0) WHERE id = 1`)
	code, out, errOut := s.run("", "list")
	if code != 0 {
		t.Fatalf("list: exit %d\n%s", code, errOut)
	}
	want := "Scoring 3 assessments again under " + assess.ScoringVersion + ": their stored levels came from an older assay (this happens once).\n" +
		"Scored 3 assessments again.\n"
	if errOut != want {
		t.Errorf("standard error:\n%s\nwant:\n%s", errOut, want)
	}
	level := func(list, id string) string {
		for _, line := range strings.Split(list, "\n") {
			if f := strings.Fields(line); len(f) > 0 && f[0] == id {
				return f[len(f)-3]
			}
		}
		return ""
	}
	score := s.ok("score", "1")
	if level(out, "1") != "critical" || !strings.Contains(score, "Overall risk: critical") {
		t.Errorf("list:\n%s\nscore:\n%s", out, score)
	}
	code, again, errOut := s.run("", "list")
	if code != 0 || errOut != "" || again != out {
		t.Errorf("the second list: exit %d, standard error %q\n%s", code, errOut, again)
	}
}

// Four commands started at once after the upgrade, one of them saving
// answers, each find the older summaries and score them again side by
// side: every one ends well, none says more than the rescore, the answers
// are saved, the levels are the new rules', the mark is set once for all
// (a fifth command says nothing) and verify finds the trail intact.
func TestFourCommandsAtOnceScoreOlderSummariesAgain(t *testing.T) {
	s := newCLISession(t)
	loadDump(t, filepath.Join("..", "..", "store", "testdata", "before-signing.sql"), s.env["ASSAY_DB"])
	s.plant(`UPDATE assessments SET summary = json_set(summary, '$.level', 'low', '$.level_rank', 0),
		list = json_set(list, '$[6]', 'low', '$[4]', 0) WHERE id = 1`)
	bin := assayBinary(t)
	var env []string
	for k, v := range s.env {
		env = append(env, k+"="+v)
	}
	answers := filepath.Join(t.TempDir(), "answers.yaml")
	if err := os.WriteFile(answers, []byte("answers:\n  mfa: \"yes\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	runs := [][]string{{"list"}, {"score", "1"}, {"answer", "2", "-f", answers, "--overwrite"}, {"list", "--json"}}
	results := make([]procResult, len(runs))
	var wg sync.WaitGroup
	for i, args := range runs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = runProc(bin, env, args...)
		}()
	}
	wg.Wait()
	rescored := 0
	for _, r := range results {
		if strings.Contains(r.errs, "Scored ") {
			rescored++
		}
		if r.code != 0 {
			t.Errorf("assay %s: exit %d\n%s", strings.Join(r.args, " "), r.code, r.errs)
		}
		for _, line := range strings.Split(strings.TrimSpace(r.errs), "\n") {
			if line != "" && !strings.HasPrefix(line, "Scoring ") && !strings.HasPrefix(line, "Scored ") {
				t.Errorf("assay %s says on standard error: %q", strings.Join(r.args, " "), line)
			}
		}
	}
	if rescored == 0 {
		t.Error("no command scored the older summaries again")
	}
	if out := s.ok("score", "1"); !strings.Contains(out, "Overall risk: critical") {
		t.Errorf("assessment 1 after the rescore:\n%s", out)
	}
	if got := s.openStore(); got != nil {
		a, err := got.Assessment(context.Background(), 2)
		got.Close()
		if err != nil || a.Answers["mfa"].Value.Choices[0] != "yes" {
			t.Errorf("the answer saved while the others rescored: %v %+v", err, a)
		}
	}
	code, out, errOut := s.run("", "list")
	if code != 0 || errOut != "" || !strings.Contains(out, "critical") {
		t.Errorf("a fifth command: exit %d, standard error %q\n%s", code, errOut, out)
	}
	if code, out, errOut := s.run("", "verify"); code != 0 {
		t.Errorf("verify: exit %d\n%s%s", code, out, errOut)
	}
}
