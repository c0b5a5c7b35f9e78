package main

import (
	"strings"
	"testing"
)

// A FILE beginning with ~ reached assay unexpanded (quoted, or after
// --output=, where the shell leaves it): assay backup wrote a file named
// ~ in the current folder, which a later rm -r ~ to clear it away would
// turn into the loss of the home folder; and --output=~/b.db said the
// folder ~ did not exist, of a home folder that does. It is refused,
// saying how to write the name.
func TestBackupRefusesAnUnexpandedTilde(t *testing.T) {
	s := newCLISession(t)
	s.worstCase("vendor-security-screen")
	wd := t.TempDir()
	t.Chdir(wd)
	for _, args := range [][]string{{"~"}, {"--output=~/b.db"}, {"-o", "~"}} {
		code, out, errOut := s.run("", append([]string{"backup"}, args...)...)
		if code == 0 || !strings.Contains(errOut, "the shell did not expand") || !strings.Contains(errOut, "nothing was written") {
			t.Errorf("assay backup %s: exit %d, %q%q; want a refusal saying the shell did not expand ~", strings.Join(args, " "), code, out, errOut)
		}
	}
	if names := folderNames(t, wd); len(names) != 0 {
		t.Errorf("the current folder now holds %q", names)
	}
}
