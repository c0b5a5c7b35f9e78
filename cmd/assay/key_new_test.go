package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// assay key new replaces the person's key: the old one is kept beside it
// (0600) and trusted under their name, so verify still accepts what it
// signed; the new one is registered and signs from then on; a colleague
// who trusted the old key is told of the new one by verify until they
// trust it too.
func TestKeyNewReplacesTheKeyAndKeepsTheOldOneTrusted(t *testing.T) {
	dana := newCLISession(t)
	dana.env["ASSAY_REVIEWER"] = "Dana Reyes"
	dana.fails("you have no signing key yet ("+filepath.Join(dana.env["XDG_CONFIG_HOME"], "assay", "signing-key.pem")+"): assay key makes one", "key", "new")
	if _, err := os.Stat(filepath.Join(dana.env["XDG_CONFIG_HOME"], "assay")); !os.IsNotExist(err) {
		t.Fatalf("a refused key new left a config folder: %v", err)
	}
	id := dana.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	oldID, oldKey := dana.keyID(), dana.publicKey()
	keyFile := filepath.Join(dana.env["XDG_CONFIG_HOME"], "assay", "signing-key.pem")
	oldPEM, err := os.ReadFile(keyFile)
	if err != nil {
		t.Fatal(err)
	}
	rui := newTrustingSession(t, dana)
	rui.env["ASSAY_DB"] = dana.env["ASSAY_DB"]

	// A database that does not open stops it before anything changes.
	notOurs := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(notOurs, []byte("not a database, but some notes of at least a hundred bytes, so that SQLite reads it as a file of its own format\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	dana.fails("is not an assay database", "--db", notOurs, "key", "new")
	if b, err := os.ReadFile(keyFile); err != nil || string(b) != string(oldPEM) {
		t.Fatalf("the key changed: %v", err)
	}
	if m, _ := filepath.Glob(filepath.Join(filepath.Dir(keyFile), "*")); len(m) != 1 {
		t.Fatalf("files beside the key after a refused key new: %v", m)
	}

	out := dana.ok("key", "new")
	retired := regexp.MustCompile(`kept as (\S+signing-key-retired-\d{8}T\d{6}Z-[0-9a-f]{8}\.pem), and trusted as Dana Reyes`).FindStringSubmatch(out)
	if !strings.HasPrefix(out, "Your old key "+oldID+" is retired") || retired == nil {
		t.Fatalf("assay key new:\n%s", out)
	}
	if b, err := os.ReadFile(retired[1]); err != nil || string(b) != string(oldPEM) {
		t.Errorf("the retired key is not the old key: %v", err)
	}
	for _, f := range []string{retired[1], keyFile} {
		if fi, err := os.Stat(f); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v %v", f, fi.Mode(), err)
		}
	}
	newID, newKey := dana.keyID(), dana.publicKey()
	if newID == oldID || !strings.Contains(out, "Fingerprint: "+newID+"\n") ||
		!strings.Contains(out, `assay key trust "Dana Reyes" `+newKey+"\n") {
		t.Fatalf("the new key %s (old %s):\n%s", newID, oldID, out)
	}
	list := dana.ok("key", "list")
	if !regexp.MustCompile(`(?m)^Dana Reyes +`+regexp.QuoteMeta(oldID)+` +\d+ +trusted as Dana Reyes +`+regexp.QuoteMeta(oldKey)+`$`).MatchString(list) ||
		!regexp.MustCompile(`(?m)^Dana Reyes +`+regexp.QuoteMeta(newID)+` +\d+ +yours +`).MatchString(list) {
		t.Errorf("assay key list:\n%s", list)
	}

	dana.ok("review", id, "--submit") // signed with the new key
	out = dana.ok("verify")
	if !strings.Contains(out, "Dana Reyes (trusted as Dana Reyes, key "+oldID+")") || !strings.Contains(out, "Dana Reyes (your key "+newID+")") {
		t.Errorf("Dana's verify:\n%s", out)
	}
	rui.fails(`the entry is signed by "Dana Reyes" with key `+newID+", a key you do not trust", "verify")
	rui.ok("key", "trust", "Dana Reyes", newKey)
	rui.ok("verify")

	// A second replacement keeps both older keys trusted.
	dana.ok("key", "new")
	dana.ok("review", id, "--approve")
	if out := dana.ok("verify"); strings.Count(out, "trusted as Dana Reyes") != 2 {
		t.Errorf("verify after a second replacement:\n%s", out)
	}
}

// assay key new --compromised does not trust the old key: what it signed,
// Dana's own earlier changes included, no longer verifies for her, and
// verify says which key to check; changes signed with the new key do.
func TestKeyNewCompromisedDoesNotTrustTheOldKey(t *testing.T) {
	dana := newCLISession(t)
	dana.env["ASSAY_REVIEWER"] = "Dana Reyes"
	id := dana.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	danaDB := dana.env["ASSAY_DB"]
	oldID := dana.keyID()
	exported := filepath.Join(t.TempDir(), "acme.json")
	dana.ok("export", id, "-o", exported)
	out := dana.ok("key", "new", "--compromised")
	if !strings.HasPrefix(out, "Your old key "+oldID+" is retired, kept as ") || !strings.Contains(out, "and not trusted: nothing signed with it verifies for you now.") {
		t.Fatalf("assay key new --compromised:\n%s", out)
	}
	if b, err := os.ReadFile(filepath.Join(dana.env["XDG_CONFIG_HOME"], "assay", "trusted-keys")); err == nil && strings.Contains(string(b), "Dana Reyes") {
		t.Errorf("the compromised key was trusted:\n%s", b)
	}
	// verify names the key as her own retired one, and does not invite
	// her to trust it again as if it were a colleague's.
	code, _, errOut := dana.run("", "verify")
	want := "not verified: ledger entry 1: the entry is signed by \"Dana Reyes\" with key " + oldID + ", your own key, retired on "
	if code != 1 || !strings.Contains(errOut, want) || !strings.Contains(errOut, "assay verify --against") || strings.Contains(errOut, "assay key trust") {
		t.Errorf("verify after key new --compromised: exit %d, %s\nwant %q, the check against earlier copies, and no invitation to trust it", code, errOut, want)
	}
	// So does import, of a file the old key signed, into another database.
	dana.env["ASSAY_DB"] = filepath.Join(t.TempDir(), "other.db")
	code, _, errOut = dana.run("", "import", exported)
	if code == 0 || !strings.Contains(errOut, "signed with key "+oldID+", your own key, retired on ") || strings.Contains(errOut, "assay key trust") {
		t.Errorf("import after key new --compromised: exit %d, %s\nwant the key named as her own retired one, and no invitation to trust it", code, errOut)
	}
	dana.env["ASSAY_DB"] = danaDB
	dana.ok("review", id, "--submit")
	if list := dana.ok("key", "list"); !regexp.MustCompile(`(?m)^Dana Reyes +` + regexp.QuoteMeta(oldID) + ` +1 +not trusted +`).MatchString(list) {
		t.Errorf("assay key list:\n%s", list)
	}
}

// Four assay key new at once lose no key: they take turns, each retiring
// the key the one before left, kept beside the new one and trusted, so
// that whatever each of them registered still verifies. (Without the
// lock, two read the same key: one failed half way, having trusted it,
// or the first one's new key was replaced unseen.)
func TestKeyNewFourAtOnceLoseNoKey(t *testing.T) {
	bin := assayBinary(t)
	dir := t.TempDir()
	env := procEnv(dir, filepath.Join(dir, "assay.db"))
	if r := runProc(bin, env, "new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"); r.code != 0 {
		t.Fatalf("assay new: %s", r.errs)
	}
	results := make(chan procResult, 4)
	for range 4 {
		go func() { results <- runProc(bin, env, "key", "new") }()
	}
	replaced := 0
	for range 4 {
		if r := <-results; r.code == 0 {
			replaced++
		} else {
			t.Errorf("assay key new: exit %d: %s%s", r.code, r.stdout, r.errs)
		}
	}
	retired, _ := filepath.Glob(filepath.Join(dir, "config", "assay", "signing-key-retired-*.pem"))
	if replaced != 4 || len(retired) != 4 {
		t.Errorf("%d runs replaced the key, %d keys retired", replaced, len(retired))
	}
	if r := runProc(bin, env, "verify"); r.code != 0 {
		t.Errorf("verify after keys replaced at once: %s%s", r.stdout, r.errs)
	}
}
