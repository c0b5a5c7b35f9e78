package tui_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// unreachableRepo is a team database whose server has stopped: every
// read of the portfolio fails.
type unreachableRepo struct{ memRepo }

func (*unreachableRepo) Assessments(context.Context, assess.Filter) ([]*assess.Assessment, error) {
	return nil, errors.New("cannot reach the team database postgres://db.example.org/privacy: dial tcp 10.0.0.5:5432: connect: connection refused; nothing was recorded. Check that the server runs and the connection string (host, port, sslmode)")
}

// A portfolio that cannot be read says why, whole, and how to read it
// again; it does not sit at "Loading…" as though a read were on its way.
func TestHomeThatCannotBeReadSaysSoNotLoading(t *testing.T) {
	e := newEnv(t)
	d := e.deps()
	d.Repo = &unreachableRepo{}
	f := e.startWith(d)
	f.waitFor("server runs and the connection string (host, port, sslmode)", "ctrl+r reads it again")
	if s := f.screen(); strings.Contains(s, "Loading…") {
		t.Errorf("the screen says Loading… after the read failed:\n%s", s)
	}
	f.quit()
}
