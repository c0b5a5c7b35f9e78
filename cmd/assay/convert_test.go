package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// convertTestdata is the converter's folder of test files.
var convertTestdata = filepath.Join("..", "..", "questionnaires", "convert", "testdata")

// scoreOf reads assay score --json: each dimension's value and maximum,
// and each finding's severity.
func scoreOf(t *testing.T, out string) (dims map[string][2]string, findings map[string]string) {
	t.Helper()
	var doc struct {
		Result struct {
			Dimensions []struct{ ID, Value, Max string }
			Findings   []struct{ Key, Severity string }
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("score --json: %v\n%s", err, out)
	}
	dims, findings = map[string][2]string{}, map[string]string{}
	for _, d := range doc.Result.Dimensions {
		dims[d.ID] = [2]string{d.Value, d.Max}
	}
	for _, f := range doc.Result.Findings {
		findings[f.Key] = f.Severity
	}
	return dims, findings
}

// Real and invented files of every shape convert, lint clean, and run:
// an assessment starts from the converted questionnaire, takes answers
// from a file, scores, and makes its report and plan. The scores and
// findings were worked out by hand from the files.
func TestConvertedQuestionnairesRun(t *testing.T) {
	for _, c := range []struct {
		name, file string
		args       []string
		id         string
		answers    string
		// what the answers give, by hand
		dims     map[string][2]string
		findings map[string]string
	}{
		{
			// A requirement's result is a control question (no: 2 of 2
			// points, a high finding); its own questions are recorded
			// but do not score. The other visible result questions,
			// unanswered, count as their worst: 2 points each.
			name: "CISA template, current format", file: "ciso/cisa-vendor-scrm.yaml", args: []string{"--severity", "high", "--kind", "third-party"}, id: "cisa-scrm",
			answers:  "implementation-groups: [IG1]\nr1: yes\nr1.1-q1: Yes, in 2025\nr1.1: no\nr1.2-q1: 'No'\nr1.2: partial\nr1.2.1: na\nr1.2.2: yes\n",
			dims:     map[string][2]string{"gaps": {"3", "8"}},
			findings: map[string]string{"r1.1": "high", "r1.2": "medium"},
		},
		{
			name: "CISA template, older question: format", file: "ciso/cisa-vendor-scrm-old-question-format.yaml", args: []string{"--severity", "high", "--kind", "third-party"}, id: "cisa-scrm",
			answers:  "implementation-groups: [IG1]\nr1: yes\nr1.1-q1: Yes, in 2025\nr1.1: no\nr1.2-q1: 'No'\nr1.2: partial\nr1.2.1: na\nr1.2.2: yes\n",
			dims:     map[string][2]string{"gaps": {"3", "8"}},
			findings: map[string]string{"r1.1": "high", "r1.2": "medium"},
		},
		{
			// Group R (Required) only: node4's result no; 26 other
			// results of group R are visible and unanswered (2 each).
			name: "NIST SP 800-66 with its CSF mapping", file: "ciso/nist-sp-800-66-rev2.yaml", id: "nist-sp-800-66-rev2",
			args:     []string{"--mapping", filepath.Join(convertTestdata, "ciso", "mapping-nist-sp-800-66-rev2-to-nist-csf-2.0.yaml"), "--severity", "critical"},
			answers:  "implementation-groups: [N]\nnode4-q1: 'Yes'\nnode4: no\n",
			findings: map[string]string{"node4": "critical"},
		},
		{
			// Core applies by default; Extra and Manual are hidden.
			// Score: 2 (restore not tested) + 1 (offsite copy) of 3 + 2.
			// Gaps: P.1's result unanswered, its worst, 2 of 2.
			name: "invented features", file: "invented/ciso-features.yaml", args: []string{"--severity", "high"}, id: "assay-test-features",
			answers:  "c.1-q1: daily-restore-not-tested\nc.1-q2: [offsite-copy]\n",
			dims:     map[string][2]string{"gaps": {"2", "2"}, "score": {"3", "5"}},
			findings: map[string]string{"c.1-q1": "medium"},
		},
		{
			// Manual ticked alone: core questions hide, C.3 shows.
			name: "invented features, a group ticked by hand", file: "invented/ciso-features.yaml", args: []string{"--severity", "high"}, id: "assay-test-features",
			answers:  "implementation-groups: [manual]\nc.3: no\n",
			dims:     map[string][2]string{"gaps": {"2", "2"}},
			findings: map[string]string{"c.3": "high"},
		},
		{
			name: "invented CAIQ", file: "invented/caiq-rows.json", args: []string{"--severity", "medium"}, id: "caiq-v4",
			answers:  "a-and-a-01.1: yes\na-and-a-01.2: partial\niam-02.1: no\n",
			dims:     map[string][2]string{"gaps": {"3", "6"}},
			findings: map[string]string{"a-and-a-01.2": "low", "iam-02.1": "medium"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newCLISession(t)
			dir := t.TempDir()
			out := filepath.Join(dir, c.id+".yaml")
			report := s.ok(append([]string{"convert", filepath.Join(convertTestdata, c.file), "-o", out}, c.args...)...)
			if !strings.Contains(report, "questionnaire "+c.id+" version") {
				t.Errorf("convert said:\n%s", report)
			}
			if lint := s.ok("lint", out); !strings.HasPrefix(lint, out+": copyright: ") || !strings.HasSuffix(lint, "\n1 file, no problems\n") || strings.Count(lint, "\n") != 2 {
				t.Errorf("lint: %s", lint)
			}
			if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o600 {
				t.Errorf("the converted file: %v %v", fi, err)
			}
			id := strings.TrimSpace(s.ok("--questionnaires", dir, "new", "-q", c.id, "-s", "Acme", "--date", "2026-01-31"))
			s.ok("--questionnaires", dir, "answer", id, "-f", writeFile(t, t.TempDir(), "answers.yaml", "answers:\n"+indent(c.answers)))
			dims, findings := scoreOf(t, s.ok("score", id, "--json"))
			for d, want := range c.dims {
				if dims[d] != want {
					t.Errorf("dimension %s = %v, want %v", d, dims[d], want)
				}
			}
			if len(findings) != len(c.findings) {
				t.Errorf("findings %v, want %v", findings, c.findings)
			}
			for k, sev := range c.findings {
				if findings[k] != sev {
					t.Errorf("finding %s: %q, want %q", k, findings[k], sev)
				}
			}
			md := s.ok("report", id, "--as-of", "2026-02-01")
			checkTables(t, "report", md)
			plan := readPlanCSV(t, s.ok("plan", id, "--csv"))
			if len(plan) != len(c.findings) {
				t.Errorf("plan %v", plan)
			}
		})
	}
}

func indent(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
		b.WriteString("  " + line + "\n")
	}
	return b.String()
}

// The CSF subcategories a requirement of SP 800-66 maps to show in its
// coverage: node4 answered no makes GV.PO-01 a gap.
func TestConvertedMappingShowsInCoverage(t *testing.T) {
	s := newCLISession(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "hipaa.yaml")
	s.ok("convert", filepath.Join(convertTestdata, "ciso", "nist-sp-800-66-rev2.yaml"), "--mapping",
		filepath.Join(convertTestdata, "ciso", "mapping-nist-sp-800-66-rev2-to-nist-csf-2.0.yaml"), "-o", out)
	id := strings.TrimSpace(s.ok("--questionnaires", dir, "new", "-q", "nist-sp-800-66-rev2", "-s", "Clinic", "--date", "2026-01-31"))
	s.ok("--questionnaires", dir, "answer", id, "-f", writeFile(t, t.TempDir(), "a.yaml", "answers:\n  node4: no\n"))
	cov := s.ok("coverage", id, "--framework", "nist-csf")
	var line string
	for _, l := range strings.Split(cov, "\n") {
		if strings.Contains(l, "GV.PO-01") {
			line = l
		}
	}
	if !strings.Contains(line, "gap") {
		t.Errorf("GV.PO-01 in the coverage: %q\n%s", line, cov)
	}
}

// A broken or hostile file is refused with its file, line and field, exit
// status 1, and nothing is written; so is -o naming the file being read.
func TestConvertRefusals(t *testing.T) {
	s := newCLISession(t)
	dir := t.TempDir()
	for _, c := range []struct {
		name, body string
		args       []string
		want       []string
	}{
		{"a mapping set as the library", "urn: urn:intuitem:risk:library:m\nobjects:\n  requirement_mapping_sets: []\n", nil,
			[]string{"FILE:1:1: this is a CISO Assistant mapping set, not a framework", "nothing was written"}},
		{"broken YAML", "objects: {framework: [\n", nil, []string{"FILE:1:", "YAML syntax", "nothing was written"}},
		{"random bytes", string(randomBytes(7, 2048)), nil, []string{"FILE:1:", "not UTF-8 text", "nothing was written"}},
		{"billion laughs", laughs("objects"), nil, []string{"FILE:1:1: the file's aliases expand to more than 500000 values"}},
		{"a mapping file that is broken", "", []string{"--mapping", "MAPPING"}, []string{"MAPPING:1:", "nothing was written"}},
		{"an unknown relationship", "", []string{"--relations", "equal,overlaps"}, []string{`--relations: "overlaps" is not a relationship`}},
		{"an unknown severity", "", []string{"--severity", "urgent"}, []string{"--severity:"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(convertTestdata, "invented", "ciso-features.yaml")
			if c.body != "" {
				path = writeFile(t, t.TempDir(), "lib.yaml", c.body)
			}
			mapping := writeFile(t, t.TempDir(), "mapping.yaml", "objects: [\n")
			out := filepath.Join(dir, "out.yaml")
			args := []string{"convert", path, "-o", out}
			for _, a := range c.args {
				args = append(args, strings.ReplaceAll(a, "MAPPING", mapping))
			}
			code, stdout, stderr := s.run("", args...)
			if code != 1 {
				t.Errorf("exit %d", code)
			}
			for _, w := range c.want {
				w = strings.NewReplacer("FILE", path, "MAPPING", mapping).Replace(w)
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr does not say %q:\n%.2000s", w, stderr)
				}
			}
			if stdout != "" {
				t.Errorf("stdout: %.500s", stdout)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("a file was written")
			}
		})
	}
	t.Run("a sparse file of 50 MB", func(t *testing.T) {
		path, out := sparseFile(t, 50<<20), filepath.Join(dir, "out.yaml")
		code, _, stderr := s.run("", "convert", path, "-o", out)
		if code != 1 || !strings.Contains(stderr, path+": the file is 50.0 MiB, over the 16 MiB limit for input files") {
			t.Errorf("exit %d: %s", code, stderr)
		}
		if _, err := os.Stat(out); err == nil {
			t.Error("a file was written")
		}
	})
	t.Run("nested 100,000 deep", func(t *testing.T) {
		path := writeFile(t, t.TempDir(), "deep.yaml", "objects: "+strings.Repeat("[", 100_000))
		code, _, stderr := s.run("", "convert", path, "-o", filepath.Join(dir, "out.yaml"))
		if code != 1 || !strings.Contains(stderr, path+":1:") || !strings.Contains(stderr, "nests lists and mappings more than 64 deep") {
			t.Errorf("exit %d: %.500s", code, stderr)
		}
	})
	t.Run("-o names the file being read", func(t *testing.T) {
		lib := writeFile(t, t.TempDir(), "lib.yaml", string(mustRead(t, filepath.Join(convertTestdata, "invented", "ciso-features.yaml"))))
		before := mustRead(t, lib)
		code, _, stderr := s.run("", "convert", lib, "-o", lib)
		if code != 1 || !strings.Contains(stderr, "is the file being read") {
			t.Errorf("exit %d: %s", code, stderr)
		}
		if string(mustRead(t, lib)) != string(before) {
			t.Error("the library was overwritten")
		}
	})
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The built binary, as a person runs it: convert writes the file and says
// what it did not carry over; without -o the questionnaire goes to
// standard output and the account to standard error; assay lint accepts
// the file.
func TestConvertBinary(t *testing.T) {
	bin := assayBinary(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "cisa.yaml")
	cmd := exec.Command(bin, "convert", filepath.Join(convertTestdata, "ciso", "cisa-vendor-scrm.yaml"), "-o", out)
	cmd.Env = procEnv(dir, filepath.Join(dir, "assay.db"))
	said, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, said)
	}
	for _, w := range []string{"questionnaire cisa-scrm version 2", "copyright: CISA", "not carried over, or carried differently",
		"  r1.1-q1: a text question with no scoring in the source"} {
		if !strings.Contains(string(said), w) {
			t.Errorf("convert did not say %q:\n%.3000s", w, said)
		}
	}
	lint := exec.Command(bin, "lint", out)
	lint.Env = cmd.Env
	if b, err := lint.CombinedOutput(); err != nil || string(b) != out+": copyright: CISA\n1 file, no problems\n" {
		t.Errorf("lint: %v %s", err, b)
	}
	toStdout := exec.Command(bin, "convert", filepath.Join(convertTestdata, "invented", "caiq-nested.yaml"))
	toStdout.Env = cmd.Env
	var stderr strings.Builder
	toStdout.Stderr = &stderr
	yaml, err := toStdout.Output()
	if err != nil || !strings.Contains(string(yaml), "id: caiq-v4\n") || !strings.Contains(stderr.String(), "questionnaire caiq-v4") || strings.Contains(string(yaml), "(whole file):") {
		t.Errorf("to standard output: %v\n%s\n--- stderr\n%s", err, yaml, stderr.String())
	}
}

// An OSCAL catalog converted into the questionnaires folder's catalogs/
// is a framework questionnaires map to: coverage, the report and the
// OSCAL assessment results show its controls; an assessment still opens
// once the catalog is gone, its snapshot having been checked when stored.
func TestUserCatalogFromOSCAL(t *testing.T) {
	s := newCLISession(t)
	dir := t.TempDir()
	catPath := filepath.Join(dir, "catalogs", "sp800-53-low.yaml")
	if err := os.MkdirAll(filepath.Dir(catPath), 0o700); err != nil {
		t.Fatal(err)
	}
	said := s.ok("convert", filepath.Join(convertTestdata, "oscal", "sp800-53-rev5-low-ac-at.json"), "-o", catPath)
	if !strings.Contains(said, "catalog sp800-53-low \"NIST Special Publication 800-53 Revision 5.1.1 LOW IMPACT BASELINE\": 16 controls in 2 groups") {
		t.Errorf("convert said:\n%s", said)
	}
	if lint := s.ok("lint", catPath); lint != "1 file, no problems\n" {
		t.Errorf("lint of the catalog: %s", lint)
	}
	broken := writeFile(t, t.TempDir(), "broken.yaml", "catalog: x\ntitle: X\ncontrols:\n  - {id: a-1}\n  - {id: a-1}\n")
	if code, out, _ := s.run("", "lint", broken); code != 1 || !strings.Contains(out, broken+":5:10: controls[a-1].id: control a-1 is listed twice (first at line 4)") {
		t.Errorf("lint of a broken catalog: exit %d\n%s", code, out)
	}
	writeFile(t, dir, "mapped.yaml", "id: mapped\nversion: \"1\"\ntitle: Mapped\nkind: security\nsections:\n  - id: s\n    title: S\n    questions:\n"+
		"      - {id: accounts, type: control, text: Are accounts reviewed?, severity: high, action: Review accounts., controls: {sp800-53-low: [ac-2], iso27001: [A.5.18]}}\n"+
		"      - {id: training, type: control, text: Is training given?, controls: {sp800-53-low: [at-2, at-2.2]}}\n")
	id := strings.TrimSpace(s.ok("--questionnaires", dir, "new", "-q", "mapped", "-s", "Acme", "--date", "2026-01-31"))
	s.ok("--questionnaires", dir, "answer", id, "-f", writeFile(t, t.TempDir(), "a.yaml", "answers:\n  accounts: no\n  training: yes\n"))

	cov := s.ok("--questionnaires", dir, "coverage", id, "--framework", "sp800-53-low")
	for _, w := range []string{"NIST Special Publication 800-53 Revision 5.1.1 LOW IMPACT BASELINE: 3 controls touched: 2 met, 1 gap",
		"ac-2    gap  AC-2 Account Management", "at-2.2  met  AT-2(2) Insider Threat"} {
		if !strings.Contains(cov, w) {
			t.Errorf("coverage does not say %q:\n%s", w, cov)
		}
	}
	md := s.ok("--questionnaires", dir, "report", id, "--as-of", "2026-02-01")
	if !strings.Contains(md, "### NIST Special Publication 800-53 Revision 5.1.1 LOW IMPACT BASELINE") || !strings.Contains(md, "| `ac-2` | AC-2 Account Management | gap |") {
		t.Errorf("the report has no section for the catalog:\n%s", md)
	}
	ar := s.ok("--questionnaires", dir, "report", id, "--format", "oscal-assessment-results", "--as-of", "2026-02-01")
	if !strings.Contains(ar, `"target-id": "ac-2"`) {
		t.Error("the assessment results have no finding for ac-2")
	}
	validOSCAL(t, oscalSchema(t), ar)

	if err := os.Remove(catPath); err != nil {
		t.Fatal(err)
	}
	if out := s.ok("--questionnaires", dir, "coverage", id, "--framework", "sp800-53-low"); !strings.Contains(out, "ac-2    gap  (not in catalog)") {
		t.Errorf("without the catalog:\n%s", out)
	}
	s.ok("--questionnaires", dir, "report", id)
}
