package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// A person's first change makes their key, owner-only, outside the
// database; assay key shows it and registers it; a key others can read is
// refused rather than used.
func TestKeyIsMadeOnTheFirstChangeAndKeptPrivate(t *testing.T) {
	withUmask(t, 0)
	s := newCLISession(t)
	path := filepath.Join(s.env["XDG_CONFIG_HOME"], "assay", "signing-key.pem")
	makeDatabase(t, s.env["ASSAY_DB"])
	s.ok("list")
	if _, err := os.Stat(path); err == nil {
		t.Fatal("a read made a key")
	}
	s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", "mfa: no")
	if n := checkPrivate(t, s.env["XDG_CONFIG_HOME"]); n != 1 {
		t.Fatalf("%d files in the config folder, want the key", n)
	}
	out := s.ok("key")
	if !regexp.MustCompile(`(?m)^Fingerprint: SHA256:[A-Za-z0-9+/]{43}\nPublic key:  ed25519:[A-Za-z0-9+/]{43}=\nRegistered in \S+ as Test Reviewer, ledger entry 1 \(`).MatchString(out) {
		t.Errorf("assay key:\n%s", out)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	before := s.dbDigest()
	s.fails("signing-key.pem can be read by others (mode 0644): make it yours alone with chmod 600", "answer", "1",
		"-f", writeFile(t, t.TempDir(), "a.yaml", "answers:\n  mfa: yes\n"))
	if s.dbDigest() != before {
		t.Error("the answer was saved without a signature")
	}
}

// Two processes making the key at once end with one key.
func TestKeyMadeOnceUnderRace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "assay", "signing-key.pem")
	keys := make([]string, 8)
	var wg sync.WaitGroup
	for i := range keys {
		wg.Go(func() {
			k, err := createKey(path)
			if err != nil {
				t.Error(err)
				return
			}
			keys[i] = k.Public().ID()
		})
	}
	wg.Wait()
	for _, k := range keys[1:] {
		if k != keys[0] {
			t.Fatalf("different keys: %q", keys)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("%d files left in the key's folder", len(entries))
	}
}

// Two people write one database. Each one's verify names the other's
// first entry, and the exact command to trust their key, until they do.
func TestTwoPeopleOneDatabase(t *testing.T) {
	dana := newCLISession(t)
	dana.env["ASSAY_REVIEWER"] = "Dana Reyes"
	rui := newCLISession(t)
	rui.env["ASSAY_DB"] = dana.env["ASSAY_DB"]
	rui.env["ASSAY_REVIEWER"] = "Rui Costa"

	id := dana.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	dana.ok("review", id, "--submit")
	rui.ok("review", id, "--approve")

	code, _, errOut := dana.run("", "verify")
	trust := regexp.MustCompile(`assay key trust "Rui Costa" (ed25519:\S+)`).FindStringSubmatch(errOut)
	// Not trusting a colleague's key yet is not a change found: verify
	// says the trail is not verified, not broken, and fails all the same.
	if code != 1 || !strings.HasPrefix(errOut, `assay: not verified: ledger entry 5: the entry is signed by "Rui Costa" with key `+rui.keyID()+", a key you do not trust") || trust == nil {
		t.Fatalf("Dana's verify: exit %d, %s", code, errOut)
	}
	// assay history of that trail ends with what verify of it says, word
	// for word: not verified, not broken.
	_, _, verifyOne := dana.run("", "verify", id)
	if hcode, _, herr := dana.run("", "history", id); hcode != 1 || herr != verifyOne || !strings.HasPrefix(herr, "assay: not verified: ") {
		t.Errorf("Dana's history: exit %d, %q\nwant verify %s's %q", hcode, herr, id, verifyOne)
	}
	list := dana.ok("key", "list")
	if !regexp.MustCompile(`(?m)^Dana Reyes +SHA256:\S+ +1 +yours `).MatchString(list) ||
		!regexp.MustCompile(`(?m)^Rui Costa +`+regexp.QuoteMeta(rui.keyID())+` +5 +not trusted +`+regexp.QuoteMeta(trust[1])+`$`).MatchString(list) {
		t.Errorf("assay key list:\n%s", list)
	}
	dana.ok("key", "trust", "Rui Costa", trust[1])
	out := dana.ok("verify")
	if !strings.Contains(out, "signed by Dana Reyes (your key "+dana.keyID()+"), Rui Costa (trusted as Rui Costa, key "+rui.keyID()+").") {
		t.Errorf("Dana's verify after trusting Rui:\n%s", out)
	}
	rui.fails(`the entry is signed by "Dana Reyes"`, "verify")
	rui.trust(dana)
	rui.ok("verify")
}

func TestKeyTrustRefusesMistakes(t *testing.T) {
	s := newCLISession(t)
	other := newCLISession(t)
	key := other.publicKey()
	s.ok("key", "trust", "Rui Costa", key)
	s.fails("is already trusted, as Rui Costa", "key", "trust", "Rui", key)
	s.fails("is already trusted, as your own key", "key", "trust", "Me", s.publicKey())
	s.fails("a public key starts with", "key", "trust", "Rui", "ssh-ed25519 AAAA")
	s.fails("the name holds a control character", "key", "trust", "Rui\x1b[2J", other.publicKey())
	b, err := os.ReadFile(filepath.Join(s.env["XDG_CONFIG_HOME"], "assay", "trusted-keys"))
	if err != nil || strings.Count(string(b), "ed25519:") != 1 || !strings.Contains(string(b), key+" Rui Costa\n") {
		t.Errorf("trusted-keys:\n%s %v", b, err)
	}
	if fi, err := os.Stat(filepath.Join(s.env["XDG_CONFIG_HOME"], "assay", "trusted-keys")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("trusted-keys mode: %v %v", fi.Mode(), err)
	}
}
