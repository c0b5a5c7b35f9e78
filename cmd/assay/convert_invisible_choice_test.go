package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// hostileChoicesLibrary is a CISO Assistant library made by hand, as a
// vendor's might come: a question whose second choice is a zero-width
// space, a right-to-left mark, a space, a tab and a bell, and whose
// fourth is an escape sequence that hides text (SGR 8), between two
// ordinary choices. Its lines, counted by hand: the second choice's value
// is on line 25, the fourth's on line 31, both at column 20.
const hostileChoicesLibrary = `urn: urn:intuitem:risk:library:hostile
ref_id: hostile
name: Hostile
version: 1
objects:
  framework:
    urn: urn:intuitem:risk:framework:hostile
    ref_id: hostile
    name: Hostile
    requirement_nodes:
    - urn: urn:intuitem:risk:req_node:hostile:a.1
      assessable: true
      depth: 1
      ref_id: A.1
      name: Requirement
      questions:
        urn:intuitem:risk:req_node:hostile:a.1:question:1:
          type: unique_choice
          text: Is MFA enforced?
          choices:
          - urn: urn:intuitem:risk:req_node:hostile:a.1:question:1:choice:1
            value: 'Yes'
            compute_result: compliant
          - urn: urn:intuitem:risk:req_node:hostile:a.1:question:1:choice:2
            value: "\u200B\u200F \t\u0007"
            compute_result: non_compliant
          - urn: urn:intuitem:risk:req_node:hostile:a.1:question:1:choice:3
            value: 'No'
            compute_result: non_compliant
          - urn: urn:intuitem:risk:req_node:hostile:a.1:question:1:choice:4
            value: "\u001b[8m"
            compute_result: compliant
`

// assay convert made the invisible choices options valued "choice" and
// "choice-2" with no label, and said "everything was carried over". The
// built binary now refuses the library, naming the file, line and field
// of each invisible choice with its text spelled out (the characters
// themselves would show as nothing, or act on the terminal), writes
// nothing, and leaves a file already at -o as it was.
func TestConvertRefusesInvisibleChoices(t *testing.T) {
	bin := assayBinary(t)
	dir := t.TempDir()
	lib := writeFile(t, dir, "vendor-library.yaml", hostileChoicesLibrary)
	out := writeFile(t, dir, "out.yaml", "# the analyst's earlier conversion\n")
	cmd := exec.Command(bin, "convert", lib, "-o", out)
	cmd.Env = procEnv(dir, filepath.Join(dir, "assay.db"))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if code := cmd.ProcessState.ExitCode(); code != 1 {
		t.Errorf("exit %d (%v), want 1", code, err)
	}
	const field = "objects.framework.requirement_nodes[0].questions.urn:intuitem:risk:req_node:hostile:a.1:question:1.choices"
	const said = "shows as nothing: assay would offer an option no one can read (give the choice a text, or remove it)"
	want := lib + `:25:20: ` + field + `[1].value: the choice's value "\u200b\u200f \t\a" ` + said + "\n" +
		lib + `:31:20: ` + field + `[3].value: the choice's value "\x1b[8m" ` + said + "\n" +
		"assay: " + lib + ": 2 problems; nothing was written\n"
	if stderr.String() != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr.String(), want)
	}
	if stdout.Len() > 0 {
		t.Errorf("stdout: %s", stdout.String())
	}
	if got := string(mustRead(t, out)); got != "# the analyst's earlier conversion\n" {
		t.Errorf("-o's file was changed:\n%s", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "assay.db")); err == nil {
		t.Error("convert made a database")
	}
	if strings.ContainsAny(stderr.String(), "\u200b\u200f\a\x1b") {
		t.Errorf("stderr holds the invisible characters themselves: %q", stderr.String())
	}
}
