package convert

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// cisoLib is a small valid library; tests break one part of it.
const cisoLib = `urn: urn:intuitem:risk:library:broken
ref_id: broken
name: Broken
copyright: Invented for assay's tests.
version: 1
objects:
  framework:
    urn: urn:intuitem:risk:framework:broken
    ref_id: broken
    name: Broken
    requirement_nodes:
    - urn: urn:intuitem:risk:req_node:broken:a
      assessable: false
      depth: 1
      ref_id: A
      name: Section
    - urn: urn:intuitem:risk:req_node:broken:a.1
      assessable: true
      depth: 2
      parent_urn: urn:intuitem:risk:req_node:broken:a
      ref_id: A.1
      name: Requirement
      questions:
        urn:intuitem:risk:req_node:broken:a.1:question:1:
          type: unique_choice
          text: Invented?
          choices:
          - urn: urn:intuitem:risk:req_node:broken:a.1:question:1:choice:1
            value: 'Yes'
            add_score: 1
`

// A broken or hostile file is refused with its file, line and field, and
// gives no questionnaire.
func TestConvertRefusesBrokenFiles(t *testing.T) {
	replace := func(old, new string) string {
		if !strings.Contains(cisoLib, old) {
			t.Fatalf("no %q in the library", old)
		}
		return strings.Replace(cisoLib, old, new, 1)
	}
	mapping := func(src, dst string) []MappingFile {
		return []MappingFile{{"map.yaml", []byte("urn: urn:intuitem:risk:library:m\nobjects:\n  requirement_mapping_sets:\n  - urn: urn:m\n" +
			"    source_framework_urn: " + src + "\n    target_framework_urn: " + dst + "\n    requirement_mappings: []\n")}}
	}
	groups := func(refs ...string) string {
		out := "    implementation_groups_definition:\n"
		for _, r := range refs {
			out += "    - ref_id: '" + r + "'\n      name: Group\n"
		}
		return out + "    requirement_nodes:\n"
	}
	for _, c := range []struct {
		name, src string
		mappings  []MappingFile
		want      string
	}{
		{"YAML syntax", "objects: {framework: [\n", nil, "lib.yaml:1:"},
		{"not a known format", "title: a recipe\nsteps: [mix, bake]\n", nil, "lib.yaml:1:1: this is not a format assay converts"},
		{"a mapping set as the library", "urn: urn:intuitem:risk:library:m\nobjects:\n  requirement_mapping_sets: []\n", nil,
			"lib.yaml:1:1: this is a CISO Assistant mapping set, not a framework (give the library it maps from as FILE and this file with --mapping)"},
		{"a library with no framework", "urn: urn:intuitem:risk:library:m\nobjects:\n  risk_matrix: {}\n", nil,
			"lib.yaml:3:3: objects: this CISO Assistant library holds no framework, only risk_matrix"},
		{"a node without urn", replace("    - urn: urn:intuitem:risk:req_node:broken:a.1\n", "    - ref: x\n"), nil,
			"lib.yaml:17:7: objects.framework.requirement_nodes[1]: a requirement node: urn is required"},
		{"an unknown parent", replace("parent_urn: urn:intuitem:risk:req_node:broken:a\n", "parent_urn: urn:intuitem:risk:req_node:broken:zz\n"), nil,
			"lib.yaml:20:19: objects.framework.requirement_nodes[1].parent_urn: parent_urn urn:intuitem:risk:req_node:broken:zz names no requirement node of this framework"},
		{"a parent loop", replace("      depth: 1\n", "      depth: 1\n      parent_urn: urn:intuitem:risk:req_node:broken:a.1\n"), nil,
			"is its own ancestor"},
		{"a node twice", replace("    - urn: urn:intuitem:risk:req_node:broken:a.1\n", "    - urn: urn:intuitem:risk:req_node:broken:a\n"), nil,
			"lib.yaml:17:7: objects.framework.requirement_nodes[1]: requirement node urn:intuitem:risk:req_node:broken:a is listed twice"},
		{"an implementation group twice", replace("    requirement_nodes:\n", groups("IG1", "IG1")), nil,
			"lib.yaml:14:15: objects.framework.implementation_groups_definition[1].ref_id: implementation group IG1 is listed twice (first at line 12)"},
		{"implementation groups that differ only by case", replace("    requirement_nodes:\n", groups("IG1", "ig1")), nil,
			"lib.yaml:14:15: objects.framework.implementation_groups_definition[1].ref_id: implementation groups IG1 and ig1 differ only by case, and are one option to assay (first at line 12)"},
		{"an implementation group without ref_id", replace("    requirement_nodes:\n", groups("IG1", " ")), nil,
			"lib.yaml:14:15: objects.framework.implementation_groups_definition[1].ref_id: an implementation group needs a ref_id"},
		{"a score that is not a number", replace("add_score: 1", "add_score: lots"), nil,
			`lib.yaml:30:24: objects.framework.requirement_nodes[1].questions.urn:intuitem:risk:req_node:broken:a.1:question:1.choices[0].add_score: add_score "lots" is not a number with at most 3 decimal places`},
		{"a question without a type", replace("          type: unique_choice\n", ""), nil, "a question: type is required"},
		{"a list where text belongs", replace("text: Invented?", "text: [a, b]"), nil, "questions.urn:intuitem:risk:req_node:broken:a.1:question:1.text: expected text, found a list"},
		{"a mapping to a framework assay does not know", cisoLib, mapping("urn:intuitem:risk:framework:broken", "urn:intuitem:risk:framework:pci-dss-4"),
			"map.yaml:6:27: objects.requirement_mapping_sets[0].target_framework_urn: the mapping set relates the library to urn:intuitem:risk:framework:pci-dss-4, which is not a framework assay knows"},
		{"a mapping of another framework", cisoLib, mapping("urn:intuitem:risk:framework:nist-csf-2.0", "urn:intuitem:risk:framework:iso27001-2022"),
			"map.yaml:1:1: the mapping sets map urn:intuitem:risk:framework:nist-csf-2.0 to urn:intuitem:risk:framework:iso27001-2022; the library is urn:intuitem:risk:framework:broken"},
		{"a broken mapping file", cisoLib, []MappingFile{{"map.yaml", []byte("objects: [\n")}}, "map.yaml:1:"},
		{"an OSCAL catalog without controls", `{"catalog": {"uuid": "u", "metadata": {"title": "T"}, "groups": [{"title": "G"}]}}`, nil,
			"lib.yaml:1:13: catalog: the catalog has no controls that are not withdrawn"},
		{"an OSCAL control without id", `{"catalog": {"uuid": "u", "metadata": {"title": "T"}, "controls": [{"title": "C"}]}}`, nil,
			"lib.yaml:1:68: catalog.controls[0]: a control: id is required"},
		{"an OSCAL control with a blank id", `{"catalog": {"uuid": "u", "metadata": {"title": "T"}, "controls": [{"id": " ", "title": "C"}, {"id": "a-1", "title": "A"}]}}`, nil,
			"lib.yaml:1:75: catalog.controls[ ].id: the control's id is blank"},
		{"an OSCAL control id that is not a token", "{\"catalog\": {\"uuid\": \"u\", \"metadata\": {\"title\": \"T\"}, \"controls\": [{\"id\": \"a 1\\u001b[31m\", \"title\": \"C\"}]}}", nil,
			`].id: control id "a 1\x1b[31m" is not an OSCAL ID`},
		{"an OSCAL profile", `{"profile": {"uuid": "u", "metadata": {"title": "T"}, "imports": [{"href": "catalog.json"}]}}`, nil,
			"lib.yaml:1:1: this is an OSCAL profile, not a catalog (convert the catalog it resolves to: NIST publishes each baseline's as a resolved-profile_catalog file)"},
		{"an OSCAL system security plan", "system-security-plan:\n  uuid: u\n  metadata: {title: T}\n", nil,
			"lib.yaml:1:1: this is an OSCAL system-security-plan, not a catalog (assay converts OSCAL catalogs)"},
		{"random bytes", "\x89PNG\r\n\x1a\n\x00\x01", nil, "lib.yaml:1:1: the file is not UTF-8 text (byte 0x89)"},
		{"deep nesting", "objects: " + strings.Repeat("[", 100_000), nil, "nests lists and mappings more than 64 deep"},
		{"billion laughs", laughs, nil, "lib.yaml:1:1: the file's aliases expand to more than 500000 values"},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, err := Convert("lib.yaml", []byte(c.src), "out.yaml", Options{Mappings: c.mappings})
			if err == nil || res != nil {
				t.Fatalf("converted: %v", res)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("got:\n%v\nwant: %s", err, c.want)
			}
		})
	}
}

var laughs = func() string {
	var b strings.Builder
	b.WriteString("l0: &l0 [x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i <= 9; i++ {
		b.WriteString("l" + string(rune('0'+i)) + ": &l" + string(rune('0'+i)) + " [")
		for j := 0; j < 9; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*l" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	return b.String() + "objects: *l9\n"
}()

// Text in a library can never change the structure of the file written,
// nor carry escape sequences into it: a name with a line break and YAML,
// a question with a terminal escape, a choice with quotes and backslashes.
func TestConvertKeepsHostileTextInert(t *testing.T) {
	src := strings.NewReplacer(
		"name: Requirement", `name: "Req\nid: injected\nsections: []\n# \u001b]8;;http://evil\u0007"`,
		"text: Invented?", `text: "Invented \u001b[31mred\u001b[0m? \u202eevil"`,
		"value: 'Yes'", `value: "Yes \"quoted\" \\ back"`,
		"copyright: Invented for assay's tests.", `copyright: "c\n  - injected"`,
	).Replace(cisoLib)
	res, err := Convert("lib.yaml", []byte(src), "out.yaml", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(string(res.YAML), "\x1b\x07\u202e") {
		t.Error("the file written holds escape or bidi characters")
	}
	q, problems := questionnaires.Parse("out.yaml", res.YAML, questionnaires.Catalog())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if q.ID != "broken" || len(q.Questions) != 2 || q.Copyright != "c\n  - injected" {
		t.Errorf("structure changed: id %s, %d questions, copyright %q", q.ID, len(q.Questions), q.Copyright)
	}
	if got := q.Questions[0].Text; got != "Invented red? evil" {
		t.Errorf("text %q", got)
	}
	if got := q.Questions[0].Options[0].Label; got != `Yes "quoted" \ back` {
		t.Errorf("label %q", got)
	}
	if got := q.Questions[1].Text; !strings.HasPrefix(got, "A.1 Req id: injected sections: []") {
		t.Errorf("result question %q", got)
	}
}
