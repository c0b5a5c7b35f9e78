package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// assay plan --csv had no counterpart in accessible mode. c at the plan
// writes it as CSV under the checks of assay plan --csv -o: a name for
// another format refused, nothing written over unasked; the file is the
// command line's, byte for byte.
func TestAccessiblePlanAsCSV(t *testing.T) {
	s := newAccessibleSession(t)
	def := filepath.Join(s.dir, "acme-cloud-ltd-1-plan.csv")
	out := s.drive(
		"1", "2", // assessment 1, its plan
		"C", "plan.pdf", // named for another format
		"",                // the name offered
		"c", "", "n", "b", // again: kept, back to the plan
		"q",
	)
	s.says(out,
		"Type an item's number to change it, l to hear the plan again, c to write it as CSV to a file, b to go back to assessment 1's choices, q to quit:",
		"File name for the plan as CSV: type a path (a name without a folder is written in "+s.dir+"; ~/ is your home folder), press Enter alone for "+def+", or type b alone to go back to the plan:",
		"Not written: plan.pdf is named for a PDF file, but the plan is written as CSV: name it .csv.",
		"Written: the plan of assessment 1 as CSV is the file "+def+".",
		"Not written: "+def+" is kept as it was.",
	)
	got, err := os.ReadFile(def)
	if err != nil {
		t.Fatal(err)
	}
	cli := runProc(s.bin, s.env, "plan", "1", "--csv")
	if cli.code != 0 || string(got) != cli.stdout || !strings.Contains(cli.stdout, ",") {
		t.Errorf("the CSV differs from assay plan --csv (exit %d, %s):\n%s\n---\n%s", cli.code, cli.errs, got, cli.stdout)
	}
	if _, err := os.Stat(filepath.Join(s.dir, "plan.pdf")); err == nil {
		t.Errorf("a file named for another format was written")
	}
}
