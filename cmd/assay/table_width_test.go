package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tableNames are names a privacy office in Tokyo, Seoul or Athens, or a
// hostile vendor, may give: double-width characters, an accent written
// as a combining mark, an emoji joined with a zero-width joiner, right-
// to-left text between direction marks, and an escape sequence that must
// never reach the terminal.
var tableNames = []string{
	"東京データ株式会社",                         // 9 characters, 18 cells
	"서울 보안 주식회사",                        // Hangul: two cells a syllable
	"Cafe\u0301 Ζωή Α.Ε.",               // the combining acute takes no cell
	"\U0001F469\u200D\U0001F4BB DevOps", // woman technologist: one emoji, two cells
	"\u200fשלום\u200e Ltd",              // the marks are dropped, the Hebrew is one cell a letter
	"Evil\x1b[31mRed\x1b[0m Co",         // the sequence is cleaned away
}

// TestCellWidthCountsTerminalCells checks the measure against widths
// worked out by hand from Unicode's East Asian Width and the emoji
// presentation: what a terminal draws.
func TestCellWidthCountsTerminalCells(t *testing.T) {
	for _, c := range []struct {
		s    string
		want int
	}{
		{"Acme Cloud Ltd", 14},
		{"東京データ株式会社", 18},
		{"서울 보안", 9},      // 4 syllables of 2 and a space
		{"Cafe\u0301", 4}, // e and its accent share a cell
		{"\U0001F469\u200D\U0001F4BB", 2},
		{"שלום", 4},
		{"Ζωή", 3},
	} {
		if got := cellWidth(c.s); got != c.want {
			t.Errorf("cellWidth(%q) = %d, want %d", c.s, got, c.want)
		}
	}
	// Cut to 7 cells: three double-width characters and the ellipsis;
	// the fourth would take the seventh cell and an eighth.
	if got := truncateCells("東京データ株式会社", 7); got != "東京デ…" {
		t.Errorf("truncateCells = %q, want 東京デ…", got)
	}
}

// columnStarts is the terminal cell at which each column of a table line
// starts: a column is a run of text set off by two spaces or more.
func columnStarts(line string) []int {
	var starts []int
	for i := 0; i < len(line); i++ {
		if line[i] != ' ' && (i == 0 || (i >= 2 && line[i-2:i] == "  ")) {
			starts = append(starts, cellWidth(line[:i]))
		}
	}
	return starts
}

// checkAligned requires every row of the table that begins at the line
// starting with heading to start its columns at the cells its heading
// does, and no escape character anywhere in out.
func checkAligned(t *testing.T, what, out, heading string) {
	t.Helper()
	if strings.ContainsRune(out, '\x1b') {
		t.Errorf("%s: an escape sequence reached the terminal:\n%q", what, out)
	}
	lines := strings.Split(out, "\n")
	start := -1
	for i, l := range lines {
		if strings.HasPrefix(l, heading) {
			start = i
			break
		}
	}
	if start < 0 {
		t.Fatalf("%s: no table headed %q in\n%s", what, heading, out)
	}
	want := columnStarts(lines[start])
	rows := 0
	for _, l := range lines[start+1:] {
		if l == "" {
			break
		}
		rows++
		if got := columnStarts(l); !equalInts(got, want) && !endsEmpty(l, got, want) {
			t.Errorf("%s: row starts its columns at cells %v, the heading at %v:\n%s\n%s", what, got, want, lines[start], l)
		}
	}
	if rows == 0 {
		t.Errorf("%s: the table has no rows:\n%s", what, out)
	}
}

// endsEmpty reports whether a row whose columns start where the
// heading's first ones do has its last cells empty: the line ends before
// the next column, as a table that trims trailing blanks writes it
// (assay team list's NOTE, empty for a login with nothing to note).
func endsEmpty(line string, got, want []int) bool {
	return len(got) < len(want) && equalInts(got, want[:len(got)]) &&
		cellWidth(strings.TrimRight(line, " ")) <= want[len(got)]
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Every table the command line prints keeps its columns in line whatever
// the names in it (README: untrusted text never breaks a table): assay
// list, plan, overdue, subject list and show, due and questionnaires.
func TestTablesAlignInTerminalCells(t *testing.T) {
	s := newCLISession(t)
	var ids []string
	for i, name := range tableNames {
		id := s.start("vendor-tiering", "Subject "+itoa64(int64(i+1)), "2026-03-01", tieringAnswers)
		s.plantSubject(id, name)
		ids = append(ids, id)
	}
	s.ok("plan", ids[0], "--item", "mfa", "--owner", "情報システム部")
	s.ok("plan", ids[0], "--item", "breach-notice", "--owner", "\U0001F469\u200D\U0001F4BB Ops",
		"--action", "法務部が通知条項を追加する")
	s.ok("plan", ids[1], "--item", "mfa", "--owner", "보안팀")
	// An owner of 19 double-width characters, 38 cells, is cut to the
	// owner column's 30: 14 characters (28 cells) and the ellipsis, as a
	// 15th would take cells 29 and 30 and leave none for it.
	s.ok("plan", ids[1], "--item", "breach-notice", "--owner", "情報システム部情報セキュリティ課長代理")
	if out := s.ok("plan", ids[1], "--as-of", "2026-04-01"); !strings.Contains(out, "  情報システム部情報セキュリテ…  ") {
		t.Errorf("the long owner is not cut to 30 cells:\n%s", out)
	} else {
		checkAligned(t, "assay plan with a long owner", out, "ITEM  ")
	}

	checkAligned(t, "assay list", s.ok("list", "--as-of", "2026-04-01"), "ID  ")
	checkAligned(t, "assay plan", s.ok("plan", ids[0], "--as-of", "2026-04-01"), "ITEM  ")
	checkAligned(t, "assay overdue", s.ok("overdue", "--as-of", "2030-01-01"), "ID  ")
	checkAligned(t, "assay subject list", s.ok("subject", "list", "--as-of", "2026-04-01"), "ID  ")
	checkAligned(t, "assay due", s.ok("due", "--as-of", "2029-06-01"), "SUBJECT  ")
	checkAligned(t, "assay subject show", s.ok("subject", "show", "1", "--as-of", "2026-04-01"), "ID  ")

	// A questionnaire of the user's own, titled in Japanese, listed with
	// the built-ins.
	src, err := os.ReadFile(filepath.Join(testdataQuestionnaires, "vendor-tiering.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	own := strings.Replace(string(src), "id: vendor-tiering", "id: tokyo-tiering", 1)
	own = strings.Replace(own, "\ntitle: ", "\ntitle: 委託先の階層化 ", 1)
	if err := os.WriteFile(filepath.Join(dir, "tokyo.yaml"), []byte(own), 0o600); err != nil {
		t.Fatal(err)
	}
	out := s.ok("--questionnaires", dir, "questionnaires")
	if !strings.Contains(out, "委託先の階層化") {
		t.Fatalf("the Japanese title is not listed:\n%s", out)
	}
	checkAligned(t, "assay questionnaires", out, "ID  ")
}

// assay coverage pads a control's ID by the cells it takes: a catalog of
// the user's own may number its controls in Japanese, and the status and
// name after such an ID stood further right than after an ASCII one.
func TestCoverageAlignsControlIDsInTerminalCells(t *testing.T) {
	s := newCLISession(t)
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "catalogs"), 0o700); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "catalogs"), "c.yaml",
		"catalog: cx\ntitle: CX\ncontrols:\n  - {id: \"管理策-1\", name: 認証}\n  - {id: \"A.1\", name: Access}\n")
	writeFile(t, dir, "m.yaml", "id: m\nversion: \"1\"\ntitle: M\nkind: security\nsections:\n  - id: s\n    title: S\n    questions:\n"+
		"      - {id: q, type: control, text: Q?, controls: {cx: [\"管理策-1\", \"A.1\"]}}\n")
	id := strings.TrimSpace(s.ok("--questionnaires", dir, "new", "-q", "m", "-s", "Acme"))
	s.ok("--questionnaires", dir, "answer", id, "-f", writeFile(t, t.TempDir(), "a.yaml", "answers:\n  q: no\n"))
	out := s.ok("--questionnaires", dir, "coverage", id, "--framework", "cx")
	// 管理策-1 takes 8 cells (three double-width characters, a hyphen and
	// a digit): A.1 is padded to 8 too, and both statuses start at cell 12.
	var starts [][]int
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "  gap  ") {
			starts = append(starts, columnStarts(l))
		}
	}
	if len(starts) != 2 || !equalInts(starts[0], []int{2, 12, 17}) || !equalInts(starts[1], starts[0]) {
		t.Errorf("control rows start their columns at %v, want [2 12 17] each:\n%s", starts, out)
	}
}
