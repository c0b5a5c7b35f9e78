package tui_test

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/tui"
)

// The monkey presses a few hundred keys on each screen in a normal go
// test run; -monkey presses thousands, and -monkey.round=N draws other
// keys (the seeds of round N), for a longer hunt than a run affords.
var (
	monkeyLong  = flag.Bool("monkey", false, "press thousands of keys on every screen instead of a few hundred")
	monkeyRound = flag.Uint64("monkey.round", 0, "draw the keys of another round of seeds")
)

func monkeyKeys() int {
	if *monkeyLong {
		return 3000
	}
	if testing.Short() {
		return 50
	}
	return 150
}

// monkeyHostile is what the monkey pastes: escape sequences (a clipboard
// write, a link, a screen clear, a cursor move, an 8-bit CSI), bidi
// overrides, lines of 10,000 characters, a NUL, invalid UTF-8 and line
// breaks.
var monkeyHostile = []string{
	"evil\x1b]52;c;cGF3bmVk\x07 \x1b[2J\x1b[1;1Hoverwrite \x1b]8;;https://evil.example\x1b\\here\x1b]8;;\x1b\\",
	"bidi \u202egnp.exe\u202c \u2066iso\u2069 \u200fmark \u202atext\u202d",
	strings.Repeat("A", 10000),
	strings.Repeat("界", 10000),
	"nul\x00byte\x00",
	"bad\xff\xfe\xc3( \x9b31mred \xc2\x9b32m",
	"line one\nline two\r\nline three\n\n\tindented\rreturn",
	"\x1bP+q\x1b\\ \x1b_apc\x1b\\ \x1b^pm\x1b\\ \x1b[?1049l\x1b[6n\x07\x08\x7f",
}

// monkeyState is what the wrapped program tells the test goroutine.
type monkeyState struct {
	mu       sync.Mutex
	probe    int      // the last probe the program handled
	quit     bool     // a command of the workspace asked the program to end
	problems []string // what broke, with the message that broke it
	last     string   // the last message handled, for the problems
	w, h     int      // the terminal's size as the program was told it
	// sized: the program has been told the terminal's size. Until then
	// it draws for 80x24, as the first frame of a real terminal does
	// before bubbletea reads its size; those frames are not checked.
	sized bool
	// interview is the last interview frame's assessment (its number
	// and subject, as the header names it) and how many answers its
	// progress counted, for the check that they were saved.
	id       int64
	subject  string
	answered int
	wake     chan struct{} // told of a probe handled, a quit or a problem
}

func (s *monkeyState) kick() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

func (s *monkeyState) problem(format string, args ...any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.problems) < 5 {
		s.problems = append(s.problems, fmt.Sprintf("after %s: ", s.last)+fmt.Sprintf(format, args...))
	}
	s.kick()
}

// probeMsg follows each key: once the program has handled it, it has
// handled the key, so the key's Update returned.
type probeMsg int

// monkeyModel wraps the workspace: it checks the frame after every
// message and catches a panic, saying which message caused it.
type monkeyModel struct {
	inner tea.Model
	st    *monkeyState
	spy   screenSpy // keeps the last frame's text for flow.waitFor
	view  *tea.View // the frame drawn after the last message, checked
}

func (m monkeyModel) Init() tea.Cmd { return m.st.wrap(m.inner.Init()) }

func (m monkeyModel) Update(msg tea.Msg) (_ tea.Model, cmd tea.Cmd) {
	if p, ok := msg.(probeMsg); ok {
		m.st.mu.Lock()
		m.st.probe = int(p)
		m.st.mu.Unlock()
		m.st.kick()
		return m, nil
	}
	m.st.mu.Lock()
	m.st.last = describeMsg(msg)
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		m.st.w, m.st.h, m.st.sized = ws.Width, ws.Height, true
	}
	w, h, sized := m.st.w, m.st.h, m.st.sized
	m.st.mu.Unlock()
	defer func() {
		if r := recover(); r != nil {
			m.st.problem("panic: %v\n%s", r, debug.Stack())
			cmd = nil
		}
	}()
	next, cmd := m.inner.Update(msg)
	m.inner = next
	v := m.inner.View()

	m.spy.mu.Lock()
	*m.spy.last = ansi.Strip(v.Content)
	m.spy.mu.Unlock()
	if p := frameProblem(v.Content, w, h); p != "" && sized {
		m.st.problem("%s\nframe:\n%s", p, ansi.Strip(v.Content))
	}
	m.st.noteInterview(ansi.Strip(v.Content))
	return m, m.st.wrap(cmd)
}

// View is the frame checked after the last message: the program draws
// what was checked, and a frame is drawn once per message, not twice.
func (m monkeyModel) View() tea.View {
	if m.view != nil {
		return *m.view
	}
	return m.inner.View()
}

// interviewHeader is an interview's header: its number and subject, then the tabs.
var interviewHeader = regexp.MustCompile(`^assay › #(\d+) (.+?) +\[Interview\]`)

// noteInterview keeps what an interview frame shows answered.
func (s *monkeyState) noteInterview(frame string) {
	first, rest, _ := strings.Cut(frame, "\n")
	second, _, _ := strings.Cut(rest, "\n")
	if !strings.Contains(first+second, "[Interview]") {
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.last == "tui.assessmentLoadedMsg" {
			// Opened on another view: the keys typed while it opened
			// went through its interview unseen (enter on the home
			// screen, then x and tab), and may have changed answers
			// the last interview drawn counted.
			s.id, s.subject, s.answered = 0, "", 0
		}
		return
	}
	h := interviewHeader.FindStringSubmatch(first)
	p := progressRE.FindStringSubmatch(frame)
	s.mu.Lock()
	defer s.mu.Unlock()
	if h == nil || p == nil {
		// An interview too narrow to read its subject or progress: what
		// a wider frame showed may have changed since.
		s.id, s.subject, s.answered = 0, "", 0
		return
	}
	n, _ := strconv.Atoi(p[1])
	id, _ := strconv.ParseInt(h[1], 10, 64)
	s.id, s.subject, s.answered = id, h[1]+" "+h[2], n
}

// wrap notes when a command ends the program, so that the test starts
// it again instead of waiting for a probe that will never be handled.
func (s *monkeyState) wrap(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg {
		msg := cmd()
		if _, ok := msg.(tea.QuitMsg); ok {
			s.mu.Lock()
			s.quit = true
			s.mu.Unlock()
			s.kick()
			return msg
		}
		// tea.BatchMsg and tea.Sequence's message are both lists of commands.
		if rv := reflect.ValueOf(msg); rv.IsValid() && rv.Kind() == reflect.Slice && rv.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
			for i := 0; i < rv.Len(); i++ {
				c := rv.Index(i).Interface().(tea.Cmd)
				rv.Index(i).Set(reflect.ValueOf(s.wrap(c)))
			}
		}
		return msg
	}
}

// frameProblem says what is wrong with a frame for a terminal of w × h:
// a line wider than the terminal, more lines than it has, or anything
// but colours (SGR) among its escape sequences, a control character, a
// bidi control or bytes that are not UTF-8.
func frameProblem(content string, w, h int) string {
	ls := strings.Split(content, "\n")
	if len(ls) > h {
		return fmt.Sprintf("%d lines on a terminal of %d", len(ls), h)
	}
	for i, l := range ls {
		if n := ansi.StringWidth(ansi.Strip(l)); n > w {
			return fmt.Sprintf("line %d is %d cells wide on a terminal of %d: %q", i+1, n, w, ansi.Strip(l))
		}
	}
	if !utf8.ValidString(content) {
		return "the frame is not valid UTF-8"
	}
	for i := 0; i < len(content); {
		if content[i] == 0x1b {
			j := i + 1
			if j < len(content) && content[j] == '[' {
				j++
				for j < len(content) && (content[j] >= '0' && content[j] <= '9' || content[j] == ';' || content[j] == ':') {
					j++
				}
				if j < len(content) && content[j] == 'm' {
					i = j + 1
					continue
				}
			}
			return fmt.Sprintf("an escape sequence other than a colour: %q", content[i:min(i+16, len(content))])
		}
		r, size := utf8.DecodeRuneInString(content[i:])
		switch {
		case r == '\n':
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
			return fmt.Sprintf("control character %U at byte %d", r, i)
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
			return fmt.Sprintf("bidi control %U at byte %d", r, i)
		}
		i += size
	}
	return ""
}

func describeMsg(msg tea.Msg) string {
	switch m := msg.(type) {
	case tea.KeyPressMsg:
		return "key " + m.String()
	case tea.PasteMsg:
		return fmt.Sprintf("paste of %d bytes %.20q", len(m.Content), m.Content)
	case tea.WindowSizeMsg:
		return fmt.Sprintf("resize %dx%d", m.Width, m.Height)
	}
	return fmt.Sprintf("%T", msg)
}

// monkeyMsg draws one message from every key a keyboard sends, a paste
// of hostile text or a resize.
func monkeyMsg(r *rand.Rand) tea.Msg {
	switch n := r.IntN(100); {
	case n < 3:
		return tea.WindowSizeMsg{Width: 10 + r.IntN(291), Height: 5 + r.IntN(96)}
	case n < 6:
		return tea.PasteMsg{Content: monkeyHostile[r.IntN(len(monkeyHostile))]}
	case n < 40:
		c := rune(0x21 + r.IntN(0x7e-0x21+1)) // a printable ASCII key
		return tea.KeyPressMsg{Code: c, Text: string(c)}
	case n < 45:
		c := rune('a' + r.IntN(26))
		return tea.KeyPressMsg{Code: c, ShiftedCode: c - 'a' + 'A', Mod: tea.ModShift, Text: string(c - 'a' + 'A')}
	case n < 50:
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case n < 58:
		c := rune('a' + r.IntN(26))
		for c == 'c' || c == 'z' { // they quit and suspend: ctrl+c comes last
			c = rune('a' + r.IntN(26))
		}
		return tea.KeyPressMsg{Code: c, Mod: tea.ModCtrl}
	case n < 62:
		return tea.KeyPressMsg{Code: tea.KeyF1 + rune(r.IntN(12))}
	case n < 66:
		return tea.KeyPressMsg{Code: rune('a' + r.IntN(26)), Mod: tea.ModAlt}
	}
	named := []tea.KeyPressMsg{
		{Code: tea.KeyEnter}, {Code: tea.KeyEscape}, {Code: tea.KeyTab}, {Code: tea.KeyTab, Mod: tea.ModShift},
		{Code: tea.KeyUp}, {Code: tea.KeyDown}, {Code: tea.KeyLeft}, {Code: tea.KeyRight},
		{Code: tea.KeyHome}, {Code: tea.KeyEnd}, {Code: tea.KeyPgUp}, {Code: tea.KeyPgDown},
		{Code: tea.KeyBackspace}, {Code: tea.KeyDelete},
	}
	return named[r.IntN(len(named))]
}

// clone copies the environment's database for a test of its own.
func (e *env) clone(t *testing.T) *env {
	t.Helper()
	e.db.Close() // its last write reaches the file, not only the log
	e.db = nil
	c := *e
	c.t, c.dir = t, t.TempDir()
	c.dbPath = filepath.Join(c.dir, "assay.db")
	src, err := os.ReadFile(e.dbPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(c.dbPath, src, 0o600); err != nil {
		t.Fatal(err)
	}
	c.extra = append([]*assess.Questionnaire(nil), e.extra...)
	e.reopen()
	c.db = nil
	c.reopen()
	t.Cleanup(func() { c.db.Close() })
	return &c
}

// monkey presses keys on a running workspace and checks it after each.
type monkey struct {
	t     *testing.T
	e     *env
	d     tui.Deps
	seed  uint64
	st    *monkeyState
	tm    *teatest.TestModel
	f     *flow
	sent  []string
	quits int
}

func (e *env) monkey(d tui.Deps, seed uint64) *monkey {
	mk := &monkey{t: e.t, e: e, d: d, seed: seed}
	mk.start(80, 24)
	return mk
}

func (mk *monkey) start(w, h int) {
	mk.st = &monkeyState{w: w, h: h, last: "start", wake: make(chan struct{}, 1)}
	var mu sync.Mutex
	last := ""
	m := monkeyModel{inner: tui.New(mk.d), st: mk.st, spy: screenSpy{mu: &mu, last: &last}}
	mk.tm = teatest.NewTestModel(mk.t, m, teatest.WithInitialTermSize(w, h))
	mk.f = &flow{t: mk.t, tm: mk.tm, mu: &mu, last: &last, w: w, h: h}
}

func (mk *monkey) fail(format string, args ...any) {
	mk.t.Helper()
	tail := mk.sent[max(0, len(mk.sent)-30):]
	mk.t.Fatalf("seed %d, message %d: %s\nlast messages sent:\n  %s", mk.seed, len(mk.sent), fmt.Sprintf(format, args...), strings.Join(tail, "\n  "))
}

// send gives the program a message and waits until it has handled it.
func (mk *monkey) send(msg tea.Msg) {
	mk.t.Helper()
	mk.sent = append(mk.sent, describeMsg(msg))
	mk.tm.Send(msg)
	n := len(mk.sent)
	mk.tm.Send(probeMsg(n))
	deadline := time.NewTimer(screenWait) // a hang detector: 10 s ran out at a load of 20 for work that then came right
	defer deadline.Stop()
	for {
		mk.st.mu.Lock()
		probe, quit, problems, w, h := mk.st.probe, mk.st.quit, mk.st.problems, mk.st.w, mk.st.h
		mk.st.mu.Unlock()
		if len(problems) > 0 {
			mk.fail("%s", strings.Join(problems, "\n"))
		}
		if probe >= n {
			return
		}
		if quit {
			// q on a screen where it quits: check the quit path, then go on
			// in a new workspace on the same database.
			mk.finish()
			mk.start(w, h)
			return
		}
		select {
		case <-mk.st.wake:
		case <-deadline.C:
			mk.fail("the program handled nothing for %v: an Update hangs", screenWait)
		}
	}
}

// finish waits for the program to end, then checks that it lost no
// write and that the database verifies.
func (mk *monkey) finish() {
	mk.t.Helper()
	mk.quits++
	// A hang detector, as send's: quitting waits for the writes still
	// queued, and 15 s ran out once in CI at a load of some 20 (every
	// package's tests and a -race run on two cores); the same seed then
	// quit at once in 40 runs, 10 of them under -race.
	final := mk.tm.FinalModel(mk.t, teatest.WithFinalTimeout(screenWait))
	// A write refused (a conflict left open, a role) is the workspace's
	// own report of what was not saved, which cmd/assay prints.
	unsaved := final.(monkeyModel).inner.(tui.Model).Unsaved()
	if len(unsaved) > 0 {
		mk.t.Logf("not saved, as the workspace says on quitting: %v", unsaved)
	}
	mk.e.reopen()
	res, err := mk.e.db.Verify(context.Background(), 0)
	if err != nil || res.Broken != nil {
		mk.fail("verify after quitting: %v %+v", err, res.Broken)
	}
	mk.st.mu.Lock()
	id, subject, answered := mk.st.id, mk.st.subject, mk.st.answered
	mk.st.mu.Unlock()
	if id == 0 || len(unsaved) > 0 {
		return
	}
	// The last interview shown counted its answers saved: the database
	// holds at least as many for that assessment.
	n := 0
	for _, ans := range mk.e.load(id).Answers {
		if ans.Answered() {
			n++
		}
	}
	if n < answered {
		mk.fail("the interview of %s showed %d answers; the database holds %d", subject, answered, n)
	}
}

// mash presses the seeded keys, then ctrl+c, and checks the quit path.
func (mk *monkey) mash(n int) {
	mk.t.Helper()
	r := rand.New(rand.NewPCG(mk.seed, mk.seed^0x9e3779b97f4a7c15))
	for range n {
		mk.send(monkeyMsg(r))
	}
	mk.sent = append(mk.sent, "key ctrl+c")
	mk.tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	mk.finish()
}

// Every key in every field: each screen a person reaches, then a few
// hundred keys, pastes of hostile text and resizes drawn from a fixed
// seed. After every message the frame fits the terminal and carries no
// escape sequence but colours; no Update panics or hangs; quitting (q
// on the way, ctrl+c at the end) loses no write and leaves a database
// that verifies. A failure names the seed and the messages before it.
func TestMonkeyEveryKeyInEveryField(t *testing.T) {
	type reach struct {
		name string
		seed uint64
		env  func(t *testing.T) (*env, tui.Deps)
		go_  func(f *flow)
	}
	// The four assessments of screensEnv are made once; each screen
	// mashes its own copy of them.
	shared := screensEnv(t)
	screens := func(t *testing.T) (*env, tui.Deps) { e := shared.clone(t); return e, e.deps() }
	open := func(subject, shown, key string) func(f *flow) {
		return func(f *flow) {
			f.waitFor("4 of 4")
			f.press("/")
			f.typeText(subject)
			f.press("enter")
			f.waitFor(shown + " of 4")
			f.press(key)
		}
	}
	question := func(n int, then ...string) func(f *flow) {
		return func(f *flow) {
			open("Payroll", "2", "enter")(f)
			f.waitFor("[Interview]")
			for range n - 1 {
				f.press("right")
			}
			f.waitFor(fmt.Sprintf("question %d of", n))
			f.press(then...)
		}
	}
	review := func(keys ...string) func(f *flow) {
		return func(f *flow) {
			open("Payroll", "2", "r")(f)
			f.waitFor("[Scores]")
			f.press(keys...)
		}
	}
	cases := []reach{
		{"home-filter", 1, screens, func(f *flow) { f.waitFor("4 of 4"); f.press("/") }},
		{"create", 2, screens, func(f *flow) { f.waitFor("4 of 4"); f.press("n"); f.waitFor("┃ Questionnaire") }},
		{"interview-control", 3, screens, question(1)},
		{"interview-single", 4, screens, question(2)},
		{"interview-multi", 5, screens, question(4, "enter")},
		{"interview-scale", 6, screens, question(5)},
		{"interview-number", 7, screens, question(6, "enter")},
		{"interview-date", 8, screens, question(7, "enter")},
		{"interview-text", 9, screens, question(8, "enter")},
		{"interview-risk", 10, screens, question(9, "enter")},
		{"interview-note", 11, screens, question(2, "n")},
		{"vendor-confirm", 12, screens, func(f *flow) { open("Acme", "1", "enter")(f); f.waitFor("vendor answers to confirm") }},
		{"conflict", 13, func(t *testing.T) (*env, tui.Deps) {
			e := newEnv(t)
			e.create("vendor-security-screen", "Acme Cloud Ltd")
			w, err := e.db.Watch(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { w.Close() })
			d := e.deps()
			d.Changes = w
			return e, d
		}, nil}, // reached below: it needs the other window
		{"review", 14, screens, review()},
		{"review-coverage", 15, screens, review("right", "right", "right", "enter")},
		{"signoff", 16, screens, review("S")},
		{"plan", 17, screens, review("tab")},
		{"plan-item-form", 18, screens, func(f *flow) { review("tab")(f); f.waitFor("[Plan]", "Due"); f.press("enter") }},
		{"report", 19, screens, review("tab", "tab")},
		{"report-export", 20, screens, func(f *flow) {
			review("tab", "tab")(f)
			f.waitFor("Committee report preview")
			f.waitGone("Rendering…")
			f.press("e")
			f.waitFor("Export to:")
		}},
		{"compare", 21, screens, func(f *flow) { open("Payroll", "2", "C")(f); f.waitFor("compare #1 → #2") }},
		{"prescreen", 22, screens, func(f *flow) { open("Loan", "1", "r")(f); f.waitFor("[Recommended]") }},
		{"approved-read-only", 23, func(t *testing.T) (*env, tui.Deps) {
			e, a := payrollAnswered(t)
			ctx := assess.WithActor(context.Background(), "ana")
			if _, err := e.db.Review(ctx, a.ID, assess.ActSubmit, testToday, ""); err != nil {
				t.Fatal(err)
			}
			if _, err := e.db.Review(assess.WithActor(context.Background(), "Ada Approver"), a.ID, assess.ActApprove, testToday, "fine"); err != nil {
				t.Fatal(err)
			}
			return e, e.deps()
		}, func(f *flow) { f.waitFor("Payroll system"); f.press("enter"); f.waitFor("[Interview]") }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e, d := c.env(t)
			mk := e.monkey(d, c.seed+100*(*monkeyRound))
			if c.go_ != nil {
				c.go_(mk.f)
			} else {
				other := e.otherWindow()
				mk.f.waitFor("Acme Cloud Ltd")
				mk.f.press("enter")
				mk.f.waitFor("question 1 of 33")
				mk.f.press("n")
				mk.f.typeText("checked")
				other.answer(1, "data-sensitivity", "special", "patients' health data")
				mk.f.waitFor("which to keep")
				mk.f.press("enter")
				mk.f.waitFor("K keep theirs")
			}
			mk.mash(monkeyKeys())
		})
	}
}

// The monkey's frame check itself: colours pass; a line too wide, a
// line too many, any other escape sequence, a control character, a bidi
// control or invalid UTF-8 are each named.
func TestMonkeyFrameCheck(t *testing.T) {
	if p := frameProblem("\x1b[1;38;5;2mok\x1b[m\nline", 4, 2); p != "" {
		t.Errorf("a coloured frame that fits: %s", p)
	}
	for _, c := range []struct{ frame, want string }{
		{"12345", "5 cells wide"},
		{"界界界", "6 cells wide"},
		{"a\nb\nc", "3 lines"},
		{"a\x1b]52;c;eA==\x07", "other than a colour"},
		{"a\x1b[2J", "other than a colour"},
		{"a\x00", "control character U+0000"},
		{"a\u009b31m", "control character U+009B"},
		{"a\u202eb", "bidi control U+202E"},
		{"a\xffb", "not valid UTF-8"},
	} {
		if p := frameProblem(c.frame, 4, 2); !strings.Contains(p, c.want) {
			t.Errorf("frame %q: %q, want it to say %q", c.frame, p, c.want)
		}
	}
}
