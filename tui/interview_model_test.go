package tui_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
	"github.com/assay-dev/assay/store"
	"github.com/assay-dev/assay/tui"
)

// The interview's promise, attacked with random key sequences: whatever
// is pressed (every key the interview binds, Tab, shift+Tab and Esc in
// and out of text fields, typing, the other views and back), every
// answer, note and evidence the workspace holds is in the store once its
// writes are done, nothing is left pending, and quitting ends the
// program. The workspace is driven through its real root model on a real
// SQLite file, and its commands are run as Bubble Tea runs them:
// concurrently, so in any order, each message handled when it arrives.
// A seeded generator chooses the keys and that order.
func TestInterviewKeysKeepEveryAnswer(t *testing.T) {
	sequences := 300
	if testing.Short() || raceDetector {
		sequences = 40
	}
	rng := rand.New(rand.NewPCG(13, 2026))
	for i := range sequences {
		data := make([]byte, 100+rng.IntN(300))
		for j := range data {
			data[j] = byte(rng.UintN(256))
		}
		t.Run(fmt.Sprint(i), func(t *testing.T) { runInterviewKeys(t, data) })
	}
}

// FuzzInterviewKeys is the same test with the fuzzer choosing the bytes.
func FuzzInterviewKeys(f *testing.F) {
	// The Tab bug, spelt out: evidence, Tab to the note, Esc, answers.
	f.Add(keyBytes("e", "tab", "esc", "1", "2", "right", "n", "shift+tab", "esc", "1"))
	f.Add([]byte("a sequence of ordinary bytes, long enough to wander through every question"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 400 {
			data = data[:400] // long inputs add time, not new behaviour
		}
		runInterviewKeys(t, data)
	})
}

// keyBytes is the input that presses keys, one after another, on an
// assessment without vendor answers.
func keyBytes(keys ...string) []byte {
	b := []byte{0}
	for _, k := range keys {
		b = append(b, 0, byte(slices.Index(navKeys, k)))
	}
	return b
}

// navKeys are the keys the interview binds outside a text field, and
// the keys that move between and out of its fields.
var navKeys = []string{
	"enter", "space", "up", "down", "k", "j", "right", "l", "pgdown", "left", "h", "pgup",
	"u", "]", "[", "n", "e", "x", "delete", "i", "y",
	"1", "2", "3", "4", "5", "6", "7", "8", "9",
	"tab", "shift+tab", "esc", "backspace",
	"0", // the tenth option
}

// typedWords are what the test types into fields: valid and invalid
// numbers and dates, text, evidence lists.
var typedWords = []string{
	"2025-01-15", "250000", "12", "lots", "Paying staff", "1,000", "-3", "0.5",
	"TICKET-42; policy.pdf", " ", "2026-13-40", "é ünïcode", "Checked in the IdP console",
}

// vendorFile answers some questions as the vendor, for the sequences
// that start from an imported vendor file (y confirms them).
const vendorFile = `source: vendor
answers:
  mfa: partial
  hosting: us
  transfer-safeguards:
    answer: yes
    note: Clauses signed in 2024.
  data: [contact]
  staff: 3
  records: 5000
  pentest: 2025-06-01
  purpose:
    answer: Payroll
    evidence: [Contract 7]
  breach: {likelihood: 2, impact: 3}
`

var library = sync.OnceValues(questionnaires.Builtin)

func runInterviewKeys(t *testing.T, data []byte) {
	lib, err := library()
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, dir: memDir(t), lib: lib}
	e.dbPath = filepath.Join(e.dir, "assay.db")
	e.reopen()
	t.Cleanup(func() { e.db.Close() })
	a := e.createFrom("all-types.yaml", "Payroll system")
	d := &driver{t: t, data: data}
	if d.next()%2 == 1 {
		e.importVendorFile(a, vendorFile)
	}

	d.m = tui.New(e.deps())
	d.schedule(d.m.Init())
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.settle()
	d.key("enter") // the only assessment: its interview
	d.settle()
	if s := tui.ScreenForTest(d.m); s != "interview" {
		t.Fatalf("enter on the home screen showed %s, not the interview", s)
	}

	for !d.done() && !d.quitting {
		d.step()
	}
	if !d.quitting {
		d.pressQuit()
	}
	d.drain()
	if !d.quit {
		t.Fatalf("quitting did not end the program; the footer says:\n%s\nsteps: %s", lastLines(d.m), d.trail())
	}
	if tui.PendingForTest(d.m) {
		t.Fatalf("the program quit with writes pending; steps: %s", d.trail())
	}
	held := tui.SessionForTest(d.m)
	other, err := store.Open(e.dbPath, questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	stored, err := other.Assessment(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := compareAnswers(held, stored); diff != "" {
		t.Fatalf("the store differs from what the workspace shows:\n%s\nsteps: %s", diff, d.trail())
	}
}

// memDir is a folder for the sequence's database, in memory where the
// system has /dev/shm: this test is about what the workspace writes, not
// the disk (the crash tests and store/pragma_test.go are), and a
// thousand fsyncs would make it slow.
func memDir(t *testing.T) string {
	dir, err := os.MkdirTemp("/dev/shm", "assay-interview-keys-")
	if err != nil {
		return t.TempDir()
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// importVendorFile records a vendor's answers file as assay answer does.
func (e *env) importVendorFile(a *assess.Assessment, file string) {
	e.t.Helper()
	parsed, problems := questionnaires.ParseAnswers("vendor.yaml", []byte(file), a.Questionnaire)
	if len(problems) > 0 {
		e.t.Fatal(problems)
	}
	ctx := assess.WithActor(context.Background(), "Vendor import")
	if err := e.db.SaveAnswers(ctx, a.ID, parsed.Answers); err != nil {
		e.t.Fatal(err)
	}
}

// compareAnswers lists the answers and plan edits that differ between
// the workspace's copy and the store's. An answer with no value, note or
// evidence is the same as none.
func compareAnswers(held, stored *assess.Assessment) string {
	var out []string
	ids := map[string]bool{}
	for id := range held.Answers {
		ids[id] = true
	}
	for id := range stored.Answers {
		ids[id] = true
	}
	for _, id := range slices.Sorted(mapKeys(ids)) {
		h, s := answerKey(held.Answers[id]), answerKey(stored.Answers[id])
		if h != s {
			out = append(out, fmt.Sprintf("  %s: shown %s, stored %s", id, h, s))
		}
	}
	if h, s := planKey(held.PlanEdits), planKey(stored.PlanEdits); h != s {
		out = append(out, fmt.Sprintf("  plan: shown %s, stored %s", h, s))
	}
	return strings.Join(out, "\n")
}

func mapKeys(m map[string]bool) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func answerKey(a assess.Answer) string {
	if !a.Answered() && a.Note == "" && len(a.Evidence) == 0 {
		return "nothing"
	}
	if !a.Answered() {
		a.Value = assess.Value{}
	}
	if a.Source == "" { // the store's default: given here, by the analyst
		a.Source, a.Reviewed = assess.ByAnalyst, true
	}
	b, _ := json.Marshal(struct {
		Value    assess.Value
		Note     string
		Evidence []string
		Source   assess.Source
		Reviewed bool
	}{a.Value, a.Note, append([]string{}, a.Evidence...), a.Source, a.Reviewed})
	return string(b)
}

func planKey(edits map[string]assess.PlanEdit) string {
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range edits {
			if !yield(k) {
				return
			}
		}
	})
	var parts []string
	for _, k := range keys {
		b, _ := json.Marshal(edits[k])
		parts = append(parts, string(b))
	}
	return strings.Join(parts, ",")
}

func lastLines(m tea.Model) string {
	ls := strings.Split(ansi.Strip(m.View().Content), "\n")
	return strings.Join(ls[max(len(ls)-3, 0):], "\n")
}

// driver runs the root model as Bubble Tea does, with the order of
// concurrent work chosen by the test's bytes: the commands waiting to
// run (each a batch member, or what is left of a sequence) and the
// messages waiting to be handled, first come first served.
type driver struct {
	t        *testing.T
	m        tea.Model
	data     []byte
	pos      int
	tasks    [][]tea.Cmd
	inbox    []tea.Msg
	quitting bool // q or ctrl+c was pressed
	quit     bool // a command returned tea.Quit
	log      []string
}

func (d *driver) done() bool { return d.pos >= len(d.data) }

func (d *driver) next() int {
	if d.done() {
		return 0
	}
	d.pos++
	return int(d.data[d.pos-1])
}

// step takes one action: a key, typing, a command run, a message handled.
func (d *driver) step() {
	switch op := d.next() % 64; {
	case op < 36:
		d.key(d.pickKey())
	case op < 48:
		if len(d.tasks) > 0 {
			d.run(d.next() % len(d.tasks))
		}
	case op < 58:
		d.deliver()
	case op < 63:
		if tui.ScreenForTest(d.m) != "interview" {
			d.key(d.pickKey()) // typing elsewhere opens forms this test is not about
			return
		}
		word := typedWords[d.next()%len(typedWords)]
		d.log = append(d.log, fmt.Sprintf("%q", word))
		for _, r := range word {
			d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
		}
	default:
		if d.next()%4 == 0 { // rarely: most sequences quit at their end
			d.pressQuit()
		}
	}
}

// pickKey is a key of the interview, or on another screen a key that
// works there and leads back: enter on the home screen opens the
// interview again; the plan's s steps an item's status (a plan edit);
// the review's enter opens the question under its cursor.
func (d *driver) pickKey() string {
	n := d.next()
	switch tui.ScreenForTest(d.m) {
	case "interview":
		return navKeys[n%len(navKeys)]
	case "home":
		return "enter"
	case "plan":
		return []string{"s", "down", "tab", "shift+tab", "esc"}[n%5]
	case "review":
		// enter on a finding, a risk or a drilled-down question opens
		// it in the interview, whose esc comes back here.
		return []string{"tab", "shift+tab", "esc", "right", "down", "enter", "w"}[n%7]
	case "report":
		return []string{"tab", "shift+tab", "esc", "right"}[n%4]
	}
	return "esc"
}

// pressQuit quits as a person would: q, or ctrl+c while typing.
func (d *driver) pressQuit() {
	d.quitting = true
	if tui.CapturingForTest(d.m) {
		d.key("ctrl+c")
		return
	}
	d.key("q")
}

func (d *driver) key(k string) {
	d.log = append(d.log, k)
	d.send(keyMsg(k))
}

func (d *driver) send(msg tea.Msg) {
	if d.quit {
		return // the program has ended
	}
	m, cmd := d.m.Update(msg)
	d.m = m
	d.schedule(cmd)
}

func (d *driver) schedule(cmd tea.Cmd) {
	if cmd != nil {
		d.tasks = append(d.tasks, []tea.Cmd{cmd})
	}
}

// run runs one waiting command (the next of a sequence) to its message.
func (d *driver) run(i int) {
	task := d.tasks[i]
	if len(task) > 1 {
		d.tasks[i] = task[1:]
	} else {
		d.tasks = slices.Delete(d.tasks, i, i+1)
	}
	if len(task) > 1 {
		d.runNow(task[0]) // a sequence: the next command waits for this one
		return
	}
	d.receive(d.call(task[0]), false)
}

// runNow runs a command and everything it starts to completion, as a
// sequence does before its next command.
func (d *driver) runNow(cmd tea.Cmd) { d.receive(d.call(cmd), true) }

func (d *driver) receive(msg tea.Msg, now bool) {
	switch msg := msg.(type) {
	case nil:
	case tea.QuitMsg:
		d.quit = true
	case tea.BatchMsg:
		for _, c := range msg {
			if c == nil {
				continue
			}
			if now {
				d.runNow(c)
			} else {
				d.schedule(c)
			}
		}
	default:
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
			// tea.Sequence's message: its commands, in order.
			var cmds []tea.Cmd
			for j := range v.Len() {
				if c := v.Index(j).Interface().(tea.Cmd); c != nil {
					cmds = append(cmds, c)
				}
			}
			if now {
				for _, c := range cmds {
					d.runNow(c)
				}
			} else if len(cmds) > 0 {
				d.tasks = append(d.tasks, cmds)
			}
			return
		}
		d.inbox = append(d.inbox, msg)
	}
}

// call runs a command. A text field's cursor blink is a timer: it is
// dropped, as if it had not fired yet. Any other command must return.
func (d *driver) call(cmd tea.Cmd) tea.Msg {
	name := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()).Name()
	if strings.Contains(name, "bubbles/v2/cursor.") {
		return nil
	}
	got := make(chan tea.Msg, 1)
	go func() { got <- cmd() }()
	select {
	case msg := <-got:
		return msg
	case <-time.After(time.Minute):
		d.t.Fatalf("a command (%s) did not return in a minute; steps: %s", name, d.trail())
		return nil
	}
}

func (d *driver) deliver() {
	if len(d.inbox) == 0 {
		return
	}
	msg := d.inbox[0]
	d.inbox = d.inbox[1:]
	d.send(msg)
}

// settle runs every waiting command and handles every message, first
// come first served, without using the test's bytes: the start, before
// the bytes choose.
func (d *driver) settle() {
	for !d.quit && (len(d.tasks) > 0 || len(d.inbox) > 0) {
		if len(d.tasks) > 0 {
			d.run(0)
			continue
		}
		d.deliver()
	}
}

// drain runs every waiting command and handles every message, in an
// order the remaining bytes choose, until nothing is left or the program
// has quit.
func (d *driver) drain() {
	for !d.quit && (len(d.tasks) > 0 || len(d.inbox) > 0) {
		if len(d.tasks) > 0 && (len(d.inbox) == 0 || d.next()%2 == 0) {
			d.run(d.next() % len(d.tasks))
			continue
		}
		d.deliver()
	}
}

func (d *driver) trail() string { return strings.Join(d.log, " ") }
