package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// Refused where no database is yet for reasons only the store can tell
// (a new subject's name with an invisible character, which would be
// fine for one already recorded; a file signed by a key nobody trusts),
// a first command leaves no database and no folder. Before, each left an
// empty portfolio and the folders made for it.
func TestRefusedFirstCommandCreatesNothingStoreChecks(t *testing.T) {
	bin := assayBinary(t)

	// A file signed by someone else's key, exported on their machine.
	other := t.TempDir()
	otherEnv := procEnv(other, filepath.Join(other, "assay.db"))
	if r := runProc(bin, otherEnv, "new", "-q", "dpia", "-s", "Acme"); r.code != 0 {
		t.Fatalf("new: %s", r.errs)
	}
	signed := filepath.Join(other, "signed.json")
	if r := runProc(bin, otherEnv, "export", "1", "-o", signed); r.code != 0 {
		t.Fatalf("export: %s", r.errs)
	}

	for _, tc := range []struct {
		what string
		args []string
		says string
	}{
		{"new with an invisible character in a new subject", []string{"new", "-q", "dpia", "-s", "Ac\u200bme"}, "invisible"},
		{"import of a file signed by a key nobody trusts", []string{"import", signed}, "do not trust"},
	} {
		t.Run(tc.what, func(t *testing.T) {
			home := t.TempDir()
			db := filepath.Join(home, "portfolios", "work", "assay.db")
			r := runProc(bin, procEnv(home, db), tc.args...)
			if r.code != 1 || !strings.Contains(r.errs, tc.says) {
				t.Fatalf("exit %d, stderr %q; want exit 1 saying %q", r.code, r.errs, tc.says)
			}
			if _, err := os.Lstat(filepath.Join(home, "portfolios")); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("the refused command left %s behind (%v)", filepath.Join(home, "portfolios"), err)
			}
		})
	}
}

// A first assay new stopped by a file size limit leaves no database: the
// next command says there is none, not that an empty file is there and
// was left unchanged (which reads as a file someone made on purpose).
func TestFirstCommandOverSizeLimitLeavesNoFile(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh to set a file size limit")
	}
	bin := assayBinary(t)
	for _, blocks := range []string{"0", "1", "8"} {
		home := t.TempDir()
		db := filepath.Join(home, "work", "assay.db")
		env := procEnv(home, db)
		// The questionnaire cache and signing key are written first,
		// without the limit, so that the limit stops the database.
		if r := runProc(bin, env, "key"); r.code != 0 {
			t.Fatalf("key: %s", r.errs)
		}
		if err := os.RemoveAll(filepath.Join(home, "work")); err != nil {
			t.Fatal(err)
		}
		r := runProc("sh", env, "-c", "ulimit -f "+blocks+" && exec "+bin+" new -q dpia -s Acme")
		if r.code == 0 {
			t.Fatalf("ulimit -f %s: new succeeded: %s", blocks, r.stdout)
		}
		if !strings.Contains(r.errs, db) || strings.Contains(r.errs, ".creating-") {
			t.Errorf("ulimit -f %s: the error does not name the database as given: %s", blocks, r.errs)
		}
		entries, _ := os.ReadDir(filepath.Join(home, "work"))
		for _, e := range entries {
			if !strings.HasPrefix(e.Name(), ".assay.db.creating-") { // a killed run's, removed by the next
				t.Errorf("ulimit -f %s: the stopped new left %s", blocks, e.Name())
			}
		}
		if r := runProc(bin, env, "list"); strings.Contains(r.errs, "empty file") {
			t.Errorf("ulimit -f %s: list after it says %q", blocks, r.errs)
		}
	}
}

// Four valid and four refused assay new at once on one new path: every
// valid one's ID is confirmed and listed; no run removes or replaces the
// database another one made.
func TestFirstCommandsAtOnceKeepEveryAssessment(t *testing.T) {
	bin := assayBinary(t)
	for round := range 3 {
		home := t.TempDir()
		db := filepath.Join(home, "fresh", "assay.db")
		env := procEnv(home, db)
		if r := runProc(bin, env, "key"); r.code != 0 { // the key made once, not raced
			t.Fatalf("key: %s", r.errs)
		}
		if err := os.RemoveAll(filepath.Join(home, "fresh")); err != nil {
			t.Fatal(err)
		}
		results := make([]procResult, 8)
		var wg sync.WaitGroup
		for i := range results {
			subject := fmt.Sprintf("Vendor %d", i)
			if i%2 == 1 {
				subject = fmt.Sprintf("Ven\u200bdor %d", i)
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				results[i] = runProc(bin, env, "new", "-q", "dpia", "-s", subject)
			}()
		}
		wg.Wait()
		ids := map[string]bool{}
		for i, r := range results {
			switch {
			case i%2 == 0 && r.code != 0:
				t.Errorf("round %d: valid new %d: exit %d: %s", round, i, r.code, r.errs)
			case i%2 == 0:
				ids[strings.TrimSpace(r.stdout)] = true
			case r.code != 1 || !strings.Contains(r.errs, "invisible"):
				t.Errorf("round %d: refused new %d: exit %d: %s", round, i, r.code, r.errs)
			}
		}
		if len(ids) != 4 {
			t.Errorf("round %d: confirmed IDs %v, want 4 different ones", round, ids)
		}
		r := runProc(bin, env, "list", "--json")
		if r.code != 0 {
			t.Fatalf("round %d: list: %s", round, r.errs)
		}
		var listed []struct{ ID int }
		if err := json.Unmarshal([]byte(r.stdout), &listed); err != nil {
			t.Fatalf("round %d: list --json: %v", round, err)
		}
		shown := map[string]bool{}
		for _, a := range listed {
			shown[strconv.Itoa(a.ID)] = true
		}
		if len(listed) != 4 || !maps.Equal(shown, ids) {
			t.Errorf("round %d: list shows %v, want the confirmed %v", round, shown, ids)
		}
	}
}
