package tui_test

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
	"github.com/assay-dev/assay/store"
	"github.com/assay-dev/assay/store/synth"
	"github.com/assay-dev/assay/tui"
)

// The home screen's first frame on a database of 10,000 assessments and
// 1,000,000 answers: tui.New, Init's commands (the portfolio load from
// SQLite among them), their messages through Update, and View. Target:
// under 100 ms. The database is built once into os.TempDir (see
// store/synth) and reused by later runs.
func BenchmarkHomeFirstFrame(b *testing.B) {
	path, err := synth.Cached(synth.Default)
	if err != nil {
		b.Fatal(err)
	}
	db, err := store.Open(path, questionnaires.Decode)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	lib, err := questionnaires.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	d := tui.Deps{Repo: db, Questionnaires: lib.All(), Catalog: questionnaires.Catalog(),
		Today: func() assess.Date { return testToday }, Actor: "Bench", Plain: true}
	frame := func() string {
		var m tea.Model = tui.New(d)
		msgs := runCmds(m.Init())
		m, _ = m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		for _, msg := range msgs {
			m, _ = m.Update(msg)
		}
		return m.View().Content
	}
	// The newest assessment not archived is the last copy but one (the
	// last is archived); it must be on screen, or the benchmark times an
	// empty or failed load.
	want := "9999 Vendor 0999 Ltd"
	if v := frame(); !strings.Contains(v, want) {
		b.Fatalf("first frame does not show %q:\n%s", want, v)
	}
	for b.Loop() {
		frame()
	}
}

// runCmds executes cmd and every command a batch holds, returning their
// messages in order.
func runCmds(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if batch, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range batch {
			out = append(out, runCmds(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}
