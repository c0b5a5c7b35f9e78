package safetext

import (
	"strings"
	"testing"
)

func TestClean(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain", "Acme Cloud Ltd", "Acme Cloud Ltd"},
		{"colour", "\x1b[31mred\x1b[0m text", "red text"},
		{"clear screen", "a\x1b[2Jb\x1b[Hc", "abc"},
		{"osc 8 link", "\x1b]8;;https://evil.example\x07click\x1b]8;;\x07", "click"},
		{"osc title with ST", "\x1b]0;owned\x1b\\ok", "ok"},
		{"c1 csi", "a\u009b31mb", "ab"},
		{"c1 osc", "a\u009d0;x\u009cb", "ab"},
		{"dcs", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"controls", "a\x00b\x07c\x08d", "abcd"},
		{"newline kept", "line1\r\nline2\rline3", "line1\nline2\nline3"},
		{"other line breaks", "line1\vline2\fline3\u0085line4", "line1\nline2\nline3\nline4"},
		{"bidi", "invoice\u202egnp.exe", "invoicegnp.exe"},
		{"invalid utf8", "a\xffb", "a\uFFFDb"},
		{"unicode kept", "Zürich – 東京", "Zürich – 東京"},
		{"esc at end", "abc\x1b", "abc"},
		{"noncharacters", "a\ufdd0b\ufdefc\ufffed\uffffe\U0001fffef\U0010ffffg\ufdcf\ufdf0\ufffd", "abcdefg\ufdcf\ufdf0\ufffd"},
	}
	for _, c := range cases {
		if got := Clean(c.in); got != c.want {
			t.Errorf("%s: Clean(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
	if got := OneLine("a\n\tb   c\x1b[1m"); got != "a b c" {
		t.Errorf("OneLine = %q", got)
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"\x1b[31mx", "\x1b]8;;u\x07t", "\u009b1m", "ok"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Clean(s)
		for _, r := range out {
			if r == 0x1b || (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r <= 0x9f) || IsNoncharacter(r) {
				t.Fatalf("Clean(%q) left control %U in %q", s, r, out)
			}
		}
	})
}

// FirstControl finds exactly what Clean would remove or change.
func TestFirstControl(t *testing.T) {
	cases := []struct {
		in        string
		keepLines bool
		r         rune
		at        int
	}{
		{"Acme Cloud Ltd", false, 0, -1},
		{"Zürich – 東京", false, 0, -1},
		{"Evil\x1b]52;c;ZQ==\x07Corp", false, 0x1b, 4},
		{"a\u202eb", false, 0x202e, 1},
		{"ab\u009bc", false, 0x9b, 2},
		{"line1\nline2\tx", true, 0, -1},
		{"line1\nline2", false, '\n', 5},
		{"crlf\r\n", true, '\r', 4},
		{"nul\x00", true, 0, 3},
		{"bad\xff", true, 0xfffd, 3},
	}
	for _, c := range cases {
		r, at := FirstControl(c.in, c.keepLines)
		if r != c.r || at != c.at {
			t.Errorf("FirstControl(%q, %v) = %U at %d, want %U at %d", c.in, c.keepLines, r, at, c.r, c.at)
		}
		if (at < 0) != (Clean(c.in) == c.in) && c.keepLines {
			t.Errorf("FirstControl(%q) = %d but Clean gives %q", c.in, at, Clean(c.in))
		}
	}
}

// OneLine's shortcut for names already on one line gives what cleaning
// and joining the words gives.
func TestOneLineShortcut(t *testing.T) {
	for _, s := range []string{"", "Acme Cloud Ltd", " Acme", "Acme ", "Acme  Cloud", "a\tb", "a\nb", "x\x1b[31my", "Ünïcode", "a\x7fb", "~!@#$%^&*()_+{}|:\"<>?", " ", "  ", "a b c d"} {
		if got, want := OneLine(s), strings.Join(strings.Fields(Clean(s)), " "); got != want {
			t.Errorf("OneLine(%q) = %q, want %q", s, got, want)
		}
	}
	if !isOneLine("Acme Cloud Ltd") || isOneLine("Acme  Cloud") {
		t.Error("the shortcut takes the wrong names")
	}
}
