package safetext

import "testing"

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
		{"bidi", "invoice\u202egnp.exe", "invoicegnp.exe"},
		{"invalid utf8", "a\xffb", "a\uFFFDb"},
		{"unicode kept", "Zürich – 東京", "Zürich – 東京"},
		{"esc at end", "abc\x1b", "abc"},
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
			if r == 0x1b || (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r <= 0x9f) {
				t.Fatalf("Clean(%q) left control %U in %q", s, r, out)
			}
		}
	})
}
