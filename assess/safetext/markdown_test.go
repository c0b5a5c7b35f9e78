package safetext

import "testing"

// Markdown keeps each line as a paragraph but nothing a renderer would act
// on: HTML, links, emphasis, and a line that would open a block, even
// behind indentation.
func TestMarkdown(t *testing.T) {
	for in, want := range map[string]string{
		"plain words":                    "plain words",
		"<script>x</script>":             "&lt;script&gt;x&lt;/script&gt;",
		"[l](javascript:alert(1))":       `\[l\](javascript:alert(1))`,
		"see https://x.example":          `see https\://x.example`,
		"a\n\n# heading\n  - item\n1. x": "a\n\n\\# heading\n\n\\- item\n\n1\\. x",
		"one\ntwo\n\n\n\nthree\n":        "one\n\ntwo\n\nthree",
		"*em* _u_ `c` a|b ~s~ @me":       `\*em\* \_u\_ \` + "`c\\`" + ` a\|b \~s\~ \@me`,
		"\x1b[31mred\x1b[0m":             "red",
	} {
		if got := Markdown(in); got != want {
			t.Errorf("Markdown(%q) = %q, want %q", in, got, want)
		}
	}
}
