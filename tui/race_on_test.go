//go:build race

package tui_test

// raceDetector is on: the race detector makes the workspace many times
// slower, so the long random tests run fewer sequences under it.
const raceDetector = true
