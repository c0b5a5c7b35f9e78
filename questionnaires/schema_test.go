package questionnaires

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/assay-dev/assay/assess"
)

const schemaPath = "../docs/questionnaire.schema.json"

// compileSchema compiles docs/questionnaire.schema.json, the schema editors
// use to check questionnaire files as they are typed.
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	src, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
	if err != nil {
		t.Fatalf("%s: %v", schemaPath, err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("questionnaire.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("questionnaire.schema.json")
	if err != nil {
		t.Fatalf("%s: %v", schemaPath, err)
	}
	return sch
}

// validateYAML converts a YAML file to JSON, as an editor's YAML language
// server does, and validates it.
func validateYAML(sch *jsonschema.Schema, src []byte) error {
	js, err := yaml.YAMLToJSON(src)
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		return err
	}
	return sch.Validate(inst)
}

// Every built-in questionnaire (whatever is in builtin/ when the test runs)
// and every valid test questionnaire passes the schema.
func TestSchemaAcceptsEveryQuestionnaire(t *testing.T) {
	sch := compileSchema(t)
	var paths []string
	for _, pattern := range []string{"builtin/*.yaml", "testdata/*.yaml"} {
		p, _ := filepath.Glob(pattern)
		paths = append(paths, p...)
	}
	if len(paths) < 7 {
		t.Fatalf("found only %d questionnaires", len(paths))
	}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, problems := Parse(p, src, Catalog()); len(problems) > 0 {
			t.Errorf("%s does not load:\n%v", p, problems)
			continue
		}
		if err := validateYAML(sch, src); err != nil {
			t.Errorf("%s fails the schema: %v", p, err)
		}
		if !bytes.HasPrefix(src, []byte("# yaml-language-server: $schema=../../docs/questionnaire.schema.json\n")) {
			t.Errorf("%s does not name the schema on its first line", p)
		}
	}
}

// Files with mistakes the schema can see fail it, each for the reason
// planted.
func TestSchemaRejectsMistakes(t *testing.T) {
	sch := compileSchema(t)
	src, err := os.ReadFile("testdata/invalid/lint-mistakes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := validateYAML(sch, src); err == nil {
		t.Error("lint-mistakes.yaml passes the schema")
	}
	const base = "id: t\nversion: \"1\"\ntitle: T\nkind: privacy\n"
	const section = "sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q}]}]\n"
	cases := map[string]string{
		"an unknown top-level field":         base + "titel: T\n" + section,
		"a missing title":                    strings.Replace(base, "title: T\n", "", 1) + section,
		"an unknown kind":                    strings.Replace(base, "privacy", "privcy", 1) + section,
		"no sections":                        base,
		"an id starting with a digit":        strings.Replace(base, "id: t", "id: 1t", 1) + section,
		"a keyword as id":                    strings.Replace(base, "id: t", "id: count", 1) + section,
		"an id of 65 characters":             strings.Replace(base, "id: t", "id: "+strings.Repeat("t", 65), 1) + section,
		"an unknown question type":           base + "sections: [{id: s, title: S, questions: [{id: q, type: yesno, text: Q}]}]\n",
		"a question without text":            base + "sections: [{id: s, title: S, questions: [{id: q, type: control}]}]\n",
		"an unknown question field":          base + "sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q, wieght: 2}]}]\n",
		"a weight of zero":                   base + "sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q, weight: 0}]}]\n",
		"optional beside required_when":      base + "sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q, optional: true, required_when: \"a == 'b'\"}]}]\n",
		"an unknown severity":                base + "sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q, severity: severe}]}]\n",
		"severity_when without severity":     base + "sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q, severity_when: {when: \"a == 'b'\", severity: low, reason: R}}]}]\n",
		"an empty severity_when":             base + "sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q, severity: high, severity_when: []}]}]\n",
		"an empty replaces":                  base + "sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q, replaces: []}]}]\n",
		"a null in replaces":                 base + "sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q, replaces: [old, null]}]}]\n",
		"severity_when without a reason":     base + "sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q, severity: high, severity_when: {when: \"a == 'b'\", severity: low}}]}]\n",
		"an unknown ISO control":             base + "sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q, controls: {iso27001: [A.5.99]}}]}]\n",
		"an unknown NIST control":            base + "sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q, controls: {nist-csf: PR.AA-5}}]}]\n",
		"an unknown framework":               base + "sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q, controls: {iso27002: [A.5.1]}}]}]\n",
		"a single choice without options":    base + "sections: [{id: s, title: S, questions: [{id: q, type: single, text: Q}]}]\n",
		"a scale on a control question":      base + "sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q, scale: {from: 1, to: 5}}]}]\n",
		"points with four decimal places":    base + "sections: [{id: s, title: S, questions: [{id: q, type: single, text: Q, options: [{value: a, points: '0.1234'}, b]}]}]\n",
		"an option with an unknown gap":      base + "sections: [{id: s, title: S, questions: [{id: q, type: single, text: Q, options: [{value: a, gap: half}, b]}]}]\n",
		"a band with over and from":          base + "levels: [{id: l, dimension: risk, bands: [{level: a, over: 1, from: 1}]}]\n" + section,
		"a band bound that is not a share":   base + "levels: [{id: l, dimension: risk, bands: [{level: a, upto: 25 percent}]}]\n" + section,
		"a level with bands and a matrix":    base + "levels: [{id: l, dimension: risk, bands: [{level: a}], matrix: {rows: x, columns: y, cells: [[a]]}}]\n" + section,
		"bands without a dimension":          base + "levels: [{id: l, bands: [{level: a}]}]\n" + section,
		"a rule without an operation":        base + "rules: [{id: r, adjust: risk}]\n" + section,
		"a rule with two operations":         base + "rules: [{id: r, adjust: risk, add: 1, set: 2}]\n" + section,
		"an unknown rounding":                base + "rules: [{id: r, adjust: risk, multiply: 0.85, round: half-down}]\n" + section,
		"a rule condition without a test":    base + "rules: [{id: r, adjust: risk, add: 1, if: {dimension: risk}}]\n" + section,
		"a severity raise by zero":           base + "severity_raises: [{if: {level: l, is: high}, by: 0}]\n" + section,
		"a deadline for an unknown level":    base + "deadlines: {urgent: 5}\n" + section,
		"a risk matrix of two steps":         base + "risk_matrix: {likelihood: [a, b], impact: [c, d, e], cells: [[low]]}\n" + section,
		"a recommendation without reason":    base + "recommends: [{questionnaire: dpia, when: \"q == 'yes'\"}]\n" + section,
		"an empty condition":                 base + "sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q, when: ''}]}]\n",
		"a date with age and until":          base + "sections: [{id: s, title: S, questions: [{id: q, type: date, text: Q, age: [{points: 0}], until: [{points: 0}]}]}]\n",
		"until on a number question":         base + "sections: [{id: s, title: S, questions: [{id: q, type: number, text: Q, until: [{points: 0}]}]}]\n",
		"min on a scale question":            base + "sections: [{id: s, title: S, questions: [{id: q, type: scale, text: Q, scale: {from: 1, to: 5}, min: 2}]}]\n",
		"whole on a date question":           base + "sections: [{id: s, title: S, questions: [{id: q, type: date, text: Q, whole: true}]}]\n",
		"a max that is not a number":         base + "sections: [{id: s, title: S, questions: [{id: q, type: number, text: Q, max: lots}]}]\n",
		"whole that is not true or false":    base + "sections: [{id: s, title: S, questions: [{id: q, type: number, text: Q, whole: 1}]}]\n",
		"an option value of 101 characters":  base + "sections: [{id: s, title: S, questions: [{id: q, type: single, text: Q, options: [{value: " + strings.Repeat("v", MaxOptionValueLength+1) + "}, b]}]}]\n",
		"a bare option of 101 characters":    base + "sections: [{id: s, title: S, questions: [{id: q, type: single, text: Q, options: [" + strings.Repeat("v", MaxOptionValueLength+1) + ", b]}]}]\n",
		"a version of 65 characters":         strings.Replace(base, `"1"`, `"`+strings.Repeat("9", MaxVersionLength+1)+`"`, 1) + section,
		"a recommendation with a blank when": base + "recommends: [{questionnaire: dpia, when: '', reason: R}]\n" + section,
	}
	for name, src := range cases {
		if err := validateYAML(sch, []byte(src)); err == nil {
			t.Errorf("%s passes the schema", name)
		}
	}
}

// A recommendation without when is made whatever the answers (the
// loader's recommends); the schema refused it as missing a field, and
// took an option value longer than the loader does.
func TestSchemaTakesWhatTheLoaderTakes(t *testing.T) {
	sch := compileSchema(t)
	const base = "id: t\nversion: \"1\"\ntitle: T\nkind: privacy\n"
	const section = "sections: [{id: s, title: S, questions: [{id: q, type: single, dimension: none, text: Q, options: [OPTION, b]}]}]\n"
	longest := strings.Repeat("v", MaxOptionValueLength)
	for name, src := range map[string]string{
		"a recommendation without when":     base + "recommends: [{questionnaire: dpia, reason: Always.}]\n" + strings.Replace(section, "OPTION", "a", 1),
		"an option value of 100 characters": base + strings.Replace(section, "OPTION", "{value: "+longest+"}", 1),
		"a bare option of 100 characters":   base + strings.Replace(section, "OPTION", longest, 1),
	} {
		if _, problems := Parse("t.yaml", []byte(src), Catalog()); len(problems) > 0 {
			t.Errorf("%s: the loader refuses it: %v", name, problems)
		}
		if err := validateYAML(sch, []byte(src)); err != nil {
			t.Errorf("%s fails the schema: %v", name, err)
		}
	}
}

// The schema lists exactly the fields the loader reads, and exactly the
// control IDs of the embedded catalogs, so that neither can drift.
func TestSchemaMatchesLoader(t *testing.T) {
	src, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Properties map[string]json.RawMessage `json:"properties"`
		Defs       map[string]struct {
			Properties map[string]json.RawMessage `json:"properties"`
			Enum       []string                   `json:"enum"`
			OneOf      []struct {
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"oneOf"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(src, &s); err != nil {
		t.Fatal(err)
	}
	keys := func(m map[string]json.RawMessage) []string {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		slices.Sort(out)
		return out
	}
	sorted := func(ss []string) []string {
		out := slices.Clone(ss)
		slices.Sort(out)
		return out
	}
	for _, c := range []struct {
		what         string
		schema, want []string
	}{
		{"top-level fields", keys(s.Properties), topFields},
		{"question fields", keys(s.Defs["question"].Properties), questionFields},
		{"option fields", keys(s.Defs["option"].OneOf[1].Properties), optionFields},
		{"level fields", keys(s.Defs["level"].Properties), levelFields},
	} {
		if !slices.Equal(c.schema, sorted(c.want)) {
			t.Errorf("%s: schema has %v, loader reads %v", c.what, c.schema, sorted(c.want))
		}
	}
	for def, fw := range map[string]assess.Framework{"isoControl": assess.ISO27001, "nistControl": assess.NISTCSF, "soc2Control": assess.SOC2} {
		var ids []string
		for _, c := range Catalog().Controls(fw) {
			ids = append(ids, c.ID)
		}
		if !slices.Equal(s.Defs[def].Enum, ids) {
			t.Errorf("%s: the schema's %d IDs differ from the catalog's %d", def, len(s.Defs[def].Enum), len(ids))
		}
	}
}
