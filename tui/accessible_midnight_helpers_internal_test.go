package tui

import (
	"testing"
	"time"
)

// midnightTicks makes the workspace's day timer the test's own until t
// ends: midnight comes when the test sends on the channel, and nothing
// waits for time.
func midnightTicks(t *testing.T) chan<- time.Time {
	ticks := make(chan time.Time)
	old := dayTimer
	dayTimer = func(time.Duration) (<-chan time.Time, func() bool) { return ticks, func() bool { return true } }
	t.Cleanup(func() { dayTimer = old })
	return ticks
}
