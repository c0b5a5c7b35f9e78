package main

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/export"
	"github.com/assay-dev/assay/assess/ledger"
)

// signedExports are files a colleague exported: an approved assessment
// (submitted by them, approved by Rui), its draft revision, and a draft of
// another vendor.
type signedExports struct {
	exporter                  *cliSession
	approved, revision, draft []byte
}

func makeSignedExports(t *testing.T) signedExports {
	t.Helper()
	s := newCLISession(t)
	s.ok("subject", "add", "Acme Cloud Ltd", "--kind", "vendor", "--owner", "IT procurement", "--contact", "security@acme.example")
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	s.ok("plan", id, "--item", "mfa", "--owner", "Sam Ortiz", "--as-of", "2026-03-02")
	s.ok("review", id, "--submit", "--comment", "Ready")
	s.ok("--reviewer", "Rui Costa", "review", id, "--approve", "--comment", "Agreed")
	rev := strings.TrimSpace(s.ok("revise", id))
	draft := s.start("vendor-tiering", "Globex", "2026-03-01", "mfa: no\nencryption: partial")
	return signedExports{exporter: s, approved: []byte(s.ok("export", id)), revision: []byte(s.ok("export", rev)), draft: []byte(s.ok("export", draft))}
}

// Files altered after they were exported, each in one way an attacker or
// a careless hand would: import refuses every one, naming the field at
// fault, and the database it was given to is unchanged. The importer
// trusts the exporter's key, so each refusal is the alteration's own.
func TestImportRefusesAlteredExports(t *testing.T) {
	ex := makeSignedExports(t)
	mallory, err := ledger.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	// edit changes a file as parsed JSON, keeping everything else.
	edit := func(src []byte, fn func(m map[string]any)) []byte {
		var m map[string]any
		if err := json.Unmarshal(src, &m); err != nil {
			t.Fatal(err)
		}
		fn(m)
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	// forge changes a file as assay reads it and writes it back.
	forge := func(src []byte, fn func(f *export.File)) []byte {
		f, err := export.Unmarshal("f.json", src)
		if err != nil {
			t.Fatal(err)
		}
		fn(f)
		b, err := export.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	obj := func(m map[string]any, path ...string) map[string]any {
		for _, k := range path {
			m = m[k].(map[string]any)
		}
		return m
	}
	setA := func(src []byte, field string, v any) []byte {
		return edit(src, func(m map[string]any) { obj(m, "assessment")[field] = v })
	}
	cases := []struct {
		name string
		file []byte
		want string
	}{
		{"a draft turned approved", setA(ex.draft, "status", "approved"), `assessment.status: the file says "approved" but its signed head says "draft"`},
		{"an approved assessment turned back to draft", setA(ex.approved, "status", "draft"), `assessment.status: the file says "draft" but its signed head says "approved"`},
		{"a signature renamed", edit(ex.approved, func(m map[string]any) {
			m["signoffs"].([]any)[1].(map[string]any)["name"] = "Chief Executive"
		}), "signoffs[1]: is not the signature audit record 12 holds"},
		{"a signature removed", edit(ex.approved, func(m map[string]any) { m["signoffs"] = m["signoffs"].([]any)[:1] }),
			"signoffs: audit record 12 holds a signature the file lacks"},
		{"a signature added", edit(ex.draft, func(m map[string]any) {
			m["signoffs"] = []any{map[string]any{"role": "reviewer", "name": "Rui Costa", "date": "2026-03-02", "decision": "approved", "audit_seq": 3,
				"at": "2026-03-02T09:00:00Z"}}
		}), "signoffs[0]: the signature of Rui Costa has no audit record"},
		{"the assessment date moved", setA(ex.approved, "assessed_on", "2026-06-01"), `assessment.assessed_on: the file says "2026-06-01"`},
		{"the deadlines stretched", setA(ex.approved, "deadlines", map[string]any{"critical": 150, "high": 300, "medium": 900, "low": 1800}),
			`assessment.deadlines: the file says {"critical":150,"high":300,"low":1800,"medium":900}`},
		{"the reviewer changed", setA(ex.approved, "reviewer", "Mallory"), `assessment.reviewer: the file says "Mallory"`},
		{"the subject renamed", setA(ex.approved, "subject", "Umbrella Corp"), `assessment.subject: the file says "Umbrella Corp"`},
		{"the subject's kind changed", setA(ex.draft, "subject_kind", "system"), `assessment.subject_kind: the file says "system"`},
		{"archived", setA(ex.draft, "archived", true), "assessment.archived: the file says true but its signed head says false"},
		{"the revision number changed", setA(ex.revision, "revision", 5), "assessment.revision: the file says 5 but its signed head says 2"},
		{"a draft claims to revise the approved assessment", edit(ex.draft, func(m map[string]any) {
			var approved map[string]any
			if err := json.Unmarshal(ex.approved, &approved); err != nil {
				t.Fatal(err)
			}
			obj(m, "assessment")["revision_of"] = obj(approved, "assessment")["uuid"]
		}), "assessment.revision_of: the file says"},
		{"a revision's link removed", edit(ex.revision, func(m map[string]any) { delete(obj(m, "assessment"), "revision_of") }),
			`assessment.revision_of: the file says "" but its signed head says`},
		{"the uuid changed", setA(ex.draft, "uuid", "00000000-0000-4000-8000-000000000001"),
			"assessment.uuid: is 00000000-0000-4000-8000-000000000001 but the signed head is of assessment"},
		{"the questionnaire swapped for an easier one, its digest recomputed", forge(ex.approved, func(f *export.File) {
			f.Questionnaire.Source = []byte(strings.ReplaceAll(string(f.Questionnaire.Source), "severity: high", "severity: low"))
			sum := sha256.Sum256(f.Questionnaire.Source)
			f.Questionnaire.Digest = hex.EncodeToString(sum[:])
		}), "questionnaire.digest: the file says"},
		{"the subject's owner changed", edit(ex.approved, func(m map[string]any) { obj(m, "subject_record")["owner"] = "Nobody" }),
			"subject_record.owner: is not what the subject's signed head says"},
		{"the subject's head removed", edit(ex.approved, func(m map[string]any) { delete(obj(m, "head"), "subject") }),
			"subject_record: the file has no signed head for its subject"},
		{"a plan edit removed", edit(ex.approved, func(m map[string]any) { m["plan_edits"] = []any{} }),
			"plan_edits: mfa is in the audit trail (record 9) but not in the file"},
		{"the creation time moved later", setA(ex.draft, "created_at", "2030-01-01T00:00:00Z"),
			"assessment.created_at: is not the time its creation record states"},
		{"the creation time moved earlier", setA(ex.draft, "created_at", "2020-01-01T00:00:00Z"),
			"assessment.created_at: is not the time its creation record states"},
		// A revision not changed since it was made was last changed when
		// it was created; its copies' records, a moment later, change
		// nothing of that.
		{"a revision's time of last change moved within its trail", edit(ex.revision, func(m map[string]any) {
			events := m["events"].([]any)
			obj(m, "assessment")["updated_at"] = events[len(events)-1].(map[string]any)["at"]
		}), "assessment.updated_at: is not its creation time, though audit record 1, its creation, is the last to change it: the file was changed"},
		// Who saved an answer and when: the message about another
		// person's change, and OSCAL's collection date.
		{"an answer credited to another", edit(ex.draft, func(m map[string]any) { m["answers"].([]any)[0].(map[string]any)["updated_by"] = "Mallory" }),
			"answers[0].updated_by: is Mallory but audit record"},
		{"an answer's time moved", edit(ex.draft, func(m map[string]any) {
			m["answers"].([]any)[0].(map[string]any)["updated_at"] = "2020-01-01T00:00:00Z"
		}),
			"answers[0].updated_at: is 2020-01-01T00:00:00Z but audit record"},
		{"a plan edit credited to another", edit(ex.approved, func(m map[string]any) { m["plan_edits"].([]any)[0].(map[string]any)["updated_by"] = "Mallory" }),
			"plan_edits[0].updated_by: is Mallory but audit record 9, the last to set it"},
		{"a revision's copied answer credited to another", edit(ex.revision, func(m map[string]any) {
			m["answers"].([]any)[0].(map[string]any)["updated_by"] = "Mallory"
		}), "answers[0].updated_by: is Mallory but audit record 1, the revision's copy, says"},
		{"the head's signature altered", edit(ex.approved, func(m map[string]any) {
			obj(m, "head", "assessment", "entry")["signature"] = base64.StdEncoding.EncodeToString(make([]byte, 64))
		}), "head.assessment.entry.signature: does not verify with the key"},
		{"the head's state edited", edit(ex.draft, func(m map[string]any) {
			p := obj(m, "head", "assessment")
			p["state"] = strings.Replace(p["state"].(string), `"status":"draft"`, `"status":"approved"`, 1)
		}), "head.assessment.state: is not the state the leaf signed"},
		{"the head removed", edit(ex.draft, func(m map[string]any) { delete(m, "head") }), "head: the file carries no signed head"},
		{"a version 1 file", edit(ex.draft, func(m map[string]any) { m["format_version"] = 1; delete(m, "head") }),
			"format_version: 1 files carry no signed head"},
		{"a forged approval appended, the chain recomputed, the head left", forge(ex.draft, func(f *export.File) {
			approveForged(f)
		}), "events: the file has 5 records ending in"},
		{"a forged approval, the chain recomputed and the head signed with the attacker's own key", forge(ex.draft, func(f *export.File) {
			approveForged(f)
			resign(t, f, mallory)
		}), `head.assessment.key: the file is signed by "Test Reviewer" with key ` + mallory.Public().ID() + `, a key you do not trust`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := newTrustingSession(t, ex.exporter)
			s.start("vendor-tiering", "Initech", "2026-03-01", "mfa: yes")
			before := s.dbDigest()
			path := writeFile(t, t.TempDir(), "altered.json", string(c.file))
			code, _, errOut := s.run("", "import", path)
			if code != 1 || !strings.Contains(errOut, c.want) || !strings.Contains(errOut, "nothing was imported") {
				t.Errorf("exit %d, %q; want a refusal saying %q", code, errOut, c.want)
			}
			t.Log(errOut)
			if s.dbDigest() != before {
				t.Error("the refused import changed the database")
			}
		})
	}
	// Untouched, each file imports, into a database that trusts its key.
	s := newTrustingSession(t, ex.exporter)
	for _, f := range [][]byte{ex.approved, ex.revision, ex.draft} {
		s.ok("import", writeFile(t, t.TempDir(), "good.json", string(f)))
	}
	if out := s.ok("verify"); !strings.HasPrefix(out, "Audit trail intact: 3 assessments") {
		t.Errorf("verify after importing: %s", out)
	}
}

// approveForged appends an approval to a draft's trail, as a forger would:
// a sign-off and a status record, the chain's hashes computed again.
func approveForged(f *export.File) {
	n := int64(len(f.Events))
	at, _ := time.Parse(time.RFC3339Nano, f.Events[n-1].At)
	sig := assess.SignOff{Role: assess.RoleReviewer, Name: "Rui Costa", On: assess.NewDate(2026, 3, 2), Decision: "approved", Seq: n, At: at}
	rec, _ := json.Marshal(sig)
	f.Events = append(f.Events,
		export.Event{Seq: n + 1, At: f.Events[n-1].At, Actor: "Rui Costa", Kind: "signoff", Target: assess.RoleReviewer, New: string(rec)},
		export.Event{Seq: n + 2, At: f.Events[n-1].At, Actor: "Rui Costa", Kind: "status", Target: "assessment", Old: `"draft"`, New: `"approved"`})
	f.SignOffs = append(f.SignOffs, sig)
	f.Assessment.Status = "approved"
	prev := ""
	for i := range f.Events {
		f.Events[i].PrevHash = prev
		f.Events[i].Hash = f.Events[i].ComputeHash()
		prev = f.Events[i].Hash
	}
	f.EventHead = prev
}

// resign signs a new head over the file as it now is, with key k: what
// a forger without the exporter's key can do at best.
func resign(t *testing.T, f *export.File, k *ledger.PrivateKey) {
	t.Helper()
	p := f.Head.Assessment
	var st ledger.AssessmentState
	if err := json.Unmarshal([]byte(p.State), &st); err != nil {
		t.Fatal(err)
	}
	st.Status = f.Assessment.Status
	state := ledger.AssessmentStateOf(st)
	leaf := p.Leaf
	leaf.Records, leaf.Head, leaf.State = int64(len(f.Events)), f.EventHead, state.Hash()
	e := ledger.Entry{Seq: p.Entry.Seq + 1, At: p.Entry.At, Kind: ledger.KindWrite, PrevHash: p.Entry.Hash, Leaves: []ledger.Leaf{leaf}}
	e.Seal(k)
	f.Head.Assessment = ledger.NewProof(e, 0, state, k.Public(), p.Signer)
}
