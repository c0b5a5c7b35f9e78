package tui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// The interview's header says where the question is and ends with its
// ID, which is what a reviewer quotes. When vendor-security-screen 2.16.0
// hid a question by its conditions, the header said "(1 hidden by
// conditions)", and at 80 columns the ID no longer fitted on its line and
// was left out. The ID now stays whole on the line: the hidden count's
// words, then the section's title, give way first.
func TestInterviewHeaderKeepsTheQuestionsIDAt80Columns(t *testing.T) {
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	q, ok := lib.Get("vendor-security-screen")
	if !ok {
		t.Fatal("no vendor-security-screen questionnaire")
	}
	headerIDs(t, q, 80, 24, "hidden")
}

// Every questionnaire's header names each question's ID at 80 and 60
// columns, the smallest terminal assay is laid out for.
func TestInterviewHeaderKeepsTheIDOnEveryQuestionnaire(t *testing.T) {
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range lib.All() {
		for _, size := range [][2]int{{80, 24}, {60, 20}} {
			t.Run(fmt.Sprintf("%s/%dx%d", q.ID, size[0], size[1]), func(t *testing.T) {
				headerIDs(t, q, size[0], size[1], "")
			})
		}
	}
}

// headerIDs opens a blank assessment of q on a terminal of width ×
// height and goes through every question shown, checking that the line
// saying where it is holds its ID whole; and, when must is said, that
// some header said it.
func headerIDs(t *testing.T, q *assess.Questionnaire, width, height int, must string) {
	t.Helper()
	m := New(Deps{Repo: planDayRepo{savedOn: &[]assess.Date{}}, Today: func() assess.Date { return shortToday }, Actor: "Dana Reyes"})
	step := func(msg tea.Msg) {
		next, _ := m.Update(msg)
		m = next.(Model)
	}
	step(tea.WindowSizeMsg{Width: width, Height: height})
	m.sh.loads = 1
	a := &assess.Assessment{ID: 3, Subject: "Acme Cloud Ltd", Questionnaire: q, AssessedOn: shortToday, Answers: assess.Answers{}}
	step(assessmentLoadedMsg{a: a, open: viewInterview, req: 1})
	said := false
	seen := map[string]bool{}
	for {
		iv, ok := m.cur.(*interview)
		if !ok {
			t.Fatalf("on %T, not the interview", m.cur)
		}
		id := iv.q().ID
		if seen[id] {
			break // the last question: → stays on it
		}
		seen[id] = true
		// The line saying where the question is, and the two it may wrap
		// onto, less the sections' list beside them.
		var where []string
		for _, line := range strings.Split(ansi.Strip(m.View().Content), "\n") {
			if i := strings.LastIndex(line, "│"); i >= 0 {
				line = line[i+len("│"):]
			}
			if len(where) > 0 || regexp.MustCompile(`^\s*question \d+ of \d+`).MatchString(line) {
				where = append(where, line)
			}
			if len(where) == maxWhereLines {
				break
			}
		}
		if len(where) == 0 {
			t.Fatalf("question %s: no line says where it is:\n%s", id, ansi.Strip(m.View().Content))
		}
		header := strings.Join(strings.Fields(strings.Join(where, " ")), " ")
		if !regexp.MustCompile(`· ` + regexp.QuoteMeta(id) + `( |$)`).MatchString(header) {
			t.Errorf("question %s at %dx%d: its ID is not whole after the line saying where it is:\n%s", id, width, height, strings.Join(where, "\n"))
		}
		said = said || (must != "" && strings.Contains(where[0], must))
		step(tea.KeyPressMsg{Code: tea.KeyRight})
	}
	if must != "" && !said {
		t.Errorf("no header at %dx%d said %q: the case this test is about was not shown", width, height, must)
	}
}
