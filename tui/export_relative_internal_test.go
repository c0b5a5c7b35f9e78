package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess/history"
)

// A name typed into an export's prompt without a folder was written
// relative to the folder assay was started in, as assay report -o's is,
// and said as typed ("Exported to r.md"): nothing said which folder, and
// the prompt did not say what such a name meant. The prompt now says
// where a name without a folder goes, and the export is written and said
// under its full path.
func TestAnExportNamedRelativeSaysItsFullPath(t *testing.T) {
	const dir, typed, full = "/home/ana/work", "reports/r.md", "/home/ana/work/reports/r.md"
	cases := map[string]func(sh *shell) screen{
		"report": func(sh *shell) screen { r := newReport(sh); r.rendered = true; return r },
		"trail": func(sh *shell) screen {
			return newTrail(sh, trailLoadedMsg{id: 1, subject: "Loan model", verdict: history.Verdict{Intact: true}, entries: longTrail(3)})
		},
	}
	for name, open := range cases {
		t.Run(name, func(t *testing.T) {
			sh := exportShell(t)
			var wrote []string
			sh.deps.ExportDir = dir
			sh.deps.WriteFile = func(path string, _ []byte) error { wrote = append(wrote, path); return nil }
			sh.deps.TrailFile = func(string, history.Trail) ([]byte, error) { return []byte("trail"), nil }
			s := open(sh)
			s, _ = s.Update(keyOf("e"))
			if v := flat(s.View(100, 24)); !strings.Contains(v, "A name without a folder is written in "+dir) {
				t.Errorf("the prompt does not say where a name without a folder goes:\n%s", v)
			}
			s, _ = s.Update(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}) // the name offered goes
			for _, r := range typed {
				s, _ = s.Update(keyOf(string(r)))
			}
			s, cmd := s.Update(keyOf("enter"))
			if cmd == nil {
				t.Fatal("enter wrote nothing")
			}
			msg := cmd().(exportedMsg)
			if len(wrote) != 1 || wrote[0] != full {
				t.Fatalf("written to %q, want %q", wrote, full)
			}
			s, _ = s.Update(exportAnswer{job: sh.exports.answered(msg), exportedMsg: msg})
			if v := flat(s.View(100, 24)); !strings.Contains(v, full) {
				t.Errorf("the export does not say its full path %s:\n%s", full, v)
			}
		})
	}
}

func flat(s string) string { return strings.Join(strings.Fields(ansi.Strip(s)), " ") }

// Accessible mode says the file written by its full path; a name from
// the home folder (~/r.md, which assay writes in the home folder) was
// said as a folder named ~ in the working folder ("/work/~/r.md"), a file
// that was not written. A name beginning with ~ but not ~/ is a name in
// the working folder, for the workspace's prompt as for the system.
func TestAnExportNamedFromHomeIsSaidFromHome(t *testing.T) {
	if got := fullPath("~/reports/r.md"); got != "~/reports/r.md" {
		t.Errorf("~/reports/r.md is said as %q", got)
	}
	d := Deps{ExportDir: "/home/ana/work"}
	for typed, want := range map[string]string{
		"~/r.md":     "~/r.md",
		"~":          "~",
		"~r.md":      "/home/ana/work/~r.md",
		"/tmp/r.md":  "/tmp/r.md",
		"r.md":       "/home/ana/work/r.md",
		"../r.md":    "/home/ana/work/../r.md",
		"a/./b/r.md": "/home/ana/work/a/b/r.md",
	} {
		if got := exportTarget(d, typed); got != want {
			t.Errorf("%q is written to %q, want %q", typed, got, want)
		}
	}
}
