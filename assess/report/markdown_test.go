package report

import (
	"strings"
	"testing"
)

// Every kind of hostile text, through Inline, stays one line of plain
// text inside a table cell: no unescaped pipe, no raw HTML, no code span,
// no escape sequence, no link.
func TestInlineHostileText(t *testing.T) {
	cases := map[string]string{
		"pipe":      "a | b",
		"backticks": "``run`` `x`",
		"html":      "<script>alert(1)</script><img src=x onerror=y>",
		"newlines":  "line one\n| a | b |\r\n---\n# heading",
		"escape":    "\x1b[31mred\x1b[0m \x1b]8;;http://evil\x07link\x1b]8;;\x07 \u009b2J",
		"link":      "[click](javascript:alert(1)) https://x.example www.example.com",
		"entity":    "&lt; stays &amp; literal",
		"emphasis":  "*bold* _it_ ~~gone~~ \\",
	}
	for name, in := range cases {
		out := Inline(in)
		if strings.ContainsAny(out, "\n\r\x1b\u009b\x07<>") {
			t.Errorf("%s: %q has a line break, control or angle bracket", name, out)
		}
		if n := tableCells("| " + out + " |"); n != 1 {
			t.Errorf("%s: %q splits a cell into %d", name, out, n)
		}
		for i := 0; i < len(out); i++ {
			if strings.IndexByte("`*_[]~|", out[i]) >= 0 && (i == 0 || out[i-1] != '\\') {
				t.Errorf("%s: %q has an unescaped %q at %d", name, out, out[i], i)
			}
		}
		if strings.Contains(strings.ReplaceAll(out, `\://`, ""), "://") || strings.Contains(strings.ToLower(out), "www.e") {
			t.Errorf("%s: %q would autolink", name, out)
		}
	}
	if got := Inline("a & b < c"); got != "a &amp; b &lt; c" {
		t.Errorf("entities: %q", got)
	}
}

// tableCells counts cells in a row: pipes not escaped, less the outer two.
func tableCells(line string) int {
	n := 0
	for i := 0; i < len(line); i++ {
		if line[i] == '\\' {
			i++
			continue
		}
		if line[i] == '|' {
			n++
		}
	}
	return n - 1
}

func TestCodeSpan(t *testing.T) {
	for in, want := range map[string]string{
		"mfa":    "`mfa`",
		"a`b":    "``a`b``",
		"`x`":    "`` `x` ``",
		"a\nb|c": "`a b|c`",
	} {
		if got := Code(in); got != want {
			t.Errorf("Code(%q) = %q, want %q", in, got, want)
		}
	}
}
