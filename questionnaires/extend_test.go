package questionnaires

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// acmeExtension adds a question after mfa and a section after data to the
// built-in vendor security screen.
var acmeExtension = func() string {
	b, err := os.ReadFile(filepath.Join("testdata", "extension", "acme.yaml"))
	if err != nil {
		panic(err)
	}
	return string(b)
}()

func vendorScreen(t *testing.T) (*Library, *assess.Questionnaire) {
	t.Helper()
	lib, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	base, _ := lib.Get("vendor-security-screen")
	return lib, base
}

// The combined questionnaire is the base with the additions where they
// were asked for, nothing moved or lost: its own ID and title, the
// extension's version with the base's, and a source that reads back (as a
// stored snapshot does) to the same questionnaire.
func TestExtendCombines(t *testing.T) {
	_, base := vendorScreen(t)
	q, problems, warnings := Extend(base, "acme.yaml", []byte(acmeExtension), Catalog())
	if len(problems) > 0 || len(warnings) > 0 {
		t.Fatalf("%v %v", problems, warnings)
	}
	if q.ID != "acme-vendor-screen" || q.Version != "1.0.0+vendor-security-screen-2.16.0" || q.Title != "Acme vendor security screen" || q.Kind != base.Kind {
		t.Errorf("%s %s %q %s", q.ID, q.Version, q.Title, q.Kind)
	}
	var want []string
	for _, qq := range base.Questions {
		want = append(want, qq.ID)
		if qq.ID == "mfa" {
			want = append(want, "acme-sso")
		}
		if qq.ID == "own-use" { // the last question of section data
			want = append(want, "acme-dpa")
		}
	}
	var got []string
	for _, qq := range q.Questions {
		got = append(got, qq.ID)
	}
	if !slices.Equal(got, want) {
		t.Errorf("questions\n%v\nwant\n%v", got, want)
	}
	if s := q.Questions[slices.Index(got, "acme-dpa")].Section; s.ID != "acme-legal" || s.Title != "Acme legal checks" {
		t.Errorf("acme-dpa in section %s %q", s.ID, s.Title)
	}
	// The base's questions are as they were.
	for _, bq := range base.Questions {
		cq, _ := q.Question(bq.ID)
		if cq.Text != bq.Text || cq.Help != bq.Help || cq.Weight != bq.Weight || len(cq.Options) != len(bq.Options) || cq.Section.ID != bq.Section.ID {
			t.Errorf("%s changed", bq.ID)
		}
	}
	sso, _ := q.Question("acme-sso")
	if sso.Severity != assess.Medium || !slices.Equal(sso.Controls[assess.ISO27001], []string{"A.5.16"}) || sso.Dimension != "risk" {
		t.Errorf("acme-sso: %+v", sso)
	}
	if len(q.Levels) != len(base.Levels) || q.Outcome != base.Outcome {
		t.Error("levels or outcome lost")
	}
	again, err := Decode("snapshot", q.Source)
	if err != nil || again.Digest != q.Digest || len(again.Questions) != len(q.Questions) || again.Version != q.Version {
		t.Errorf("the combined source does not read back: %v", err)
	}
	if !strings.HasPrefix(string(q.Source), "# vendor-security-screen 2.16.0 extended by acme.yaml") {
		t.Errorf("source starts %.200q", q.Source)
	}
}

// screenLineOf is the line of the built-in screen that holds text, so
// that the expected message follows the file when its description grows.
func screenLineOf(t *testing.T, text string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("builtin", "vendor-security-screen.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(line) == text {
			return strconv.Itoa(i + 1)
		}
	}
	t.Fatalf("no %q in the screen", text)
	return ""
}

// Mistakes in an extension are reported at its own lines and fields, even
// when they are found in the combined questionnaire.
func TestExtendProblems(t *testing.T) {
	_, base := vendorScreen(t)
	for _, c := range []struct{ name, old, new, want string }{
		{"an unknown question to add after", "after: mfa", "after: mfaa", `acme.yaml:7:12: add[0].after: vendor-security-screen has no question "mfaa" (did you mean "mfa"?)`},
		{"an unknown section", "after_section: data", "after_section: date", `acme.yaml:15:20: add[1].after_section: vendor-security-screen has no section "date" (did you mean "data"?)`},
		{"the base's version moved on", `base_version: "2.16.0"`, `base_version: "1.0.0"`, "acme.yaml:2:15: base_version: written for vendor-security-screen version 1.0.0, but the questionnaire is version 2.16.0"},
		{"the base's ID", "id: acme-vendor-screen", "id: vendor-security-screen", `acme.yaml:3:5: id: the extension's id is the base's, "vendor-security-screen"`},
		{"a question ID the base has", "id: acme-sso\n", "id: policy\n", `acme.yaml:9:13: sections[access].questions[policy].id: duplicate question id "policy" (first defined at line ` + screenLineOf(t, "- id: policy") + ` of builtin/vendor-security-screen.yaml)`},
		{"an unknown field in a question", "severity: medium", "severty: medium", `acme.yaml:12:9: sections[access].questions[acme-sso].severty: unknown field "severty" (did you mean "severity"?)`},
		{"an unknown control", "A.5.16", "A.5.99", `acme.yaml:14:31: sections[access].questions[acme-sso].controls.iso27001[0]: ISO/IEC 27001:2022 has no control "A.5.99" (did you mean "A.5.9"?)`},
		{"a condition on a later question", "when: acme-sso == 'no'", "when: breach-notice == 'no'", "acme.yaml:23:21: sections[acme-legal].questions[acme-dpa].when: condition: breach-notice is not asked before this point"},
		{"both kinds of place", "after_section: data\n", "after_section: data\n    after: mfa\n", "acme.yaml:15:20: add[1].after_section: use after (a question) or after_section (a section), not both"},
		{"questions in one line", "    questions:\n      - id: acme-sso", "    questions: [{id: acme-x, type: text, text: X}]\n    unused:\n      - id: acme-sso", "acme.yaml:8:16: add[0].questions: the additions must be a block list"},
		{"no place", "  - after: mfa\n", "  - at: mfa\n", `acme.yaml:7:5: add[0].at: unknown field "at"`},
		{"a core tag on a value of another shape", "severity: medium", "severity: !!seq medium", `acme.yaml:12:19: sections[access].questions[acme-sso].severity: the YAML tag "!!seq" is on text, not a list`},
		{"a YAML mistake", "options: [approved, pending]", "options: [approved, pending", "acme.yaml:25:24: YAML syntax"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(acmeExtension, c.old) {
				t.Fatalf("no %q", c.old)
			}
			src := strings.Replace(acmeExtension, c.old, c.new, 1)
			q, problems, _ := Extend(base, "acme.yaml", []byte(src), Catalog())
			if q != nil || len(problems) == 0 {
				t.Fatal("accepted")
			}
			if !strings.Contains(problems.Error(), c.want) {
				t.Errorf("got\n%v\nwant %s", problems, c.want)
			}
		})
	}
	// No base_version: loads, with a warning that the base may change.
	src := strings.Replace(acmeExtension, "base_version: \"2.16.0\"\n", "", 1)
	q, problems, warnings := Extend(base, "acme.yaml", []byte(src), Catalog())
	if q == nil || len(problems) > 0 || len(warnings) != 1 || !strings.Contains(warnings[0].String(), `acme.yaml:1:10: warning: extends: no base_version`) {
		t.Errorf("without base_version: %v %v", problems, warnings)
	}
}

// In the questionnaires folder, an extension of a built-in questionnaire,
// one of the user's own, and one of another extension all load; one of a
// questionnaire nobody has is skipped with its line.
func TestLibraryLoadsExtensions(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("acme.yaml", acmeExtension)
	write("acme-eu.yaml", "extends: acme-vendor-screen\nbase_version: \"1.0.0+vendor-security-screen-2.16.0\"\nid: acme-eu\nversion: \"2\"\nadd:\n  - after: acme-sso\n    questions:\n      - {id: eu-transfer, type: control, text: Is data kept in the EU?}\n")
	write("own.yaml", "id: own\nversion: \"1\"\ntitle: Own\nkind: security\nsections:\n  - id: s\n    title: S\n    questions:\n      - {id: a, type: control, text: A}\n")
	write("own-plus.yaml", "extends: own\nbase_version: \"1\"\nid: own-plus\nversion: \"1\"\nadd:\n  - after: a\n    questions:\n      - {id: b, type: control, text: B}\n")
	write("orphan.yaml", "extends: vendor-securty-screen\nid: orphan\nversion: \"1\"\nadd:\n  - after: mfa\n    questions:\n      - {id: b, type: control, text: B}\n")
	lib, problems, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	for id, n := range map[string]int{"acme-vendor-screen": 36, "acme-eu": 37, "own-plus": 2} {
		q, ok := lib.Get(id)
		if !ok || len(q.Questions) != n {
			t.Errorf("%s: loaded %v", id, ok)
		}
	}
	if eu, _ := lib.Get("acme-eu"); eu.Version != "2+acme-vendor-screen-1.0.0+vendor-security-screen-2.16.0" || eu.Questions[9].ID != "eu-transfer" {
		t.Errorf("acme-eu: %s, question 10 %s", eu.Version, eu.Questions[9].ID)
	}
	if len(problems) != 1 || !strings.Contains(problems[0].String(), `orphan.yaml:1:10: extends: extends "vendor-securty-screen", which is not a questionnaire assay knows (did you mean "vendor-security-screen"?)`) {
		t.Errorf("problems: %v", problems)
	}
}

// Two additions after the same question follow each other in the file's
// order.
func TestExtendSamePlace(t *testing.T) {
	_, base := vendorScreen(t)
	src := strings.Replace(acmeExtension, "  - after_section: data\n", "  - after: mfa\n    questions:\n      - {id: acme-second, type: control, text: Second?}\n  - after_section: data\n", 1)
	q, problems, _ := Extend(base, "acme.yaml", []byte(src), Catalog())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	i := slices.IndexFunc(q.Questions, func(qq *assess.Question) bool { return qq.ID == "mfa" })
	if got := []string{q.Questions[i+1].ID, q.Questions[i+2].ID}; !slices.Equal(got, []string{"acme-sso", "acme-second"}) {
		t.Errorf("after mfa: %v", got)
	}
}

// An extension of an extension that could not be combined says so, and
// why, instead of calling its base unknown: before, two extensions that
// extend each other, or one of an extension with a mistake, were each told
// their base "is not a questionnaire assay knows", while the folder plainly
// defined it.
func TestExtensionOfAnExtensionThatFailedSaysWhy(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	ext := func(extends, id string) string {
		return "extends: " + extends + "\nid: " + id + "\nversion: \"1\"\nadd:\n  - after: a\n    questions:\n      - {id: " + id + "-q, type: control, text: Q}\n"
	}
	write("loop1.yaml", ext("loop2", "loop1"))
	write("loop2.yaml", ext("loop1", "loop2"))
	write("self.yaml", ext("self", "self"))
	write("broken.yaml", ext("vendor-security-screen", "broken")) // it has no question a
	write("on-broken.yaml", ext("broken", "on-broken"))
	lib, problems, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	// assay lint says the same of each file.
	for _, name := range []string{"loop1.yaml", "self.yaml", "on-broken.yaml"} {
		path := filepath.Join(dir, name)
		src, _ := os.ReadFile(path)
		_, lint, _ := lib.LintExtension(path, src)
		problems = append(problems, lint...)
		if len(lint) != 1 || strings.Contains(lint[0].Message, "not a questionnaire assay knows") {
			t.Errorf("lint %s: %v", name, lint)
		}
	}
	want := map[string]string{
		"loop1.yaml":     `extends "loop2", an extension in loop2.yaml; extensions cannot extend each other in a loop (loop1 → loop2 → loop1)`,
		"loop2.yaml":     `extends "loop1", an extension in loop1.yaml; extensions cannot extend each other in a loop (loop2 → loop1 → loop2)`,
		"self.yaml":      `extends "self", itself; extensions cannot extend each other in a loop (self → self)`,
		"on-broken.yaml": `extends "broken", an extension in broken.yaml that could not be combined (see its problems)`,
	}
	for file, msg := range want {
		found := false
		for _, p := range problems {
			if filepath.Base(p.File) == file && p.Line == 1 && strings.Contains(p.Message, msg) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: want %q among\n%v", file, msg, problems)
		}
	}
}
