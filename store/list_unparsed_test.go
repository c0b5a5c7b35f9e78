package store

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// assay list shows of a questionnaire its ID and version alone, and reads
// them from beside the snapshot (verify holds them to its file): on a
// handle just opened, as every command's is, it parses no questionnaire,
// which was most of a short list's own work. Its widths come from the
// rows: the question counts they show, and the level names not in ASCII
// they show, measured by the caller.
func TestListParsesNoQuestionnaire(t *testing.T) { contract(t, contractListParsesNoQuestionnaire) }

func contractListParsesNoQuestionnaire(t *testing.T) {
	path := tempPath(t)
	db := fixedClock(openAt(t, path), time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	q, problems, err := questionnaires.ParseFile(filepath.Join("..", "questionnaires", "testdata", "vendor-tiering.yaml"))
	if err != nil || len(problems) > 0 {
		t.Fatalf("loading vendor-tiering: %v %v", err, problems)
	}
	acme := newAssessment(t, db, q, "Acme", day("2026-03-02"), completeAnswers())
	newAssessment(t, db, q, "Initech", day("2026-03-02"), nil)

	fresh := openAt(t, path)
	decoded := 0
	fresh.decode = func(name string, src []byte) (*assess.Questionnaire, error) {
		decoded++
		return questionnaires.Decode(name, src)
	}
	var w ListWidths
	var asked, rows []string
	cells := func(s string) int { asked = append(asked, s); return 2 * utf8.RuneCountInString(s) }
	err = fresh.EachAssessmentMeasured(as("Ana Analyst"), assess.Filter{}, cells, func(lw ListWidths) error { w = lw; return nil },
		func(a *assess.Assessment, l Label) error {
			rows = append(rows, fmt.Sprintf("%d %s %s %d/%d", a.ID, l.ID, l.Version, a.Summary.Answered, a.Summary.Total))
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	label := q.ID + " " + q.Version
	if want := []string{"2 " + label + " 0/7", "1 " + label + " 7/7"}; !slices.Equal(rows, want) {
		t.Errorf("listed %q, want %q", rows, want)
	}
	if decoded != 0 {
		t.Errorf("the list parsed %d questionnaires; it shows only their IDs and versions", decoded)
	}
	if w.TotalDigits != 1 || w.Questionnaire != len("vendor-tiering") || len(asked) != 0 {
		t.Errorf("widths %+v, cells asked of %q; want 1 digit of questions, 14 of ID, nothing measured", w, asked)
	}

	// A level named in Japanese (as a questionnaire of one's own may name
	// its levels) is measured by the caller, in the cells it takes.
	var list string
	if err := fresh.sql.QueryRow(`SELECT list FROM assessments WHERE id = ?`, acme.ID).Scan(&list); err != nil {
		t.Fatal(err)
	}
	level := list[strings.Index(list, `"`):]
	level = level[:strings.Index(level[1:], `"`)+2]
	if _, err := fresh.sql.Exec(`UPDATE assessments SET list = ? WHERE id = ?`, strings.Replace(list, level, `"重大なリスク"`, 1), acme.ID); err != nil {
		t.Fatal(err)
	}
	asked = nil
	err = fresh.EachAssessmentMeasured(as("Ana Analyst"), assess.Filter{}, cells, func(lw ListWidths) error { w = lw; return nil },
		func(*assess.Assessment, Label) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	if w.Level != 12 || !slices.Equal(asked, []string{"重大なリスク"}) {
		t.Errorf("level width %d, cells asked of %q; want 12, of 重大なリスク alone", w.Level, asked)
	}
	if decoded != 0 {
		t.Errorf("the list parsed %d questionnaires", decoded)
	}
}
