package main

import (
	"crypto/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// accessibleDamage is one way the database is found broken when a person
// opens accessible mode on it, made from a good one, and what assay must
// say of it besides the remedy.
type accessibleDamage struct {
	name   string
	damage func(b []byte) []byte
	says   string
}

var accessibleDamages = []accessibleDamage{
	{"SQLite's header, garbage after it", func(b []byte) []byte {
		copy(b[16:], strings.Repeat("garbage!", len(b)/8))
		return b
	}, "is a damaged SQLite database"},
	// Cut short in the middle of its third page, as a copy that stopped.
	{"truncated mid-page", func(b []byte) []byte { return b[:2*4096+1500] }, "is damaged"},
	// The file opens and its list does not read: the prompt after it.
	{"its tables overwritten", func(b []byte) []byte { _, _ = rand.Read(b[5*4096:]); return b }, "is damaged"},
	{"not SQLite", func([]byte) []byte { return []byte("answers:\n  attestation: \"no\"\n") }, "is not an assay database"},
}

// A person opening assay --accessible on a terminal, with the database
// damaged (SQLite's header and garbage after it, a file cut short mid
// page, its tables overwritten) or not SQLite at all, hears that it is
// damaged or not a database and what to do, restore it from a backup,
// never a Go error, an SQLite code or a panic; and the file and its
// folder are as they were.
func TestAccessibleModeOnADamagedDatabaseSaysSoAndTheRemedy(t *testing.T) {
	bin := assayBinary(t)
	for _, d := range accessibleDamages {
		t.Run(d.name, func(t *testing.T) {
			dir := t.TempDir()
			openDir(t, dir)
			db := filepath.Join(dir, "assay.db")
			env := procEnv(dir, db)
			if r := runProc(bin, env, "new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"); r.code != 0 {
				t.Fatalf("assay new: exit %d: %s", r.code, r.errs)
			}
			b, err := os.ReadFile(db)
			must(t, err)
			must(t, os.WriteFile(db, d.damage(b), 0o600))
			before := folderState(t, dir, db)

			master, slave := openPTY(t)
			cmd, shown := startOnPTY(t, master, slave, bin, env, "--accessible")
			ended := make(chan error, 1)
			go func() { ended <- cmd.Wait() }()
			// It ends at once, or, with a list it could not read, asks
			// whether to read it again: q leaves.
			deadline := time.Now().Add(hangLimit)
			for waiting := true; waiting; {
				select {
				case <-ended:
					waiting = false
				case <-time.After(20 * time.Millisecond):
					if strings.Contains(shown.String(), "or q to quit:") {
						typeOnPTY(t, master, "q\r")
						<-ended
						waiting = false
					} else if time.Now().After(deadline) {
						t.Fatalf("assay --accessible neither ended nor asked after %v:\n%s", hangLimit, shown.String())
					}
				}
			}
			waitOutput(t, shown, "from a backup", 1)
			out := shown.String()
			for _, want := range []string{db, d.says} {
				if !strings.Contains(out, want) {
					t.Errorf("assay --accessible did not say %q:\n%s", want, out)
				}
			}
			if !strings.Contains(strings.ToLower(out), "restore it from a backup") {
				t.Errorf("assay --accessible named no remedy (restore it from a backup):\n%s", out)
			}
			for _, never := range []string{"panic", "goroutine", "SQLITE", "sqlite3", "(11)", "(26)", "%!"} {
				if strings.Contains(out, never) {
					t.Errorf("assay --accessible said %q, a program's words, not a person's:\n%s", never, out)
				}
			}
			if after := folderState(t, dir, db); after != before {
				t.Errorf("assay --accessible changed the folder or the file:\nbefore: %s\nafter:  %s", before, after)
			}
		})
	}
}
