package tui_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
	"github.com/assay-dev/assay/questionnaires"
	"github.com/assay-dev/assay/store"
	"github.com/assay-dev/assay/tui"
)

// testToday is the fixed day of every flow, so due dates are known.
var testToday = assess.NewDate(2026, time.March, 31)

// screenSpy wraps the root model and keeps the last frame it drew: the
// text a person would read on the screen, without colours.
type screenSpy struct {
	tea.Model
	mu    *sync.Mutex
	last  *string
	after *updateHook
}

func (s screenSpy) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := s.Model.Update(msg)
	s.Model = m
	s.after.handled(msg, m)
	return s, cmd
}

// updateHook gives the frame the workspace draws right after it handles
// a message a flow waits for (flow.frameAfter): a check that something is
// not shown waits for the message that would show it, not for a time.
type updateHook struct {
	mu     sync.Mutex
	when   func(msg tea.Msg, m tea.Model) bool
	frames chan string
}

func (h *updateHook) handled(msg tea.Msg, m tea.Model) {
	if h == nil {
		return // a spy no flow waits through
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.when == nil || !h.when(msg, m) {
		return
	}
	h.when = nil
	h.frames <- ansi.Strip(m.View().Content)
}

// frameAfter arms the flow to keep the frame drawn once the workspace has
// handled a message when matches; the function it returns waits for that
// frame and gives it. Arm it before what sends the message.
func (f *flow) frameAfter(when func(msg tea.Msg, m tea.Model) bool) func() string {
	f.t.Helper()
	frames := make(chan string, 1)
	f.after.mu.Lock()
	f.after.when, f.after.frames = when, frames
	f.after.mu.Unlock()
	return func() string {
		f.t.Helper()
		select {
		case frame := <-frames:
			return frame
		case <-time.After(screenWait):
			f.t.Fatalf("waited %s in vain for the message; the screen:\n%s", screenWait, f.screen())
			return ""
		}
	}
}

func (s screenSpy) View() tea.View {
	v := s.Model.View()
	s.mu.Lock()
	*s.last = ansi.Strip(v.Content)
	s.mu.Unlock()
	return v
}

// flow drives the workspace like a person: it waits for text to appear
// before each key.
type flow struct {
	t     *testing.T
	tm    *teatest.TestModel
	mu    *sync.Mutex
	last  *string
	after *updateHook // what frameAfter waits for
	w, h  int         // the terminal's size
	// unsettled: a golden waited screenWait in vain for its frame (golden_test.go)
	unsettled bool
}

func (f *flow) screen() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return *f.last
}

// screenWait is how long a test waits for a screen to show what it
// expects. A frame takes milliseconds; the margin is for a machine at a
// load of 20 or more (CI's, or two cores shared with other builds), where
// 10 s was seen to run out for a screen that then came right. A screen
// that never comes still fails, 30 s later.
const screenWait = 30 * time.Second

// waitFor blocks until every text is on the screen; if they never all
// appear, the test fails showing the screen as it was. A text the screen
// wrapped onto two lines counts as shown: where a message breaks depends
// on what it quotes, a temporary folder's name of varying length.
func (f *flow) waitFor(texts ...string) {
	f.t.Helper()
	for deadline := time.Now().Add(screenWait); ; time.Sleep(10 * time.Millisecond) {
		s := f.screen()
		flat := strings.Join(strings.Fields(s), " ")
		missing := ""
		for _, text := range texts {
			if !strings.Contains(s, text) && !strings.Contains(flat, strings.Join(strings.Fields(text), " ")) {
				missing = text
				break
			}
		}
		if missing == "" {
			return
		}
		if time.Now().After(deadline) {
			f.t.Fatalf("waited %s in vain for %q on the screen:\n%s", screenWait, missing, s)
		}
	}
}

// waitUntil blocks until ok holds for the screen; if it never does, the
// test fails after screenWait saying what it waited for. Keys pressed
// one after another wait for it between them, never for a set time: a
// loaded machine handles a key later than any rhythm allows for.
func (f *flow) waitUntil(what string, ok func(screen string) bool) {
	f.t.Helper()
	for deadline := time.Now().Add(screenWait); !ok(f.screen()); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			f.t.Fatalf("waited %s in vain for %s:\n%s", screenWait, what, f.screen())
		}
	}
}

// waitGone blocks until text has left the screen.
func (f *flow) waitGone(text string) {
	f.t.Helper()
	teatest.WaitFor(f.t, f.tm.Output(), func([]byte) bool {
		return !strings.Contains(f.screen(), text)
	}, teatest.WithDuration(screenWait), teatest.WithCheckInterval(10*time.Millisecond))
}

// press sends named keys: enter, esc, tab, shift+tab, up, down, left,
// right, space, ctrl+c, backspace, delete, pgup, pgdown, or a single
// printable character.
func (f *flow) press(keys ...string) {
	for _, k := range keys {
		f.tm.Send(keyMsg(k))
	}
}

func (f *flow) typeText(s string) { f.tm.Type(s) }

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "delete":
		return tea.KeyPressMsg{Code: tea.KeyDelete}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	}
	r := []rune(k)
	return tea.KeyPressMsg{Code: r[0], Text: k}
}

// quit presses q and waits for the program to end.
func (f *flow) quit() {
	f.press("q")
	f.tm.WaitFinished(f.t, teatest.WithFinalTimeout(screenWait))
}

// env is a database and the built-in library, shared by the flows of one test.
type env struct {
	t      *testing.T
	dbPath string
	db     *store.DB
	lib    *questionnaires.Library
	dir    string
	extra  []*assess.Questionnaire // test questionnaires offered besides the built-ins
	made   int                     // assessments created by the test, for their fixed UUIDs
	due    func(context.Context, assess.Date) ([]assess.DueSubject, error)
}

func newEnv(t *testing.T) *env {
	t.Helper()
	dir := t.TempDir()
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, dbPath: filepath.Join(dir, "assay.db"), lib: lib, dir: dir}
	e.reopen()
	t.Cleanup(func() { e.db.Close() })
	return e
}

// reopen opens the database file again, as a new process would.
func (e *env) reopen() {
	if e.db != nil {
		e.db.Close()
	}
	db, err := store.Open(e.dbPath, questionnaires.Decode)
	if err != nil {
		e.t.Fatal(err)
	}
	db.UseKey(testKey) // Dana's key, the same in every process of a test
	e.db = db
}

// testKey signs the tests' writes.
var testKey = func() *ledger.PrivateKey {
	k, err := ledger.GenerateKey()
	if err != nil {
		panic(err)
	}
	return k
}()

// accessible runs accessible mode on the typed lines in and returns what
// it wrote.
func (e *env) accessible(in string) string {
	e.t.Helper()
	var out bytes.Buffer
	if err := tui.RunAccessible(context.Background(), e.deps(), strings.NewReader(in), &out); err != nil {
		e.t.Fatal(err)
	}
	return out.String()
}

func (e *env) deps() tui.Deps {
	return tui.Deps{
		Repo:             e.db,
		Questionnaires:   append(append([]*assess.Questionnaire(nil), e.lib.All()...), e.extra...),
		Catalog:          questionnaires.Catalog(),
		Today:            func() assess.Date { return testToday },
		Actor:            "Dana Reyes",
		WriteFile:        func(path string, data []byte) error { return os.WriteFile(path, data, 0o600) },
		CreateFile:       createNew,
		ExportDir:        e.dir,
		Due:              e.due,
		Governance:       e.db,
		Pin:              e.db.Pin,
		PinnedAssessment: e.db.PinnedPlanStamps,
		History:          e.db.AuditHistory,
		TrailFile:        trailFileOf,
	}
}

// start opens the workspace at 80x24.
func (e *env) start() *flow {
	e.t.Helper()
	return e.startWith(e.deps())
}

// startWith opens the workspace at 80x24 on deps changed by the test.
func (e *env) startWith(d tui.Deps) *flow {
	e.t.Helper()
	return e.startSized(d, 80, 24)
}

// startSized opens the workspace in a terminal of w columns and h lines.
func (e *env) startSized(d tui.Deps, w, h int) *flow {
	e.t.Helper()
	var mu sync.Mutex
	last := ""
	after := &updateHook{}
	spy := screenSpy{Model: tui.New(d), mu: &mu, last: &last, after: after}
	tm := teatest.NewTestModel(e.t, spy, teatest.WithInitialTermSize(w, h))
	return &flow{t: e.t, tm: tm, mu: &mu, last: &last, after: after, w: w, h: h}
}

// create stores an assessment directly, for flows that start further in.
func (e *env) create(questionnaire, subject string) *assess.Assessment {
	e.t.Helper()
	q, ok := e.lib.Get(questionnaire)
	if !ok {
		e.t.Fatalf("no questionnaire %s", questionnaire)
	}
	a := &assess.Assessment{UUID: e.uuid(), Subject: subject, SubjectKind: "vendor", Reviewer: "Dana Reyes", Questionnaire: q, AssessedOn: testToday}
	if err := e.db.CreateAssessment(context.Background(), a); err != nil {
		e.t.Fatal(err)
	}
	return a
}

func (e *env) load(id int64) *assess.Assessment {
	e.t.Helper()
	a, err := e.db.Assessment(context.Background(), id)
	if err != nil {
		e.t.Fatal(err)
	}
	return a
}

// createFrom stores an assessment of a questionnaire file from testdata.
func (e *env) createFrom(file, subject string) *assess.Assessment {
	e.t.Helper()
	q, problems, err := questionnaires.ParseFile(filepath.Join("testdata", file))
	if err != nil || len(problems) > 0 {
		e.t.Fatalf("%s: %v %v", file, err, problems)
	}
	e.extra = append(e.extra, q)
	a := &assess.Assessment{UUID: e.uuid(), Subject: subject, SubjectKind: "system", Reviewer: "Dana Reyes", Questionnaire: q, AssessedOn: testToday}
	if err := e.db.CreateAssessment(context.Background(), a); err != nil {
		e.t.Fatal(err)
	}
	return a
}

// answerFrom records in a the answers of an answers file under
// questionnaires/testdata (as answers/NAME.yaml or verdicts/NAME.yaml),
// then extra, as assay answer records a file.
func (e *env) answerFrom(a *assess.Assessment, file string, extra ...assess.Answer) {
	e.t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "questionnaires", "testdata", file))
	if err != nil {
		e.t.Fatal(err)
	}
	parsed, problems := questionnaires.ParseAnswers(file, src, a.Questionnaire)
	if len(problems) > 0 {
		e.t.Fatal(problems)
	}
	if err := e.db.SaveAnswers(context.Background(), a.ID, append(parsed.Answers, extra...)); err != nil {
		e.t.Fatal(err)
	}
}

// uuid is the next of the test's fixed assessment UUIDs: the report
// shows an assessment's, so a golden frame of it must not change per run.
func (e *env) uuid() string {
	e.made++
	return fmt.Sprintf("00000000-0000-4000-8000-%012d", e.made)
}

// createNew writes a file that must not exist yet, as assay's export does
// before it asks to overwrite.
func createNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// interviewOn stores an assessment of a questionnaire file from testdata
// and opens its interview at 80x24, on its first question.
func (e *env) interviewOn(file, subject string) (*flow, *assess.Assessment) {
	e.t.Helper()
	a := e.createFrom(file, subject)
	f := e.start()
	f.waitFor(subject)
	f.press("enter")
	f.waitFor("question 1 of")
	return f, a
}
