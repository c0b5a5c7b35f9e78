//go:build !(linux || darwin || dragonfly || freebsd || netbsd || openbsd)

package main

import "io"

// discardWaiting is not known here (Windows, and any system without
// FIONREAD on a terminal): a paste that held its own end marker is
// refused only at the terminal's end marker (tui.Deps).
func discardWaiting(io.Reader) func() bool { return nil }
