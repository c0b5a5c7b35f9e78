package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// prohibitedPractice creates a fairness review whose answers are the
// verdict case of a practice the EU AI Act prohibits (emotion
// recognition at work: ai-act-class "prohibited", a knock-out with
// forbids_use).
func prohibitedPractice(t *testing.T, db *DB, subject string) *assess.Assessment {
	t.Helper()
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	q, _ := lib.Get("fairness-aia")
	a := &assess.Assessment{Subject: subject, SubjectKind: "system", Reviewer: "Ana Analyst", Questionnaire: q, AssessedOn: day("2026-03-01")}
	if err := db.CreateAssessment(as("Ana Analyst"), a); err != nil {
		t.Fatal(err)
	}
	file := "fairness-call-centre-agent-emotion-recognition-prohibited.yaml"
	src, err := os.ReadFile(filepath.Join("..", "questionnaires", "testdata", "verdicts", file))
	if err != nil {
		t.Fatal(err)
	}
	parsed, problems := questionnaires.ParseAnswers(file, src, q)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if err := db.SaveAnswers(as("Ana Analyst"), a.ID, parsed.Answers); err != nil {
		t.Fatal(err)
	}
	return a
}

func review(t *testing.T, db *DB, id int64, steps ...assess.Action) {
	t.Helper()
	for _, act := range steps {
		who := "Ana Analyst"
		if act != assess.ActSubmit {
			who = "Rui Reviewer"
		}
		if _, err := db.Review(as(who), id, act, day("2026-03-02"), "The system must not be used"); err != nil {
			t.Fatal(err)
		}
	}
}

// A rejected prohibited practice was listed as "rejected" and nothing
// more: the stored summary knew nothing of the knock-out. It now says the
// use is forbidden, whatever the status, and the list's widths bound the
// statuses of such rows, archived or not, for the words a table adds.
//
// Worked by hand: 1 rejected (8 letters) and 3, an archived draft (5),
// are prohibited practices; 2, in review (9), is a vendor's review
// without a knock-out that forbids anything.
func TestListSaysAUseTheLawForbids(t *testing.T) {
	contract(t, func(t *testing.T) {
		db, q := testDB(t)
		fixedClock(db, signingDay)
		rejected := prohibitedPractice(t, db, "Agent emotion scores")
		review(t, db, rejected.ID, assess.ActSubmit, assess.ActReject)
		vendor := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers())
		review(t, db, vendor.ID, assess.ActSubmit)
		archived := prohibitedPractice(t, db, "Shelved scores")
		if err := db.SetArchived(as("Ana Analyst"), archived.ID, true); err != nil {
			t.Fatal(err)
		}

		all, err := db.Assessments(context.Background(), assess.Filter{IncludeArchived: true})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, a := range all {
			got = append(got, a.Subject+" "+string(a.Status)+" "+map[bool]string{true: "forbidden", false: "allowed"}[a.Summary.UseForbidden])
		}
		want := "Shelved scores draft forbidden; Acme Cloud Ltd in-review allowed; Agent emotion scores rejected forbidden"
		if strings.Join(got, "; ") != want {
			t.Errorf("listed:\n%s\nwant\n%s", strings.Join(got, "; "), want)
		}

		for _, c := range []struct {
			archived bool
			want     ListWidths
		}{
			{false, ListWidths{Status: 9, ForbiddenStatus: 8}},
			{true, ListWidths{Status: 9, ArchivedStatus: 5, ForbiddenStatus: 8, ArchivedForbiddenStatus: 5}},
		} {
			var w ListWidths
			err := db.EachAssessmentMeasured(context.Background(), assess.Filter{IncludeArchived: c.archived}, nil,
				func(lw ListWidths) error { w = lw; return nil }, func(*assess.Assessment, Label) error { return nil })
			if err != nil {
				t.Fatal(err)
			}
			if w.Status != c.want.Status || w.ArchivedStatus != c.want.ArchivedStatus || w.ForbiddenStatus != c.want.ForbiddenStatus ||
				w.ArchivedForbiddenStatus != c.want.ArchivedForbiddenStatus {
				t.Errorf("archived listed %v: status widths %d, archived %d, forbidden %d, archived forbidden %d; want %+v",
					c.archived, w.Status, w.ArchivedStatus, w.ForbiddenStatus, w.ArchivedForbiddenStatus, c.want)
			}
		}
	})
}

// asScoring3Wrote rewrites assessment id's summaries as assay-scoring/3
// wrote them: its version, and nothing said of a forbidden use (the
// summary's use_forbidden, the list's flag 2).
func asScoring3Wrote(t *testing.T, db *DB, id int64) {
	t.Helper()
	rewriteSummaries(t, db, id, func(sum map[string]any, list []any) []any {
		if sum["use_forbidden"] != true || len(list) != 11 || list[10] != float64(2) {
			t.Fatalf("assessment %d's summaries do not say the use is forbidden:\n%v\n%v", id, sum, list)
		}
		delete(sum, "use_forbidden")
		sum["scoring_version"], list[8] = "assay-scoring/3", "assay-scoring/3"
		return list[:10]
	})
}

// A prohibited practice rejected (or approved) under assay-scoring/3 is
// never changed again, and its stored summary, which says nothing of the
// knock-out, would list it as plainly rejected for ever: scoring rules 4
// score it again, on a personal database when it is opened (RescoreOlder)
// and on a team's when its owner runs assay team init (RescoreOlderNow).
func TestScoring4ListsAnOlderProhibitedPracticeAsForbidden(t *testing.T) {
	contract(t, func(t *testing.T) {
		db, _ := testDB(t)
		fixedClock(db, signingDay)
		a := prohibitedPractice(t, db, "Agent emotion scores")
		review(t, db, a.ID, assess.ActSubmit, assess.ActReject)
		wantSummary, wantList := summaryRow(t, db, a.ID)
		asScoring3Wrote(t, db, a.ID)
		forbidden := func() bool {
			all, err := db.Assessments(context.Background(), assess.Filter{})
			if err != nil || len(all) != 1 {
				t.Fatalf("listed %d: %v", len(all), err)
			}
			return all[0].Summary.UseForbidden
		}
		if forbidden() {
			t.Fatal("the summary assay-scoring/3 wrote lists the use as forbidden")
		}
		var n int
		var err error
		if onPostgres(t) {
			n, err = db.RescoreOlderNow(as("Iris Importer"), nil)
		} else {
			mustExec(t, db.sql, `PRAGMA user_version = 3`)
			n, err = db.RescoreOlder(context.Background(), nil)
			if v := userVersion(t, db); v != 4 {
				t.Errorf("user_version %d after rescoring, want 4", v)
			}
		}
		if err != nil || n != 1 {
			t.Fatalf("rescored %d: %v", n, err)
		}
		if s, l := summaryRow(t, db, a.ID); s != wantSummary || l != wantList {
			t.Errorf("after rescoring:\n%s\n%s\nwant\n%s\n%s", s, l, wantSummary, wantList)
		}
		if !forbidden() {
			t.Error("rescored, the rejected prohibited practice is not listed as forbidden")
		}
	})
}

// The list column's flags, one or both, read back as written, by the
// list's reader, its encoding/json reader and a subject history's reader
// of the level alone (which read ",1]" as the one flag there was).
func TestListFlagsReadBackOneOrBoth(t *testing.T) {
	for _, c := range []struct {
		unsettled, forbidden bool
		end                  string
	}{{false, false, `"assay-scoring/4",[]]`}, {true, false, `[],1]`}, {false, true, `[],2]`}, {true, true, `[],3]`}} {
		s := assess.Summary{ScoringVersion: "assay-scoring/4", Level: "prohibited", LevelUnsettled: c.unsettled, UseForbidden: c.forbidden}
		list := encodeList(s)
		if !strings.HasSuffix(list, c.end) {
			t.Errorf("%+v written %s, want it to end %s", c, list, c.end)
		}
		fast, err := decodeList(list)
		slow, jerr := listJSON(list)
		history, lerr := listLevel(list)
		if err != nil || jerr != nil || lerr != nil {
			t.Fatalf("%s: %v %v %v", list, err, jerr, lerr)
		}
		for _, got := range []assess.Summary{fast, slow} {
			if got.LevelUnsettled != c.unsettled || got.UseForbidden != c.forbidden {
				t.Errorf("%s read as unsettled %v, forbidden %v", list, got.LevelUnsettled, got.UseForbidden)
			}
		}
		if history.Level != "prohibited" || history.LevelUnsettled != c.unsettled || history.UseForbidden != c.forbidden {
			t.Errorf("%s: the history reads level %q, unsettled %v, forbidden %v", list, history.Level, history.LevelUnsettled, history.UseForbidden)
		}
	}
}
