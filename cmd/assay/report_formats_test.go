package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/internal/render/rendertest"
)

// hostileCommitteeReport records an assessment whose subject, notes,
// evidence, free text, plan owner, action, reason, milestone, acceptance,
// sign-off and DPO comment, and questionnaire texts are all mdEvil (on one
// line where a name must be).
func hostileCommitteeReport(t *testing.T, s *cliSession) (id string, q []string) {
	t.Helper()
	q = []string{"--questionnaires", hostileQuestionnaireWith(t, mdEvil, "privacy")}
	must := func(args ...string) string {
		t.Helper()
		return strings.TrimSpace(s.ok(append(append([]string{}, q...), args...)...))
	}
	name := strings.Join(strings.Fields(mdEvil), " ") // names are one line
	id = must("new", "-q", "hostile", "-s", name, "--date", "2026-01-10")
	must("answer", id, "-f", writeFile(t, t.TempDir(), "a.yaml", "answers:\n"+
		"  mfa: {answer: no, note: "+quote(mdEvil)+", evidence: ["+quote(mdEvil)+"]}\n"+
		"  encryption: {answer: partial, note: "+quote(mdEvil)+"}\n"+
		"  data-types: [financial]\n"+
		"  contact: "+quote(mdEvil)+"\n"))
	must("plan", id, "--item", "mfa", "--owner", name, "--action", mdEvil, "--due", "2026-09-30", "--reason", mdEvil,
		"--milestone", "2026-03-01 "+mdEvil, "--as-of", "2026-01-11")
	restore := recordedOnDay(t, "2026-01-11") // the acceptance is given, and recorded, on the day --as-of names
	must("plan", id, "--item", "encryption", "--accept-approver", name, "--accept-reason", mdEvil, "--accept-expires", "2026-12-31", "--as-of", "2026-01-11")
	restore()
	must("--reviewer", name, "review", id, "--submit", "--comment", mdEvil, "--date", "2026-01-12")
	must("dpo", id, "--opinion", "unfavourable", "--comment", mdEvil, "--date", "2026-01-13")
	return id, q
}

// The hostile names and notes CI uses for the Markdown report stay text
// in the HTML, PDF and DOCX reports: no element, attribute, run or field
// they would make, every table row as wide as its header, and the text
// there, whole, in many places.
func TestCommitteeFormatsDefuseInjection(t *testing.T) {
	s := newCLISession(t)
	id, q := hostileCommitteeReport(t, s)
	report := func(format string) []byte {
		return []byte(s.ok(append(append([]string{}, q...), "report", id, "--as-of", "2026-02-01", "--format", format)...))
	}
	evil := safetext.OneLine(mdEvil)
	const atLeast = 10 // subject, notes, evidence, owner, action, reason, milestone, acceptance, sign-off, DPO
	t.Run("html", func(t *testing.T) {
		text := rendertest.HTMLText(t, report("html"))
		if n := strings.Count(text, evil); n < atLeast {
			t.Errorf("the hostile text appears whole %d times", n)
		}
	})
	t.Run("docx", func(t *testing.T) {
		text, images := rendertest.DOCXText(t, report("docx"))
		if n := strings.Count(text, evil); n < atLeast {
			t.Errorf("the hostile text appears whole %d times", n)
		}
		if images < 3 {
			t.Errorf("%d pictures; coverage, findings and plan each have one", images)
		}
	})
	t.Run("pdf", func(t *testing.T) {
		out := report("pdf")
		if !bytes.HasPrefix(out, []byte("%PDF-")) {
			t.Fatalf("not a PDF: %.20q", out)
		}
		pages := rendertest.PDFPages(t, out)
		if n := strings.Count(rendertest.Squeeze(strings.Join(pages, "")), rendertest.Squeeze(evil)); n < atLeast {
			t.Errorf("the hostile text appears whole %d times", n)
		}
	})
}

// PDF and DOCX are written with -o owner-only, whatever the umask, and
// are what they say they are.
func TestBinaryReportsWrittenOwnerOnly(t *testing.T) {
	withUmask(t, 0)
	s := newCLISession(t)
	id := s.start("scoring-basics", "Acme", "2026-01-10", "mfa: no")
	dir := t.TempDir()
	for format, magic := range map[string]string{"pdf": "%PDF-", "docx": "PK\x03\x04", "html": "<!DOCTYPE html>"} {
		path := filepath.Join(dir, "report."+format)
		s.ok("--questionnaires", testdataQuestionnaires, "report", id, "--format", format, "-o", path)
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v", format, fi.Mode().Perm())
		}
		if b, _ := os.ReadFile(path); !bytes.HasPrefix(b, []byte(magic)) {
			t.Errorf("%s starts %.12q", format, b)
		}
	}
	if code, _, errOut := s.run("", "report", id, "--format", "odt"); code == 0 || !strings.Contains(errOut, "md, html, pdf, docx, csv, oscal-poam or oscal-assessment-results") {
		t.Errorf("an unknown format: exit %d, %q", code, errOut)
	}
}

// namedFormatCase is a file name given to -o with the flags beside it, and
// the refusal it must draw.
type namedFormatCase struct {
	args []string
	file string
	want string
}

// checkNamedFormats runs assay command on assessment id with each refused
// name, which must exit 1 saying want and that nothing was written, and
// write nothing; then with each accepted set of arguments, which must
// succeed.
func checkNamedFormats(t *testing.T, s *cliSession, command, id string, refused []namedFormatCase, accepted func(dir string) [][]string) {
	t.Helper()
	dir := t.TempDir()
	for _, c := range refused {
		path := filepath.Join(dir, c.file)
		args := append([]string{"--questionnaires", testdataQuestionnaires, command, id, "-o", path}, c.args...)
		code, _, errOut := s.run("", args...)
		if code != 1 || !strings.Contains(errOut, c.want) || !strings.Contains(errOut, "nothing was written") {
			t.Errorf("%v: exit %d, %q; want exit 1 saying %q and that nothing was written", args, code, errOut, c.want)
		}
		if _, err := os.Stat(path); !os.IsNotExist(err) {
			t.Errorf("%v: %s was written", args, c.file)
		}
	}
	for _, args := range accepted(dir) {
		s.ok(append([]string{"--questionnaires", testdataQuestionnaires, command, id}, args...)...)
	}
}

// A file named for one format is not written in another: assay report 3
// -o acme.pdf wrote the Markdown report into acme.pdf, which the committee
// could not open. Without --format the name chooses it
// (output_format_inferred_test.go); a --format naming another is refused,
// and nothing is written.
func TestReportRefusesAFileNamedForAnotherFormat(t *testing.T) {
	s := newCLISession(t)
	id := s.start("scoring-basics", "Acme", "2026-01-10", "mfa: no")
	checkNamedFormats(t, s, "report", id, []namedFormatCase{
		{[]string{"--format", "md"}, "acme.pdf", "acme.pdf is named for a PDF file, but --format is md: give --format pdf"},
		{[]string{"--format", "md"}, "acme.DOCX", "acme.DOCX is named for a DOCX file, but --format is md: give --format docx"},
		{[]string{"--format", "html"}, "acme.docx", "acme.docx is named for a DOCX file, but --format is html: give --format docx"},
		{[]string{"--format", "csv"}, "plan.md", "plan.md is named for a Markdown file, but --format is csv: give --format md"},
		{[]string{"--format", "pdf"}, "plan.csv", "plan.csv is named for a CSV file, but --format is pdf: give --format csv"},
		{[]string{"--format", "oscal-poam"}, "poam.html", "poam.html is named for an HTML file, but --format is oscal-poam: give --format html"},
	}, func(dir string) [][]string {
		// A name that asks for no format, or for the one given, is written.
		return [][]string{
			{"-o", filepath.Join(dir, "acme.txt")},
			{"-o", filepath.Join(dir, "acme.markdown")},
			{"--format", "pdf", "-o", filepath.Join(dir, "acme.pdf")},
			{"--format", "oscal-poam", "-o", filepath.Join(dir, "poam.json")},
			{"--format", "csv", "-o", filepath.Join(dir, "plan.CSV")},
		}
	})
}

// A binary report asked for on a terminal, without -o, is refused with a
// message that says what to do; piped, it is written.
func TestBinaryReportRefusedOnTerminal(t *testing.T) {
	bin := assayBinary(t)
	dir := t.TempDir()
	env := procEnv(dir, filepath.Join(dir, "assay.db"))
	newCmd := exec.Command(bin, "new", "-q", "vendor-security-screen", "-s", "Acme", "--date", "2026-01-10")
	newCmd.Env = env
	if out, err := newCmd.CombinedOutput(); err != nil {
		t.Fatalf("assay new: %v: %s", err, out)
	}
	script := writeFile(t, dir, "run.sh", "#!/bin/sh\n"+shellQuote(bin)+" report 1 --format pdf\necho \"exit=$?\"\nsleep 60\n")
	if err := os.Chmod(script, 0o700); err != nil {
		t.Fatal(err)
	}
	p := startTmux(t, script, env)
	p.waitText("a PDF report is binary", "exit=1")
	if !strings.Contains(strings.ReplaceAll(p.screen(), "\n", ""), "write it with -o FILE.pdf, or redirect standard output") {
		t.Errorf("the refusal does not say what to do:\n%s", p.screen())
	}
	if strings.Contains(p.screen(), "%PDF") {
		t.Error("PDF bytes reached the terminal")
	}
	piped := exec.Command(bin, "report", "1", "--format", "pdf")
	piped.Env = env
	out, err := piped.Output()
	if err != nil || !bytes.HasPrefix(out, []byte("%PDF-")) {
		t.Errorf("piped: %v, %.10q", err, out)
	}
}

// Every built-in questionnaire's report, with its worst answers and hostile
// notes (the files TestBuiltinReports keeps), renders in every committee
// format, and the subject is in each as typed.
func TestBuiltinReportsInEveryFormat(t *testing.T) {
	if testing.Short() {
		t.Skip("renders seven reports in three formats; skipped with -short")
	}
	files, err := filepath.Glob(filepath.Join("testdata", "worst", "*.yaml"))
	if err != nil || len(files) < 7 {
		t.Fatalf("%d answers files: %v", len(files), err)
	}
	const subject = "Vendor | <b>Acme</b> Zoë 株式会社"
	for _, path := range files {
		q := strings.TrimSuffix(filepath.Base(path), ".yaml")
		t.Run(q, func(t *testing.T) {
			s := newCLISession(t)
			id := strings.TrimSpace(s.ok("new", "-q", q, "-s", subject, "--date", "2026-01-31"))
			s.ok("answer", id, "-f", path)
			report := func(format string) []byte {
				return []byte(s.ok("report", id, "--as-of", "2026-03-15", "--format", format))
			}
			if text := rendertest.HTMLText(t, report("html")); !strings.Contains(text, subject) {
				t.Error("the HTML does not show the subject as typed")
			}
			if text, _ := rendertest.DOCXText(t, report("docx")); !strings.Contains(text, subject) {
				t.Error("the DOCX does not show the subject as typed")
			}
			if pdf := report("pdf"); !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.Contains(pdf, []byte("%%EOF")) {
				t.Error("the PDF is not a whole PDF file")
			}
		})
	}
}

// assay plan writes a text listing, or CSV with --csv: a file named for
// CSV without --csv, or for a committee format, is refused as assay report
// refuses one, and nothing is written.
func TestPlanRefusesAFileNamedForAnotherFormat(t *testing.T) {
	s := newCLISession(t)
	id := s.start("scoring-basics", "Acme", "2026-01-10", "mfa: no")
	checkNamedFormats(t, s, "plan", id, []namedFormatCase{
		{[]string{"--csv=false"}, "plan.csv", "plan.csv is named for a CSV file, but the plan is written as text: give --csv"},
		{nil, "plan.pdf", "plan.pdf is named for a PDF file, but the plan is written as text: write it to a .txt file, or assay report --format pdf"},
		{[]string{"--csv"}, "plan.docx", "plan.docx is named for a DOCX file, but the plan is written as CSV: name it .csv"},
	}, func(dir string) [][]string {
		return [][]string{
			{"-o", filepath.Join(dir, "plan.txt")},
			{"-o", filepath.Join(dir, "plan.md")},
			{"--csv", "-o", filepath.Join(dir, "plan.CSV")},
		}
	})
}
