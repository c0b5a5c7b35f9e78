package tui

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess/history"
	"github.com/assay-dev/assay/assess/ledger"
)

// longTrail is a trail of n answer records, each by one of three people,
// the last one's note in two lines.
func longTrail(n int) []history.Entry {
	recs := make([]ledger.Record, n)
	for i := range recs {
		note := fmt.Sprintf("note %d", i+1)
		if i == n-1 {
			note = "the last note\nin two lines"
		}
		v, _ := json.Marshal(map[string]any{"value": map[string]any{"choices": []string{"yes"}}, "note": note})
		recs[i] = ledger.Record{Seq: int64(i + 1), At: "2026-03-01T09:00:00Z", Actor: []string{"Ana", "Bo", "Cy"}[i%3], Kind: "answer",
			Target: fmt.Sprintf("q%d", i%50), New: string(v)}
	}
	entries := history.Read(recs, nil)
	history.Verdict{Intact: true}.Mark(entries)
	return entries
}

func keyOf(s string) tea.KeyPressMsg {
	switch s {
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

func (s *trailScreen) press(keys ...string) {
	for _, k := range keys {
		s.Update(keyOf(k))
	}
}

func (s *trailScreen) typeText(text string) {
	for _, r := range text {
		s.Update(keyOf(string(r)))
	}
}

// A trail of thousands of records: G shows its very end, footer and all;
// a filter that matches nothing says so; the terminal resized while
// filtered (narrower, then wider) keeps the records kept and the end in
// reach.
func TestLongTrail(t *testing.T) {
	entries := longTrail(3000)
	sh := &shell{st: newStyles(true), width: 80, height: 24, saves: &saver{}}
	s := newTrail(sh, trailLoadedMsg{id: 7, subject: "Acme", verdict: history.Verdict{Intact: true}, entries: entries})
	view := func(w, h int) string { return s.View(w, h) }
	view(80, 24)
	s.press("G")
	out := view(80, 24)
	if !strings.Contains(out, "in two lines") || !strings.Contains(out, "#3000  ") {
		t.Fatalf("G does not show the end:\n%s", out)
	}
	if n := len(s.lines); !strings.Contains(out, fmt.Sprintf("of %d", n)) || !strings.Contains(out, fmt.Sprintf("-%d of", n)) {
		t.Fatalf("footer at the end of %d lines:\n%s", n, out)
	}
	// A filter that matches nothing.
	s.press("/")
	s.typeText("zzz")
	s.press("enter")
	out = view(80, 24)
	if !strings.Contains(out, "0 of 3000 records match") || !strings.Contains(out, "No record matches the filter; esc clears it.") {
		t.Fatalf("no match:\n%s", out)
	}
	s.press("G")
	if out = view(80, 24); !strings.Contains(out, "No record matches the filter") {
		t.Fatalf("G on no match:\n%s", out)
	}
	// Filtered to Cy's records, at the end, then resized.
	s.press("esc", "/")
	s.typeText("cy")
	s.press("enter", "G")
	out = view(80, 24)
	if !strings.Contains(out, "#3000  ") {
		t.Fatalf("filtered to cy, at the end:\n%s", out)
	}
	for _, size := range [][2]int{{30, 10}, {200, 50}, {80, 5}, {80, 24}} {
		out = view(size[0], size[1])
		s.press("G")
		out = view(size[0], size[1])
		if !strings.Contains(out, "two lines") {
			t.Errorf("%dx%d, G: the end of the filtered trail is not shown:\n%s", size[0], size[1], out)
		}
		if strings.Contains(out, "Ana") || strings.Contains(out, " Bo") {
			t.Errorf("%dx%d: a record the filter leaves out is shown:\n%s", size[0], size[1], out)
		}
		for i, l := range strings.Split(out, "\n") {
			if w := ansi.StringWidth(l); w > size[0] {
				t.Errorf("%dx%d: line %d is %d wide: %q", size[0], size[1], i, w, l)
			}
		}
		if got := strings.Count(out, "\n") + 1; got > size[1] {
			t.Errorf("%dx%d: %d lines drawn", size[0], size[1], got)
		}
	}
}

// What the export says (an error's end says what became of the file,
// so it is wrapped, not cut) never pushes the screen past its height,
// however long the path and however short the terminal.
func TestTrailExportSaidFitsTheScreen(t *testing.T) {
	sh := &shell{st: newStyles(true), width: 40, height: 6, saves: &saver{}}
	s := newTrail(sh, trailLoadedMsg{id: 7, subject: "Acme", verdict: history.Verdict{Intact: true}, entries: longTrail(20)})
	s.answered(exportedMsg{path: strings.Repeat("/very/long/folder", 20) + "/trail.txt", err: fmt.Errorf("%s is not a folder; nothing was written", strings.Repeat("/very/long/folder", 20))})
	for _, size := range [][2]int{{40, 6}, {20, 3}, {80, 24}} {
		out := s.View(size[0], size[1])
		if got := strings.Count(out, "\n") + 1; got > size[1] {
			t.Errorf("%dx%d: %d lines drawn:\n%s", size[0], size[1], got, out)
		}
		if !strings.Contains(ansi.Strip(out), "trail not exported") {
			t.Errorf("%dx%d: the failure is not said:\n%s", size[0], size[1], out)
		}
	}
}
