package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// evil is text a vendor or a shared questionnaire could carry to take over
// the analyst's terminal: an OSC 52 clipboard write, an OSC 8 hyperlink, a
// CSI screen clear, a C1 CSI (U+009B) and C1 NEL, and a bidi override that
// makes text read backwards.
const evil = "Evil\x1b]52;c;cGF3bmVk\x07 \x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\ \x1b[2J\u009b31m \u0085 \u202eRTL\u202c end"

// terminalHazard returns what in out a terminal would act on, or "": ESC,
// BEL, any other C0 control but tab, newline and carriage return, a C1
// control as UTF-8 or as a raw byte, or a bidi control.
func terminalHazard(out string) string {
	for i := 0; i < len(out); {
		r, size := utf8.DecodeRuneInString(out[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return fmt.Sprintf("byte %#x at %d (a raw 8-bit control or invalid UTF-8)", out[i], i)
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0x7f:
			return fmt.Sprintf("control %#x at %d", r, i)
		case r >= 0x80 && r <= 0x9f:
			return fmt.Sprintf("C1 control U+%04X at %d", r, i)
		case (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c:
			return fmt.Sprintf("bidi control U+%04X at %d", r, i)
		}
		i += size
	}
	return ""
}

// hostileQuestionnaire is the scoring-basics test questionnaire with evil
// text in its title, a section title and a question's text and help, as a
// questionnaire shared by someone else might be. It returns the folder.
func hostileQuestionnaire(t *testing.T) string { return hostileQuestionnaireWith(t, evil, "security") }

// hostileQuestionnaireWith puts text into the title, a section title, a
// question's text, help and action and an option's label, and sets kind.
func hostileQuestionnaireWith(t *testing.T, text, kind string) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(testdataQuestionnaires, "scoring-basics.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	y := quote(text) // JSON string syntax is YAML double-quoted syntax
	body := string(src)
	for old, repl := range map[string]string{
		"id: scoring-basics\n":                           "id: hostile\n",
		"kind: security\n":                               "kind: " + kind + "\n",
		"title: Scoring basics\n":                        "title: " + y + "\n",
		"    title: Controls\n":                          "    title: " + y + "\n",
		"text: Is data encrypted at rest?\n":             "text: " + y + "\n        help: " + y + "\n",
		"action: Encrypt every store of data at rest.\n": "action: " + y + "\n",
		"label: Financial data,":                         "label: " + y + ",",
	} {
		if !strings.Contains(body, old) {
			t.Fatalf("scoring-basics.yaml no longer has %q", old)
		}
		body = strings.Replace(body, old, repl, 1)
	}
	dir := t.TempDir()
	writeFile(t, dir, "hostile.yaml", body)
	return dir
}

// Untrusted text never reaches the terminal with its escape sequences:
// subject names, notes, evidence, plan owners, milestones, acceptances,
// sign-off comments and questionnaire titles go through every command that
// prints them, and through error messages that quote files, and nothing a
// terminal would act on comes out on stdout or stderr. JSON output keeps
// the text, escaped.
func TestNoEscapeSequencesReachTheTerminal(t *testing.T) {
	s := newCLISession(t)
	qdir := hostileQuestionnaire(t)
	q := []string{"--questionnaires", qdir}
	// The version too: score --explain and plan printed it as it was. A
	// version is at most 64 characters (longer is refused), so it carries
	// evil's sequences without its link and its words.
	const evilVersion = "2.1.0 \x1b]52;c;cGF3bmVk\x07\x1b[2J\u009b31m\u0085\u202eRTL\u202c"
	hostilePath := filepath.Join(qdir, "hostile.yaml")
	body, err := os.ReadFile(hostilePath)
	if err != nil || !strings.Contains(string(body), "version: \"2.1.0\"\n") {
		t.Fatalf("hostile.yaml no longer has version 2.1.0: %v", err)
	}
	writeFile(t, qdir, "hostile.yaml", strings.Replace(string(body), "version: \"2.1.0\"\n", "version: "+quote(evilVersion)+"\n", 1))
	// The lint of the questionnaire itself (it has no problems, but says so
	// by file name) and the listing of questionnaires.
	var outputs []string
	record := func(args ...string) {
		t.Helper()
		code, out, errOut := s.run("", append(append([]string{}, q...), args...)...)
		outputs = append(outputs, fmt.Sprintf("assay %s (exit %d)\x00%s\x00%s", strings.Join(args, " "), code, out, errOut))
	}
	must := func(args ...string) string {
		t.Helper()
		return strings.TrimSpace(s.ok(append(append([]string{}, q...), args...)...))
	}

	// Names with escape sequences are refused, saying which name, and
	// with nothing a terminal would act on in the message.
	for _, args := range [][]string{
		{"subject", "add", evil}, {"subject", "add", "Acme", "--owner", evil}, {"subject", "add", "Acme", "--contact", evil},
		{"new", "-q", "hostile", "-s", evil},
	} {
		code, out, errOut := s.run("", append(append([]string{}, q...), args...)...)
		if code != 1 || !strings.Contains(errOut, "escape sequence") {
			t.Errorf("assay %s: exit %d, %q; want the name refused", strings.Join(args[:2], " "), code, errOut)
		}
		outputs = append(outputs, fmt.Sprintf("assay %s (exit %d)\x00%s\x00%s", strings.Join(args, " "), code, out, errOut))
	}

	// Free text is stored without its escape sequences. The evil names
	// are put in the database directly below, as an older assay, which
	// stored names as given, or sqlite3 could have left them.
	must("subject", "add", "Evil Corp", "--kind", "vendor", "--owner", "Owner", "--contact", "Contact", "--notes", evil)
	first := must("new", "-q", "hostile", "-s", "Evil Corp", "--date", "2025-01-10")
	answers := writeFile(t, t.TempDir(), "answers.yaml", fmt.Sprintf(`answers:
  mfa: {answer: no, note: %[1]s, evidence: [%[1]s]}
  encryption: {answer: partial, note: %[1]s}
  contact: %[1]s
`, quote(evil)))
	must("answer", first, "-f", answers)
	must("plan", first, "--item", "mfa", "--owner", "Sam", "--action", evil, "--due", "2025-06-30", "--reason", evil,
		"--milestone", "2025-03-01 "+evil, "--as-of", "2025-01-11")
	restore := recordedOnDay(t, "2025-01-11") // the acceptance is given, and recorded, on 11 January 2025
	must("plan", first, "--item", "encryption", "--accept-approver", "CISO", "--accept-reason", evil, "--accept-expires", "2025-12-31", "--as-of", "2025-01-11")
	restore()
	for _, args := range [][]string{
		{"plan", first, "--item", "mfa", "--owner", evil}, {"plan", first, "--item", "encryption", "--accept-approver", evil},
		{"--reviewer", evil, "review", first, "--submit"},
	} {
		record(args...)
	}
	must("review", first, "--submit", "--comment", evil, "--date", "2025-01-12")
	second := must("new", "-q", "hostile", "-s", "Evil Corp", "--date", "2026-01-10")
	must("answer", second, "-f", writeFile(t, t.TempDir(), "second.yaml", "answers:\n  mfa: {answer: yes, note: "+quote(evil+" fixed")+"}\n"))
	s.plant(`UPDATE subjects SET name = ?1, owner = ?1, contacts = json_array(?1), notes = ?1`, evil)
	s.plant(`UPDATE assessments SET subject = ?1, reviewer = ?1`, evil)
	s.plant(`UPDATE answers SET note = ?1, evidence = json_array(?1)`, evil)
	s.plant(`UPDATE plan_edits SET edit = json_set(edit, '$.owner', ?1, '$.action', ?1, '$.due_reason', ?1, '$.milestones[0].title', ?1)
		WHERE finding_key = 'mfa'`, evil)
	s.plant(`UPDATE plan_edits SET edit = json_set(edit, '$.acceptance.approver', ?1, '$.acceptance.reason', ?1) WHERE finding_key = 'encryption'`, evil)
	s.plant(`INSERT INTO signoffs (assessment_id, role, name, signed_on, decision, comment, audit_seq, at)
		VALUES (?2, 'author', ?1, '2025-01-12', 'submitted', ?1, 1, '2025-01-12T09:00:00Z')`, evil, first)
	s.plant(`UPDATE events SET actor = ?1`, evil)

	for _, args := range [][]string{
		{"questionnaires"}, {"lint", filepath.Join(qdir, "hostile.yaml")},
		{"list"}, {"list", "--json"}, {"list", "--all"},
		{"score", first}, {"score", first, "--explain"}, {"score", first, "--json"},
		{"plan", first, "--as-of", "2025-08-01"}, {"plan", first, "--item", "mfa", "--as-of", "2025-08-01"},
		{"overdue", "--as-of", "2025-08-01"}, {"overdue", "--json", "--as-of", "2025-08-01"},
		{"due", "--as-of", "2027-06-01"}, {"due", "--json", "--as-of", "2027-06-01"},
		{"subject", "list"}, {"subject", "list", "--json"}, {"subject", "show", "1"},
		{"diff", first, second, "--as-of", "2026-02-01"},
		{"coverage", first}, {"coverage", first, "--json"},
		{"report", first, "--as-of", "2025-08-01"}, {"report", first, "--format", "csv"}, {"report", first, "--format", "oscal-poam"},
		{"send", second}, {"export", first}, {"verify"}, {"verify", first}, {"history", first}, {"history", first, "--json"},
		// Errors that quote what the user or a file gave.
		{"new", "-q", evil, "-s", "x"}, {"subject", "show", evil}, {"plan", first, "--item", evil, "--owner", "x"},
		{"score", evil}, {"plan", first, "--status", evil, "--item", "mfa"},
		{"answer", second, "-f", writeFile(t, t.TempDir(), "bad.yaml", "answers:\n  "+quote(evil)+": yes\n  mfa: "+quote(evil)+"\n  staff: {"+quote(evil)+": 1}\n")},
		{"answer", second, "-f", writeFile(t, t.TempDir(), "x\x1b]52;c;eA==\x07\u009b\u202e.yaml", "answers:\n  mfa: maybe\n")},
		{"import", writeFile(t, t.TempDir(), "bad.json", `{"format": `+quote(evil)+`}`)},
		{"import", writeFile(t, t.TempDir(), "bad2.json", `{"format": "assay-assessment", `+quote(evil)+`: 1}`)},
		{"lint", writeFile(t, t.TempDir(), "bad-q.yaml", "id: "+quote(evil)+"\n"+quote(evil)+": 1\nkind: "+quote(evil)+"\n")},
	} {
		record(args...)
	}
	// A questionnaire folder with a broken file named with escapes.
	bad := t.TempDir()
	writeFile(t, bad, "x\x1b[31m.yaml", "id: [\n")
	code, out, errOut := s.run("", "--questionnaires", bad, "questionnaires")
	outputs = append(outputs, fmt.Sprintf("assay questionnaires with a bad file (exit %d)\x00%s\x00%s", code, out, errOut))

	planted := 0
	for _, o := range outputs {
		if strings.HasPrefix(o, "assay subject show 1 ") || strings.HasPrefix(o, "assay report "+first+" --as-of") {
			planted += strings.Count(o, "RTL end")
		}
	}
	if planted < 5 {
		t.Errorf("the planted text shows %d times in subject show and the report; the test no longer shows what it means to", planted)
	}
	for _, o := range outputs {
		parts := strings.SplitN(o, "\x00", 3)
		for i, stream := range []string{"stdout", "stderr"} {
			if h := terminalHazard(parts[i+1]); h != "" {
				t.Errorf("%s: %s has %s:\n%q", parts[0], stream, h, parts[i+1])
			}
		}
	}
}
