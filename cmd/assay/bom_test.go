package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// bom is the UTF-8 byte order mark Windows editors put at the start of a
// file they save.
const bom = "\ufeff"

// An answers file, a questionnaire, a settings file and an assessment file
// saved with a byte order mark are read as if it were not there.
func TestFilesWithAByteOrderMarkAreRead(t *testing.T) {
	s := newCLISession(t)
	dir := t.TempDir()

	// A questionnaire of the user's own, with the mark.
	src, err := os.ReadFile(filepath.Join(testdataQuestionnaires, "scoring-basics.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	qdir := filepath.Join(dir, "questionnaires")
	if err := os.Mkdir(qdir, 0o700); err != nil {
		t.Fatal(err)
	}
	q := writeFile(t, qdir, "mine.yaml", bom+strings.Replace(string(src), "id: scoring-basics", "id: scoring-mine", 1))
	if out := s.ok("lint", q); !strings.Contains(out, "1 file, no problems") {
		t.Errorf("lint: %s", out)
	}

	// A settings file with the mark: its deadline is used.
	s.env["ASSAY_CONFIG"] = writeFile(t, dir, "config.yaml", bom+"deadlines:\n  high: 3\n")
	id := strings.TrimSpace(s.ok("--questionnaires", qdir, "new", "-q", "scoring-mine", "-s", "Acme", "--date", "2026-01-10"))
	if code, _, errOut := s.run("", "--questionnaires", qdir, "questionnaires"); code != 0 || errOut != "" {
		t.Errorf("the questionnaire with a byte order mark was skipped: exit %d, %s", code, errOut)
	}

	// An answers file with the mark: the answer is recorded.
	answers := writeFile(t, dir, "answers.yaml", bom+"answers:\n  mfa: no\n")
	if out := s.ok("answer", id, "-f", answers); !strings.Contains(out, "recorded 1 answer ") {
		t.Errorf("answer: %s", out)
	}
	plan := s.ok("plan", id, "--as-of", "2026-01-11")
	if !strings.Contains(plan, "2026-01-13") {
		t.Errorf("the settings file's 3-day deadline for a high finding is not in the plan:\n%s", plan)
	}

	// An assessment file with the mark is imported.
	exported := filepath.Join(dir, "acme.json")
	s.ok("export", id, "-o", exported)
	body, err := os.ReadFile(exported)
	if err != nil {
		t.Fatal(err)
	}
	withMark := writeFile(t, dir, "acme-bom.json", bom+string(body))
	other := newTrustingSession(t, s)
	if out := other.ok("import", withMark); !strings.Contains(out, "as assessment 1") {
		t.Errorf("import: %s", out)
	}
}
