package main

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostileCase is one broken or hostile file and what assay must say about
// it: each wanted string must be in stderr (or, for lint, stdout).
type hostileCase struct {
	name string
	body []byte
	want []string
}

// randomBytes is reproducible garbage.
func randomBytes(seed uint64, n int) []byte {
	r := rand.New(rand.NewPCG(seed, seed))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// sparseFile makes a file of size bytes without writing them.
func sparseFile(t *testing.T, size int64) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "huge.yaml")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Truncate(size); err != nil {
		t.Fatal(err)
	}
	return path
}

// laughs is a billion-laughs document: nine levels of nine aliases,
// 9^9 values once expanded, under key.
func laughs(key string) string {
	var b strings.Builder
	b.WriteString("l0: &l0 [x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i <= 9; i++ {
		b.WriteString("l" + itoa64(int64(i)) + ": &l" + itoa64(int64(i)) + " [")
		for j := 0; j < 9; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*l" + itoa64(int64(i-1)))
		}
		b.WriteString("]\n")
	}
	return b.String() + key + ": *l9\n"
}

// checkRefused runs args with the case's file, and requires a non-zero
// exit, every wanted message, and the database exactly as it was. That a
// file made to cost without end (aliases, nesting, size) costs no more
// than a limit's worth shows in the wanted message naming the limit it
// reached, not in a time: how long is the machine's business (a hang
// still ends the test binary at go test's timeout). That such shapes
// never reach the YAML parser, and cost work in proportion to their
// size, is counted in questionnaires/internal/yamlx/hostile_parse_test.go.
func checkRefused(t *testing.T, s *cliSession, before string, c hostileCase, path string, args ...string) {
	t.Helper()
	code, out, errOut := s.run("", args...)
	if code == 0 {
		t.Fatalf("exit 0: the file was accepted\nstdout: %s", out)
	}
	for _, w := range c.want {
		w = strings.ReplaceAll(w, "FILE", path)
		if !strings.Contains(errOut+out, w) {
			t.Errorf("output does not say %q:\nstdout: %.2000s\nstderr: %.2000s", w, out, errOut)
		}
	}
	if len(errOut)+len(out) > 100_000 {
		t.Errorf("%d bytes of output: a refusal should be short", len(errOut)+len(out))
	}
	if after := s.dbDigest(); after != before {
		t.Error("the database changed")
	}
}

// Broken and hostile answers files are refused with the file, line and
// field at fault, at the limits the loader keeps, and nothing is recorded.
func TestHostileAnswersFiles(t *testing.T) {
	s := newCLISession(t)
	id := s.start("scoring-basics", "Acme", "2026-01-10", "mfa: yes\ndata-types: [contact]")
	before := s.dbDigest()
	for _, c := range []hostileCase{
		{"malformed YAML", []byte("answers:\n  mfa: [yes\n  policy: {\n"), []string{"FILE:3:3: YAML syntax:", "nothing was recorded"}},
		{"unknown question", []byte("answers:\n  mfa: no\n  firewall: yes\n"), []string{`FILE:3:3: answers.firewall: questionnaire scoring-basics has no question "firewall"`}},
		{"duplicate question", []byte("answers:\n  mfa: no\n  policy: yes\n  mfa: partial\n"), []string{`FILE:4:3: YAML syntax: "mfa" is given twice; the first is at line 2`}},
		{"duplicate top-level key", []byte("answers:\n  mfa: no\nanswers:\n  mfa: yes\n"), []string{`FILE:3:1: YAML syntax: "answers" is given twice; the first is at line 1`}},
		{"text where a number belongs", []byte("answers:\n  staff: lots\n"), []string{`FILE:2:10: answers.staff: question staff takes a number, not "lots"`}},
		{"list where a number belongs", []byte("answers:\n  staff: [1, 2]\n"), []string{"FILE:2:10: answers.staff: question staff takes a number, not a list or mapping", "1 problem;"}},
		{"list where one option belongs", []byte("answers:\n  mfa: [yes, no]\n"), []string{"FILE:2:8: answers.mfa: question mfa takes one option"}},
		{"mapping where a date belongs", []byte("answers:\n  pentest: {answer: {y: 2025}}\n"), []string{"answers.pentest.answer: question pentest takes a date, not a list or mapping"}},
		{"the answers are a list", []byte("answers: [mfa, yes]\n"), []string{"FILE:1:10: answers: expected a mapping, found a list"}},
		{"random bytes", randomBytes(1, 4096), []string{"FILE:1:", "not UTF-8 text"}},
		{"NUL bytes", []byte("answers:\n  mfa: y\x00es\n"), []string{"FILE:2:9: the file holds a NUL byte: it is binary, not text"}},
		{"invalid UTF-8", []byte("answers:\n  mfa: {answer: yes, note: \"caf\xe9\"}\n"), []string{"FILE:2:32: the file is not UTF-8 text (byte 0xe9)"}},
		{"a PNG", append([]byte("\x89PNG\r\n\x1a\n"), randomBytes(2, 200)...), []string{"FILE:1:1: the file is not UTF-8 text (byte 0x89)"}},
		{"billion laughs", []byte(strings.Replace(laughs("data"), "data: *l9", "answers:\n  data-types: *l9", 1)), []string{"FILE:1:1: the file's aliases expand to more than 500000 values"}},
		{"10,000 aliases in a row", []byte("answers:\n  data-types: &a [contact]\n  x: [" + strings.Repeat("*a, ", 10001) + "*a]\n"), []string{"uses aliases more than 10000 times"}},
		{"nested 100,000 deep", []byte("answers:\n  mfa: " + strings.Repeat("[", 100_000)), []string{"FILE:2:", "nests lists and mappings more than 64 deep"}},
		{"a note of 50 MB", []byte("answers:\n  mfa: {answer: no, note: \"" + strings.Repeat("x", 50<<20) + "\"}\n"), []string{"FILE: the file is 50.0 MiB, over the 16 MiB limit for input files"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := writeFile(t, t.TempDir(), "answers.yaml", string(c.body))
			checkRefused(t, s, before, c, path, "answer", id, "-f", path)
		})
	}
	t.Run("a sparse file of 50 MB", func(t *testing.T) {
		path := sparseFile(t, 50<<20)
		checkRefused(t, s, before, hostileCase{want: []string{"FILE: the file is 50.0 MiB, over the 16 MiB limit"}}, path, "answer", id, "-f", path)
	})
}

// Broken and hostile questionnaire files are refused by lint and skipped
// by every other command with the file, line and field at fault; an
// assessment cannot be started from them and the database is unchanged.
func TestHostileQuestionnaires(t *testing.T) {
	s := newCLISession(t)
	s.start("scoring-basics", "Acme", "2026-01-10", "mfa: yes")
	before := s.dbDigest()
	const head = "id: custom\nversion: \"1\"\ntitle: Custom\nkind: security\n"
	q := func(questions string) []byte {
		return []byte(head + "sections:\n  - id: s\n    title: S\n    questions:\n" + questions)
	}
	for _, c := range []hostileCase{
		{"malformed YAML", []byte(head + "sections: [{id: s\n"), []string{"FILE:", "YAML syntax:"}},
		{"duplicate question ID", q("      - {id: a, type: control, text: A}\n      - {id: a, type: control, text: B}\n"),
			[]string{`FILE:10:14: sections[s].questions[a].id: duplicate question id "a" (first defined at line 9)`}},
		{"duplicate key", []byte(head + "kind: privacy\n"), []string{`FILE:5:1: YAML syntax: "kind" is given twice; the first is at line 4`}},
		{"list where text belongs", []byte("id: custom\nversion: \"1\"\ntitle: [a, b]\nkind: security\nsections: []\n"), []string{"FILE:3:8: title: expected text, found a list"}},
		{"text where a number belongs", q("      - {id: a, type: control, text: A, weight: heavy}\n"), []string{`sections[s].questions[a].weight: expected a number with at most 3 decimal places, found "heavy"`}},
		{"condition on itself", q("      - {id: a, type: control, text: A, when: \"a == 'yes'\"}\n"),
			[]string{"FILE:9:47: sections[s].questions[a].when: condition: a is not asked before this point"}},
		{"two conditions in a cycle", q("      - {id: a, type: control, text: A, when: \"b == 'yes'\"}\n      - {id: b, type: control, text: B, when: \"a == 'yes'\"}\n"),
			[]string{"FILE:9:47: sections[s].questions[a].when: condition: b is not asked before this point"}},
		{"condition on an unknown question", q("      - {id: a, type: control, text: A, when: \"zz == 'yes'\"}\n"), []string{"sections[s].questions[a].when: condition: unknown question zz"}},
		{"random bytes", randomBytes(3, 4096), []string{"FILE:1:", "not UTF-8 text"}},
		{"NUL bytes", append(q("      - {id: a, type: control, text: A}\n"), 0, 0, 0), []string{"FILE:10:1: the file holds a NUL byte"}},
		{"billion laughs", []byte(head + laughs("sections")), []string{"FILE:1:1: the file's aliases expand to more than 500000 values"}},
		{"nested 100,000 deep", []byte(head + "sections: " + strings.Repeat("[", 100_000)), []string{"FILE:5:", "nests lists and mappings more than 64 deep"}},
		{"100,000 empty entries", []byte(head + "sections:\n" + strings.Repeat("  -\n", 100_000) + strings.Repeat("  - x\n", 100_000)), []string{"FILE:", "the file has too many keys or list entries with nothing after them"}},
		{"a long line of anchors", []byte(head + "description: " + strings.Repeat("&a ", 200_000) + "x\n"), []string{"FILE:5:"}},
		{"50 MB", append(q("      - {id: a, type: control, text: A}\n"), []byte("#"+strings.Repeat("x", 50<<20)+"\n")...), []string{"FILE:1:1: the file is over the 16 MiB limit for input files"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := writeFile(t, dir, "custom.yaml", string(c.body))
			// lint reports it, on stdout; the library skips it, on stderr,
			// and the assessment is not started.
			lint := c
			lint.want = append([]string{}, c.want...)
			for i, w := range lint.want {
				if strings.HasPrefix(w, "FILE: the file is") { // lint reads the file itself
					lint.want[i] = strings.Replace(w, "FILE: the file is", "FILE: the file is 50.0 MiB,", 1)
				}
			}
			checkRefused(t, s, before, c, path, "--questionnaires", dir, "new", "-q", "custom", "-s", "Acme")
			code, _, errOut := s.run("", "--questionnaires", dir, "new", "-q", "custom", "-s", "Acme")
			if code == 0 || !strings.Contains(errOut, "Skipping the questionnaire file "+path+":") {
				t.Errorf("the library did not name the file it skipped:\n%.2000s", errOut)
			}
			if !strings.HasPrefix(c.name, "50 MB") {
				checkRefused(t, s, before, lint, path, "lint", path)
			}
		})
	}
}

// Broken and hostile assessment files are refused by import with the
// field or position at fault, and the database is unchanged.
func TestHostileImportFiles(t *testing.T) {
	_, _, file := exportedVendor(t)
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s := newCLISession(t)
	s.start("scoring-basics", "Existing", "2026-01-10", "mfa: yes")
	before := s.dbDigest()
	withAnswers := func(old, repl string) []byte {
		if !strings.Contains(string(src), old) {
			t.Fatalf("the export has no %q", old)
		}
		return []byte(strings.Replace(string(src), old, repl, 1))
	}
	firstAnswer := "\"answers\": [\n    {\n"
	for _, c := range []hostileCase{
		{"malformed JSON", []byte("{\n  \"format\": \"assay-assessment\",\n  \"format_version\": 2,,\n}"), []string{"FILE:3:23: not valid JSON"}},
		{"duplicate key", withAnswers("\"format_version\": 2,", "\"format_version\": 2,\n  \"format_version\": 2,"),
			[]string{`FILE:4:3: format_version: the key "format_version" appears twice in one object`}},
		{"duplicate key inside an answer", withAnswers(firstAnswer, firstAnswer+"      \"note\": \"hidden\",\n"),
			[]string{`answers[0].note: the key "note" appears twice in one object`}},
		{"a question answered twice", withAnswers(firstAnswer, firstAnswer+"      \"question\": \"data-sensitivity\",\n      \"value\": {\"choices\": [\"personal\"]},\n      \"source\": \"analyst\"\n    },\n    {\n"),
			[]string{"answers[1].question: data-sensitivity is answered twice"}},
		{"a list where text belongs", withAnswers("\"subject\": \"Acme", "\"subject\": [\"Acme\"], \"x\": \"Acme"), []string{"assessment.subject: expected string, found a JSON array"}},
		{"text where a number belongs", withAnswers("\"format_version\": 2", "\"format_version\": \"2\""), []string{"FILE:3:24: format_version: expected int, found a JSON string"}},
		{"random bytes", randomBytes(4, 4096), []string{"FILE:1:", "not UTF-8 text"}},
		{"NUL bytes", append(append([]byte{}, src[:40]...), 0), []string{"the file holds a NUL byte"}},
		{"invalid UTF-8 in a note", withAnswers("\"Acme", "\"Acm\xe9"), []string{"the file is not UTF-8 text (byte 0xe9)"}},
		{"nested 100,000 deep", []byte(strings.Repeat("[", 100_000)), []string{"FILE:1:10001: the file nests arrays and objects more than 10000 deep"}},
		{"50 MB", append(append([]byte{}, src...), []byte(strings.Repeat(" ", 50<<20))...), []string{"over the 16 MiB limit for input files"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := writeFile(t, t.TempDir(), "bad.json", string(c.body))
			c.want = append(c.want, "nothing was imported")
			if strings.HasPrefix(c.name, "50 MB") {
				c.want = c.want[:1] // refused as it is read, before import says anything else
			}
			checkRefused(t, s, before, c, path, "import", path)
		})
	}
}

// A broken or hostile settings file stops assay with its name, line and
// position before anything is stored.
func TestHostileConfigFiles(t *testing.T) {
	s := newCLISession(t)
	s.start("scoring-basics", "Existing", "2026-01-10", "mfa: yes")
	before := s.dbDigest()
	for _, c := range []hostileCase{
		{"malformed YAML", []byte("deadlines: {high: 3\n"), []string{"FILE:"}},
		{"wrong type", []byte("deadlines: [1, 2]\n"), []string{"FILE:1:12: deadlines: a mapping is needed here, not a list"}},
		{"a number for a mapping", []byte("cadence: 12\n"), []string{"FILE:1:10: cadence: a mapping is needed here, not a number"}},
		{"unknown key", []byte("deadline: {high: 3}\n"), []string{"FILE:", "unknown field"}},
		{"misspelt questionnaire ID", []byte("deadlines: {high: 20}\nquestionnaires:\n  scoring-basics:\n    deadlines: {high: 10}\n  scoring-basic:\n    deadlines: {medium: 60}\n"),
			[]string{`FILE:5:3: questionnaires.scoring-basic: there is no questionnaire "scoring-basic" (questionnaires: `, "scoring-basics"}},
		{"random bytes", randomBytes(5, 4096), []string{"FILE:1:", "not UTF-8 text"}},
		{"billion laughs", []byte(laughs("reviewer")), []string{"FILE: its aliases expand to more than 10000 values"}},
		{"nested 100,000 deep", []byte("deadlines: " + strings.Repeat("[", 100_000)), []string{"FILE:1:", "nests lists and mappings more than 64 deep"}},
		// A fraction was dropped without a word: high: 1.5 gave one day,
		// medium: 2.9 two.
		{"a deadline with a fraction", []byte("deadlines:\n  high: 1.5\n"), []string{"FILE:2:9:", "a whole number is needed here, such as 30, not "}},
		{"a quoted fraction", []byte("deadlines: {medium: '2.9'}\n"), []string{"FILE:1:21:", "a whole number is needed here, such as 30, not "}},
		{"a questionnaire's deadline with a fraction", []byte("questionnaires:\n  scoring-basics:\n    deadlines: {high: 4.75}\n"), []string{"FILE:3:23:", "a whole number is needed here, such as 30, not "}},
		{"a cadence with a fraction", []byte("cadence:\n  default: 12.5\n"), []string{"FILE:2:12:", "a whole number is needed here, such as 30, not "}},
		// The decoder read the first document only: four_eyes: true after a
		// --- was silently off, and one reviewer approved what they submitted.
		// Refused only when a command signed with it, without naming the
		// settings file the name came from.
		{"a reviewer with an escape sequence", []byte("reviewer: \"\\e[31mEve\"\n"), []string{"FILE:1:11: reviewer holds an escape sequence (ESC) at character 1"}},
		{"a second document", []byte("reviewer: Jane Analyst\n---\nfour_eyes: true\n"), []string{"FILE:3:1:", "more than one YAML document"}},
		// The decoder's words named Go's types: "cannot unmarshal string
		// into Go struct field Config.FourEyes of type bool".
		{"four_eyes: yes", []byte("four_eyes: yes\n"), []string{`FILE:1:12: four_eyes: "yes" is not true or false`}},
		{"a list for the reviewer", []byte("reviewer: [Ana, Bo]\n"), []string{`FILE:1:11: reviewer: one name is needed here, not a list`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := writeFile(t, t.TempDir(), "config.yaml", string(c.body))
			s.env["ASSAY_CONFIG"] = path
			defer delete(s.env, "ASSAY_CONFIG")
			checkRefused(t, s, before, c, path, "--questionnaires", testdataQuestionnaires, "new", "-q", "scoring-basics", "-s", "Acme")
		})
	}
}
