package store

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// On a team database each login records verify checkpoints with its own
// key and starts its incremental verifies from its own: the server takes
// a checkpoint signed by an analyst's or approver's registered key, as it
// takes their saves, and a colleague's checkpoint is not one to start
// from. Before schema 006 the server refused every checkpoint but the
// owner's ("only the owner may sign a verified entry"), so
// `assay verify --checkpoint` failed for everyone else and
// `--incremental` always checked everything.
func TestTeamVerifyCheckpointIsEachLogins(t *testing.T) {
	requirePostgres(t)
	schema := teamSchema(t)
	open := func(login string, roles ...string) *DB {
		db, err := OpenTeam(teamLogin(t, schema, login, roles...), questionnaires.Decode)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		db.UseKey(testKeyOf(login))
		db.SetTrust(trustTestKeysAs(login))
		return db
	}
	ana, dee := uniqueName("cp-ana"), uniqueName("cp-dee")
	aDB, dDB := open(ana, "analyst", "approver"), open(dee, "analyst")
	_, q := testDB(t)
	newAssessment(t, aDB, q, "Acme Cloud Ltd", day("2026-03-01"), []assess.Answer{choice("mfa", "no")})

	full, err := aDB.VerifyWith(as(ana), VerifyOptions{Checkpoint: true})
	if err != nil || full.Broken != nil || full.Recorded == nil {
		t.Fatalf("%s records a checkpoint: %v, broken %v, recorded %v", ana, err, full.Broken, full.Recorded)
	}
	res, err := aDB.VerifyWith(as(ana), VerifyOptions{Incremental: true})
	if err != nil || res.Broken != nil || res.FullWhy != "" || res.Since == nil || res.Since.Seq != full.Recorded.Seq {
		t.Fatalf("%s's incremental: %v, why %q, since %v, broken %v", ana, err, res.FullWhy, res.Since, res.Broken)
	}
	// A colleague's checkpoint is not theirs, even trusted.
	res, err = dDB.VerifyWith(as(dee), VerifyOptions{Incremental: true, Checkpoint: true})
	if err != nil || res.Broken != nil || res.Since != nil || !strings.Contains(res.FullWhy, "no verify checkpoint of yours") || res.Recorded == nil {
		t.Fatalf("%s's incremental after %s's checkpoint: %v, why %q, since %v, recorded %v", dee, ana, err, res.FullWhy, res.Since, res.Recorded)
	}
	// Now each starts from their own.
	for _, c := range []struct {
		login string
		db    *DB
		from  int64
	}{{ana, aDB, full.Recorded.Seq}, {dee, dDB, res.Recorded.Seq}} {
		got, err := c.db.VerifyWith(as(c.login), VerifyOptions{Incremental: true})
		if err != nil || got.Broken != nil || got.FullWhy != "" || got.Since == nil || got.Since.Seq != c.from {
			t.Errorf("%s's incremental: %v, why %q, since %v, want entry %d", c.login, err, got.FullWhy, got.Since, c.from)
		}
	}
}
