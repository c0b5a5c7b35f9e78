package main

import (
	"path/filepath"
	"strings"
	"testing"
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
	want := "assay: scoring 3 assessments again under assay-scoring/2: their stored levels came from an older assay (this happens once)\n" +
		"assay: scored 3 assessments again\n"
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
