package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// A command from exec to exit, as a shell runs it: the process starting,
// package initialisation, and the command's own work. --version does
// nothing but start; list and score read a database of a few
// assessments (with the compiled questionnaires a first run left in the
// cache folder). Target: under 20 ms. The floor is the same exec of
// /bin/true: what starting any process from this benchmark costs.
// cpu-ms/op is the processor time of the process (user and system, as
// the kernel accounts it), which other work on a shared machine moves
// less than the time on the clock.
func BenchmarkColdStart(b *testing.B) {
	bin := assayBinary(b)
	dir := b.TempDir()
	db := filepath.Join(dir, "assay.db")
	env := procEnv(dir, db)
	var cpu time.Duration
	assay := func(args ...string) {
		cmd := exec.Command(bin, args...)
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		if err != nil {
			b.Fatalf("assay %v: %v\n%s", args, err, out)
		}
		cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	for _, q := range []string{"vendor-security-screen", "dpia", "vendor-security-screen"} {
		assay("new", "-q", q, "-s", "Acme Cloud Ltd", "--date", "2026-03-01")
	}
	assay("list") // leaves the compiled questionnaires
	if _, err := os.Stat(filepath.Join(sharedCache, "assay", "questionnaires")); err != nil {
		b.Fatalf("no compiled questionnaires: %v", err)
	}
	b.Run("floor", func(b *testing.B) {
		for b.Loop() {
			if err := exec.Command("/bin/true").Run(); err != nil {
				b.Skip("no /bin/true to measure the floor with")
			}
		}
	})
	for _, args := range [][]string{{"--version"}, {"list"}, {"score", "1"}} {
		b.Run(args[0], func(b *testing.B) {
			cpu = 0
			for b.Loop() {
				assay(args...)
			}
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}
