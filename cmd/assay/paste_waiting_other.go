//go:build !linux

package main

import "io"

// discardWaiting is not known here: a paste that held its own end
// marker is refused only at the terminal's end marker (tui.Deps).
func discardWaiting(io.Reader) func() bool { return nil }
