package store

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// Every connection to the team database waits for another session's
// lock as long as the workspace waits for a save (assess.WriteWait),
// and no longer; a connection string that sets lock_timeout keeps it.
func TestTeamConnectionsWaitForLocksAsLongAsTheWorkspace(t *testing.T) {
	dsn := teamSchema(t)
	for _, c := range []struct{ dsn, want string }{
		{dsn, strconv.FormatInt(int64(assess.WriteWait/time.Second), 10) + "s"},
		{dsn + "&lock_timeout=1500", "1500ms"},
	} {
		db, err := OpenTeam(c.dsn, questionnaires.Decode)
		if err != nil {
			t.Fatal(err)
		}
		var got string
		if err := db.sql.QueryRowContext(context.Background(), `SHOW lock_timeout`).Scan(&got); err != nil {
			t.Fatal(err)
		}
		db.Close()
		if got != c.want {
			t.Errorf("lock_timeout = %q, want %q", got, c.want)
		}
	}
}
