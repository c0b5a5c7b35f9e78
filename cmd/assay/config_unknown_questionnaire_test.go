package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A questionnaire ID under questionnaires: that assay does not have stops
// every command README names (new, the sign-offs, subject list and show,
// due), naming the file, line and ID, and nothing is recorded: the
// misspelt deadlines would otherwise go unused. Only new was tested.
func TestMisspeltQuestionnaireSettingStopsTheCommandsThatUseIt(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	cfg := filepath.Join(s.env["XDG_CONFIG_HOME"], "assay", "config.yaml")
	if err := os.MkdirAll(filepath.Dir(cfg), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, []byte("questionnaires:\n  vendor-tierin:\n    deadlines: {medium: 60}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, records := firstAssessment(t, s.env["ASSAY_DB"])
	want := cfg + `:2:3: questionnaires.vendor-tierin: there is no questionnaire "vendor-tierin"`
	for _, args := range [][]string{
		{"new", "-q", "vendor-tiering", "-s", "Globex"},
		{"review", id, "--submit", "--comment", "Ready"},
		{"dpo", id, "--opinion", "favourable"},
		{"subject", "list"},
		{"subject", "show", "Acme Cloud Ltd"},
		{"due"},
	} {
		code, _, errOut := s.run("", append([]string{"--questionnaires", testdataQuestionnaires}, args...)...)
		if code != 1 || !strings.Contains(errOut, want) {
			t.Errorf("assay %s: exit %d, stderr %q; want exit 1 naming %q", strings.Join(args, " "), code, errOut, want)
		}
	}
	if _, n := firstAssessment(t, s.env["ASSAY_DB"]); n != records {
		t.Errorf("the refused commands recorded %d records", n-records)
	}
	if out := s.ok("list"); strings.Contains(out, "Globex") {
		t.Errorf("assay new made an assessment despite the setting:\n%s", out)
	}
}
