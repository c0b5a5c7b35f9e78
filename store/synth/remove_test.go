package synth_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/assay-dev/assay/store/synth"
)

var removeLarge = flag.Bool("remove-large", false, "delete the 100,000-assessment database the …100k benchmarks built (about 5 GiB)")

// go test ./store/synth -run TestRemoveLarge -remove-large deletes the
// large database; without the flag this test does nothing.
func TestRemoveLarge(t *testing.T) {
	if !*removeLarge {
		t.Skip("give -remove-large to delete the 100,000-assessment database")
	}
	if err := synth.Remove(synth.Large); err != nil {
		t.Fatal(err)
	}
}

// Remove deletes one size's databases, of every generator version, with
// their -wal and -shm files, and leaves the other sizes.
func TestRemoveOneSize(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	small := synth.Config{Assessments: 20, Questions: 10, Subjects: 1}
	other := synth.Config{Assessments: 21, Questions: 10, Subjects: 1}
	touch := func(name string) string {
		p := filepath.Join(os.TempDir(), name)
		if err := os.WriteFile(p, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	gone := []string{touch("assay-synth-v1-" + small.String() + ".db"), touch("assay-synth-v2-" + small.String() + ".db-wal"),
		touch("assay-synth-v2-" + small.String() + ".db")}
	kept := touch("assay-synth-v2-" + other.String() + ".db")
	if err := synth.Remove(small); err != nil {
		t.Fatal(err)
	}
	for _, p := range gone {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s is still there", p)
		}
	}
	if _, err := os.Stat(kept); err != nil {
		t.Errorf("another size's database went: %v", err)
	}
}
