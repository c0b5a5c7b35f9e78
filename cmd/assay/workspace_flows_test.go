package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The workspace's flows, driven in tmux on the built binary as a person
// would, each at one of the sizes the workspace lays out for (60x20,
// 80x24, 100x30, 200x50): keys in, the screen read back, the store
// checked with assay's own commands afterwards.

// workspace is a database with assessments made on the command line, and
// the built binary to open it in tmux.
type workspace struct {
	t   *testing.T
	bin string
	dir string
	env []string
}

func newWorkspace(t *testing.T) *workspace {
	t.Helper()
	dir := t.TempDir()
	return &workspace{t: t, bin: assayBinary(t), dir: dir, env: procEnv(dir, filepath.Join(dir, "assay.db"))}
}

// cli runs assay on the command line and returns its standard output.
func (w *workspace) cli(args ...string) string {
	w.t.Helper()
	r := runProc(w.bin, w.env, args...)
	if r.code != 0 {
		w.t.Fatalf("assay %s: exit %d\n%s%s", strings.Join(args, " "), r.code, r.stdout, r.errs)
	}
	return r.stdout
}

func (w *workspace) file(name, content string) string {
	w.t.Helper()
	path := filepath.Join(w.dir, name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		w.t.Fatal(err)
	}
	return path
}

// open starts the workspace in a tmux pane of width × height.
func (w *workspace) open(width, height int) *tmuxPane {
	return startTmuxAt(w.t, w.bin, w.env, width, height)
}

// quit presses q and waits for assay to end.
func (p *tmuxPane) quit() {
	p.t.Helper()
	p.keys("q")
	p.waitFor("assay to quit", func(string) bool {
		out, _ := p.cmd("list-panes", "-t", tmuxSession, "-F", "#{pane_dead}").Output()
		return len(out) == 0 || strings.TrimSpace(string(out)) == "1"
	})
}

// cursorLine is the line of screen the cursor (▸) is on, or "".
func cursorLine(screen string) string {
	for line := range strings.Lines(screen) {
		if strings.Contains(line, "▸") {
			return line
		}
	}
	return ""
}

// exported reads an assessment's answers as assay export writes them.
func (w *workspace) answers(id string) map[string]exportedAnswer {
	w.t.Helper()
	var doc struct {
		Answers []exportedAnswer `json:"answers"`
	}
	if err := json.Unmarshal([]byte(w.cli("export", id)), &doc); err != nil {
		w.t.Fatal(err)
	}
	out := map[string]exportedAnswer{}
	for _, a := range doc.Answers {
		out[a.Question] = a
	}
	return out
}

type exportedAnswer struct {
	Question string          `json:"question"`
	Value    json.RawMessage `json:"value"`
	Note     string          `json:"note"`
	Source   string          `json:"source"`
	Reviewed bool            `json:"reviewed"`
}

// A vendor call: typed answers go in as they are said, and moving on
// costs what it costs on a choice question. The free-text question has
// its field ready; the number waits for its first digit, so n opens the
// note instead of typing an n; → at the end of a typed answer saves it
// and moves on; → passes an unanswered question. At 60 columns, the
// smallest terminal the workspace lays out for.
func TestTmuxVendorCallWithTypedQuestions(t *testing.T) {
	w := newWorkspace(t)
	id := strings.TrimSpace(w.cli("new", "-q", "third-party-due-diligence", "-s", "Northwind Analytics"))
	p := w.open(60, 20)
	p.waitText("Northwind Anal") // cut in the list at 60 columns
	p.keys("Enter")
	p.waitText("question 1 of", "What service will the vendor provide", "✎ typing")
	p.keys("-l", "CRM hosting for the sales team")
	p.keys("Enter")
	p.waitText("question 2 of")
	p.keys("Right") // the data types: not answered on this call
	p.waitText("question 3 of", "No answer yet.", "keys: type a whole number of 0 or more")
	p.keys("n")
	p.waitText("Note: >")
	p.keys("-l", "Estimate given on the call")
	p.keys("Enter")
	p.waitText("Note: Estimate given on the call")
	p.keys("-l", "250000")
	p.waitText("✎ typing", "> 250000")
	p.keys("Right")
	p.waitText("question 4 of")
	p.keys("Left")
	p.waitText("question 3 of", "Answer: 250000", "saved ✓")
	p.quit()

	got := w.answers(id)
	if a := got["service"]; !strings.Contains(string(a.Value), "CRM hosting for the sales team") {
		t.Errorf("service stored as %s", a.Value)
	}
	if a := got["records"]; !strings.Contains(string(a.Value), "250000") || a.Note != "Estimate given on the call" {
		t.Errorf("records stored as %s, note %q", a.Value, a.Note)
	}
	if _, ok := got["data-types"]; ok {
		t.Errorf("the question passed with → has an answer: %s", got["data-types"].Value)
	}
}

// A vendor's file, confirmed on a call: the status line counts what is
// left, y confirms the answer shown and goes to the next one, and once all
// are confirmed a submit needs no acceptance of unconfirmed answers. At
// 100 columns.
func TestTmuxConfirmingAVendorFile(t *testing.T) {
	w := newWorkspace(t)
	id := strings.TrimSpace(w.cli("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd"))
	sent := w.cli("send", id)
	sent = fill(t, sent, "data-sensitivity", "personal")
	for _, q := range vendorScreenQuestions {
		sent = fill(t, sent, q, "yes")
	}
	w.cli("answer", id, "-f", w.file("acme.yaml", sent))
	p := w.open(100, 30)
	p.waitText("Acme Cloud Ltd")
	p.keys("Enter")
	p.waitText("33 vendor answers to confirm", "not yet confirmed: y confirms it")
	for left := 32; left >= 1; left-- {
		p.keys("y")
		p.waitText(fmt.Sprintf("%d vendor %s to confirm", left, map[bool]string{true: "answer", false: "answers"}[left == 1]))
	}
	p.keys("y")
	p.waitText("vendor answers all confirmed", "Every vendor answer is confirmed.", "saved ✓")
	p.quit()

	for q, a := range w.answers(id) {
		if a.Source != "vendor" || !a.Reviewed {
			t.Errorf("%s stored as source %q, reviewed %v; want the vendor's, confirmed", q, a.Source, a.Reviewed)
		}
	}
	if out := w.cli("review", id, "--submit"); !strings.Contains(out, "in review") {
		t.Errorf("submit after confirming every answer: %s", out)
	}
}

// From a pre-screen to the vendor's assessment: the review opens on what
// the pre-screen recommends; third-party due diligence asks for the vendor
// (not the initiative's name) and opens its interview. At 200 columns.
func TestTmuxPrescreenToAVendorAssessment(t *testing.T) {
	w := newWorkspace(t)
	id := strings.TrimSpace(w.cli("new", "-q", "prescreen", "-s", "Loan pre-approval", "--kind", "system"))
	w.cli("answer", id, "-f", w.file("pre.yaml", `answers:
  initiative: Loan pre-approval in the mobile app
  personal-data: "yes"
  high-risk-criteria: [scoring, sensitive]
  existing-dpia: "no"
  sector: "no"
  automated-decisions: decides
  vendor: "yes"
  vendor-assessed: "no"
  license-out: "no"
  anonymized-dataset: "no"
  cross-border: "yes"
`))
	p := w.open(200, 50)
	p.waitText("Loan pre-approval")
	p.keys("r")
	p.waitText("[Recommended]", "▸ Privacy impact assessment (DPIA)", "Third-party due diligence")
	// One Down at a time, each drawn before the next: the cursor waited
	// for was only off the first line, so from the second Down on the
	// next was pressed before the last was drawn, and could pass the one
	// wanted.
	for range 5 {
		before := p.screen()
		if strings.Contains(before, "▸ Third-party due diligence") {
			break
		}
		p.keys("Down")
		p.waitFor("the cursor to move", func(s string) bool { return cursorLine(s) != cursorLine(before) })
	}
	p.waitText("▸ Third-party due diligence", "enter asks for the vendor")
	p.keys("Enter")
	p.waitText("┃ Vendor", "the pre-screen was about Loan pre-approval")
	p.keys("-l", "Northwind Analytics")
	p.waitText("> Northwind Analytics")
	p.keys("Enter")
	p.waitText("┃ The subject is a", "> vendor")
	p.keys("Enter")
	p.waitText("Northwind Analytics", "[Interview]", "question 1 of", "What service will the vendor provide")
	p.keys("Escape")
	p.waitText("keys: enter types an answer")
	p.quit()

	list := w.cli("list")
	if !strings.Contains(list, "Northwind Analytics") || strings.Count(list, "Loan pre-approval") != 1 {
		t.Errorf("assay list after starting the vendor's assessment:\n%s", list)
	}
}

// Drilling from a finding to its question: enter on a finding opens its
// question in the interview; answered there, esc comes back to the
// review, where the finding is gone. At 80 columns.
func TestTmuxDrillingFromAFindingToItsQuestion(t *testing.T) {
	w := newWorkspace(t)
	id := strings.TrimSpace(w.cli("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd"))
	var b strings.Builder
	b.WriteString("answers:\n")
	for _, q := range vendorScreenQuestions {
		answer := "yes"
		if q == "logging" {
			answer = "no"
		}
		b.WriteString("  " + q + ": " + answer + "\n")
	}
	w.cli("answer", id, "-f", w.file("acme.yaml", b.String()))
	p := w.open(80, 24)
	p.waitText("Acme Cloud Ltd")
	p.keys("r")
	p.waitText("[Scores]")
	p.keys("Right", "Right", "Right")
	p.waitText("[Findings]", "▸ F1", "Question: logging", "enter opens the question")
	p.keys("Enter")
	p.waitText("[Interview]", "Are security events on systems holding our data logged", "(•) No")
	p.keys("1")
	p.waitText("(•) Yes, in place", "saved ✓")
	p.keys("Escape")
	p.waitText("[Review]", "[Findings]", "No findings.")
	p.quit()

	if out := w.cli("score", id); !strings.Contains(out, "Findings: 0") {
		t.Errorf("assay score after answering from the finding:\n%s", out)
	}
}
