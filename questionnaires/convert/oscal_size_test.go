package convert

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"

	"github.com/assay-dev/assay/questionnaires"
)

// nistShapedCatalog is an OSCAL catalog of n controls laid out as NIST's
// SP 800-53 Rev. 5 files are: each control with its parameters, labels,
// links, statement, guidance and assessment objectives, some 700 tokens
// of JSON a control (800), as in NIST's resolved baselines (780 to 860).
func nistShapedCatalog(n int) map[string]any {
	prop := func(name, value, class string) map[string]any {
		p := map[string]any{"name": name, "value": value}
		if class != "" {
			p["class"] = class
		}
		return p
	}
	var controls []any
	for i := range n {
		id := fmt.Sprintf("xx-%d", i+1)
		var params, items, objectives []any
		for j := range 4 {
			params = append(params, map[string]any{
				"id":         fmt.Sprintf("%s_odp.%02d", id, j+1),
				"props":      []any{prop("label", fmt.Sprintf("XX-%02d_ODP[%02d]", i+1, j+1), "sp800-53a")},
				"label":      "organization-defined personnel or roles",
				"guidelines": []any{map[string]any{"prose": "personnel or roles to whom the policy is disseminated"}},
			})
		}
		for j := range 6 {
			items = append(items, map[string]any{"id": fmt.Sprintf("%s_smt.%c", id, 'a'+j), "name": "item",
				"props": []any{prop("label", fmt.Sprintf("%c.", 'a'+j), "")},
				"prose": "Develop, document, and disseminate to {{ insert: param, " + id + "_odp.01 }} the policy."})
		}
		for j := range 8 {
			objectives = append(objectives, map[string]any{"id": fmt.Sprintf("%s_obj.%d", id, j+1), "name": "assessment-objective",
				"props": []any{prop("label", fmt.Sprintf("XX-%02d[%02d]", i+1, j+1), "sp800-53a")},
				"prose": "the policy is developed and documented;",
				"links": []any{map[string]any{"href": "#" + id + "_smt", "rel": "assessment-for"}}})
		}
		controls = append(controls, map[string]any{
			"id": id, "class": "SP800-53", "title": fmt.Sprintf("Control %d", i+1), "params": params,
			"props": []any{prop("label", fmt.Sprintf("XX-%d", i+1), ""), prop("label", fmt.Sprintf("XX-%02d", i+1), "zero-padded"), prop("sort-id", id, "")},
			"links": []any{map[string]any{"href": "#ref-1", "rel": "reference"}},
			"parts": []any{
				map[string]any{"id": id + "_smt", "name": "statement", "parts": items},
				map[string]any{"id": id + "_gdn", "name": "guidance", "prose": "Guidance for the control."},
				map[string]any{"id": id + "_obj", "name": "assessment-objective", "parts": objectives},
			},
		})
	}
	return map[string]any{"catalog": map[string]any{
		"uuid":     "0c9b2c1a-2a6b-4d3f-9b1e-4f3a2d1c0b9a",
		"metadata": map[string]any{"title": "NIST-shaped catalog", "version": "5.1.1", "oscal-version": "1.1.2"},
		"groups":   []any{map[string]any{"id": "xx", "class": "family", "title": "Examples", "controls": controls}},
	}}
}

// NIST's whole SP 800-53 Rev. 5 catalog (about 1,200 controls, some
// 950,000 tokens of JSON) and its HIGH baseline in YAML (3.2 MB, 370
// controls in block style, whose nested parts leave a key with nothing
// after it on 11,000 lines) are what people convert; the bounds that keep
// a questionnaire file from stalling the loader refused both, the first
// for its tokens, the second for its empty values. 700 controls of JSON
// are past the loader's 500,000 tokens, and quicker to test than 1,200.
func TestNISTSizedCatalogsConvert(t *testing.T) {
	whole, err := json.MarshalIndent(nistShapedCatalog(700), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	high, err := yaml.Marshal(nistShapedCatalog(370))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name     string
		src      []byte
		controls int
	}{
		{"NIST_SP-800-53_rev5_catalog.json", whole, 700},
		{"NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog.yaml", high, 370},
	} {
		res, err := Convert(c.name, c.src, "catalogs/sp800-53.yaml", Options{})
		if err != nil {
			t.Errorf("%s (%d bytes): %v", c.name, len(c.src), err)
			continue
		}
		if res.Questions != c.controls {
			t.Errorf("%s: %d controls, want %d", c.name, res.Questions, c.controls)
		}
		cat, problems := questionnaires.ParseCatalog("sp800-53.yaml", res.YAML)
		if len(problems) > 0 {
			t.Fatal(problems)
		}
		if last := cat.Controls[len(cat.Controls)-1]; last.Name != fmt.Sprintf("XX-%d Control %d", c.controls, c.controls) {
			t.Errorf("%s: last control %+v", c.name, last)
		}
	}
	// The bounds still hold for what no catalog is: a file of empty
	// values, which would stall the parser for seconds, is refused.
	empties := strings.Repeat("- \n", 60_000) + strings.Repeat("- x\n", 100_000)
	if _, err := Convert("empties.yaml", []byte(empties), "out.yaml", Options{}); err == nil || !strings.Contains(err.Error(), "nothing after them") {
		t.Errorf("a file of empty values: %v", err)
	}
}
