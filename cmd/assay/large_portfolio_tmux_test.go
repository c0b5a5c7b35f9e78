package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
	"github.com/assay-dev/assay/store"
	"github.com/assay-dev/assay/store/synth"
)

// On a portfolio of 3,000 assessments (store/synth: more than the first
// page the home screen reads, far more than a screen), the built program
// in a terminal shows the newest first, then the whole portfolio; G
// reaches the last row, g comes back to the first, and IDs of four
// digits show whole.
func TestLargePortfolioGReachesTheLastRow(t *testing.T) {
	bin := assayBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "assay.db")
	if err := synth.Build(db, synth.Config{Assessments: 3000, Questions: 10, Subjects: 300}); err != nil {
		t.Fatal(err)
	}
	first, last, n := listEnds(t, db)
	p := startTmux(t, bin, procEnv(dir, db))
	row := func(a *assess.Assessment) string { return fmt.Sprintf("▸ %-4d %s", a.ID, a.Subject) }
	p.waitText(row(first))
	p.waitText(fmt.Sprintf("%d of %d · sorted by most recent", n, n))
	p.keys("G")
	p.waitText(row(last))
	if strings.Contains(p.screen(), first.Subject+" ") {
		t.Errorf("G did not scroll the first row away:\n%s", p.screen())
	}
	p.keys("g")
	p.waitText(row(first))
	p.keys("End")
	p.waitText(row(last))
	p.keys("q")
}

// listEnds lists the database's assessments as the home screen does
// (archived ones left out): the first, the last and how many.
func listEnds(t *testing.T, path string) (first, last *assess.Assessment, n int) {
	t.Helper()
	db, err := store.Open(path, questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	list, err := db.Assessments(context.Background(), assess.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return list[0], list[len(list)-1], len(list)
}
