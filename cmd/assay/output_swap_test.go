package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// swapFolderAfterCheck makes hook (outputChecked or folderHeld), for the
// rest of the test,
// move the folder dir away (to dir.checked) and put a symbolic link to
// elsewhere in its place: what a user sharing the machine can do between
// assay's check of the path and its write, in a folder they may write.
// planting it as uid (when not -1).
func swapFolderAfterCheck(t *testing.T, hook *func(string), dir, elsewhere string, uid int) {
	t.Helper()
	was := *hook
	t.Cleanup(func() { *hook = was })
	*hook = func(string) {
		if _, err := os.Lstat(dir + ".checked"); err == nil {
			return // swapped already (the second check of a write)
		}
		must(t, os.Rename(dir, dir+".checked"))
		must(t, os.Symlink(elsewhere, dir))
		if uid != -1 {
			must(t, os.Lchown(dir, uid, uid))
		}
	}
}

// -o resolved and checked the path, then created its temporary file and
// renamed it by path: a folder on the way swapped for a link in between
// turned the write onto whatever the link named (~/.ssh, another user's
// folder), past every check. The write now holds the folder it checked
// open and writes in it: the report lands in the folder checked (moved
// away by the swap) or is refused, never where the link points. Every
// command writing -o and the workspace's export share the writer.
func TestOutputLandsInTheCheckedFolderWhenItIsSwappedForALink(t *testing.T) {
	s := newCLISession(t)
	s.worstCase("vendor-security-screen")
	ws := &app{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, getenv: func(k string) string { return s.env[k] }, dbPath: s.env["ASSAY_DB"]}
	writes := map[string]func(string) error{}
	for _, cmd := range outputCommands {
		writes[strings.Join(cmd, " ")] = func(out string) error {
			args := append(append([]string{}, cmd...), out)
			if code, _, errOut := s.run("", args...); code != 0 {
				return errorString(errOut)
			}
			return nil
		}
	}
	writes["workspace export"] = func(out string) error { return ws.writeFile(out, []byte("report")) }
	writes["workspace new export"] = func(out string) error { return ws.createExport(out, []byte("report")) }

	for what, write := range writes {
		base := t.TempDir()
		dir := filepath.Join(base, "shared")
		must(t, os.Mkdir(dir, 0o755))
		elsewhere := t.TempDir()
		victim := writeFile(t, elsewhere, "report.md", "the victim's file\n")
		swapFolderAfterCheck(t, &folderHeld, dir, elsewhere, -1)

		err := write(filepath.Join(dir, "report.md"))
		if b, _ := os.ReadFile(victim); string(b) != "the victim's file\n" {
			t.Errorf("%s: the write followed the link swapped in after the check: %s holds %.40q", what, victim, b)
		}
		if entries, _ := os.ReadDir(elsewhere); len(entries) != 1 {
			t.Errorf("%s: the write left files in the swapped-in folder: %v", what, entries)
		}
		if err == nil {
			if _, serr := os.Stat(filepath.Join(dir+".checked", "report.md")); serr != nil {
				t.Errorf("%s: succeeded, but the checked folder holds no report: %v", what, serr)
			}
		} else if !strings.Contains(err.Error(), "nothing was written") {
			t.Errorf("%s: refused without saying nothing was written: %v", what, err)
		}
	}
}

// Swapped between the check by name and the holding of the folder, by a
// link another user planted in a shared folder (as /tmp), the folder is
// refused as the link is refused when it is there before: holding the
// folder resolves the path again, one name at a time, and follows no
// link the system's fs.protected_symlinks would not.
func TestOutputRefusesAFolderSwappedForAPlantedLinkBeforeItIsHeld(t *testing.T) {
	shared := sharedFolder(t)
	s := newCLISession(t)
	s.worstCase("vendor-security-screen")
	dir := filepath.Join(shared, "reports")
	must(t, os.Mkdir(dir, 0o755))
	home := t.TempDir()
	bashrc := writeFile(t, home, "report.md", "export PATH=/usr/bin\n")
	swapFolderAfterCheck(t, &outputChecked, dir, home, otherUser)

	code, _, errOut := s.run("", "report", "1", "-o", filepath.Join(dir, "report.md"))
	if code != 1 || !strings.Contains(errOut, "the symbolic link "+dir) || !strings.Contains(errOut, "another user") ||
		!strings.Contains(errOut, "nothing was written") {
		t.Errorf("report -o through a folder swapped for a planted link: exit %d, %q; want the link refused", code, errOut)
	}
	if b, _ := os.ReadFile(bashrc); string(b) != "export PATH=/usr/bin\n" {
		t.Errorf("the write followed the planted link: %q", b)
	}
}

type errorString string

func (e errorString) Error() string { return string(e) }
