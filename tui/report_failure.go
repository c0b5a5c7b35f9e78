package tui

import "github.com/assay-dev/assay/internal/render"

// renderFailed is a renderer's failure to lay a report out, said as the
// workspace says it: which format failed and that nothing was written.
// The renderer's own error (err) is a chain of Go prefixes, often ending
// in a path inside assay's build, that the person exporting can do
// nothing with; what they can do is export in another format. err is
// kept for errors.Is and errors.As, not shown.
type renderFailed struct {
	format render.Format
	err    error
}

// words say what failed, without what to do: each surface says that in
// its own keys.
func (e renderFailed) words() string {
	return "assay could not lay the report out as " + formatWords[e.format]
}

func (e renderFailed) Error() string {
	return e.words() + "; nothing was written. e, then tab, exports it in another format"
}

func (e renderFailed) Unwrap() error { return e.err }
