package report

import (
	"fmt"
	"runtime"
	"testing"
)

// A vendor's answers file may list any number of evidence references
// (each is bounded, their count is not): one of 1.9 MB gave a question
// 200,000, and assay report then ran for hours, because each reference
// copied the whole list built so far. What building the list allocates
// now grows with the number of references, not with its square: four
// times as many cost about four times as much (the square would be
// sixteen). Measured in bytes allocated, which does not depend on the
// machine's speed or load.
func TestEvidenceListGrowsLinearly(t *testing.T) {
	allocated := func(n int) uint64 {
		ev := make([]string, n)
		for i := range ev {
			ev[i] = fmt.Sprintf("Evidence %d", i)
		}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		// Each reference its number, a space and its text; "; "
		// before each but the first.
		if got := evidenceText(ev); len(got) != 4*n-1 {
			t.Fatalf("%d references gave %d spans, want %d", n, len(got), 4*n-1)
		}
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	small, large := allocated(2000), allocated(8000)
	if ratio := float64(large) / float64(small); ratio > 8 {
		t.Errorf("4x the references allocated %.1fx the bytes (%d against %d): the list is copied per reference", ratio, large, small)
	}
}
