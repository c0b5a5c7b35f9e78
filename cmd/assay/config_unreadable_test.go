package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A settings file that cannot be read (its folder is a file, or does not
// let you in) stops the command in words that name the file and what to
// do: it printed Go's "stat …/config.yaml: not a directory".
func TestAnUnreadableSettingsFileIsNamedInWords(t *testing.T) {
	s := newCLISession(t)
	notAFolder := writeFile(t, t.TempDir(), "config-home", "a file, not a folder\n")
	s.env["XDG_CONFIG_HOME"] = notAFolder
	delete(s.env, "ASSAY_CONFIG")
	code, _, errOut := s.run("", "list")
	want := "cannot read " + filepath.Join(notAFolder, "assay", "config.yaml") + ": a part of its path is a file, not a folder"
	if code == 0 || !strings.Contains(errOut, want) || !strings.Contains(errOut, "settings file") || strings.Contains(errOut, "stat ") {
		t.Errorf("exit %d, stderr %q; want it to say %q", code, errOut, want)
	}
}
