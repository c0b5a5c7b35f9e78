package store

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// save is one write a worker made and the store confirmed.
type save struct {
	assessment int64
	target     string // question ID, or plan item key
	tag        string // the note or owner that identifies this write
	plan       bool
}

// Two handles on one file, as two assay windows have, each with workers
// answering and editing plans at once: on their own assessments and on a
// shared one, on the same questions. Every confirmed write is in the
// audit trail; each question holds the value of the last write the trail
// records for it; the chains verify and SQLite finds the file intact.
func TestConcurrentHandlesLoseNothing(t *testing.T) {
	contract(t, contractConcurrentHandlesLoseNothing)
}

// openPatient opens the database at path as openAt does, a SQLite handle
// waiting up to a minute for another's write lock: the 5 s a user waits
// is not what this test is about, and under the race detector on a
// loaded machine one write waited longer and was refused as busy (said
// so, nothing recorded), which is not a lost write.
func openPatient(t *testing.T, path string) *DB {
	t.Helper()
	if onPostgres(t) {
		return openAt(t, path)
	}
	db, err := open(path, questionnaires.Decode, 60_000)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.UseKey(testKey)
	return db
}

func contractConcurrentHandlesLoseNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "assay.db")
	handles := make([]*DB, 2)
	for i := range handles {
		handles[i] = openPatient(t, path)
	}
	q := tieringQuestionnaire(t)
	noMFA := []assess.Answer{choice("mfa", "no")}
	own := []*assess.Assessment{
		newAssessment(t, handles[0], q, "Acme Cloud Ltd", day("2026-03-01"), noMFA),
		newAssessment(t, handles[1], q, "Globex", day("2026-03-01"), noMFA),
	}
	shared := newAssessment(t, handles[0], q, "Initech", day("2026-03-01"), noMFA)

	// Answers go to three questions; plan edits to the fourth, mfa,
	// answered "no" here so that it has a finding and a plan item (a
	// change to an item that has no finding is refused).
	questions := []string{"encryption", "breach-notice", "subprocessors"}
	values := []string{"yes", "partial", "no"}
	const rounds = 24
	var mu sync.Mutex
	var confirmed []save
	var wg sync.WaitGroup
	// Worker w writes through handle w%2: to its handle's own assessment
	// and to the shared one, alternating, so the two handles contend.
	// Workers 0 and 1 (one on each handle) write the same questions of
	// the shared assessment in the same round, as do workers 2 and 3.
	for w := range 4 {
		db := handles[w%2]
		wg.Go(func() {
			ctx := as(fmt.Sprintf("worker %d", w))
			for i := range rounds {
				target := own[w%2]
				if i%2 == 1 {
					target = shared
				}
				s := save{assessment: target.ID, target: questions[(i+w/2)%len(questions)], tag: fmt.Sprintf("w%d-%d", w, i)}
				var err error
				if i%3 == 2 {
					s.plan, s.target = true, "mfa"
					err = editPlan(ctx, db, target.ID, assess.PlanEdit{Key: s.target, Owner: s.tag})
				} else {
					ans := choice(s.target, values[i%len(values)])
					ans.Note = s.tag
					err = db.SaveAnswer(ctx, target.ID, ans)
				}
				if err != nil {
					t.Errorf("worker %d, write %d: %v", w, i, err)
					continue
				}
				mu.Lock()
				confirmed = append(confirmed, s)
				mu.Unlock()
			}
		})
	}
	wg.Wait()

	db := handles[0]
	ids := []int64{own[0].ID, own[1].ID, shared.ID}
	inTrail := map[string]bool{}
	for _, id := range ids {
		events, err := db.Events(as("x"), id)
		if err != nil {
			t.Fatal(err)
		}
		last := lastWrites(t, events)
		a, err := db.Assessment(as("x"), id)
		if err != nil {
			t.Fatal(err)
		}
		for target, tag := range last {
			inTrail[tag] = true
			got := a.Answers[target[2:]].Note
			if target[0] == 'p' {
				got = a.PlanEdits[target[2:]].Owner
			}
			if got != tag {
				t.Errorf("assessment %d %s holds %q; the last write the trail records is %q", id, target, got, tag)
			}
		}
		for _, e := range events {
			inTrail[tagOf(t, e)] = true
		}
	}
	for _, s := range confirmed {
		if !inTrail[s.tag] {
			t.Errorf("confirmed write %s to assessment %d %s is not in the audit trail", s.tag, s.assessment, s.target)
		}
	}
	if len(confirmed) != 4*rounds {
		t.Errorf("%d of %d writes confirmed", len(confirmed), 4*rounds)
	}
	assertSound(t, db)
}

// lastWrites maps "a:question" and "p:item" to the tag of the last answer
// or plan record of each in an assessment's trail.
func lastWrites(t *testing.T, events []Event) map[string]string {
	t.Helper()
	last := map[string]string{}
	for _, e := range events {
		switch e.Kind {
		case "answer":
			last["a:"+e.Target] = tagOf(t, e)
		case "plan":
			last["p:"+e.Target] = tagOf(t, e)
		}
	}
	return last
}

// tagOf reads the note of an answer record or the owner of a plan record.
func tagOf(t *testing.T, e Event) string {
	t.Helper()
	var rec struct {
		Note  string `json:"note"`
		Owner string `json:"owner"`
	}
	if e.Kind != "answer" && e.Kind != "plan" {
		return ""
	}
	if err := json.Unmarshal([]byte(e.New), &rec); err != nil {
		t.Fatalf("record %d: %v", e.Seq, err)
	}
	return rec.Note + rec.Owner
}

// assertSound checks every audit chain and SQLite's own integrity check.
func assertSound(t *testing.T, db *DB) {
	t.Helper()
	res, err := db.Verify(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	if res.Broken != nil {
		t.Errorf("audit chain broken: %v", res.Broken)
	}
	if db.Team() {
		return // the server keeps its own files whole
	}
	var ok string
	if err := db.sql.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("integrity_check = %q, %v", ok, err)
	}
}

// tieringQuestionnaire is the vendor-tiering test questionnaire.
func tieringQuestionnaire(t *testing.T) *assess.Questionnaire {
	t.Helper()
	q, problems, err := questionnaires.ParseFile(filepath.Join("..", "questionnaires", "testdata", "vendor-tiering.yaml"))
	if err != nil || len(problems) > 0 {
		t.Fatalf("loading vendor-tiering: %v %v", err, problems)
	}
	return q
}
