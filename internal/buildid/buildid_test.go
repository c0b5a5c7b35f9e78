package buildid

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// The test binary's build ID is the one `go tool buildid` reads.
func TestSelfMatchesGoTool(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("go", "tool", "buildid", exe).Output()
	if err != nil {
		t.Skipf("go tool buildid: %v", err)
	}
	want := strings.TrimSpace(string(out))
	if got := Self(); got != want {
		t.Errorf("Self() = %q, want %q", got, want)
	}
}

// The marker form (Mach-O, PE) is found too; anything else gives "".
func TestFind(t *testing.T) {
	raw := []byte("junk\xff Go build ID: \"abc/def\"\n \xffmore")
	if got := find(raw); got != "abc/def" {
		t.Errorf("marker: got %q", got)
	}
	for _, b := range []string{"", "\x7fELF", "no id here", "\xff Go build ID: \"unterminated"} {
		if got := find([]byte(b)); got != "" {
			t.Errorf("find(%q) = %q, want none", b, got)
		}
	}
	if got := FromFile("/nonexistent/assay"); got != "" {
		t.Errorf("missing file: got %q", got)
	}
}
