package ledger

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"strconv"
)

// GrantRecord is one entry of a team database's record of grants: login
// was granted (or was revoked) a team role by the login ByLogin, which
// signed it with its own key. The records form one hash chain of their
// own, apart from the ledger: a team database records grants before it
// holds any portfolio (assay migrate copies into a database whose ledger
// is empty), and a grant is the server's, not a change to an assessment.
// Each record's hash covers the one before it, so a record removed,
// added or changed between two others breaks the chain; the first
// signed record covers the records written before grants were signed
// (GrantPrefixDigest), which are then held as they were.
type GrantRecord struct {
	ID        int64  // the row's number, among every record, signed or not
	Seq       int64  // 1, 2, 3… among signed records; 0 for one written before signing
	Login     string // who was granted or revoked the role
	Role      string // analyst, approver, auditor, owner
	Action    string // grant, revoke, or found (at the upgrade to schema 010)
	ByLogin   string // the login that granted or revoked it
	At        string // UTC, RFC 3339 to the second
	Key       string // the signer's public key, "ed25519:…"; "" before signing
	PrevHash  string
	Hash      string
	Signature string
	// Team is the identity of the team database the record was signed
	// for (schema 012 makes one at random); "" for a record signed
	// before it, which is bound to no database.
	Team string
}

// Signed says whether the record was written once grants were signed.
func (g GrantRecord) Signed() bool { return g.Seq != 0 }

// ComputeHash hashes the record's fields and the previous record's hash,
// and, for a record bound to its team database, that database's identity:
// the same record copied into another team schema does not match it.
func (g GrantRecord) ComputeHash() string {
	h := sha256.New()
	fields := []string{strconv.FormatInt(g.Seq, 10), g.Login, g.Role, g.Action, g.ByLogin, g.At, g.Key, g.PrevHash}
	if g.Team == "" {
		h.Write([]byte("assay grant record v1\n"))
	} else {
		h.Write([]byte("assay grant record v2\n"))
		fields = append(fields, g.Team)
	}
	for _, f := range fields {
		writeField(h, f)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// SealGrant sets the record's key, hash and signature with k.
func (g *GrantRecord) SealGrant(k *PrivateKey) {
	g.Key = k.Public().String()
	g.Hash = g.ComputeHash()
	g.Signature = k.Sign(g.Hash)
}

// GrantPrefixDigest is what the first signed record follows: the hash of
// every record written before grants were signed, in order, so that none
// of them is changed, removed or added once signing began.
func GrantPrefixDigest(unsigned []GrantRecord) string {
	h := sha256.New()
	h.Write([]byte("assay grant records before signing v1\n"))
	for _, g := range unsigned {
		for _, f := range []string{strconv.FormatInt(g.ID, 10), g.Login, g.Role, g.Action, g.ByLogin, g.At} {
			writeField(h, f)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Describe names the record in words, for verify's messages.
func (g GrantRecord) Describe() string {
	what := map[string]string{"grant": "granting", "revoke": "revoking", "found": "finding"}[g.Action]
	if what == "" {
		what = strconv.Quote(g.Action) + " of"
	}
	return fmt.Sprintf("%s %s the %s role, by %s at %s", what, g.Login, g.Role, g.ByLogin, g.At)
}

// GrantProblem is what is wrong with one record of the chain.
type GrantProblem struct {
	Record GrantRecord
	Reason string
	// Untrusted: the record is intact and signed by a key the verifier
	// does not trust; nothing was found changed.
	Untrusted bool
}

// CheckGrants checks the record of grants, in the order of the rows:
// records written before signing come first and unsigned, every record
// after is signed, numbered without a gap, linked to the one before (the
// first to GrantPrefixDigest of those before it), hashed as it reads, and
// signed with the key it names; a key registered elsewhere under another
// login (owners: key text → login) signs for that login only. A record
// bound to a team database is bound to this one (team, its identity; ""
// before schema 012), and every record after it is bound too. The first
// problem that is a change is returned before any key not trusted.
func CheckGrants(records []GrantRecord, team string, trusted *Keyring, owners map[string]string) *GrantProblem {
	var unsigned []GrantRecord
	prev := ""
	var seq, bound int64
	var untrusted *GrantProblem
	keyOwner := maps.Clone(owners)
	if keyOwner == nil {
		keyOwner = map[string]string{}
	}
	for _, g := range records {
		if !g.Signed() {
			if seq > 0 {
				return &GrantProblem{Record: g, Reason: fmt.Sprintf("it is not signed, yet comes after signed grant record %d: written outside assay", seq)}
			}
			unsigned = append(unsigned, g)
			continue
		}
		if seq == 0 {
			prev = GrantPrefixDigest(unsigned)
		}
		seq++
		switch {
		case g.Seq != seq:
			return &GrantProblem{Record: g, Reason: fmt.Sprintf("it is numbered %d where %d was expected: a record was removed or added outside assay", g.Seq, seq)}
		case g.PrevHash != prev && seq == 1:
			return &GrantProblem{Record: g, Reason: "the records before grants were signed are not the ones it follows: one was removed, added or changed outside assay"}
		case g.PrevHash != prev:
			return &GrantProblem{Record: g, Reason: "it does not follow the record before it: a record was removed, added or changed outside assay"}
		case g.ComputeHash() != g.Hash:
			return &GrantProblem{Record: g, Reason: "it does not match its hash: changed outside assay"}
		case g.Team != "" && g.Team != team:
			return &GrantProblem{Record: g, Reason: fmt.Sprintf("it was signed for another team database (%s), not this one (%s): copied from another team schema", g.Team, orNone(team))}
		case g.Team == "" && bound > 0:
			return &GrantProblem{Record: g, Reason: fmt.Sprintf("it is bound to no team database, yet comes after grant record %d, which is bound to this one: written outside assay", bound)}
		}
		if g.Team != "" && bound == 0 {
			bound = g.Seq
		}
		key, err := ParsePublicKey(g.Key)
		if err != nil || !key.Verify(g.Hash, g.Signature) {
			return &GrantProblem{Record: g, Reason: "its signature is not its key's: forged or changed outside assay"}
		}
		if other, ok := keyOwner[g.Key]; ok && other != g.ByLogin {
			return &GrantProblem{Record: g, Reason: fmt.Sprintf("it is signed with %s's key (%s), not a key of %s: forged", other, key.ID(), g.ByLogin)}
		}
		keyOwner[g.Key] = g.ByLogin
		if _, ok := trusted.Lookup(key.ID()); !ok && untrusted == nil {
			untrusted = &GrantProblem{Record: g, Untrusted: true,
				Reason: fmt.Sprintf("it is signed by %s with a key you do not trust (%s)", g.ByLogin, key.ID())}
		}
		prev = g.Hash
	}
	return untrusted
}

func orNone(team string) string {
	if team == "" {
		return "it has no identity: its schema is older than 012"
	}
	return team
}
