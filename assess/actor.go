package assess

import "context"

type actorKey struct{}

// WithActor records who is making changes, for the audit trail.
func WithActor(ctx context.Context, name string) context.Context {
	return context.WithValue(ctx, actorKey{}, name)
}

// ActorFrom returns the name recorded by WithActor, or "unknown".
func ActorFrom(ctx context.Context) string {
	if s, ok := ctx.Value(actorKey{}).(string); ok && s != "" {
		return s
	}
	return "unknown"
}
