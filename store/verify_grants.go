package store

import (
	"context"
	"fmt"
	"strconv"

	"github.com/assay-dev/assay/assess/ledger"
)

// verify's check of a team database's record of grants (schema 011,
// assess/ledger/grant.go): every record signed since then is checked as
// a ledger entry is, its hash, its link to the one before, and its
// signature with the keys the verifier trusts. A record forged, changed,
// or removed between two others is named, and stops verify as a changed
// protection does: the comparison of the roles held with the record
// (grantDrift) is worth what the record is. A record intact but signed
// by a key the verifier does not trust stops it as an untrusted ledger
// entry does: not verified, with the command that trusts the key.
//
// The records an older assay wrote are unsigned: they are not failed,
// but the grants that only they vouch for are listed in
// VerifyResult.UnsignedGrants, as recorded before grants were signed.

// grantRecord checks the record of grants on a team database; nil on a
// file, which has none.
func (v *verifier) grantRecord(ctx context.Context, trusted *ledger.Keyring) (*Break, error) {
	if !v.db.dialect.team() {
		return nil, nil
	}
	records, err := readGrantRecords(ctx, v.tx, "team_grants")
	if err != nil {
		return nil, err
	}
	team, err := teamIdentity(ctx, v.tx, "")
	if err != nil {
		return nil, err
	}
	owners, err := registeredKeyOwners(ctx, v.tx)
	if err != nil {
		return nil, err
	}
	if p := ledger.CheckGrants(records, team, trusted, owners); p != nil {
		return grantBreak(p), nil
	}
	seen := ledger.GrantsSeenOf(records)
	v.grants = &seen
	v.grantRecords = records
	actors := map[string]bool{}
	for _, login := range owners {
		actors[login] = true
	}
	held, err := heldTeamRoles(ctx, v.tx)
	if err != nil {
		return nil, err
	}
	v.res.UnsignedGrants = unsignedGrants(records, actors, held)
	v.res.Unacted, err = unactedHolders(ctx, v.tx, records, actors)
	return nil, err
}

// grantsSeen checks the record of grants, found intact as a chain, against
// what each signed ledger entry that records it saw
// (postgres_grants_seen.go): a chain shorter than one an entry saw, or
// other than it, was cut back outside assay. The entries are read after
// the ledger is checked, so what they say is what their signers signed.
// from is the first entry to read: an incremental verify starts at its
// checkpoint, which records what its verify found every entry before it
// saw, and so holds them all (the chain of grants only grows).
func (v *verifier) grantsSeen(ctx context.Context, from int64) (*Break, error) {
	if v.grants == nil {
		return nil, nil
	}
	cut, err := grantsCutBack(ctx, v.tx, v.grantRecords, from)
	if err != nil || cut == "" {
		return nil, err
	}
	return &Break{Chain: "schema", Server: true, Reason: cut}, nil
}

// grantsCutBack says, in words, the first ledger entry from seq from on
// that saw a chain of grants other than records, or "" when every one
// saw a chain records still holds.
func grantsCutBack(ctx context.Context, q queryer, records []ledger.GrantRecord, from int64) (string, error) {
	rows, err := q.QueryContext(ctx, `SELECT seq, at, kind, note FROM ledger WHERE seq >= ? AND kind IN ('genesis', 'key', 'write', 'verified') AND note LIKE '%"grants_head"%' ORDER BY seq`, from)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	for rows.Next() {
		var e ledger.Entry
		if err := rows.Scan(&e.Seq, &e.At, &e.Kind, &e.Note); err != nil {
			return "", err
		}
		seen, ok := e.GrantsSeenOf()
		if !ok {
			continue
		}
		if why := seen.Against(records); why != "" {
			return fmt.Sprintf("the record of team grants was cut back outside assay: ledger entry %d (%s, at %s) %s", e.Seq, e.Kind, e.At, why), nil
		}
	}
	return "", rows.Err()
}

// grantBreak words a problem found in the record of grants.
func grantBreak(p *ledger.GrantProblem) *Break {
	g := p.Record
	which := "grant record " + strconv.FormatInt(g.Seq, 10)
	if !g.Signed() {
		which = "the unsigned grant record with id " + strconv.FormatInt(g.ID, 10)
	}
	if p.Untrusted {
		return &Break{Chain: "grant record", Name: strconv.FormatInt(g.Seq, 10), Untrusted: true,
			Reason: fmt.Sprintf("%s; %s; check its fingerprint with %s, then: assay key trust %s %s",
				g.Describe(), p.Reason, g.ByLogin, g.ByLogin, g.Key)}
	}
	return &Break{Chain: "schema", Server: true,
		Reason: fmt.Sprintf("the record of team grants was changed outside assay: %s (%s): %s", which, g.Describe(), p.Reason)}
}

// registeredKeyOwners maps each key the ledger registers to the login it
// registers it under (its first registration: verify names a second one).
func registeredKeyOwners(ctx context.Context, q queryer) (map[string]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT note FROM ledger WHERE kind IN ('genesis', 'key') ORDER BY seq`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	owners := map[string]string{}
	for rows.Next() {
		var note string
		if err := rows.Scan(&note); err != nil {
			return nil, err
		}
		e := ledger.Entry{Kind: ledger.KindKey, Note: note}
		if n, _, ok := e.KeyOf(); ok {
			if _, seen := owners[n.Key]; !seen {
				owners[n.Key] = n.Name
			}
		}
	}
	return owners, rows.Err()
}

// heldTeamRoles are the team roles each login holds directly, as
// "login\x00role".
func heldTeamRoles(ctx context.Context, q queryer) (map[string]bool, error) {
	rows, err := q.QueryContext(ctx, teamRoleHoldersQuery)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	held := map[string]bool{}
	for rows.Next() {
		var login, role string
		if err := rows.Scan(&login, &role); err != nil {
			return nil, err
		}
		held[login+"\x00"+role] = true
	}
	return held, rows.Err()
}

// unsignedGrants are, in words, the roles held by logins that acted in
// this portfolio (actors: they registered a key in its ledger) whose
// latest record is a grant, or a membership found at the upgrade to
// schema 010, written before grants were signed: nothing but that
// unsigned record says assay granted them. Verify names a role held
// and not recorded only once its holder acts (grantDrift), and these
// are the ones that the record alone keeps it from naming.
func unsignedGrants(records []ledger.GrantRecord, actors, held map[string]bool) []string {
	type pair struct{ login, role string }
	latest := map[pair]ledger.GrantRecord{}
	var order []pair
	for _, g := range records {
		p := pair{g.Login, g.Role}
		if _, ok := latest[p]; !ok {
			order = append(order, p)
		}
		latest[p] = g
	}
	var out []string
	for _, p := range order {
		g := latest[p]
		if g.Signed() || g.Action == "revoke" || !actors[g.Login] || !held[g.Login+"\x00"+g.Role] {
			continue
		}
		how := "found at the upgrade to schema 010"
		if g.Action == "grant" {
			how = "granted by " + g.ByLogin + " at " + g.At
		}
		out = append(out, fmt.Sprintf("%s holds the %s role (%s)", g.Login, g.Role, how))
	}
	return out
}

// unactedHolders are, in words, the logins and roles that hold a team
// role assay did not grant in this database and never acted here (they
// registered no key in its ledger): an auditor given the role in psql
// reads every assessment and signs nothing. Verify cannot fail for
// them: roles are the server's, so a login granted a role for another
// team database on the server holds it here too, and would fail every
// other team database's verify. So it lists them (VerifyResult.Unacted)
// and names them as granted outside assay, failing, once they act
// (grantDrift). Superusers, which hold every power without a grant, are
// not listed.
func unactedHolders(ctx context.Context, q queryer, records []ledger.GrantRecord, actors map[string]bool) ([]string, error) {
	recorded := map[string]bool{}
	for _, g := range records {
		recorded[g.Login+"\x00"+g.Role] = g.Action != "revoke"
	}
	rows, err := q.QueryContext(ctx, `SELECT u.rolname, substr(r.rolname, 7)
		FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
		WHERE r.rolname IN ('assay_owner', 'assay_analyst', 'assay_approver', 'assay_auditor')
			AND u.rolname NOT IN ('assay_owner', 'assay_analyst', 'assay_approver', 'assay_auditor') AND NOT u.rolsuper
		GROUP BY 1, 2 ORDER BY 1, 2`)
	if err != nil {
		return nil, fmt.Errorf("reading who holds the team roles: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var login, role string
		if err := rows.Scan(&login, &role); err != nil {
			return nil, err
		}
		if actors[login] || recorded[login+"\x00"+role] {
			continue
		}
		out = append(out, fmt.Sprintf("%s holds the %s role", login, role))
	}
	return out, rows.Err()
}
