package main

import (
	"os"
	"strings"
	"testing"
)

// The README names four sources of the reviewer's name, in order:
// --reviewer, $ASSAY_REVIEWER, reviewer: in the config file, the login
// name. The flag's help named only two besides the login, so a user who
// set reviewer: in config.yaml could not learn from --help that it counts.
func TestReviewerFlagHelpNamesTheConfigFile(t *testing.T) {
	f := (&app{getenv: os.Getenv}).rootCommand().PersistentFlags().Lookup("reviewer")
	if f == nil {
		t.Fatal("assay has no --reviewer flag")
	}
	for _, want := range []string{"$ASSAY_REVIEWER", "reviewer: in the config file", "login name"} {
		if !strings.Contains(f.Usage, want) {
			t.Errorf("--reviewer help %q does not name %q", f.Usage, want)
		}
	}
	env := strings.Index(f.Usage, "$ASSAY_REVIEWER")
	cfg := strings.Index(f.Usage, "reviewer: in the config file")
	login := strings.Index(f.Usage, "login name")
	if !(env < cfg && cfg < login) {
		t.Errorf("--reviewer help %q does not give the sources in the order they apply", f.Usage)
	}
}
