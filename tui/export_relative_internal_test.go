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
	for name, open := range exportingScreens {
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

// A name typed from the home folder (~/reports/r.md) is written there
// and said by its full path, as a shell would have expanded it: the
// screen said "Exported to ~/reports/r.md" and left the expansion to
// whatever wrote the file (a folder named ~ in the start folder, when it
// did not). ~ alone names no file, and ~bob/ another person's home
// folder, which assay does not look up: both are refused, saying why, as
// is ~/ when the home folder is not known. A name beginning with ~ but
// not followed by a folder (~r.md) is a name in the start folder.
func TestAnExportNamedFromHomeIsWrittenThere(t *testing.T) {
	d := Deps{ExportDir: "/home/ana/work", Home: "/home/ana"}
	for typed, want := range map[string]string{
		"~/r.md":         "/home/ana/r.md",
		"~/reports/r.md": "/home/ana/reports/r.md",
		"~r.md":          "/home/ana/work/~r.md",
		"/tmp/r.md":      "/tmp/r.md",
		"r.md":           "/home/ana/work/r.md",
		"../r.md":        "/home/ana/work/../r.md",
		"a/./b/r.md":     "/home/ana/work/a/b/r.md",
	} {
		if got, err := exportTarget(d, typed); got != want || err != nil {
			t.Errorf("%q is written to %q (%v), want %q", typed, got, err, want)
		}
	}
	for typed, why := range map[string]string{
		"~":         "~ is your home folder: name a file in it, such as ~/report.md",
		"~/":        "~/ is your home folder: name a file in it, such as ~/report.md",
		"~bob/r.md": "~bob/ names the home folder of bob, which assay does not look up: type the full path, or ~/ for your own",
	} {
		if got, err := exportTarget(d, typed); err == nil || err.Error() != why {
			t.Errorf("%q is written to %q (%v); want it refused: %s", typed, got, err, why)
		}
	}
	d.Home = ""
	if got, err := exportTarget(d, "~/r.md"); err == nil || !strings.Contains(err.Error(), "the home folder is not known") {
		t.Errorf("~/r.md with no home folder known: %q, %v", got, err)
	}
}

// On the report and the trail, ~/reports/r.md is written in the home
// folder and the screen says the file in full; ~bob/r.md is refused on
// the screen, and nothing is written.
func TestTheWorkspacesExportOfAHomeNameSaysItInFull(t *testing.T) {
	for name, open := range exportingScreens {
		t.Run(name, func(t *testing.T) {
			sh := exportShell(t)
			var wrote []string
			sh.deps.ExportDir, sh.deps.Home = "/home/ana/work", "/home/ana"
			sh.deps.WriteFile = func(path string, _ []byte) error { wrote = append(wrote, path); return nil }
			sh.deps.TrailFile = func(string, history.Trail) ([]byte, error) { return []byte("trail"), nil }
			s := open(sh)
			typeName := func(typed string) tea.Cmd {
				s, _ = s.Update(keyOf("e"))
				s, _ = s.Update(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}) // the name offered goes
				for _, r := range typed {
					s, _ = s.Update(keyOf(string(r)))
				}
				var cmd tea.Cmd
				s, cmd = s.Update(keyOf("enter"))
				return cmd
			}
			if cmd := typeName("~bob/r.md"); cmd != nil {
				if msg, ok := cmd().(exportedMsg); ok {
					t.Fatalf("~bob/r.md was written, to %q", msg.path)
				}
			}
			if v := flat(s.View(200, 24)); !strings.Contains(v, "~bob/ names the home folder of bob") || len(wrote) > 0 {
				t.Errorf("~bob/r.md is not refused (written to %q):\n%s", wrote, v)
			}
			cmd := typeName("~/reports/r.md")
			if cmd == nil {
				t.Fatal("enter wrote nothing")
			}
			msg := cmd().(exportedMsg)
			if full := "/home/ana/reports/r.md"; len(wrote) != 1 || wrote[0] != full {
				t.Fatalf("written to %q, want %q", wrote, full)
			}
			s, _ = s.Update(exportAnswer{job: sh.exports.answered(msg), exportedMsg: msg})
			if v := flat(s.View(200, 24)); !strings.Contains(v, "/home/ana/reports/r.md") {
				t.Errorf("the export does not say its full path:\n%s", v)
			}
		})
	}
}
