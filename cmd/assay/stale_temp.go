package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Files written whole (-o, the trusted keys, a signing key) are written
// under a temporary name beside their place, then renamed or linked into
// it. A run killed with SIGKILL, or by a power cut, cannot remove its
// temporary file; named PREFIX-PID-…, it is removed by the next write
// into that folder once no process has that ID. A live run's is left.

// createTemp creates a temporary file in dir named prefix, this process's
// ID and a random part, after removing the ones runs that are gone left
// there.
func createTemp(dir, prefix string) (*os.File, error) {
	removeStaleTemps(dir, prefix)
	return os.CreateTemp(dir, prefix+strconv.Itoa(os.Getpid())+"-*")
}

// removeStaleTemps removes the files prefix-PID-N in dir (N the digits
// os.CreateTemp puts for its random part) whose process is gone.
func removeStaleTemps(dir, prefix string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		id, random, dash := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(id)
		if !ok || !dash || err != nil || pid <= 0 || !digits(random) || pid == os.Getpid() || !e.Type().IsRegular() || !processGone(pid) {
			continue
		}
		_ = os.Remove(filepath.Join(dir, e.Name()))
	}
}

func digits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}
