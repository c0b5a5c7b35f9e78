package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/export"
	"github.com/assay-dev/assay/assess/ledger"
)

// signingKeyOf reads the private key of the person of session s, as a
// colleague's older assay holds it: what signs their exports.
func signingKeyOf(t *testing.T, s *cliSession) *ledger.PrivateKey {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(s.env["XDG_CONFIG_HOME"], "assay", "signing-key.pem"))
	if err != nil {
		t.Fatal(err)
	}
	k, err := ledger.ParsePrivateKeyPEM(b)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// backdateSubmission dates the file's submission on, in its sign-off and
// in the record of it, with the chain's hashes computed again: what an
// assay before 2026-12-06 recorded when the submission was typed with an
// earlier --date after a risk acceptance.
func backdateSubmission(t *testing.T, f *export.File, on assess.Date) {
	t.Helper()
	done := false
	for i, e := range f.Events {
		var s assess.SignOff
		if e.Kind != "signoff" || json.Unmarshal([]byte(e.New), &s) != nil || s.Decision != "submitted" {
			continue
		}
		s.On = on
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		f.Events[i].New = string(b)
		for j := range f.SignOffs {
			if f.SignOffs[j].Seq == s.Seq && f.SignOffs[j].Decision == s.Decision {
				f.SignOffs[j].On = on
			}
		}
		done = true
	}
	if !done {
		t.Fatal("the file has no submission to backdate")
	}
	prev := ""
	for i := range f.Events {
		f.Events[i].PrevHash = prev
		f.Events[i].Hash = f.Events[i].ComputeHash()
		prev = f.Events[i].Hash
	}
	f.EventHead = prev
}

// An export whose submission is dated before the risk acceptance it
// signs (an older assay let it be typed so; assay now refuses to record
// it) is a record its signer made, signed with a key the importer
// trusts, and an approved one can no longer be changed: refused, it could
// never move to another database. It is imported as signed, and the
// import names the step, its date, the acceptance and the day it was
// recorded. A file without such a step says nothing of it.
// Worked out by hand: the risk of mfa is accepted now (the record's time,
// read on the westmost calendar, UTC-12, on which a day has begun
// everywhere else: no signer anywhere had a later today), and the
// submission is dated 2026-03-02, before any such day.
func TestImportNamesAStepDatedBeforeTheAcceptanceItSigns(t *testing.T) {
	ex := newCLISession(t)
	id := ex.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	ex.ok("plan", id, "--item", "mfa", "--accept-approver", "CISO", "--accept-reason", "Keys on order", "--accept-expires", "2099-12-31")
	ex.ok("review", id, "--submit", "--comment", "Ready")
	genuine := ex.ok("export", id)
	f, err := export.Unmarshal("acme.assay.json", []byte(genuine))
	if err != nil {
		t.Fatal(err)
	}
	var acceptedAt time.Time
	for _, e := range f.Events {
		if e.Kind == "plan" && e.Target == "mfa" {
			if acceptedAt, err = time.Parse(time.RFC3339Nano, e.At); err != nil {
				t.Fatal(err)
			}
		}
	}
	acceptedOn := acceptedAt.In(time.FixedZone("UTC-12", -12*60*60)).Format("2006-01-02")

	s := newTrustingSession(t, ex)
	out := s.ok("import", writeFile(t, t.TempDir(), "genuine.json", genuine))
	if strings.Contains(out, "before the risk acceptance") {
		t.Errorf("importing the file as exported names a step before an acceptance:\n%s", out)
	}

	backdateSubmission(t, f, assess.NewDate(2026, 3, 2))
	resign(t, f, signingKeyOf(t, ex))
	forged, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	other := newTrustingSession(t, ex)
	out = other.ok("import", writeFile(t, t.TempDir(), "older.json", string(forged)))
	for _, want := range []string{
		"imported " + f.Assessment.UUID + " as assessment 1",
		"its submission dated 2026-03-02 by Test Reviewer is dated before the risk acceptance of mfa it signs, recorded on " + acceptedOn + " or later on any calendar",
		"assay now refuses to record such a step",
		"imported as signed",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("import does not say %q:\n%s", want, out)
		}
	}
	if got := other.ok("verify"); !strings.HasPrefix(got, "Audit trail intact: 1 assessment") {
		t.Errorf("verify after the import: %s", got)
	}
}
