package main

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestMessageLine(t *testing.T) {
	long := "f.yaml:2:3: answers." + strings.Repeat("é", 3000) + ": unknown\x1b[2J; nothing was recorded"
	got := messageLine(long)
	if len(got) > maxMessage+10 || !utf8.ValidString(got) || !strings.HasPrefix(got, "f.yaml:2:3: answers.é") ||
		!strings.HasSuffix(got, ": unknown; nothing was recorded") || !strings.Contains(got, " […] ") {
		t.Errorf("%d bytes: %.80q … %.80q", len(got), got, got[max(0, len(got)-80):])
	}
	if got := messageLine("short\nline"); got != "short line" {
		t.Errorf("%q", got)
	}
}

// A refusal quotes what a file held, but a value of megabytes is elided:
// the message keeps its position and its verdict and stays short.
func TestLongValuesAreElidedInMessages(t *testing.T) {
	_, _, file := exportedVendor(t)
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat("q", 5<<20)
	s := newCLISession(t)
	id := s.start("scoring-basics", "A", "2026-01-01", "")
	for _, c := range []struct {
		args []string
		want []string
	}{
		// Import refuses the field's length without quoting it at all.
		{[]string{"import", writeFile(t, t.TempDir(), "x.json", strings.Replace(string(src), `"question": "data-sensitivity"`, `"question": "`+big+`"`, 1))},
			[]string{"answers[0].question: it is 5242880 characters long", "nothing was imported"}},
		{[]string{"answer", id, "-f", writeFile(t, t.TempDir(), "a.yaml", "answers:\n  mfa: "+big+"\n  "+big+": yes\n")}, []string{"nothing was recorded", "[…]"}},
	} {
		code, _, errOut := s.run("", c.args...)
		missing := false
		for _, w := range c.want {
			missing = missing || !strings.Contains(errOut, w)
		}
		if code == 0 || len(errOut) > 3*maxMessage+200 || missing {
			t.Errorf("assay %s: exit %d, %d bytes: %.300s", c.args[0], code, len(errOut), errOut)
		}
	}
}
