package store

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// listIDs lists f's assessment IDs, in order.
func listIDs(t *testing.T, db *DB, f assess.Filter) []int64 {
	t.Helper()
	list, err := db.Assessments(as("Ana Analyst"), f)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, a := range list {
		if a.Questionnaire == nil {
			t.Fatalf("assessment %d listed without its questionnaire", a.ID)
		}
		ids = append(ids, a.ID)
	}
	return ids
}

// A list's first page is the list's start, in the same order, with or
// without the archived; streaming gives the same list as collecting, one
// row at a time; a row without a list summary (written by an older
// assay or another program) is listed with its summary in its place.
func TestListPagesAndStreams(t *testing.T) { contract(t, contractListPagesAndStreams) }

func contractListPagesAndStreams(t *testing.T) {
	db, q := testDB(t)
	clock := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { clock = clock.Add(time.Minute); return clock }
	for i := range 12 {
		a := newAssessment(t, db, q, fmt.Sprintf("Vendor %02d", i), day("2026-03-02"), completeAnswers()[:i%4])
		if i%5 == 4 {
			if err := db.SetArchived(as("Ana Analyst"), a.ID, true); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Assessment 3 changes last: it comes first.
	if err := db.SaveAnswer(as("Ana Analyst"), 3, choice("mfa", "yes")); err != nil {
		t.Fatal(err)
	}
	if _, err := db.sql.Exec(`UPDATE assessments SET list = '' WHERE id = 7`); err != nil {
		t.Fatal(err)
	}
	for _, archived := range []bool{false, true} {
		all := listIDs(t, db, assess.Filter{IncludeArchived: archived})
		wantLen := 10
		if archived {
			wantLen = 12
		}
		if len(all) != wantLen || all[0] != 3 {
			t.Fatalf("archived %v: list %v", archived, all)
		}
		for _, limit := range []int{1, 5, wantLen, wantLen + 3} {
			page := listIDs(t, db, assess.Filter{IncludeArchived: archived, Limit: limit})
			if want := all[:min(limit, len(all))]; fmt.Sprint(page) != fmt.Sprint(want) {
				t.Errorf("archived %v, limit %d: %v, want %v", archived, limit, page, want)
			}
		}
		var streamed []int64
		err := db.EachAssessment(as("Ana Analyst"), assess.Filter{IncludeArchived: archived}, func(a *assess.Assessment) error {
			streamed = append(streamed, a.ID)
			if a.ID == 7 && a.Summary.Total == 0 {
				t.Error("the row without a list summary is listed without its summary")
			}
			return nil
		})
		if err != nil || fmt.Sprint(streamed) != fmt.Sprint(all) {
			t.Errorf("archived %v: streamed %v (%v), collected %v", archived, streamed, err, all)
		}
	}
	full, err := db.Assessment(as("Ana Analyst"), 7)
	if err != nil {
		t.Fatal(err)
	}
	list, _ := db.Assessments(as("Ana Analyst"), assess.Filter{})
	for _, a := range list {
		if a.ID == 7 {
			checkListSummary(t, a.Summary, full.Summary)
		}
	}
}

// An error from the caller ends the stream, and is what it returns.
func TestListStreamStops(t *testing.T) { contract(t, contractListStreamStops) }

func contractListStreamStops(t *testing.T) {
	db, q := testDB(t)
	for i := range 3 {
		newAssessment(t, db, q, fmt.Sprintf("Vendor %d", i), day("2026-03-02"), nil)
	}
	stop := errors.New("enough")
	calls := 0
	err := db.EachAssessment(as("Ana Analyst"), assess.Filter{}, func(*assess.Assessment) error {
		calls++
		return stop
	})
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("got %v after %d calls, want the caller's error after 1", err, calls)
	}
	// The store is usable afterwards: the read transaction ended.
	if _, err := db.Assessments(as("Ana Analyst"), assess.Filter{Limit: 2}); err != nil {
		t.Fatal(err)
	}
}

// ListWidths holds what the listed rows hold: exactly for names as assay
// stores them, and never less for any row.
func TestListWidths(t *testing.T) { contract(t, contractListWidths) }

func contractListWidths(t *testing.T) {
	db, q := testDB(t)
	newAssessment(t, db, q, "Acme", day("2026-03-02"), completeAnswers())
	b := newAssessment(t, db, q, "Ünïcode Café Vendor", day("2026-03-02"), completeAnswers()[:3])
	newAssessment(t, db, q, "Initech", day("2026-03-02"), nil)
	mustReview(t, db, 1, "Ana Analyst", assess.ActSubmit)
	if err := db.SetArchived(as("Ana Analyst"), b.ID, true); err != nil {
		t.Fatal(err)
	}
	measure := func(f assess.Filter) (ListWidths, []*assess.Assessment) {
		var w ListWidths
		var list []*assess.Assessment
		err := db.EachAssessmentMeasured(as("Ana Analyst"), f, nil, func(lw ListWidths) error { w = lw; return nil },
			func(a *assess.Assessment, _ Label) error { list = append(list, a); return nil })
		if err != nil {
			t.Fatal(err)
		}
		return w, list
	}
	w, list := measure(assess.Filter{})
	if len(list) != 2 {
		t.Fatalf("%d listed", len(list))
	}
	want := ListWidths{MaxID: 3, Subject: len("Initech"), Status: len(string(assess.InReview)), Progress: len("7/7"),
		TotalDigits: 1, Questionnaire: len(q.ID)}
	levels, unsettled := 0, 0
	for _, a := range list {
		levels = max(levels, len(a.Summary.Level))
		if a.Summary.LevelUnsettled {
			unsettled++
		}
	}
	want.Level = levels
	// Initech, with no answers, is not rated yet; Acme, answered whole, is.
	want.Unsettled = true
	if unsettled != 1 {
		t.Errorf("%d listed levels not rated yet, want Initech's alone", unsettled)
	}
	if w != want {
		t.Errorf("widths without the archived:\n got %+v\nwant %+v", w, want)
	}
	w, _ = measure(assess.Filter{IncludeArchived: true})
	if w.Subject != len([]rune("Ünïcode Café Vendor")) || w.ArchivedStatus != len("draft") {
		t.Errorf("widths with the archived: %+v", w)
	}
	// A caller's measure of cells is asked of the names not in ASCII
	// alone, and of the listed ones alone: the archived Ünïcode is not
	// listed without --all.
	measureCells := func(f assess.Filter) (ListWidths, []string) {
		var w ListWidths
		var asked []string
		cells := func(s string) int { asked = append(asked, s); return 100 }
		err := db.EachAssessmentMeasured(as("Ana Analyst"), f, cells, func(lw ListWidths) error { w = lw; return nil },
			func(*assess.Assessment, Label) error { return nil })
		if err != nil {
			t.Fatal(err)
		}
		return w, asked
	}
	if w, asked := measureCells(assess.Filter{}); w.Subject != len("Initech") || len(asked) != 0 {
		t.Errorf("cells without the archived: subject %d, asked of %q", w.Subject, asked)
	}
	if w, asked := measureCells(assess.Filter{IncludeArchived: true}); w.Subject != 100 || len(asked) != 1 || asked[0] != "Ünïcode Café Vendor" {
		t.Errorf("cells with the archived: subject %d, asked of %q", w.Subject, asked)
	}
	if err := db.SetArchived(as("Ana Analyst"), 3, true); err != nil {
		t.Fatal(err)
	}
	if w, _ = measure(assess.Filter{}); w.Unsettled {
		t.Errorf("Acme alone is listed and rated, but the widths say a level is not rated yet: %+v", w)
	}
	if err := db.SetArchived(as("Ana Analyst"), 3, false); err != nil {
		t.Fatal(err)
	}
	// A name an older assay stored with an escape sequence is printed
	// cleaned, shorter: the width bounds it.
	if _, err := db.sql.Exec("UPDATE assessments SET subject = ? WHERE id = 3", "Ini\x1b[31mtech Ltd"); err != nil {
		t.Fatal(err)
	}
	w, _ = measure(assess.Filter{})
	if w.Subject < len("Initech Ltd") {
		t.Errorf("subject width %d is less than the cleaned name's", w.Subject)
	}
	var empty ListWidths
	db2, _ := testDB(t)
	if err := db2.EachAssessmentMeasured(as("Ana Analyst"), assess.Filter{}, nil, func(lw ListWidths) error { empty = lw; return nil },
		func(*assess.Assessment, Label) error { return nil }); err != nil || empty != (ListWidths{}) {
		t.Errorf("an empty database: %+v, %v", empty, err)
	}
}
