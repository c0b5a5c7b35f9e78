package tui_test

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
	"github.com/assay-dev/assay/store"
	"github.com/assay-dev/assay/store/synth"
	"github.com/assay-dev/assay/tui"
)

// The home screen's first frame on a database of 10,000 assessments and
// 1,000,000 answers (BenchmarkHomeFirstFrame; target: under 16 ms, one
// frame at 60 Hz) and of 100,000 and 10,000,000 (…100k; target: under
// 100 ms): from tui.New, through Init's commands and their messages
// through Update, to the first View that shows the newest assessment.
//
// Each frame gets a store handle and a questionnaires.Decoder of its
// own, opened before the timer runs, as a new assay process opens them
// before tui.New: nothing an earlier frame parsed or read helps, but for
// the compiled questionnaires an earlier process left in the Decoder's
// folder (made before the first frame) and the operating system's file
// cache (the database file has just been read, as it has when assay
// starts again soon after).
//
// After the frame, untimed: the rest of the portfolio (rest-ns/op, from
// the first frame until the whole list is in) and the subjects due for
// reassessment (due-ns/op), which Init loads in that order. The
// databases are built once into os.TempDir (store/synth) and reused.
func BenchmarkHomeFirstFrame(b *testing.B) {
	benchmarkHomeFirstFrame(b, synth.Default, "9999 Vendor 0999 Ltd")
}

// BenchmarkHomeFirstFrame100k is BenchmarkHomeFirstFrame on 100,000
// assessments (a database of about 5 GiB, built on the first run:
// go test ./store/synth -run TestRemoveLarge -remove-large deletes it).
func BenchmarkHomeFirstFrame100k(b *testing.B) {
	benchmarkHomeFirstFrame(b, synth.Large, "99999 Vendor 9999 Ltd")
}

// benchDeps wires the store as cmd/assay does, the reminders included.
func benchDeps(db *store.DB, today assess.Date) tui.Deps {
	return tui.Deps{Repo: db, Catalog: questionnaires.Catalog(),
		Today: func() assess.Date { return today }, Actor: "Bench",
		Due: func(ctx context.Context, today assess.Date) ([]assess.DueSubject, error) {
			subjects, err := db.Subjects(ctx)
			if err != nil {
				return nil, err
			}
			return assess.DueSubjects(subjects, assess.DefaultCadence(), today), nil
		}}
}

// openSynth opens a synthetic database of size c with a Decoder on
// compiled, building both on first use.
func openSynth(b *testing.B, c synth.Config, compiled string) *store.DB {
	path, err := synth.Cached(c)
	if err != nil {
		b.Fatal(err)
	}
	db, err := store.Open(path, questionnaires.NewDecoder(compiled).Decode)
	if err != nil {
		b.Fatal(err)
	}
	return db
}

func benchmarkHomeFirstFrame(b *testing.B, c synth.Config, newest string) {
	benchmarkFirstFrameOf(b, func(compiled string) *store.DB { return openSynth(b, c, compiled) }, newest)
}

// benchmarkFirstFrameOf times the home screen's first frame on the
// portfolio open opens, with a Decoder on the folder it is given.
func benchmarkFirstFrameOf(b *testing.B, open func(compiled string) *store.DB, newest string) {
	compiled := b.TempDir()
	{ // a first process leaves the compiled questionnaires
		db := open(compiled)
		if _, err := db.Assessments(context.Background(), assess.Filter{Limit: 1000}); err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
	// firstFrame returns the model showing the newest row, and the
	// commands still to run.
	firstFrame := func(d tui.Deps) (tea.Model, []tea.Cmd) {
		var m tea.Model = tui.New(d)
		queue := []tea.Cmd{m.Init()}
		m, _ = m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		for len(queue) > 0 {
			var msg tea.Msg
			msg, queue = nextMsg(queue)
			if msg == nil {
				continue
			}
			var cmd tea.Cmd
			m, cmd = m.Update(msg)
			queue = append(queue, cmd)
			if strings.Contains(m.View().Content, newest) {
				return m, queue
			}
		}
		b.Fatalf("no frame shows %q:\n%s", newest, m.View().Content)
		return nil, nil
	}
	var rest, due time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db := open(compiled)
		d := benchDeps(db, testToday)
		b.StartTimer()
		m, queue := firstFrame(d)
		b.StopTimer()
		t0 := time.Now()
		for strings.Contains(m.View().Content, "loading the rest") {
			if len(queue) == 0 {
				b.Fatalf("the whole portfolio never shows:\n%s", m.View().Content)
			}
			var msg tea.Msg
			if msg, queue = nextMsg(queue); msg != nil {
				m, _ = m.Update(msg)
			}
		}
		rest += time.Since(t0)
		t0 = time.Now()
		for len(queue) > 0 {
			var msg tea.Msg
			if msg, queue = nextMsg(queue); msg != nil {
				m, _ = m.Update(msg)
			}
		}
		m.View()
		due += time.Since(t0)
		if err := db.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(rest.Nanoseconds())/float64(b.N), "rest-ns/op")
	b.ReportMetric(float64(due.Nanoseconds())/float64(b.N), "due-ns/op")
}

// One key on the home screen of 100,000 assessments (Update and View),
// with all 10,000 subjects overdue for reassessment, so that the
// reminder line has every subject to name. Target: under 1 ms. The
// sub-benchmarks are the keys that move the cursor a row (down and up),
// a page (pgdn, pgup) and to either end (G, g), and the filter: /,
// "vendor 12" typed and deleted again, esc, and s for the next order, so
// that each round searches afresh (the filter keeps what it found for
// one order).
func BenchmarkHomeKeystroke100k(b *testing.B) {
	db := openSynth(b, synth.Large, b.TempDir())
	defer db.Close()
	// Far enough on that every subject's reassessment is overdue.
	later := assess.NewDate(2035, 1, 1)
	var m tea.Model = tui.New(benchDeps(db, later))
	m, _ = m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	for queue := []tea.Cmd{m.Init()}; len(queue) > 0; {
		var msg tea.Msg
		if msg, queue = nextMsg(queue); msg != nil {
			m, _ = m.Update(msg)
		}
	}
	if v := m.View().Content; !strings.Contains(v, "Reassessment, 10000 overdue: Vendor") || !strings.Contains(v, "· sorted by") {
		b.Fatalf("not the whole portfolio with its reminders:\n%s", v)
	}
	keys := func(b *testing.B, ks ...string) {
		for i := 0; b.Loop(); i++ {
			m, _ = m.Update(keyMsg(ks[i%len(ks)]))
			_ = m.View()
		}
	}
	b.Run("row", func(b *testing.B) { keys(b, "down", "down", "up") })
	b.Run("page", func(b *testing.B) { keys(b, "pgdown", "pgdown", "pgup") })
	b.Run("end", func(b *testing.B) { keys(b, "G", "g") })
	filter := []string{"/"}
	for _, r := range "vendor 12" {
		filter = append(filter, string(r))
	}
	for range len("vendor 12") {
		filter = append(filter, "backspace")
	}
	filter = append(filter, "esc", "s")
	b.Run("filter", func(b *testing.B) { keys(b, filter...) })
}

// nextMsg runs the first command of queue, returning its message and the
// rest of the queue; a batch or sequence puts its commands first, in
// order, as the one connection to the store makes them run.
func nextMsg(queue []tea.Cmd) (tea.Msg, []tea.Cmd) {
	cmd, queue := queue[0], queue[1:]
	if cmd == nil {
		return nil, queue
	}
	msg := cmd()
	switch msg := msg.(type) {
	case tea.BatchMsg:
		return nil, append([]tea.Cmd(msg), queue...)
	}
	// tea.Sequence's message type is unexported: a []tea.Cmd all the same.
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
		cmds := make([]tea.Cmd, v.Len())
		for i := range cmds {
			cmds[i] = v.Index(i).Interface().(tea.Cmd)
		}
		return nil, append(cmds, queue...)
	}
	return msg, queue
}
