package store

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
	"github.com/assay-dev/assay/internal/pgtest"
	"github.com/assay-dev/assay/questionnaires"
)

// The tamper suite: an attacker who can write the database file (but does
// not hold the signer's key) changes it with SQL, as a short script would,
// and assay verify must fail and say what broke. Each case starts from a
// copy of one database:
//
//	assessment 1  Acme Cloud Ltd, every question answered, a plan edit,
//	              submitted by Ana and approved by Rui: approved and locked
//	assessment 2  Globex, a draft: four answers (MFA missing) and a plan edit
//	assessment 3  Acme Cloud Ltd, a draft revision of assessment 1
//	subject 1     Acme Cloud Ltd (owner, contacts, notes); subject 2 Globex;
//	subject 3     Initech, with no assessment yet
//
// Several cases reseal what they change: they recompute every hash of the
// audit chain with correct SHA-256 and store the new head, so the chain
// itself is intact afterwards.
type tamperCase struct {
	name   string
	tamper func(t *testing.T, raw *sql.DB)
	// want is a piece of the break's message: the record or field at fault.
	want string
}

func TestTamperSuite(t *testing.T) {
	path := tamperFixture(t)
	for _, tc := range tamperCases() {
		t.Run(tc.name, func(t *testing.T) {
			copyPath := filepath.Join(t.TempDir(), "assay.db")
			copyFile(t, path, copyPath)
			raw := rawOpen(t, copyPath)
			tc.tamper(t, raw)
			if err := raw.Close(); err != nil {
				t.Fatal(err)
			}
			db := tamperOpen(t, copyPath)
			res, err := db.Verify(as("Auditor"), 0)
			if err != nil {
				t.Fatalf("verify: %v", err)
			}
			if res.Broken == nil {
				t.Fatalf("the attack went unnoticed: verify passed (%d assessments, %d subjects, %d records)", res.Assessments, res.Subjects, res.Records)
			}
			msg := res.Broken.Error()
			if !strings.Contains(msg, tc.want) {
				t.Fatalf("verify failed with %q; want it to name %q", msg, tc.want)
			}
			t.Log(msg)
		})
	}
}

// A fixture verifies clean, so every failure above is the tampering's.
func TestTamperFixtureIsClean(t *testing.T) {
	db := tamperOpen(t, tamperFixture(t))
	res, err := db.Verify(as("Auditor"), 0)
	if err != nil || res.Broken != nil {
		t.Fatalf("verify: %v %v", res.Broken, err)
	}
	if res.Assessments != 3 || res.Subjects != 3 {
		t.Fatalf("verified %d assessments and %d subjects, want 3 and 3", res.Assessments, res.Subjects)
	}
}

func tamperCases() []tamperCase {
	exec := func(stmts ...string) func(*testing.T, *sql.DB) {
		return func(t *testing.T, raw *sql.DB) {
			t.Helper()
			for _, s := range stmts {
				mustExec(t, raw, s)
			}
		}
	}
	// unlocked runs stmts with every trigger dropped (as an attacker can),
	// then puts the triggers back as they were.
	unlocked := func(stmts ...string) func(*testing.T, *sql.DB) {
		return func(t *testing.T, raw *sql.DB) {
			withoutTriggers(t, raw, func() { exec(stmts...)(t, raw) })
		}
	}
	// resealed runs stmts unlocked and then recomputes the chains named.
	resealed := func(chains []chainRef, stmts ...string) func(*testing.T, *sql.DB) {
		return func(t *testing.T, raw *sql.DB) {
			withoutTriggers(t, raw, func() {
				exec(stmts...)(t, raw)
				for _, c := range chains {
					reseal(t, raw, c.c, c.owner)
				}
			})
		}
	}
	// laundered runs stmts, then a change assay itself makes (honest), which
	// signs a state that includes what stmts changed: it must not launder it.
	laundered := func(honest func(*testing.T, *DB), stmts ...string) func(*testing.T, *sql.DB) {
		return func(t *testing.T, raw *sql.DB) {
			exec(stmts...)(t, raw)
			var seq int
			var name, file string
			if err := raw.QueryRow(`PRAGMA database_list`).Scan(&seq, &name, &file); err != nil {
				t.Fatal(err)
			}
			db := tamperOpen(t, file)
			honest(t, db)
			db.Close()
		}
	}
	a1, a2, a3 := []chainRef{{assessmentChain, 1}}, []chainRef{{assessmentChain, 2}}, []chainRef{{assessmentChain, 3}}
	return []tamperCase{
		// Answers.
		{"a draft's answer changed", exec(`UPDATE answers SET value = '{"choices":["yes"]}' WHERE assessment_id = 2 AND question_id = 'mfa'`),
			"answer mfa is not what this record says"},
		{"a draft's answer deleted", exec(`DELETE FROM answers WHERE assessment_id = 2 AND question_id = 'data-class'`),
			"answer data-class recorded here is missing"},
		{"an answer added to a draft", exec(`INSERT INTO answers (assessment_id, question_id, value, updated_at) VALUES (2, 'encryption', '{"choices":["yes"]}', 'x')`),
			"answer encryption has no audit record"},
		{"every answer of an approved assessment flipped to yes, chain resealed", resealed(a1,
			`UPDATE answers SET value = '{"choices":["yes"]}' WHERE assessment_id = 1 AND value = '{"choices":["no"]}'`,
			`UPDATE events SET new_value = replace(new_value, '"value":{"choices":["no"]}', '"value":{"choices":["yes"]}') WHERE assessment_id = 1 AND kind = 'answer'`),
			"assessment 1: its audit trail is not the one signed"},
		{"a draft's answer and its record rewritten, chain resealed", resealed(a2,
			`UPDATE answers SET value = '{"choices":["yes"]}' WHERE assessment_id = 2 AND question_id = 'mfa'`,
			`UPDATE events SET new_value = replace(new_value, '"value":{"choices":["no"]}', '"value":{"choices":["yes"]}') WHERE assessment_id = 2 AND kind = 'answer' AND target = 'mfa'`),
			"assessment 2: its audit trail is not the one signed"},
		{"an answer's source turned from vendor to analyst", exec(`UPDATE answers SET source = 'analyst' WHERE assessment_id = 2 AND question_id = 'outage-impact'`),
			"answer outage-impact is not what this record says"},
		// Who saved an answer and when, as the row keeps it: shown in the
		// message about another person's change, and OSCAL's collection date.
		{"an answer's author renamed", exec(`UPDATE answers SET updated_by = 'Mallory' WHERE assessment_id = 2 AND question_id = 'mfa'`),
			`answer mfa is stored as saved by "Mallory" but this record, the last to set it, was written by "Ana Analyst"`},
		{"an answer's time moved a year back", exec(`UPDATE answers SET updated_at = '2025-03-02T09:00:00Z' WHERE assessment_id = 2 AND question_id = 'mfa'`),
			"answer mfa is stored as saved at 2025-03-02T09:00:00Z but this record, the last to set it, was written at 2026-03-02T09:00:00Z"},
		{"an answer's time moved a day on", exec(`UPDATE answers SET updated_at = '2026-03-03T09:00:00Z' WHERE assessment_id = 2 AND question_id = 'mfa'`),
			"answer mfa is stored as saved at 2026-03-03T09:00:00Z"},
		{"an answer's time that is not a time", exec(`UPDATE answers SET updated_at = 'yesterday' WHERE assessment_id = 2 AND question_id = 'mfa'`),
			`answer mfa's time ("yesterday") is not a time`},
		{"an approved assessment's answer credited to another, lock dropped", unlocked(`UPDATE answers SET updated_by = 'Rui Reviewer' WHERE assessment_id = 1 AND question_id = 'mfa'`),
			`assessment 1, audit record`},
		{"a revision's copied answer credited to another", exec(`UPDATE answers SET updated_by = 'Mallory' WHERE assessment_id = 3 AND question_id = 'mfa'`),
			`answer mfa is stored as saved by "Mallory" but the revision's record 1, which copied it, says "Ana Analyst" saved it`},
		{"a revision's copied answer dated otherwise", exec(`UPDATE answers SET updated_at = '2026-01-01T00:00:00Z' WHERE assessment_id = 3 AND question_id = 'mfa'`),
			"answer mfa is stored as saved at 2026-01-01T00:00:00Z but the revision's record 1, which copied it, says it was saved at 2026-03-02T09:00:00Z"},

		// The questionnaire snapshot.
		{"the questionnaire snapshot edited: high findings made low", exec(
			`UPDATE questionnaire_snapshots SET source = CAST(replace(CAST(source AS TEXT), 'severity: high', 'severity: low') AS BLOB)`),
			"questionnaire snapshot"},
		{"a questionnaire swapped, its digest recomputed everywhere, chains resealed", swapQuestionnaire,
			"assessment 1: its audit trail is not the one signed"},

		// The assessment's own columns.
		{"an approved assessment's date moved", unlocked(`UPDATE assessments SET assessed_on = '2026-06-01' WHERE id = 1`), "assessed_on"},
		{"a draft's date moved", exec(`UPDATE assessments SET assessed_on = '2026-06-01' WHERE id = 2`), "assessed_on"},
		{"an approved assessment's deadlines stretched", unlocked(`UPDATE assessments SET deadlines = '{"critical":150,"high":300,"low":1800,"medium":900}' WHERE id = 1`),
			"deadlines"},
		{"a draft's deadlines stretched", exec(`UPDATE assessments SET deadlines = '{"critical":150,"high":300,"low":1800,"medium":900}' WHERE id = 2`),
			"deadlines"},
		{"the reviewer changed", unlocked(`UPDATE assessments SET reviewer = 'Mallory' WHERE id = 1`), "reviewer"},
		{"a draft moved to the top of the portfolio", exec(`UPDATE assessments SET updated_at = '2099-01-01T00:00:00Z' WHERE id = 2`),
			"assessment 2, audit record 6 (event id 19): the assessment's time of last change (2099-01-01T00:00:00Z) is after its latest audit record"},
		{"a draft's creation time moved earlier", exec(`UPDATE assessments SET created_at = '2020-01-01T00:00:00Z' WHERE id = 2`),
			"assessment 2, audit record 1 (event id 14): the assessment's creation time (2020-01-01T00:00:00Z) is not the one its creation record states (2026-03-02T09:00:00Z)"},
		{"a revision's creation time moved earlier", exec(`UPDATE assessments SET created_at = '2026-03-02T08:00:00Z' WHERE id = 3`),
			"assessment 3, audit record 1 (event id 20): the assessment's creation time (2026-03-02T08:00:00Z) is not the one its creation record states"},
		{"an approved assessment's creation time moved", unlocked(`UPDATE assessments SET created_at = '2099-01-01T00:00:00Z' WHERE id = 1`),
			"assessment 1, audit record 1 (event id 1): the assessment's creation time (2099-01-01T00:00:00Z) is not the one its creation record states"},
		{"the subject's name on an assessment changed", exec(`UPDATE assessments SET subject = 'Umbrella Corp' WHERE id = 2`), "subject"},
		{"the subject's kind on an assessment changed", exec(`UPDATE assessments SET subject_kind = 'system' WHERE id = 2`), "subject_kind"},
		{"an assessment moved to another subject", exec(`UPDATE assessments SET subject_id = 3 WHERE id = 2`), "subject_uuid"},
		{"the uuid changed", exec(`UPDATE assessments SET uuid = '00000000-0000-4000-8000-000000000001' WHERE id = 2`),
			"00000000-0000-4000-8000-000000000001"},
		{"a draft turned approved", exec(`UPDATE assessments SET status = 'approved' WHERE id = 2`), "status"},
		{"a draft turned approved with a forged status record, chain resealed", resealed(a2,
			`UPDATE assessments SET status = 'approved' WHERE id = 2`,
			`INSERT INTO events (assessment_id, seq, at, actor, kind, target, old_value, new_value, prev_hash, hash)
			 SELECT 2, MAX(seq) + 1, '2026-03-02T09:00:00Z', 'Rui Reviewer', 'status', 'assessment', '"draft"', '"approved"', '', '' FROM events WHERE assessment_id = 2`),
			"assessment 2: its audit trail has 7 records but the latest ledger entry for it"},
		{"an approved assessment turned back to draft", unlocked(`UPDATE assessments SET status = 'draft' WHERE id = 1`), "status"},
		{"an archived flag set", exec(`UPDATE assessments SET archived = 1 WHERE id = 2`), "archived"},
		{"a draft claims to revise the approved assessment", exec(`UPDATE assessments SET revision_of = NULL WHERE id = 3`, `UPDATE assessments SET revision_of = 1, revision = 2 WHERE id = 2`),
			"revision"},
		{"a revision unlinked, so that the approved one can be revised twice", exec(`UPDATE assessments SET revision_of = NULL WHERE id = 3`),
			"revision_of"},
		{"the stored summary shows a better level", exec(`UPDATE assessments SET summary = replace(summary, '"level":"critical"', '"level":"low"') WHERE id = 1`),
			"summary"},
		{"the list summary hides the open items", exec(`UPDATE assessments SET list = replace(list, '"open"', '"done"') WHERE id = 2`),
			"list"},

		// Signatures.
		{"a signature renamed", unlocked(`UPDATE signoffs SET name = 'Chief Executive' WHERE assessment_id = 1 AND decision = 'approved'`),
			"signature"},
		{"a signature removed", unlocked(`DELETE FROM signoffs WHERE assessment_id = 1 AND decision = 'submitted'`), "signature"},
		{"a signature forged with its record, chain resealed", resealed(a2,
			`INSERT INTO signoffs (assessment_id, role, name, signed_on, decision, comment, audit_seq, at)
			 VALUES (2, 'reviewer', 'Rui Reviewer', '2026-03-02', 'approved', '', 6, '2026-03-02T09:00:00Z')`,
			`INSERT INTO events (assessment_id, seq, at, actor, kind, target, old_value, new_value, prev_hash, hash)
			 SELECT 2, MAX(seq) + 1, '2026-03-02T09:00:00Z', 'Rui Reviewer', 'signoff', 'reviewer', '',
			 '{"role":"reviewer","name":"Rui Reviewer","date":"2026-03-02","decision":"approved","audit_seq":6,"at":"2026-03-02T09:00:00Z"}', '', '' FROM events WHERE assessment_id = 2`),
			"assessment 2: its audit trail has 7 records but the latest ledger entry for it"},

		// Plan edits.
		{"a due date stretched", exec(`UPDATE plan_edits SET edit = json_set(edit, '$.due', '2027-12-31', '$.due_reason', 'later') WHERE assessment_id = 2`),
			"plan item mfa"},
		{"a plan edit credited to another", exec(`UPDATE plan_edits SET updated_by = 'Mallory' WHERE assessment_id = 2 AND finding_key = 'mfa'`),
			`plan item mfa is stored as saved by "Mallory" but this record, the last to set it, was written by "Ana Analyst"`},
		{"a plan edit dated otherwise", exec(`UPDATE plan_edits SET updated_at = '2025-03-02T09:00:00Z' WHERE assessment_id = 2 AND finding_key = 'mfa'`),
			"plan item mfa is stored as saved at 2025-03-02T09:00:00Z"},
		{"a revision's copied plan edit credited to another", exec(`UPDATE plan_edits SET updated_by = 'Mallory' WHERE assessment_id = 3 AND finding_key = 'mfa'`),
			`plan item mfa is stored as saved by "Mallory" but the revision's record 1, which copied it`},
		{"a due date stretched with its record, chain resealed", resealed(a2,
			`UPDATE plan_edits SET edit = json_set(edit, '$.due', '2027-12-31', '$.due_reason', 'later') WHERE assessment_id = 2`,
			`UPDATE events SET new_value = json_set(new_value, '$.due', '2027-12-31', '$.due_reason', 'later') WHERE assessment_id = 2 AND kind = 'plan'`),
			"assessment 2: its audit trail is not the one signed"},

		// The audit trail itself.
		{"a record edited", exec(`UPDATE events SET actor = 'Someone Else' WHERE assessment_id = 2 AND seq = 2`), "assessment 2, audit record 2"},
		{"a record deleted", exec(`DELETE FROM events WHERE assessment_id = 2 AND seq = 2`), "assessment 2, audit record 2"},
		{"the last records removed and the head moved back: a rollback", resealed(a3,
			`DELETE FROM events WHERE assessment_id = 3 AND seq > 1`,
			`DELETE FROM answers WHERE assessment_id = 3`, `DELETE FROM plan_edits WHERE assessment_id = 3`),
			"assessment 3: its audit trail is not the one signed"},

		// Deletions.
		{"a draft deleted with its trail", exec(`DELETE FROM answers WHERE assessment_id = 2`, `DELETE FROM plan_edits WHERE assessment_id = 2`,
			`DELETE FROM events WHERE assessment_id = 2`, `DELETE FROM assessments WHERE id = 2`),
			"was assessment 2"},
		{"an approved assessment and its revision deleted with their trails", unlocked(
			`DELETE FROM answers WHERE assessment_id IN (1, 3)`, `DELETE FROM plan_edits WHERE assessment_id IN (1, 3)`,
			`DELETE FROM signoffs WHERE assessment_id IN (1, 3)`, `DELETE FROM events WHERE assessment_id IN (1, 3)`,
			`DELETE FROM assessments WHERE id = 3`, `DELETE FROM assessments WHERE id = 1`),
			"was assessment 1"},
		{"a subject deleted with its trail", exec(`DELETE FROM subject_events WHERE subject_id = 3`, `DELETE FROM subjects WHERE id = 3`),
			"was subject 3"},

		// Subjects.
		{"a subject's owner changed", exec(`UPDATE subjects SET owner = 'Nobody' WHERE id = 1`), "owner"},
		{"a subject renamed", exec(`UPDATE subjects SET name = 'Acme Holdings' WHERE id = 1`), "name"},
		{"a subject's tier set by hand", exec(`UPDATE subjects SET tier = 'low' WHERE id = 2`), "tier"},
		{"a subject's notes rewritten", exec(`UPDATE subjects SET notes = 'Approved supplier' WHERE id = 1`), `subject 1, audit record 1 (event id 1): field notes is "Approved supplier"`},
		{"a subject's contacts and their record rewritten, chain resealed", func(t *testing.T, raw *sql.DB) {
			mustExec(t, raw, `UPDATE subjects SET contacts = '["attacker@evil.example"]' WHERE id = 1`)
			mustExec(t, raw, `UPDATE subject_events SET new_value = replace(new_value, 'security@acme.example', 'attacker@evil.example') WHERE subject_id = 1`)
			reseal(t, raw, subjectChain, 1)
		}, "subject 1: its audit trail is not the one signed"},

		// The locks.
		{"the lock on an approved assessment's answers dropped", exec(`DROP TRIGGER answers_locked_update`), "answers_locked_update"},
		{"the lock on sign-offs dropped", exec(`DROP TRIGGER signoffs_no_delete`), "signoffs_no_delete"},
		{"the lock on approved assessments replaced by a weaker one", exec(`DROP TRIGGER assessments_locked`,
			`CREATE TRIGGER assessments_locked BEFORE UPDATE ON assessments WHEN OLD.status = 'approved' AND NEW.uuid IS NOT OLD.uuid
			 BEGIN SELECT RAISE(ABORT, 'assessment is approved and locked'); END`), "assessments_locked"},
		{"the one-revision rule dropped", exec(`DROP INDEX assessments_revision_of`), "assessments_revision_of"},
		{"the ledger's lock dropped", exec(`DROP TRIGGER ledger_no_delete`), "ledger_no_delete"},

		// Edits laundered by an honest change signed after them.
		{"a draft's deadlines stretched, then an answer saved in assay", laundered(answerInAssay,
			`UPDATE assessments SET deadlines = '{"critical":150,"high":300,"low":1800,"medium":900}' WHERE id = 2`),
			"assessment 2, audit record 1 (event id 14): field deadlines is"},
		// An archived assessment takes no answer: the answer tried is
		// refused, and signs nothing over the flag.
		{"a draft archived, then an answer tried in assay", laundered(answerRefusedAsArchived, `UPDATE assessments SET archived = 1 WHERE id = 2`),
			"field archived is true but this record, the last to set it, says false"},
		{"a subject's owner changed, then its notes edited in assay", laundered(func(t *testing.T, db *DB) {
			notes := "Renewal in May"
			if _, err := db.EditSubject(as("Ana Analyst"), 2, assess.SubjectChange{Notes: &notes}); err != nil {
				t.Fatal(err)
			}
		}, `UPDATE subjects SET owner = 'Nobody' WHERE id = 2`), `subject 2, audit record 1 (event id 2): field owner is "Nobody"`},

		// The ledger itself.
		{"a ledger entry removed", unlocked(`DELETE FROM ledger_leaves WHERE seq = 5`, `DELETE FROM ledger WHERE seq = 5`),
			"ledger entry 5: the entry is missing (deleted): entry 6 follows entry 4"},
		{"a ledger entry's note edited", unlocked(`UPDATE ledger SET note = replace(note, 'Ana Analyst', 'Rui Reviewer') WHERE seq = 1`),
			"ledger entry 1: the entry was altered"},
		{"a signed head edited", unlocked(`UPDATE ledger_leaves SET records = records - 1 WHERE seq = 9`),
			"ledger entry 9: the entry was altered"},
		{"a signed head removed", unlocked(`DELETE FROM ledger_leaves WHERE seq = 9`), "ledger entry 9: the entry was altered"},
		{"the list of an entry's heads edited", unlocked(`UPDATE ledger SET leaves = '' WHERE seq = 9`),
			"ledger entry 9: its leaves are not the ones it lists"},
		{"a signed state edited", unlocked(`UPDATE ledger_states SET state = replace(state, '"status":"approved"', '"status":"draft"')`),
			"is missing or altered"},
		{"the last ledger entry removed", unlocked(`DELETE FROM ledger_leaves WHERE seq = 12`, `DELETE FROM ledger WHERE seq = 12`),
			"is not in the signed ledger: it was added outside assay"},
		{"the whole ledger removed", unlocked(`DELETE FROM ledger_leaves`, `DELETE FROM ledger_states`, `DELETE FROM ledger`),
			"ledger: the database holds 3 assessments and 3 subjects but no signed ledger"},
		{"a chain resealed and signed with the attacker's own key, registered in the victim's name", forgeWithOwnKey,
			`the entry is signed by "Ana Analyst" with key`},
		{"a chain resealed with an unsigned ledger entry for it", forgeUnsigned, "ledger entry 13: the entry is not signed"},
		{"the signer's key, stolen, registered again for another name", func(t *testing.T, raw *sql.DB) {
			registerAgain(t, raw, testKey, "Mallory")
		}, "ledger entry 13: the entry registers key " + testKey.Public().ID() +
			` for "Mallory", which entry 1 registered for "Ana Analyst": a key belongs to one person`},
	}
}

// answerInAssay saves an answer to the draft, assessment 2, as assay does.
func answerInAssay(t *testing.T, db *DB) {
	t.Helper()
	if err := db.SaveAnswer(as("Ana Analyst"), 2, choice("encryption", "yes")); err != nil {
		t.Fatal(err)
	}
}

// answerRefusedAsArchived tries to save an answer to the draft,
// assessment 2, as assay does, and is refused: it reads as archived.
func answerRefusedAsArchived(t *testing.T, db *DB) {
	t.Helper()
	err := db.SaveAnswer(as("Ana Analyst"), 2, choice("encryption", "yes"))
	if err == nil || !strings.Contains(err.Error(), "assessment 2 is archived") {
		t.Fatalf("an answer to an assessment archived by SQL: %v; want it refused as archived", err)
	}
}

// forgeWithOwnKey is the whole forgery a database file allows: the draft's
// MFA answer flipped and its chain resealed, then ledger entries appended
// as assay appends them, signed with a key of the attacker's own that the
// ledger registers under a name from the database.
func forgeWithOwnKey(t *testing.T, raw *sql.DB) {
	mallory, err := ledger.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	forgeAndSeal(t, raw, mallory)
}

func forgeUnsigned(t *testing.T, raw *sql.DB) { forgeAndSeal(t, raw, nil) }

func forgeAndSeal(t *testing.T, raw *sql.DB, k *ledger.PrivateKey) {
	t.Helper()
	mustExec(t, raw, `UPDATE answers SET value = '{"choices":["yes"]}' WHERE assessment_id = 2 AND question_id = 'mfa'`)
	mustExec(t, raw, `UPDATE events SET new_value = replace(new_value, '"value":{"choices":["no"]}', '"value":{"choices":["yes"]}') WHERE assessment_id = 2 AND target = 'mfa'`)
	reseal(t, raw, assessmentChain, 2)
	// The store's own code computes the forged leaf, as a script could.
	db := &DB{sql: raw, dialect: sqliteDialect{}, Now: func() time.Time { return time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC) }}
	db.UseKey(k)
	ctx := as("Ana Analyst")
	tx, err := raw.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.touch(tx, owner{assessmentChain, 2}, 7)
	if err := db.seal(ctx, tx, db.untouch(tx)); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

type chainRef struct {
	c     chain
	owner int64
}

// swapQuestionnaire replaces the approved assessment's questionnaire with
// an easier one, as a careful forger would: a new snapshot with its own
// correct SHA-256, the assessment pointing at it, its creation record
// naming the new digest, and the chain resealed.
func swapQuestionnaire(t *testing.T, raw *sql.DB) {
	var digest string
	var src []byte
	if err := raw.QueryRow(`SELECT snapshot_digest FROM assessments WHERE id = 1`).Scan(&digest); err != nil {
		t.Fatal(err)
	}
	if err := raw.QueryRow(`SELECT source FROM questionnaire_snapshots WHERE digest = ?`, digest).Scan(&src); err != nil {
		t.Fatal(err)
	}
	easier := []byte(strings.ReplaceAll(string(src), "severity: high", "severity: low"))
	newDigest := sha256Hex(easier)
	withoutTriggers(t, raw, func() {
		mustExec(t, raw, `INSERT INTO questionnaire_snapshots (digest, questionnaire_id, version, source_name, source, stored_at)
			SELECT ?, questionnaire_id, version, source_name, ?, stored_at FROM questionnaire_snapshots WHERE digest = ?`, newDigest, easier, digest)
		mustExec(t, raw, `UPDATE assessments SET snapshot_digest = ? WHERE id IN (1, 3)`, newDigest)
		mustExec(t, raw, `UPDATE events SET new_value = replace(new_value, ?, ?) WHERE assessment_id IN (1, 3)`, digest, newDigest)
		reseal(t, raw, assessmentChain, 1)
		reseal(t, raw, assessmentChain, 3)
	})
}

var (
	tamperOnce sync.Once
	tamperPath string
	tamperErr  error
)

// tamperFixture builds the suite's database once per test binary and
// returns its path; each case works on a copy.
func tamperFixture(t *testing.T) string {
	t.Helper()
	tamperOnce.Do(func() {
		dir, err := os.MkdirTemp("", "assay-tamper-")
		if err != nil {
			tamperErr = err
			return
		}
		tamperPath = filepath.Join(dir, "assay.db")
		tamperErr = buildTamperFixture(tamperPath)
	})
	if tamperErr != nil {
		t.Fatal(tamperErr)
	}
	return tamperPath
}

func TestMain(m *testing.M) {
	// Schemas first: a login some test granted a table's privilege (the
	// grants tests) cannot be dropped while the table is there.
	pgtest.DropStaleSchemas("store", pgTestDatabase, openServer)
	pgtest.DropStaleLogins("store", openServer)
	code := m.Run()
	pgtest.Report("store")
	code = pgtest.CheckLogins("store", dropSharedLogins(code), openServer)
	if tamperPath != "" {
		os.RemoveAll(filepath.Dir(tamperPath))
	}
	os.Exit(code)
}

func buildTamperFixture(path string) error {
	db, err := tamperStore(path)
	if err != nil {
		return err
	}
	defer db.Close()
	return fillTamperFixture(db)
}

// fillTamperFixture writes the suite's assessments and subjects into an
// empty database (tamper_postgres_test.go fills a team schema with it).
func fillTamperFixture(db *DB) error {
	q, err := loadTestQuestionnaire("vendor-tiering")
	if err != nil {
		return err
	}
	acme := &assess.Subject{Name: "Acme Cloud Ltd", Kind: "vendor", Owner: "IT procurement", Contacts: []string{"security@acme.example"}, Notes: "Hosting provider"}
	if err := db.CreateSubject(as("Ana Analyst"), acme); err != nil {
		return err
	}
	a1 := &assess.Assessment{Subject: "Acme Cloud Ltd", SubjectKind: "vendor", Reviewer: "Ana Analyst", Questionnaire: q, AssessedOn: day("2026-03-01")}
	if err := db.CreateAssessment(as("Ana Analyst"), a1); err != nil {
		return err
	}
	if err := db.SaveAnswers(as("Ana Analyst"), a1.ID, completeAnswers()); err != nil {
		return err
	}
	if err := editPlan(as("Ana Analyst"), db, a1.ID, assess.PlanEdit{Key: "mfa", Owner: "Ops"}); err != nil {
		return err
	}
	if _, err := db.Review(as("Ana Analyst"), a1.ID, assess.ActSubmit, day("2026-03-02"), "Ready"); err != nil {
		return err
	}
	if _, err := db.Review(as("Rui Reviewer"), a1.ID, assess.ActApprove, day("2026-03-02"), "Agreed"); err != nil {
		return err
	}
	a2 := &assess.Assessment{Subject: "Globex", SubjectKind: "vendor", Reviewer: "Ana Analyst", Questionnaire: q, AssessedOn: day("2026-03-01")}
	if err := db.CreateAssessment(as("Ana Analyst"), a2); err != nil {
		return err
	}
	answers := completeAnswers()[:4] // data-class, outage-impact, substitutable, mfa (no)
	answers[1].Source = assess.ByVendor
	if err := db.SaveAnswers(as("Ana Analyst"), a2.ID, answers); err != nil {
		return err
	}
	if err := editPlan(as("Ana Analyst"), db, a2.ID, assess.PlanEdit{Key: "mfa", Owner: "Globex IT"}); err != nil {
		return err
	}
	if _, err := db.Revise(as("Ana Analyst"), a1.ID); err != nil {
		return err
	}
	return db.CreateSubject(as("Ana Analyst"), &assess.Subject{Name: "Initech", Kind: "vendor"})
}

// withoutTriggers drops every trigger, runs fn, and creates them again
// from the text SQLite kept of them.
func withoutTriggers(t *testing.T, raw *sql.DB, fn func()) {
	t.Helper()
	rows, err := raw.Query(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger'`)
	if err != nil {
		t.Fatal(err)
	}
	type trig struct{ name, sql string }
	var all []trig
	for rows.Next() {
		var tr trig
		if err := rows.Scan(&tr.name, &tr.sql); err != nil {
			t.Fatal(err)
		}
		all = append(all, tr)
	}
	rows.Close()
	for _, tr := range all {
		mustExec(t, raw, `DROP TRIGGER `+tr.name)
	}
	fn()
	for _, tr := range all {
		mustExec(t, raw, tr.sql)
	}
}

// reseal recomputes every record of a chain, in order, with correct
// SHA-256 (each record's link and hash), and stores the new head and
// length on its owner, as a forger's script would.
func reseal(t *testing.T, raw *sql.DB, c chain, owner int64) {
	t.Helper()
	rows, err := raw.Query(`SELECT id, seq, at, actor, kind, target, old_value, new_value FROM `+c.events+` WHERE `+c.fk+` = ? ORDER BY seq`, owner)
	if err != nil {
		t.Fatal(err)
	}
	var events []Event
	for rows.Next() {
		var e Event
		if err := rows.Scan(&e.ID, &e.Seq, &e.At, &e.Actor, &e.Kind, &e.Target, &e.Old, &e.New); err != nil {
			t.Fatal(err)
		}
		events = append(events, e)
	}
	rows.Close()
	prev := ""
	for i, e := range events {
		e.Seq = int64(i + 1)
		e.PrevHash = prev
		e.Hash = e.computeHash()
		mustExec(t, raw, `UPDATE `+c.events+` SET seq = ?, prev_hash = ?, hash = ? WHERE id = ?`, e.Seq, e.PrevHash, e.Hash, e.ID)
		prev = e.Hash
	}
	mustExec(t, raw, `UPDATE `+c.owner+` SET event_count = ?, event_head = ? WHERE id = ?`, len(events), prev, owner)
}

func rawOpen(t *testing.T, path string) *sql.DB {
	t.Helper()
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	raw.SetMaxOpenConns(1)
	return raw
}

func mustExec(t *testing.T, raw *sql.DB, stmt string, args ...any) {
	t.Helper()
	if _, err := raw.Exec(stmt, args...); err != nil {
		t.Fatalf("%s: %v", stmt, err)
	}
}

// tamperStore opens the database as assay would, with the fixture's clock.
func tamperStore(path string) (*DB, error) {
	db, err := Open(path, questionnaires.Decode)
	if err != nil {
		return nil, err
	}
	db.UseKey(testKey)
	db.Now = func() time.Time { return time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC) }
	return db, nil
}

func tamperOpen(t *testing.T, path string) *DB {
	t.Helper()
	db, err := tamperStore(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func loadTestQuestionnaire(name string) (*assess.Questionnaire, error) {
	q, problems, err := questionnaires.ParseFile(filepath.Join("..", "questionnaires", "testdata", name+".yaml"))
	if err != nil {
		return nil, err
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("%s: %v", name, problems)
	}
	return q, nil
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
