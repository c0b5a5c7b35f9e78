package main

import (
	"os"
	"path/filepath"
	"testing"
)

// plantedScene is a folder anyone may write in, as /tmp is, holding the
// database a command builds, and a file elsewhere that a link another
// user plants leads to. The tests of backup's copy and of the first
// command's build plant files at the names SQLite would make beside the
// build, and check that none of them was opened.
type plantedScene struct {
	shared  string // the folder everyone may write in
	file    string // the database in it
	victim  string // what a planted link leads to
	planted []string
	// buildFolder is the mode of the folder the build was made in.
	buildFolder os.FileMode
}

const (
	victimText  = "the victim's file\n"
	plantedText = "planted by another user\n"
)

func newPlantedScene(t *testing.T) *plantedScene {
	t.Helper()
	shared := filepath.Join(t.TempDir(), "shared")
	must(t, os.Mkdir(shared, 0o755))
	must(t, os.Chmod(shared, 0o1777)) // as /tmp: anyone may create files in it
	return &plantedScene{
		shared: shared,
		file:   filepath.Join(shared, "portfolio.db"),
		victim: writeFile(t, t.TempDir(), "victim.txt", victimText),
	}
}

// noteBuild records the mode of the folder the build at building was
// made in.
func (p *plantedScene) noteBuild(t *testing.T, building string) {
	t.Helper()
	fi, err := os.Stat(filepath.Dir(building))
	must(t, err)
	p.buildFolder = fi.Mode()
}

// plantBeside plants, beside base in the shared folder, a link to the
// victim at its -journal and files at its -wal and -shm.
func (p *plantedScene) plantBeside(t *testing.T, base string) {
	t.Helper()
	must(t, os.Symlink(p.victim, base+"-journal"))
	for _, suffix := range []string{"-wal", "-shm"} {
		p.planted = append(p.planted, writeFile(t, p.shared, filepath.Base(base)+suffix, plantedText))
	}
}

// checkNothingPlantedWasUsed fails the test if the build's folder let
// other users in, or if the victim or a planted file was written or
// removed; whose names the build (the backup's copy, the new database).
func (p *plantedScene) checkNothingPlantedWasUsed(t *testing.T, whose string) {
	t.Helper()
	if p.buildFolder.Perm()&0o077 != 0 {
		t.Errorf("%s was built in a folder of mode %v: other users may plant files beside it", whose, p.buildFolder)
	}
	if b, _ := os.ReadFile(p.victim); string(b) != victimText {
		t.Errorf("the file a planted link leads to was written: %q", b)
	}
	for _, f := range p.planted {
		if b, err := os.ReadFile(f); err != nil || string(b) != plantedText {
			t.Errorf("the planted %s was opened as %s's own: %q (%v)", filepath.Base(f), whose, b, err)
		}
	}
}
