package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// Files that are no export, handed to assay import by mistake or malice:
// each is refused at once, naming the file and why, and the database is
// unchanged. (A named pipe: nonregular_test.go.) A link to the database
// itself was refused only as "binary, not text", which does not tell the
// person they gave assay its own database.
func TestImportRefusesHugeAndHostileFiles(t *testing.T) {
	s := newCLISession(t)
	s.start("vendor-tiering", "Initech", "2026-03-01", "mfa: yes")
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge.json")
	if err := os.WriteFile(huge, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, 200<<20); err != nil { // sparse: 200 MB on paper
		t.Fatal(err)
	}
	toDB := filepath.Join(dir, "acme.json")
	if err := os.Symlink(s.env["ASSAY_DB"], toDB); err != nil {
		t.Fatal(err)
	}
	deep := writeFile(t, dir, "deep.json", strings.Repeat("[", 200000)+strings.Repeat("]", 200000))
	for _, c := range []struct{ file, want string }{
		{huge, huge + ": the file is 200.0 MiB, over the 16 MiB limit"},
		{"/dev/zero", "/dev/zero is a device, not a regular file"},
		{toDB, toDB + " is this assay database (or one of its own files), not an export"},
		{deep, deep + ":1:10001: the file nests arrays and objects more than 10000 deep"},
	} {
		before := s.dbDigest()
		code, _, errOut := s.run("", "import", c.file)
		if code != 1 || !strings.Contains(errOut, c.want) {
			t.Errorf("assay import %s: exit %d, %q\nwant it refused saying %q", c.file, code, errOut, c.want)
		}
		if s.dbDigest() != before {
			t.Errorf("assay import %s changed the database", c.file)
		}
	}
}

// An assessment last written while this computer's clock was two days
// ahead (or is now two days behind): an export made now would say it was
// made before records it carries, which assay import refuses. assay
// export says so, and how to go on, instead of writing a file the
// colleague's import then refuses.
func TestExportRefusesWhileTheClockIsBeforeTheTrail(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Initech", "2026-03-01", "mfa: yes")
	db := s.openStore()
	db.Now = func() time.Time { return time.Now().Add(48 * time.Hour) }
	if err := db.SaveAnswer(assess.WithActor(context.Background(), "Test Reviewer"), 1,
		assess.Answer{QuestionID: "encryption", Value: assess.Value{Choices: []string{"partial"}}}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	out := filepath.Join(t.TempDir(), "initech.json")
	code, _, errOut := s.run("", "export", id, "-o", out)
	for _, want := range []string{"this computer's clock reads", "before the latest time assessment 1's audit trail records", "correct the clock", "nothing was written"} {
		if code != 1 || !strings.Contains(errOut, want) {
			t.Errorf("export: exit %d, %s\nwant it to say %q", code, errOut, want)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("the refused export wrote its file")
	}
}
