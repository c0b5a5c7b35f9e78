package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Under LANG=C the tables drew ASCII, but a message shortened outside a
// table still ended in "…" (three bytes of garbage there): an error
// whose middle was elided ("[…]"), and assay convert's report of a long
// copyright. They say "..." now; under UTF-8 they keep the ellipsis.
func TestShortenedMessagesAreASCIIUnderLangC(t *testing.T) {
	for _, lang := range []string{"C", "C.UTF-8"} {
		s := newCLISession(t)
		s.env["LANG"] = lang
		mark := "[...]"
		if lang != "C" {
			mark = "[…]"
		}
		code, _, errOut := s.run("", "key", "trust", "Rui Costa", strings.Repeat("x", 5000))
		if code == 0 || !strings.Contains(errOut, " "+mark+" ") || (lang == "C" && strings.Contains(errOut, "…")) {
			t.Errorf("LANG=%s: the shortened error (exit %d):\n%.300s", lang, code, errOut)
		}

		src, err := os.ReadFile(filepath.Join(convertTestdata, "ciso", "cisa-vendor-scrm.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		long := "copyright: '" + strings.Repeat("CISA and others ", 40) + "'"
		in := filepath.Join(t.TempDir(), "scrm.yaml")
		if err := os.WriteFile(in, []byte(strings.Replace(string(src), "copyright: CISA", long, 1)), 0o600); err != nil {
			t.Fatal(err)
		}
		converted := filepath.Join(t.TempDir(), "scrm-q.yaml")
		out := s.ok("convert", in, "-o", converted, "--severity", "high", "--kind", "third-party")
		ends := "..."
		if lang != "C" {
			ends = "…"
		}
		line := ""
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(l, "copyright: ") {
				line = l
			}
		}
		if !strings.HasSuffix(line, ends) || (lang == "C" && strings.Contains(out, "…")) {
			t.Errorf("LANG=%s: assay convert's report:\n%s", lang, out)
		}
		// assay lint names the converted file's copyright, cut alike.
		lint := s.ok("lint", converted)
		if first, _, _ := strings.Cut(lint, "\n"); !strings.HasSuffix(first, ends) || (lang == "C" && strings.Contains(lint, "…")) {
			t.Errorf("LANG=%s: assay lint:\n%s", lang, lint)
		}
	}
}
