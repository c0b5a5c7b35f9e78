package synth

import (
	"context"
	"fmt"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
	"github.com/assay-dev/assay/questionnaires"
	"github.com/assay-dev/assay/store"
)

// CachedTeam makes the team schema dsn names (a superuser's or an
// owner's connection string with its search_path) hold a portfolio of
// size c: the SQLite database Cached builds, copied in whole with
// store.CopyPortfolio (assay migrate's copy, verified before it
// commits). A schema that already holds it is left as it is, so only the
// first run pays for the copy; benchmarks call it, never go test ./....
func CachedTeam(ctx context.Context, c Config, dsn string) error {
	to, err := store.OpenTeam(dsn, questionnaires.Decode)
	if assess.ErrorCode(err) == assess.ENotFound {
		if _, err := store.TeamInit(ctx, dsn, func() (*ledger.PrivateKey, error) { return Key, nil }); err != nil {
			return err
		}
		to, err = store.OpenTeam(dsn, questionnaires.Decode)
	}
	if err != nil {
		return err
	}
	defer to.Close()
	to.UseKey(Key)
	held, err := to.Assessments(ctx, assess.Filter{IncludeArchived: true, Limit: c.Assessments + 1})
	if err != nil {
		return err
	}
	switch len(held) {
	case c.Assessments:
		return nil
	case 0:
	default:
		return fmt.Errorf("%s holds %d assessments, not the %d of a synthetic portfolio of size %s: drop its schema", store.Redact(dsn), len(held), c.Assessments, c)
	}
	path, err := Cached(c)
	if err != nil {
		return err
	}
	from, err := store.Open(path, questionnaires.Decode)
	if err != nil {
		return err
	}
	defer from.Close()
	_, err = store.CopyPortfolio(ctx, from, to)
	return err
}
