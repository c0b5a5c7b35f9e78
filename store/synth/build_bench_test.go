package synth_test

import (
	"os"
	"testing"

	"github.com/assay-dev/assay/store/synth"
)

// BenchmarkBuild builds the default database (10,000 assessments and
// 1,000,000 answers) once, to show what the cache saves.
func BenchmarkBuild(b *testing.B) {
	var size int64
	for b.Loop() {
		path := b.TempDir() + "/synth.db"
		if err := synth.Build(path, synth.Default); err != nil {
			b.Fatal(err)
		}
		fi, err := os.Stat(path)
		if err != nil {
			b.Fatal(err)
		}
		size = fi.Size()
	}
	b.ReportMetric(float64(size)/(1<<20), "MiB")
}
