package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// README's workspace "honours NO_COLOR" (no-color.org: set to anything
// but empty, a program draws no colour). The workspace leaves that to
// Bubble Tea's reading of the environment, and nothing held it to the
// promise: every tmux test runs with NO_COLOR=1 and reads the screen
// without its escape sequences. Both panes here run on a terminal of
// 24-bit colour (TERM=xterm-256color, COLORTERM=truecolor); the one
// without NO_COLOR must draw in colour, so that the check can see colour
// at all, and the one with it must draw none, on the home screen and on
// the screen a key opens.
func TestWorkspaceHonoursNoColor(t *testing.T) {
	bin := assayBinary(t)
	dir := t.TempDir()
	env := procEnv(dir, filepath.Join(dir, "assay.db"))
	if r := runProc(bin, env, "new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd"); r.code != 0 {
		t.Fatalf("assay new: exit %d: %s", r.code, r.errs)
	}
	var kept []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, "NO_COLOR=") {
			kept = append(kept, shellQuote(kv))
		}
	}
	// env -u: a NO_COLOR in the environment the tests run in must not
	// reach the pane that is to draw in colour.
	run := func(extra ...string) string {
		return "exec env -u NO_COLOR " + strings.Join(append(kept, extra...), " ") + " COLORTERM=truecolor " + shellQuote(bin)
	}

	coloured := startTmuxSized(t, 100, 30, nil, run())
	coloured.waitFor("the home screen, in colour", func(string) bool {
		s := escapedScreen(coloured)
		return strings.Contains(s, "Acme Cloud Ltd") && len(colourSGR(s)) > 0
	})

	plain := startTmuxSized(t, 100, 30, nil, run("NO_COLOR=1"))
	plain.waitText("Acme Cloud Ltd", "? keys")
	if c := colourSGR(escapedScreen(plain)); len(c) > 0 {
		t.Errorf("with NO_COLOR=1 the home screen draws in colour: %d sequences, %q first", len(c), c[0])
	}
	plain.keys("?")
	plain.waitText("Keys on this screen")
	if c := colourSGR(escapedScreen(plain)); len(c) > 0 {
		t.Errorf("with NO_COLOR=1 the keys screen draws in colour: %d sequences, %q first", len(c), c[0])
	}
}

// escapedScreen is the pane with the escape sequences that style it.
func escapedScreen(p *tmuxPane) string {
	p.t.Helper()
	out, err := p.cmd("capture-pane", "-e", "-p", "-t", tmuxSession).Output()
	if err != nil {
		return ""
	}
	return string(out)
}

var sgr = regexp.MustCompile("\x1b\\[([0-9;:]*)m")

// colourSGR lists the SGR sequences of s that set a colour: a foreground
// or background of the 8, the bright 8, the 256 or 24-bit. Resets to the
// terminal's own colours (39, 49) and bold, underline or reverse set
// none.
func colourSGR(s string) []string {
	var found []string
	for _, m := range sgr.FindAllStringSubmatch(s, -1) {
		for _, param := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			if isColourParam(param) {
				found = append(found, m[0])
				break
			}
		}
	}
	return found
}

func isColourParam(p string) bool {
	switch len(p) {
	case 2:
		// 30-37 and 38 (256 or 24-bit) foreground, 40-48 background,
		// 90-97 bright foreground
		return (p[0] == '3' || p[0] == '4') && p[1] >= '0' && p[1] <= '8' ||
			p[0] == '9' && p[1] >= '0' && p[1] <= '7'
	case 3: // 100-107, bright background
		return p[0] == '1' && p[1] == '0' && p[2] >= '0' && p[2] <= '7'
	}
	return false
}
