package store

import "context"

// committingKey is the key of the function WhenCommitting puts in a
// context.
type committingKey struct{}

// WhenCommitting returns ctx carrying f, which CopyPortfolio calls once
// its copy is verified, as it goes on to commit it. Until then an
// interruption leaves the target as it was, whatever assay is doing when
// it ends; from then on the target may hold the copy. assay migrate says
// which in its own words, even when it ends before the copy returns.
func WhenCommitting(ctx context.Context, f func()) context.Context {
	return context.WithValue(ctx, committingKey{}, f)
}

// committing calls the function WhenCommitting put in ctx, if any.
func committing(ctx context.Context) {
	if f, ok := ctx.Value(committingKey{}).(func()); ok {
		f()
	}
}
