package ledger

import (
	"strings"
	"testing"
)

// grantChain is n signed records after one written before signing,
// each signed for team (a team database's identity; "" for none).
func grantChain(t *testing.T, n int, team string) ([]GrantRecord, *Keyring) {
	t.Helper()
	k := mustKey(t)
	ring := &Keyring{}
	ring.Add(Trusted{Key: k.Public(), Name: "owner"})
	records := []GrantRecord{{ID: 1, Login: "ana", Role: "analyst", Action: "found", ByLogin: "postgres", At: "2026-01-01T00:00:00Z"}}
	prev := GrantPrefixDigest(records)
	for i := 1; i <= n; i++ {
		g := GrantRecord{ID: int64(i + 1), Seq: int64(i), Login: "bob", Role: "approver", Action: []string{"grant", "revoke"}[i%2],
			ByLogin: "owner", At: "2026-01-02T00:00:00Z", PrevHash: prev, Team: team}
		g.SealGrant(k)
		records = append(records, g)
		prev = g.Hash
	}
	return records, ring
}

// A record bound to one team database does not check in another, and
// the identity is part of what is signed: the same record named for
// this database does not match its hash.
func TestGrantRecordIsBoundToItsTeamDatabase(t *testing.T) {
	records, ring := grantChain(t, 2, "team-a")
	if p := CheckGrants(records, "team-a", ring, nil); p != nil {
		t.Fatalf("the chain in its own database: %s", p.Reason)
	}
	if p := CheckGrants(records, "team-b", ring, nil); p == nil || p.Record.Seq != 1 || !strings.Contains(p.Reason, "signed for another team database (team-a), not this one (team-b)") {
		t.Fatalf("the chain copied into another database: %+v", p)
	}
	renamed := append([]GrantRecord(nil), records...)
	renamed[1].Team = "team-b"
	if p := CheckGrants(renamed, "team-b", ring, nil); p == nil || !strings.Contains(p.Reason, "does not match its hash") {
		t.Fatalf("a record renamed for this database: %+v", p)
	}
	// A record bound to none (signed before schema 012) after a bound one.
	unbound, _ := grantChain(t, 3, "")
	mixed := append(append([]GrantRecord(nil), records...), unbound[3])
	mixed[3].PrevHash = records[2].Hash
	mixed[3].SealGrant(mustKey(t))
	if p := CheckGrants(mixed, "team-a", ring, nil); p == nil || p.Record.Seq != 3 || !strings.Contains(p.Reason, "bound to no team database, yet comes after grant record 1") {
		t.Fatalf("an unbound record after bound ones: %+v", p)
	}
}

// What a signed entry saw of the record of grants: a chain cut back,
// or cut back and grown again to the same length, is not it; one that
// grew since is.
func TestGrantsSeenAgainstTheRecord(t *testing.T) {
	records, _ := grantChain(t, 3, "team-a")
	seen := GrantsSeenOf(records)
	if seen.Grants != 3 || seen.GrantsHead != records[3].Hash {
		t.Fatalf("seen %+v, want 3 and the last record's hash", seen)
	}
	if why := seen.Against(records); why != "" {
		t.Fatalf("the record it saw: %s", why)
	}
	if why := seen.Against(records[:3]); !strings.Contains(why, "saw 3 signed grant records, and the record now holds 2: the newest were removed") {
		t.Fatalf("the record cut back: %q", why)
	}
	other, _ := grantChain(t, 3, "team-a")
	if why := seen.Against(other); !strings.Contains(why, "saw another grant record 3 than the one there now") {
		t.Fatalf("the record written again: %q", why)
	}
	// Before any record was signed, the records written before signing.
	before := GrantsSeenOf(records[:1])
	if before.Grants != 0 || before.Against(records) != "" {
		t.Fatalf("what an entry saw before signing began, %+v, against the record since: %q", before, before.Against(records))
	}
	if why := before.Against(other[1:]); !strings.Contains(why, "saw other records written before grants were signed than those there now") {
		t.Fatalf("the records before signing removed: %q", why)
	}
}
