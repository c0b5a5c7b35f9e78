package convert

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// NIST's SP 800-53 LOW baseline (two groups of it) becomes a catalog of
// its 16 controls, each named by its label and title, in its group; the
// ID comes from the output file's name. A questionnaire in the same
// folder maps to it, and an unknown control of it is refused with a hint.
func TestOSCALCatalog(t *testing.T) {
	path := "testdata/oscal/sp800-53-rev5-low-ac-at.json"
	res, err := Convert(path, read(t, path), "/somewhere/catalogs/sp800-53-low.yaml", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.What != "catalog" || res.ID != "sp800-53-low" || res.Questions != 16 || res.Sections != 2 {
		t.Errorf("%s %s: %d controls in %d groups", res.What, res.ID, res.Questions, res.Sections)
	}
	cat, problems := questionnaires.ParseCatalog("sp800-53-low.yaml", res.YAML)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if cat.Title != "NIST Special Publication 800-53 Revision 5.1.1 LOW IMPACT BASELINE" || cat.Version != "5.1.1+u4" {
		t.Errorf("title %q version %q", cat.Title, cat.Version)
	}
	byID := map[string]assess.Control{}
	for _, c := range cat.Controls {
		byID[c.ID] = c
	}
	if c := byID["at-2.2"]; c.Name != "AT-2(2) Insider Threat" || c.Group != "Awareness and Training" {
		t.Errorf("at-2.2: %+v", c)
	}
	if c := byID["ac-1"]; c.Name != "AC-1 Policy and Procedures" || c.Group != "Access Control" {
		t.Errorf("ac-1: %+v", c)
	}

	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, questionnaires.CatalogDir), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, questionnaires.CatalogDir, "sp800-53-low.yaml"), res.YAML, 0o600); err != nil {
		t.Fatal(err)
	}
	const q = "id: mapped\nversion: \"1\"\ntitle: Mapped\nkind: security\nsections:\n  - id: s\n    title: S\n    questions:\n" +
		"      - {id: a, type: control, text: A, controls: {sp800-53-low: [ac-2, at-2.2], iso27001: [A.5.15]}}\n"
	if err := os.WriteFile(filepath.Join(dir, "mapped.yaml"), []byte(q), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "wrong.yaml"), []byte(strings.NewReplacer("mapped", "wrong", "ac-2,", "ac-99,").Replace(q)), 0o600); err != nil {
		t.Fatal(err)
	}
	lib, problems, err := questionnaires.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	mapped, ok := lib.Get("mapped")
	if !ok || strings.Join(mapped.Questions[0].Controls["sp800-53-low"], " ") != "ac-2 at-2.2" {
		t.Fatalf("mapped: %v %v", ok, problems)
	}
	if len(problems) != 1 || !strings.Contains(problems[0].String(), `wrong.yaml:9:67: sections[s].questions[a].controls.sp800-53-low[0]: NIST Special Publication 800-53 Revision 5.1.1 LOW IMPACT BASELINE has no control "ac-99" (did you mean "ac-19"?)`) {
		t.Errorf("problems: %v", problems)
	}
	if fws := lib.Catalog().Frameworks(); len(fws) != 4 || fws[3] != "sp800-53-low" {
		t.Errorf("frameworks %v", fws)
	}
	// A stored snapshot still opens without the catalog.
	if _, err := questionnaires.Decode("snapshot", mapped.Source); err != nil {
		t.Errorf("the snapshot does not decode without its catalog: %v", err)
	}
	// Without the folder, the questionnaire is refused: the framework is
	// unknown.
	if _, problems := questionnaires.Parse("mapped.yaml", []byte(q), questionnaires.Catalog()); len(problems) == 0 || !strings.Contains(problems.Error(), `unknown field "sp800-53-low"`) {
		t.Errorf("without the catalog: %v", problems)
	}
}
