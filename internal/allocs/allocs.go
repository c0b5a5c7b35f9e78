// Package allocs counts the bytes a piece of work allocates, for the
// tests that hold a reader of untrusted files to work in proportion to
// what it reads: counted by the runtime, never timed, so a busy machine
// does not move the figure.
package allocs

import "runtime"

// Least is the bytes fn allocates, the least of three runs: buffers that
// a library keeps for reuse (sync.Pool) may be there for one run and gone
// for the next, and the least run is the work fn itself does.
func Least(fn func()) uint64 {
	least := uint64(0)
	for i := range 3 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		fn()
		runtime.ReadMemStats(&after)
		if n := after.TotalAlloc - before.TotalAlloc; i == 0 || n < least {
			least = n
		}
	}
	return least
}
