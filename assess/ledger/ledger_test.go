package ledger

import (
	"crypto/ed25519"
	"crypto/x509"
	"encoding/pem"
	"strings"
	"testing"
)

func mustKey(t *testing.T) *PrivateKey {
	t.Helper()
	k, err := GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// The key file is PKCS #8 as crypto/x509 (and so OpenSSL) writes and reads
// it, though assay writes it without crypto/x509.
func TestKeyPEMIsPKCS8(t *testing.T) {
	k := mustKey(t)
	b, err := k.MarshalPEM()
	if err != nil {
		t.Fatal(err)
	}
	block, _ := pem.Decode(b)
	parsed, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	if !parsed.(ed25519.PrivateKey).Equal(k.key) {
		t.Fatal("x509 reads another key")
	}
	_, other, _ := ed25519.GenerateKey(nil)
	der, _ := x509.MarshalPKCS8PrivateKey(other)
	back, err := ParsePrivateKeyPEM(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}))
	if err != nil || !back.key.Equal(other) {
		t.Fatalf("a key x509 wrote: %v", err)
	}
	for _, bad := range []string{"", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", string(b) + "trailing"} {
		if _, err := ParsePrivateKeyPEM([]byte(bad)); err == nil {
			t.Errorf("%q read as a key", bad)
		}
	}
}

func TestPublicKeyText(t *testing.T) {
	k := mustKey(t).Public()
	back, err := ParsePublicKey(k.String())
	if err != nil || back.ID() != k.ID() {
		t.Fatalf("%s read back as %v, %v", k, back, err)
	}
	if !strings.HasPrefix(k.ID(), "SHA256:") || len(k.ID()) != 7+43 {
		t.Errorf("fingerprint %q", k.ID())
	}
	for _, bad := range []string{"", "ssh-ed25519 AAAA", "ed25519:AAAA", "ed25519:" + strings.Repeat("A", 44)} {
		if _, err := ParsePublicKey(bad); err == nil {
			t.Errorf("%q read as a key", bad)
		}
	}
}

func TestParseTrusted(t *testing.T) {
	a, b := mustKey(t).Public(), mustKey(t).Public()
	ring, err := ParseTrusted("trusted-keys", []byte("# mine\n\n"+TrustedLine(a, "Rui Costa")+TrustedLine(b, "Dana Reyes")))
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := ring.Lookup(b.ID()); !ok || got.Name != "Dana Reyes" || got.Own {
		t.Errorf("lookup: %+v %v", got, ok)
	}
	for _, c := range []struct{ file, want string }{
		{"# x\nssh-ed25519 AAAA Rui\n", "trusted-keys:2: a public key starts with"},
		{TrustedLine(a, "Rui") + TrustedLine(a, "Rui again"), "trusted-keys:2: the key of Rui again is already on line for Rui"},
		{a.String() + "\n", "trusted-keys:1: a trusted key needs the name"},
		{a.String() + " Rui\x1b[31m\n", "trusted-keys:1: the name holds a control character"},
	} {
		if _, err := ParseTrusted("trusted-keys", []byte(c.file)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want %q", c.file, err, c.want)
		}
	}
}

// book writes a ledger as a store does: a genesis, then entries.
type book struct {
	t       *testing.T
	entries []*Entry
}

func (b *book) add(k *PrivateKey, kind, note string, leaves ...Leaf) *Entry {
	e := &Entry{Seq: int64(len(b.entries) + 1), At: "2026-03-02T09:00:00Z", Kind: kind, Note: note, Leaves: leaves}
	if n := len(b.entries); n > 0 {
		e.PrevHash = b.entries[n-1].Hash
	}
	e.Seal(k)
	b.entries = append(b.entries, e)
	return e
}

func registration(k *PrivateKey, name string) string {
	return NoteJSON(KeyNote{Name: name, Key: k.Public().String()})
}

func (b *book) check(ring *Keyring) *Break {
	c := NewChecker(ring)
	for _, e := range b.entries {
		if br := c.Add(e); br != nil {
			return br
		}
	}
	return c.Finish()
}

func trusting(keys ...*PrivateKey) *Keyring {
	r := &Keyring{}
	for _, k := range keys {
		r.Add(Trusted{Key: k.Public(), Name: "someone"})
	}
	return r
}

func TestCheckerFindsTheFirstBadEntry(t *testing.T) {
	dana, rui, mallory := mustKey(t), mustKey(t), mustKey(t)
	build := func() *book {
		b := &book{t: t}
		b.add(dana, KindGenesis, registration(dana, "Dana Reyes"))
		for range 600 { // more than one batch of signatures
			b.add(dana, KindWrite, "", Leaf{Scope: ScopeAssessment, UUID: "a", Records: 1, Head: "h", State: "s"})
		}
		b.add(rui, KindKey, registration(rui, "Rui Costa"))
		b.add(rui, KindWrite, "")
		return b
	}
	if br := build().check(trusting(dana, rui)); br != nil {
		t.Fatalf("a sound ledger: %v", br)
	}
	cases := []struct {
		name  string
		ring  *Keyring
		spoil func(b *book)
		entry int64
		want  string
	}{
		{"a colleague not trusted", trusting(dana), func(*book) {}, 602, `signed by "Rui Costa" with key`},
		{"a signature from another key", trusting(dana, rui, mallory), func(b *book) { b.entries[99].Signature = mallory.Sign(b.entries[99].Hash) }, 100,
			"its signature does not verify"},
		{"two bad signatures: the first is named", trusting(dana, rui), func(b *book) {
			b.entries[520].Signature = b.entries[519].Signature
			b.entries[20].Signature = b.entries[21].Signature
		}, 21, "its signature does not verify"},
		{"a bad signature before a broken link", trusting(dana, rui), func(b *book) {
			b.entries[9].Signature = b.entries[8].Signature
			b.entries[30].PrevHash = "x"
		}, 10, "its signature does not verify"},
		{"a key registered by another", trusting(dana, rui, mallory), func(b *book) {
			e := b.entries[601]
			e.Note = registration(mallory, "Rui Costa")
			e.Seal(rui)
		}, 602, "a key is registered by its own signature"},
		{"an entry removed", trusting(dana, rui), func(b *book) { b.entries = append(b.entries[:3], b.entries[4:]...) }, 4, "entry 5 follows entry 3"},
		{"unsigned", trusting(dana, rui), func(b *book) { b.entries[602].Signature = "" }, 603, "not signed"},
		{"a second genesis", trusting(dana, rui), func(b *book) {
			b.entries[5].Kind = KindGenesis
			b.entries[5].Hash = b.entries[5].ComputeHash()
		}, 6, "a second genesis"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := build()
			c.spoil(b)
			br := b.check(c.ring)
			if br == nil || br.Entry != c.entry || !strings.Contains(br.Reason, c.want) {
				t.Fatalf("got %v, want entry %d: %s", br, c.entry, c.want)
			}
		})
	}
}

// A key belongs to one person. Dana's key registered again under her own
// name says nothing new; registered under another name (someone holding
// her key, signing as themselves) every entry it signs would read as
// Dana's, so the ledger breaks at that registration, naming both.
func TestCheckerRefusesAKeyRegisteredForTwoNames(t *testing.T) {
	dana, rui := mustKey(t), mustKey(t)
	build := func() *book {
		b := &book{t: t}
		b.add(dana, KindGenesis, registration(dana, "Dana Reyes")) // 1
		b.add(dana, KindWrite, "")                                 // 2
		b.add(rui, KindKey, registration(rui, "Rui Costa"))        // 3
		b.add(dana, KindKey, registration(dana, "Dana Reyes"))     // 4: again, same name
		b.add(rui, KindWrite, "")                                  // 5
		return b
	}
	c := NewChecker(trusting(dana, rui))
	for _, e := range build().entries {
		if br := c.Add(e); br != nil {
			t.Fatalf("Dana's key registered twice under her name: %v", br)
		}
	}
	if br := c.Finish(); br != nil {
		t.Fatal(br)
	}
	if len(c.Signers) != 2 || c.Signers[0].Name != "Dana Reyes" || c.Signers[0].Entry != 1 || c.Signers[0].Entries != 3 ||
		c.Signers[1].Name != "Rui Costa" || c.Signers[1].Entry != 3 || c.Signers[1].Entries != 2 {
		t.Errorf("signers: %+v %+v", *c.Signers[0], *c.Signers[len(c.Signers)-1])
	}

	stolen := build()
	stolen.add(dana, KindKey, registration(dana, "Rui Costa")) // 6: Rui signs with Dana's key
	stolen.add(dana, KindWrite, "")                            // 7
	want := "ledger entry 6: the entry registers key " + dana.Public().ID() +
		` for "Rui Costa", which entry 1 registered for "Dana Reyes": a key belongs to one person`
	if br := stolen.check(trusting(dana, rui)); br == nil || br.Error() != want {
		t.Fatalf("Dana's key registered for Rui: %v\nwant %s", br, want)
	}
	// Verifying one assessment whose entries are Rui's, with Dana's key
	// not trusted: the ledger itself is wrong, whoever looks.
	only := NewChecker(trusting(rui))
	only.Only = func(seq int64) bool { return seq == 3 || seq == 5 }
	var br *Break
	for _, e := range stolen.entries {
		if br = only.Add(e); br != nil {
			break
		}
	}
	if br == nil || br.Error() != want {
		t.Fatalf("checking Rui's entries only: %v\nwant %s", br, want)
	}

	// The same registration without Dana's key (its signature copied from
	// another entry) is a bad signature, not a stolen key.
	forged := build()
	e := forged.add(dana, KindKey, registration(dana, "Rui Costa"))
	e.Signature = forged.entries[4].Signature
	if br := forged.check(trusting(dana, rui)); br == nil || br.Entry != 6 || !strings.Contains(br.Reason, "its signature does not verify") {
		t.Fatalf("a registration for Rui with a copied signature: %v", br)
	}
}

func TestCheckerOnlyChecksTheEntriesAsked(t *testing.T) {
	dana, rui := mustKey(t), mustKey(t)
	b := &book{t: t}
	b.add(dana, KindGenesis, registration(dana, "Dana Reyes"))
	b.add(rui, KindKey, registration(rui, "Rui Costa"))
	b.add(rui, KindWrite, "")
	b.add(dana, KindWrite, "")
	c := NewChecker(trusting(dana))
	c.Only = func(seq int64) bool { return seq == 1 || seq == 4 }
	for _, e := range b.entries {
		if br := c.Add(e); br != nil {
			t.Fatal(br)
		}
	}
	if br := c.Finish(); br != nil {
		t.Fatal(br)
	}
}

func stateWith(deadlines map[string]int, status string) State {
	return AssessmentStateOf(AssessmentState{UUID: "a", Deadlines: deadlines, Status: status, Revision: 1})
}

// A field that never changes, edited and then signed over by an honest
// write, still shows: the signed states disagree.
func TestCheckOwnerFindsLaunderedFixedFields(t *testing.T) {
	chain := []Record{{Seq: 1, Hash: "h1"}, {Seq: 2, Hash: "h2"}, {Seq: 3, Hash: "h3"}}
	before, after := stateWith(map[string]int{"high": 30}, "draft"), stateWith(map[string]int{"high": 300}, "draft")
	moved := stateWith(map[string]int{"high": 30}, "in-review")
	states := map[string]State{before.Hash(): before, after.Hash(): after, moved.Hash(): moved}
	leaf := func(entry, records int64, head string, s State) SignedLeaf {
		return SignedLeaf{Leaf: Leaf{Scope: ScopeAssessment, UUID: "a", Records: records, Head: head, State: s.Hash()}, Entry: entry}
	}
	o := Owner{Scope: ScopeAssessment, UUID: "a", Chain: chain, State: after}
	got := CheckOwner(o, []SignedLeaf{leaf(1, 1, "h1", before), leaf(2, 3, "h3", after)}, states)
	if !strings.Contains(got, "field deadlines changed") || !strings.Contains(got, "before entry 2 was written") {
		t.Fatalf("laundered deadlines: %q", got)
	}
	o.State = moved
	if got := CheckOwner(o, []SignedLeaf{leaf(1, 1, "h1", before), leaf(2, 3, "h3", moved)}, states); got != "" {
		t.Fatalf("a status change is not an edit: %q", got)
	}
	if got := CheckOwner(o, []SignedLeaf{leaf(1, 2, "hX", before), leaf(2, 3, "h3", moved)}, states); !strings.Contains(got, "not the one signed in ledger entry 1") {
		t.Fatalf("a rewritten record: %q", got)
	}
}

func TestProofChecksOnItsOwn(t *testing.T) {
	k := mustKey(t)
	s := stateWith(nil, "approved")
	e := Entry{Seq: 7, At: "2026-03-02T09:00:00Z", Kind: KindWrite, PrevHash: "p",
		Leaves: []Leaf{{Scope: ScopeSubject, UUID: "s"}, {Scope: ScopeAssessment, UUID: "a", Records: 3, Head: "h3", State: s.Hash()}}}
	e.Seal(k)
	good := func() *Proof { return NewProof(e, 1, s, k.Public(), "Dana Reyes") }
	if key, err := good().Check(); err != nil || key.ID() != k.Public().ID() {
		t.Fatalf("a good proof: %v", err)
	}
	for _, c := range []struct {
		name  string
		spoil func(p *Proof)
		want  string
	}{
		{"head moved", func(p *Proof) { p.Leaf.Records = 2 }, "leaf: is not one of the entry's leaves"},
		{"state edited", func(p *Proof) { p.State = stateWith(nil, "draft") }, "state: is not the state the leaf signed"},
		{"another leaf list", func(p *Proof) { p.Entry.LeafHashes = p.Entry.LeafHashes[1:] }, "entry.hash: does not match"},
		{"re-signed by another key", func(p *Proof) {
			m := mustKey(t)
			p.Entry.Signature, p.Key = m.Sign(p.Entry.Hash), m.Public().String()
		}, "key: is SHA256:"},
		{"signature altered", func(p *Proof) { p.Entry.Signature = k.Sign("other") }, "entry.signature: does not verify"},
	} {
		p := good()
		c.spoil(p)
		if _, err := p.Check(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}

// A creation record from before the ledger states no deadlines, no UUID,
// no subject kind: the replay claims only what it says.
func TestReplayClaimsOnlyWhatTheTrailSays(t *testing.T) {
	old := []Record{
		{Seq: 1, Kind: "create", New: `{"subject":"Acme","subject_id":1,"digest":"d","reviewer":"Ana","assessed_on":"2026-03-01","status":"draft"}`},
		{Seq: 2, Kind: "status", New: `"in-review"`},
		{Seq: 3, Kind: "subject", New: `{"name":"Acme Ltd","kind":"vendor"}`},
	}
	tr, err := ReplayAssessment(old)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Claim{"subject": {`"Acme Ltd"`, 3}, "subject_kind": {`"vendor"`, 3}, "reviewer": {`"Ana"`, 1},
		"snapshot_digest": {`"d"`, 1}, "assessed_on": {`"2026-03-01"`, 1}, "status": {`"in-review"`, 2}, "archived": {"false", 1},
		"revision": {"1", 1}, "revision_of": {`""`, 1}}
	if len(tr.Claims) != len(want) {
		t.Errorf("claims %v, want %v", tr.Claims, want)
	}
	for f, c := range want {
		if tr.Claims[f] != c {
			t.Errorf("%s: %v, want %v", f, tr.Claims[f], c)
		}
	}
	rev, err := ReplayAssessment([]Record{{Seq: 1, Kind: "revise", Actor: "Rui", New: `{"revision":2,"revision_of_uuid":"u1"}`}})
	if err != nil || rev.Claims["reviewer"].Value != `"Rui"` || rev.Claims["revision_of"].Value != `"u1"` {
		t.Errorf("a revision: %v %v", rev.Claims, err)
	}
}
