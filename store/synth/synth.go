// Package synth builds a large synthetic assay database for benchmarks:
// by default 10,000 assessments and 1,000,000 answers, with their audit
// trails, over 1,000 subjects and four questionnaires of 100 questions.
//
// It belongs to the store layer. A few template assessments go through the
// store's own API (CreateAssessment, SaveAnswers), so their summaries,
// events and hash chains are exactly what assay writes; the rest are
// copies of the templates made with INSERT … SELECT, because saving a
// million answers one durable transaction at a time would take hours.
// Each copy has its own subject, UUID and creation and update times.
package synth

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/decimal"
	"github.com/assay-dev/assay/assess/ledger"
	"github.com/assay-dev/assay/questionnaires"
	"github.com/assay-dev/assay/store"
)

// Version changes whenever the generator writes something different, so
// that a cached database from an older generator is never reused. (The
// list column copied since migration 004 did not change it: a version 2
// file gets the same column from the migration when the store opens it.)
//
// Version 3 signs: the templates' writes with Key, and a checkpoint of
// everything once the copies are in. Version 4 dates a copy's records when
// the copy was made, as its row is (verify holds the two together).
// Version 5 dates a copy's answers then too, and its creation record
// states that time: verify holds an answer's time to its record's, and
// the row's creation time to the one its creation record states.
const Version = 5

// Key signs a synthetic database. Its seed is in this file, so anyone can
// sign with it: a database it signed proves nothing, and verify trusts it
// only where a test says so (Key.Public()).
var Key = func() *ledger.PrivateKey {
	k, err := ledger.KeyFromSeed([]byte("assay synthetic portfolio, v3..."))
	if err != nil {
		panic(err)
	}
	return k
}()

// Config sizes the database.
type Config struct {
	Assessments int // total assessments
	Questions   int // questions per questionnaire, all answered: answers = Assessments × Questions
	Subjects    int // vendors and systems the assessments are about
}

// Default is the size issue 8 asks for: 10,000 assessments, 1,000,000
// answers.
var Default = Config{Assessments: 10_000, Questions: 100, Subjects: 1_000}

// Large is the size issue 17 asks for: 100,000 assessments, 10,000,000
// answers over 10,000 subjects, a file of about 5 GiB. Only benchmarks
// named …100k build it; Remove deletes it.
var Large = Config{Assessments: 100_000, Questions: 100, Subjects: 10_000}

const (
	questionnaireCount = 4 // distinct questionnaires (snapshots)
	answerVariants     = 5 // templates per questionnaire, answered differently
)

// Answers is how many answers a database of this size holds.
func (c Config) Answers() int { return c.Assessments * c.Questions }

func (c Config) String() string {
	return fmt.Sprintf("%dx%d-%ds", c.Assessments, c.Questions, c.Subjects)
}

// cachedPath is where Cached keeps a database of size c built by
// generator version v.
func cachedPath(c Config, v string) string {
	return filepath.Join(os.TempDir(), fmt.Sprintf("assay-synth-v%s-%s.db", v, c))
}

// Cached returns the path of a database of size c under os.TempDir,
// building it first if no earlier run left one for this Version and size.
// It is built under a temporary name and renamed, so an interrupted build
// is never mistaken for a finished one.
func Cached(c Config) (string, error) {
	path := cachedPath(c, fmt.Sprint(Version))
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	tmp, err := os.MkdirTemp(os.TempDir(), "assay-synth-build-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	built := filepath.Join(tmp, "assay.db")
	if err := Build(built, c); err != nil {
		return "", err
	}
	if err := os.Rename(built, path); err != nil {
		return "", err
	}
	return path, nil
}

// Remove deletes the databases of size c that Cached built, by any
// generator version, with SQLite's files beside them. Other sizes stay:
// another benchmark may be reading them.
func Remove(c Config) error {
	paths, err := filepath.Glob(cachedPath(c, "*") + "*")
	if err != nil {
		return err
	}
	for _, p := range paths {
		if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	return nil
}

// epoch is the generator's clock: every stamp derives from it, so two
// builds of the same size hold the same data but for random UUIDs.
var epoch = time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)

// Build writes a new database of size c at path, which must not exist.
func Build(path string, c Config) error {
	if c.Assessments < questionnaireCount*answerVariants || c.Subjects < 1 || c.Questions < 10 || c.Questions%10 != 0 {
		return fmt.Errorf("synth: %s is too small (at least %d assessments, 10 questions in tens, 1 subject)", c, questionnaireCount*answerVariants)
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("synth: %s already exists", path)
	}
	db, err := store.Open(path, questionnaires.Decode)
	if err != nil {
		return err
	}
	db.UseKey(Key)
	clock := epoch
	db.Now = func() time.Time { clock = clock.Add(time.Second); return clock }
	ctx := assess.WithActor(context.Background(), "Synth Analyst")

	// Subjects through the API: names, kinds and their audit chains are
	// assay's own.
	subjects := make([]*assess.Subject, c.Subjects)
	for i := range subjects {
		s := &assess.Subject{Name: fmt.Sprintf("Vendor %04d Ltd", i+1), Kind: assess.SubjectVendor}
		if err := db.CreateSubject(ctx, s); err != nil {
			db.Close()
			return fmt.Errorf("synth: subject %d: %w", i+1, err)
		}
		subjects[i] = s
	}
	// Templates through the API.
	var templates []int64
	for qi := range questionnaireCount {
		q, err := questionnaires.Decode(fmt.Sprintf("synth-%d.yaml", qi), Questionnaire(qi, c.Questions))
		if err != nil {
			db.Close()
			return fmt.Errorf("synth: questionnaire %d: %w", qi, err)
		}
		for v := range answerVariants {
			s := subjects[len(templates)%len(subjects)]
			a := &assess.Assessment{SubjectID: s.ID, Reviewer: "Synth Analyst", Questionnaire: q, AssessedOn: assess.DateOf(epoch)}
			if err := db.CreateAssessment(ctx, a); err != nil {
				db.Close()
				return fmt.Errorf("synth: template: %w", err)
			}
			if err := db.SaveAnswers(ctx, a.ID, Answers(q, v)); err != nil {
				db.Close()
				return fmt.Errorf("synth: template answers: %w", err)
			}
			templates = append(templates, a.ID)
		}
	}
	if err := db.Close(); err != nil {
		return err
	}
	if err := copyTemplates(path, c, templates, subjects); err != nil {
		return fmt.Errorf("synth: %w", err)
	}
	// The copies went in with SQL, beside assay: a checkpoint signs them
	// as they are, so the database verifies as a migrated one does.
	if db, err = store.Open(path, questionnaires.Decode); err != nil {
		return err
	}
	db.UseKey(Key)
	db.Now = func() time.Time { clock = clock.Add(time.Second); return clock }
	if err := db.Checkpoint(ctx, "synthetic copies of template assessments, written with SQL"); err != nil {
		db.Close()
		return fmt.Errorf("synth: checkpoint: %w", err)
	}
	// The copies' summaries are their templates', scored by this assay:
	// the mark says so, so that the first command does not look for
	// older ones among them.
	if _, err := db.RescoreOlder(ctx, nil); err != nil {
		db.Close()
		return fmt.Errorf("synth: %w", err)
	}
	if err := db.Close(); err != nil {
		return err
	}
	return nil
}

// copyTemplates fills the database up to c.Assessments with copies of the
// templates, in one transaction with the journal off: a failed build is
// thrown away, never used.
func copyTemplates(path string, c Config, templates []int64, subjects []*assess.Subject) error {
	sqldb, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(1)&_pragma=synchronous(OFF)")
	if err != nil {
		return err
	}
	defer sqldb.Close()
	sqldb.SetMaxOpenConns(1)
	tx, err := sqldb.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	copyAssessment, err := tx.Prepare(`INSERT INTO assessments
		(id, uuid, subject, subject_kind, subject_id, reviewer, snapshot_digest, assessed_on, deadlines, status, archived,
		 created_at, updated_at, summary, list, event_count, event_head, revision, revision_of)
		SELECT ?, ?, ?, subject_kind, ?, reviewer, snapshot_digest, assessed_on, deadlines, status, ?, ?, ?, summary, list, event_count, event_head, revision, NULL
		FROM assessments WHERE id = ?`)
	if err != nil {
		return err
	}
	copyAnswers, err := tx.Prepare(`INSERT INTO answers (assessment_id, question_id, value, note, evidence, source, reviewed, updated_at, updated_by)
		SELECT ?, question_id, value, note, evidence, source, reviewed, ?, updated_by FROM answers WHERE assessment_id = ?`)
	if err != nil {
		return err
	}
	insertEvent, err := tx.Prepare(`INSERT INTO events (assessment_id, seq, at, actor, kind, target, old_value, new_value, prev_hash, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	setHead, err := tx.Prepare(`UPDATE assessments SET event_count = ?, event_head = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	chains := map[int64][]ledger.Record{}
	for _, t := range templates {
		if chains[t], err = templateChain(tx, t); err != nil {
			return err
		}
	}
	var next int64
	if err := tx.QueryRow(`SELECT MAX(id) FROM assessments`).Scan(&next); err != nil {
		return err
	}
	for i := len(templates); i < c.Assessments; i++ {
		next++
		t := templates[i%len(templates)]
		s := subjects[i%len(subjects)]
		// A copy keeps its template's assessed-on date, so that its stored
		// summary (and so its due dates) is the one assay would compute.
		// One in twenty is archived.
		stamp := epoch.Add(time.Duration(i) * time.Minute).UTC().Format(time.RFC3339Nano)
		archived := 0
		if i%20 == 19 {
			archived = 1
		}
		id := assess.NewUUID()
		if _, err := copyAssessment.Exec(next, id, s.Name, s.ID, archived, stamp, stamp, t); err != nil {
			return fmt.Errorf("assessment %d: %w", next, err)
		}
		if _, err := copyAnswers.Exec(next, stamp, t); err != nil {
			return fmt.Errorf("answers of %d: %w", next, err)
		}
		// The copy's trail is its template's, its creation record naming
		// the copy and its subject, the hashes computed again.
		// An archived copy's trail ends with its archiving.
		chain := chains[t]
		if archived == 1 {
			chain = append(chain[:len(chain):len(chain)], ledger.Record{Seq: int64(len(chain) + 1), At: stamp, Actor: "Synth Analyst",
				Kind: "archive", Target: "assessment", Old: "false", New: "true"})
		}
		chain, err := copyChain(chain, map[string]any{"uuid": id, "subject": s.Name, "subject_id": s.ID, "subject_uuid": s.UUID, "created_at": stamp}, stamp)
		if err != nil {
			return fmt.Errorf("events of %d: %w", next, err)
		}
		for _, e := range chain {
			if _, err := insertEvent.Exec(next, e.Seq, e.At, e.Actor, e.Kind, e.Target, e.Old, e.New, e.PrevHash, e.Hash); err != nil {
				return fmt.Errorf("events of %d: %w", next, err)
			}
		}
		if _, err := setHead.Exec(len(chain), chain[len(chain)-1].Hash, next); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	_, err = sqldb.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	return err
}

// templateChain reads a template's audit trail.
func templateChain(tx *sql.Tx, id int64) ([]ledger.Record, error) {
	rows, err := tx.Query(`SELECT seq, at, actor, kind, target, old_value, new_value FROM events WHERE assessment_id = ? ORDER BY seq`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ledger.Record
	for rows.Next() {
		var r ledger.Record
		if err := rows.Scan(&r.Seq, &r.At, &r.Actor, &r.Kind, &r.Target, &r.Old, &r.New); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// copyChain is a template's chain with its creation record's fields set
// as given, linked and hashed again.
func copyChain(template []ledger.Record, set map[string]any, at string) ([]ledger.Record, error) {
	out := append([]ledger.Record(nil), template...)
	// The copy's records are dated when the copy was made, as its row and
	// answers are: verify holds their times to its trail.
	for i := range out {
		out[i].At = at
	}
	var created map[string]any
	if err := json.Unmarshal([]byte(out[0].New), &created); err != nil {
		return nil, err
	}
	for k, v := range set {
		created[k] = v
	}
	b, err := json.Marshal(created)
	if err != nil {
		return nil, err
	}
	out[0].New = string(b)
	prev := ""
	for i := range out {
		out[i].PrevHash = prev
		out[i].Hash = out[i].ComputeHash()
		prev = out[i].Hash
	}
	return out, nil
}

// Questionnaire is synthetic questionnaire number qi with n questions (a
// multiple of 10) in sections of 10: controls mapped to ISO 27001 and
// SOC 2 (half of them), single and multiple choice, scales and free text;
// the fourth of each section shown only when the third is not "no".
func Questionnaire(qi, n int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `id: synth-%d
version: "1"
title: Synthetic portfolio questionnaire %d
kind: security
dimensions:
  - {id: risk, title: Risk, higher: worse}
levels:
  - id: overall
    dimension: risk
    bands: [{level: low, upto: 25%%}, {level: medium, over: 25%%, upto: 50%%}, {level: high, over: 50%%}]
outcome: overall
sections:
`, qi, qi)
	for i := range n {
		if i%10 == 0 {
			fmt.Fprintf(&b, "  - id: s%d\n    title: Section %d\n    questions:\n", i/10, i/10)
		}
		fmt.Fprintf(&b, "      - id: q%d\n        text: Question %d of questionnaire %d\n", i, i, qi)
		switch i % 10 {
		case 0, 1, 2, 3, 9:
			sev := []string{"low", "medium", "high", "critical"}[(i/10+i)%4]
			fmt.Fprintf(&b, "        type: control\n        severity: %s\n        action: Put control %d in place.\n", sev, i)
			b.WriteString("        controls: {iso27001: [A.8.5], soc2: [CC6.1]}\n")
			if i%10 == 3 {
				fmt.Fprintf(&b, "        when: q%d != 'no'\n", i-1)
			}
		case 4, 5:
			b.WriteString("        type: single\n        options: [{value: a, points: 0}, {value: b, points: 1}, {value: c, points: 3}]\n")
		case 6:
			b.WriteString("        type: multi\n        options: [{value: x, points: 1}, {value: y, points: 2}, {value: none, points: 0, exclusive: true}]\n")
		case 7:
			b.WriteString("        type: scale\n        scale: {from: 1, to: 5}\n")
		case 8:
			b.WriteString("        type: text\n")
		}
	}
	return []byte(b.String())
}

// Answers answers every question of q, variant v of answerVariants
// choosing differently, each with a short note.
func Answers(q *assess.Questionnaire, v int) []assess.Answer {
	var out []assess.Answer
	for i, qq := range q.Questions {
		var val assess.Value
		switch qq.Type {
		case assess.TypeControl:
			val.Choices = []string{[]string{"yes", "yes", "partial", "no", "na"}[(i+v)%5]}
		case assess.TypeSingle:
			val.Choices = []string{[]string{"a", "b", "c"}[(i+v)%3]}
		case assess.TypeMulti:
			val.Choices = [][]string{{"x"}, {"x", "y"}, {"none"}}[(i+v)%3]
		case assess.TypeScale:
			d := decimal.FromInt(int64(1 + (i+v)%5))
			val.Number = &d
		case assess.TypeText:
			val.Text = fmt.Sprintf("Answer %d, variant %d: the vendor described its process in a short paragraph.", i, v)
		}
		out = append(out, assess.Answer{QuestionID: qq.ID, Value: val, Note: fmt.Sprintf("Checked in interview %d.", v+1)})
	}
	return out
}
