package store

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/decimal"
)

// storedSummary is the summary column as written.
func storedSummary(t *testing.T, db *DB, id int64) string {
	t.Helper()
	var s string
	if err := db.sql.QueryRow(`SELECT summary FROM assessments WHERE id = ?`, id).Scan(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

// A save served from the save cache writes exactly what a save that
// loads the assessment writes: the same audit records, byte for byte,
// and the same summary. Two databases get the same saves on the same
// clock; one drops its cache before every save.
func TestSaveCacheWritesWhatALoadWrites(t *testing.T) {
	contract(t, contractSaveCacheWritesWhatALoadWrites)
}

func contractSaveCacheWritesWhatALoadWrites(t *testing.T) {
	q := tieringQuestionnaire(t)
	clock := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	open := func(name string) *DB {
		return fixedClock(openAt(t, filepath.Join(t.TempDir(), name)), clock)
	}
	cached, loaded := open("cached.db"), open("loaded.db")
	saves := [][]assess.Answer{
		{choice("mfa", "no")},
		{{QuestionID: "mfa", Value: assess.Value{Choices: []string{"partial"}}, Note: "Admins only", Evidence: []string{}}},
		{choice("data-class", "special"), choice("outage-impact", "severe")},
		{{QuestionID: "encryption", Value: assess.Value{Choices: []string{"yes"}}, Evidence: []string{"Policy v3"}}},
		{choice("mfa", "yes"), choice("encryption", "partial")},
		{{QuestionID: "mfa", Value: assess.Value{Choices: []string{"no"}}, Source: assess.ByVendor}},
	}
	var ids [2]int64
	for i, db := range []*DB{cached, loaded} {
		// The same UUIDs in both, which the creation records name.
		s := &assess.Subject{UUID: "5b1c0e2a-0000-4000-8000-000000000001", Name: "Acme Cloud Ltd", Kind: "vendor"}
		if err := db.CreateSubject(as("Ana Analyst"), s); err != nil {
			t.Fatal(err)
		}
		a := &assess.Assessment{UUID: "5b1c0e2a-0000-4000-8000-000000000002", Subject: s.Name, SubjectKind: "vendor", Reviewer: "Ana Analyst",
			Questionnaire: q, AssessedOn: day("2026-03-01")}
		if err := db.CreateAssessment(as("Ana Analyst"), a); err != nil {
			t.Fatal(err)
		}
		ids[i] = a.ID
		for _, s := range saves {
			if db == loaded {
				db.saves.take(ids[i]) // empties it
			}
			if err := db.SaveAnswers(as("Ana Analyst"), a.ID, s); err != nil {
				t.Fatal(err)
			}
		}
	}
	ec, err := cached.Events(as("x"), ids[0])
	if err != nil {
		t.Fatal(err)
	}
	el, err := loaded.Events(as("x"), ids[1])
	if err != nil {
		t.Fatal(err)
	}
	for i := range ec {
		ec[i].ID, ec[i].AssessmentID = 0, 0
	}
	for i := range el {
		el[i].ID, el[i].AssessmentID = 0, 0
	}
	if !reflect.DeepEqual(ec, el) {
		t.Errorf("audit records differ\ncached %+v\nloaded %+v", ec, el)
	}
	if c, l := storedSummary(t, cached, ids[0]), storedSummary(t, loaded, ids[1]); c != l {
		t.Errorf("summaries differ\ncached %s\nloaded %s", c, l)
	}
	assertSound(t, cached)
}

// The cache never hides a change: after each kind of write by someone
// else (another handle on the file, this handle's other methods, or a
// program other than assay), the next save's audit record and summary
// are what a fresh load gives.
func TestSaveCacheSeesEveryOtherWrite(t *testing.T) {
	contract(t, contractSaveCacheSeesEveryOtherWrite)
}

func contractSaveCacheSeesEveryOtherWrite(t *testing.T) {
	q := tieringQuestionnaire(t)
	path := filepath.Join(t.TempDir(), "assay.db")
	open := func() *DB { return openAt(t, path) }
	db, other := open(), open()
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), nil)
	writes := []struct {
		name  string
		write func() error
		// what the question holds afterwards, as the next save's record
		// of the old value must say
		question, holds string
	}{
		{"another handle's answer", func() error { return other.SaveAnswer(as("Bo"), a.ID, choice("mfa", "partial")) }, "mfa", "partial"},
		{"another handle's plan edit", func() error {
			return editPlan(as("Bo"), other, a.ID, assess.PlanEdit{Key: "mfa", Owner: "Bo", Due: day("2026-12-31"), DueReason: "Budget"})
		}, "mfa", "partial"},
		{"this handle's plan edit", func() error {
			return editPlan(as("Ana"), db, a.ID, assess.PlanEdit{Key: "mfa", Owner: "Ana", Status: assess.ItemDone})
		}, "mfa", "partial"},
		// SQLite's data version shows even a write made outside assay.
		// The team store relies on the chain head under the assessment's
		// row lock, which every write of assay's takes; a write outside
		// assay is verify's to find (the answer no longer matches its
		// record).
		{"a write outside assay (SQLite)", func() error {
			_, err := other.sql.Exec(`UPDATE answers SET value = '{"choices":["yes"]}' WHERE assessment_id = ? AND question_id = 'mfa'`, a.ID)
			return err
		}, "mfa", "yes"},
	}
	for i, w := range writes {
		if onPostgres(t) && strings.HasSuffix(w.name, "(SQLite)") {
			continue
		}
		if err := db.SaveAnswer(as("Ana"), a.ID, choice("encryption", []string{"yes", "no"}[i%2])); err != nil {
			t.Fatal(err)
		}
		if err := w.write(); err != nil {
			t.Fatalf("%s: %v", w.name, err)
		}
		if err := db.SaveAnswer(as("Ana"), a.ID, choice(w.question, "no")); err != nil {
			t.Fatalf("%s: %v", w.name, err)
		}
		events, err := db.Events(as("x"), a.ID)
		if err != nil {
			t.Fatal(err)
		}
		last := events[len(events)-1]
		if want := `{"evidence":null,"note":"","reviewed":true,"source":"analyst","value":{"choices":["` + w.holds + `"]}}`; last.Old != want {
			t.Errorf("after %s, the record of the old value is %s, want %s", w.name, last.Old, want)
		}
		got, err := db.Assessment(as("x"), a.ID)
		if err != nil {
			t.Fatal(err)
		}
		fresh := assess.Summarize(assess.Evaluate(got, assess.DateOf(db.Now())))
		if !reflect.DeepEqual(got.Summary, fresh) {
			t.Errorf("after %s, the stored summary\n %+v\nis not what scoring gives\n %+v", w.name, got.Summary, fresh)
		}
		if err := db.SaveAnswer(as("Ana"), a.ID, choice(w.question, w.holds)); err != nil {
			t.Fatal(err)
		}
	}
}

// A save that fails leaves no cached copy behind: the next save starts
// from the database.
func TestSaveCacheDropsAFailedSave(t *testing.T) { contract(t, contractSaveCacheDropsAFailedSave) }

func contractSaveCacheDropsAFailedSave(t *testing.T) {
	db, q := testDB(t)
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), []assess.Answer{choice("mfa", "no")})
	err := db.SaveAnswers(as("Ana"), a.ID, []assess.Answer{choice("encryption", "yes"), choice("mfa", "not-an-option")})
	wantCode(t, err, assess.EInvalid, "not-an-option")
	if c := db.saves.take(a.ID); c != nil {
		t.Errorf("a failed save left a cached copy")
	}
	if err := db.SaveAnswer(as("Ana"), a.ID, choice("mfa", "yes")); err != nil {
		t.Fatal(err)
	}
	got, err := db.Assessment(as("x"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := got.Answers["encryption"]; ok {
		t.Errorf("the failed save's other answer was kept")
	}
	assertSound(t, db)
}

// An answer's audit record encodes as the map of its fields did: records
// written before and after read and hash alike.
func TestAnswerRecordEncodesAsTheMapDid(t *testing.T) {
	two := decimal.FromInt(2)
	for _, a := range []assess.Answer{
		{},
		{Value: assess.Value{Choices: []string{"yes"}}, Note: `<b>"quoted" & ünïcode</b>` + "\u2028", Evidence: []string{}, Source: assess.ByVendor},
		{Value: assess.Value{Number: &two, Text: "t", Date: assess.NewDate(2026, 3, 1)}, Evidence: []string{"a", "b"}, Reviewed: true},
		{Value: assess.Value{Risk: &assess.RiskRating{Likelihood: 3, Impact: 2, Measures: "m"}}},
	} {
		m := map[string]any{"value": a.Value, "note": a.Note, "evidence": a.Evidence, "source": a.Source, "reviewed": a.Reviewed}
		want, _ := json.Marshal(m)
		got, _ := json.Marshal(answerRecord(a))
		if string(got) != string(want) {
			t.Errorf("record %s, the map gave %s", got, want)
		}
	}
}

// An assessment approved through another handle while this one holds a
// cached copy of it as a draft refuses the next save with the usual
// message, and the refused save leaves nothing behind.
func TestSaveCacheSeesAnApprovalElsewhere(t *testing.T) {
	contract(t, contractSaveCacheSeesAnApprovalElsewhere)
}

func contractSaveCacheSeesAnApprovalElsewhere(t *testing.T) {
	q := tieringQuestionnaire(t)
	path := filepath.Join(t.TempDir(), "assay.db")
	var handles [2]*DB
	for i := range handles {
		handles[i] = fixedClock(openAt(t, path), time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	}
	db, other := handles[0], handles[1]
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers())
	if err := db.SaveAnswer(as("Ana"), a.ID, choice("mfa", "partial")); err != nil {
		t.Fatal(err)
	}
	mustReview(t, other, a.ID, "Ana", assess.ActSubmit)
	mustReview(t, other, a.ID, "Rui", assess.ActApprove)
	before := headOf(t, db, a.ID)
	wantCode(t, db.SaveAnswer(as("Ana"), a.ID, choice("mfa", "yes")), assess.ELocked, "start a revision")
	if headOf(t, db, a.ID) != before {
		t.Error("the refused save changed the audit trail")
	}
	assertSound(t, db)
}
