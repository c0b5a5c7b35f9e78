package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// acmeExtension adds a question after mfa and a section after data to the
// built-in vendor security screen.
var acmeExtension = func() string {
	b, err := os.ReadFile(filepath.Join(testdataQuestionnaires, "extension", "acme.yaml"))
	if err != nil {
		panic(err)
	}
	return string(b)
}()

// An organisation's extension of a built-in questionnaire lints, starts
// assessments like any questionnaire, and is pinned like one: the
// assessment keeps the combined questionnaire it started with when the
// extension changes or is deleted, and its report names the extension's
// version with the base's.
func TestExtensionIsPinned(t *testing.T) {
	s := newCLISession(t)
	dir := t.TempDir()
	ext := writeFile(t, dir, "acme.yaml", acmeExtension)
	if out := s.ok("--questionnaires", dir, "lint", ext); out != "1 file, no problems\n" {
		t.Errorf("lint: %s", out)
	}
	if list := s.ok("--questionnaires", dir, "questionnaires"); !strings.Contains(list, "acme-vendor-screen         1.0.0+vendor-security-screen-2.16.0  third-party  36") {
		t.Errorf("questionnaires:\n%s", list)
	}
	id := strings.TrimSpace(s.ok("--questionnaires", dir, "new", "-q", "acme-vendor-screen", "-s", "Acme", "--date", "2026-01-31"))
	s.ok("--questionnaires", dir, "answer", id, "-f", writeFile(t, t.TempDir(), "a.yaml", "answers:\n  mfa: yes\n  acme-sso: no\n"))
	_, findings := scoreOf(t, s.ok("score", id, "--json"))
	if findings["acme-sso"] != "medium" {
		t.Errorf("findings %v", findings)
	}
	report := s.ok("report", id, "--as-of", "2026-02-01")
	// (Markdown escapes a number that a line break leaves at the start of
	// a line.)
	if !strings.Contains(unescape(report), "**Questionnaire:** Acme vendor security screen, version 1.0.0+vendor-security-screen-2.16.0 (`acme-vendor-screen`)") {
		t.Errorf("report title block:\n%.1500s", report)
	}

	// A new version of the extension: new assessments get it, the old one
	// keeps what it started with.
	next := strings.Replace(acmeExtension, `version: "1.0.0"`, `version: "1.1.0"`, 1)
	next = strings.Replace(next, "controls: {iso27001: [A.5.16]}\n", "controls: {iso27001: [A.5.16]}\n      - {id: acme-scim, type: control, text: Are accounts provisioned through SCIM?}\n", 1)
	writeFile(t, dir, "acme.yaml", next)
	id2 := strings.TrimSpace(s.ok("--questionnaires", dir, "new", "-q", "acme-vendor-screen", "-s", "Acme", "--date", "2026-02-01"))
	if again := s.ok("report", id, "--as-of", "2026-02-01"); again != report {
		t.Errorf("the first assessment's report changed with the extension:\n%s", firstDiff(report, again))
	}
	if r2 := s.ok("report", id2, "--as-of", "2026-02-01"); !strings.Contains(unescape(r2), "version 1.1.0+vendor-security-screen-2.16.0") || !strings.Contains(r2, "acme-scim") {
		t.Error("the new assessment does not use the new extension")
	}

	// Gone altogether: the assessment still opens, scores and reports.
	if err := os.Remove(ext); err != nil {
		t.Fatal(err)
	}
	if again := s.ok("report", id, "--as-of", "2026-02-01"); again != report {
		t.Errorf("the report changed once the extension was gone:\n%s", firstDiff(report, again))
	}
	var export struct {
		Questionnaire struct{ Source []byte }
	}
	if err := json.Unmarshal([]byte(s.ok("export", id)), &export); err != nil {
		t.Fatal(err)
	}
	if src := string(export.Questionnaire.Source); !strings.Contains(src, "- id: acme-sso") || !strings.HasPrefix(src, "# vendor-security-screen 2.16.0 extended by acme.yaml") {
		t.Errorf("the export does not carry the combined questionnaire:\n%.300s", src)
	}
}

// A broken extension is skipped with its file, line and field by every
// command, and lint reports it; text in it cannot add anything outside
// the place it names.
func TestBrokenExtensions(t *testing.T) {
	s := newCLISession(t)
	for _, c := range []struct{ name, body, want string }{
		{"an unknown place", strings.Replace(acmeExtension, "after: mfa", "after: mfaa", 1), `FILE:7:12: add[0].after: vendor-security-screen has no question "mfaa" (did you mean "mfa"?)`},
		{"a question the base has", strings.Replace(acmeExtension, "id: acme-sso", "id: policy", 1), `FILE:9:13: sections[access].questions[policy].id: duplicate question id "policy"`},
		{"an unknown base", strings.Replace(acmeExtension, "extends: vendor-security-screen", "extends: nothing-here", 1), `FILE:1:10: extends: extends "nothing-here", which is not a questionnaire assay knows`},
		{"a line that leaves its item", strings.Replace(acmeExtension, "        text: Does the vendor support single sign-on with our identity provider?\n",
			"        text: \"Does the vendor\n  support single sign-on?\"\n", 1), "FILE:"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := writeFile(t, dir, "acme.yaml", c.body)
			want := strings.ReplaceAll(c.want, "FILE", path)
			code, out, _ := s.run("", "--questionnaires", dir, "lint", path)
			if code != 1 || !strings.Contains(out, want) {
				t.Errorf("lint: exit %d\n%s\nwant %s", code, out, want)
			}
			code, _, errOut := s.run("", "--questionnaires", dir, "new", "-q", "acme-vendor-screen", "-s", "Acme")
			if code == 0 || !strings.Contains(errOut, "Skipping the questionnaire file "+want) {
				t.Errorf("new: exit %d\n%s", code, errOut)
			}
		})
	}
}

// unescape joins a Markdown text's lines and drops backslash escapes.
func unescape(s string) string {
	return strings.ReplaceAll(strings.Join(strings.Fields(s), " "), `\`, "")
}
