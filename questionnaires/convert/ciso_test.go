package convert

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

func read(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// convertFile converts a test file and loads the result as assay would,
// with no problem and no warning.
func convertFile(t *testing.T, path string, opts Options) (*Result, *assess.Questionnaire) {
	t.Helper()
	res, err := Convert(path, read(t, path), "out.yaml", opts)
	if err != nil {
		t.Fatalf("convert %s: %v", path, err)
	}
	q, problems, warnings := questionnaires.Lint("out.yaml", res.YAML, questionnaires.Catalog())
	if len(problems) > 0 || len(warnings) > 0 {
		t.Fatalf("the converted questionnaire does not lint clean:\n%v\n%v", problems, warnings)
	}
	return res, q
}

func notesOf(res *Result, question string) []string {
	var out []string
	for _, n := range res.Notes {
		if n.Question == question {
			out = append(out, n.Text)
		}
	}
	return out
}

func hasNote(res *Result, question, part string) bool {
	for _, n := range notesOf(res, question) {
		if strings.Contains(n, part) {
			return true
		}
	}
	return false
}

// The invented features library, converted with --severity high, worked
// out by hand from the file: every question in order with its type, what
// scores where, the conditions from implementation groups (core by
// default, extra when the first profile answer selects it, manual only by
// hand) and from depends_on, and a note for everything not carried over.
func TestCISOFeatures(t *testing.T) {
	res, q := convertFile(t, "testdata/invented/ciso-features.yaml", Options{Severity: "high"})
	type want struct{ id, typ, dim, when string }
	core := "implementation-groups contains 'core' or not answered(implementation-groups)"
	wants := []want{
		{"implementation-groups", "multi", "", ""},
		{"p.1-q1", "single", "", core},
		{"p.1-q2", "single", "", core},
		{"p.1-q3", "date", "", core},
		{"p.1-q4", "number", "", core},
		{"p.1-q5", "text", "", core},
		{"p.1", "control", "gaps", core},
		{"c.1-q1", "single", "score", core},
		{"c.1-q2", "multi", "score", "(" + core + ") and (c.1-q1 in ['daily-restore-tested', 'daily-restore-not-tested'])"},
		{"c.1-q3", "text", "", core},
		{"c.2-q1", "single", "", "implementation-groups contains 'extra' or p.1-q1 == '50-or-more'"},
		{"c.3", "control", "gaps", "implementation-groups contains 'manual'"},
	}
	if len(q.Questions) != len(wants) {
		var ids []string
		for _, qq := range q.Questions {
			ids = append(ids, qq.ID)
		}
		t.Fatalf("questions %v, want %d", ids, len(wants))
	}
	src := string(res.YAML)
	for i, w := range wants {
		qq := q.Questions[i]
		if qq.ID != w.id || string(qq.Type) != w.typ || qq.Dimension != w.dim {
			t.Errorf("question %d: %s %s in %q, want %s %s in %q", i, qq.ID, qq.Type, qq.Dimension, w.id, w.typ, w.dim)
		}
		if w.when != "" && !strings.Contains(src, "- id: "+w.id+"\n") {
			t.Errorf("%s missing", w.id)
		}
		if w.when != "" && !strings.Contains(src, `when: "`+w.when+`"`) {
			t.Errorf("%s: no condition %q", w.id, w.when)
		}
	}
	// C.1's result comes from its questions (compute_result), so it has no
	// result question of its own; its text goes to the questions' help.
	c11, _ := q.Question("c.1-q1")
	if !strings.Contains(c11.Help, "The last restore test's report.") || c11.Severity != assess.High {
		t.Errorf("c.1-q1 help %q severity %v", c11.Help, c11.Severity)
	}
	for i, o := range []struct {
		value, gap string
		points     string
		na         bool
	}{{"daily-restore-tested", "none", "3", false}, {"daily-restore-not-tested", "partial", "2", false}, {"none", "full", "0", false}, {"not-applicable", "", "0", true}} {
		got := c11.Options[i]
		if got.Value != o.value || string(got.Gap) != o.gap || got.Points.String() != o.points || got.NA != o.na {
			t.Errorf("c.1-q1 option %d: %+v, want %+v", i, got, o)
		}
	}
	if c3, _ := q.Question("c.3"); c3.Text != "C.3 Pilot requirement: A requirement asked only when its group is ticked by hand." {
		t.Errorf("c.3 text %q", c3.Text)
	}
	if q.Copyright != "Invented for assay's tests." {
		t.Errorf("copyright %q", q.Copyright)
	}
	for _, n := range []struct{ q, part string }{
		{"", "score per requirement (1 Low, 4 High)"},
		{"", "requirement node c.note holds text only"},
		{"", "the colours of the choices of 1 questions"},
		{"p.1-q1", "no scoring in the source"},
		{"p.1-q3", "a date question with no scoring"},
		{"p.1-q5", `question type "slider" is unknown to assay`},
		{"c.1-q2", `choice "Unknown" adds no score: 0 points`},
		{"c.1-q2", "assay shows the worst of their results"},
		{"c.1-q3", "which is not an earlier question: the question is always shown"},
	} {
		if !hasNote(res, n.q, n.part) {
			t.Errorf("no note %q on %q; notes: %v", n.part, n.q, notesOf(res, n.q))
		}
	}
	// Every note about a question is also a comment above it in the file.
	for _, n := range res.Notes {
		if n.Question != "" && !strings.Contains(src, "# convert: "+n.Text) {
			t.Errorf("note %q on %s is not in the file", n.Text, n.Question)
		}
	}
	// Every question of the source is in the file: 8 questions and 3
	// requirements without computed results (P.1, C.3; C.2 computes its
	// own), plus the scope question.
	if res.Questions != 12 {
		t.Errorf("%d questions", res.Questions)
	}
}

// The CISA template in the older question: format and in the current one
// convert to the same questions, options and conditions.
func TestCISOOldAndNewFormatsAgree(t *testing.T) {
	_, newQ := convertFile(t, "testdata/ciso/cisa-vendor-scrm.yaml", Options{})
	_, oldQ := convertFile(t, "testdata/ciso/cisa-vendor-scrm-old-question-format.yaml", Options{})
	if len(newQ.Questions) != len(oldQ.Questions) || len(newQ.Questions) < 400 {
		t.Fatalf("%d questions in the new format, %d in the old", len(newQ.Questions), len(oldQ.Questions))
	}
	for i, a := range newQ.Questions {
		b := oldQ.Questions[i]
		if a.ID != b.ID || a.Type != b.Type || a.Text != b.Text || len(a.Options) != len(b.Options) || (a.When == nil) != (b.When == nil) {
			t.Fatalf("question %d differs: %s %s %q / %s %s %q", i, a.ID, a.Type, a.Text, b.ID, b.Type, b.Text)
		}
		for j := range a.Options {
			if !reflect.DeepEqual(*a.Options[j], *b.Options[j]) { // an option holds its knock-outs in a slice
				t.Errorf("%s option %d: %+v / %+v", a.ID, j, a.Options[j], b.Options[j])
			}
		}
	}
	// Spot checks against the file: 2.1's question is a single choice of
	// Yes, No, Alternate and N/A, the last not applicable; 1.1's first
	// question is free text.
	q, _ := newQ.Question("r2.1-q1")
	var values []string
	for _, o := range q.Options {
		values = append(values, o.Value)
	}
	if q.Type != assess.TypeSingle || !slices.Equal(values, []string{"yes", "no", "alternate", "n-a"}) || !q.Options[3].NA {
		t.Errorf("r2.1-q1: %s %v", q.Type, values)
	}
	if q, _ := newQ.Question("r1.1-q1"); q.Type != assess.TypeText || !q.Optional {
		t.Errorf("r1.1-q1: %s optional %v", q.Type, q.Optional)
	}
}

// SP 800-66 with NIST's mapping to CSF 2.0: a requirement's result
// question carries the CSF subcategories it maps to; mappings to CSF
// categories (gv.po), which are not subcategories, are said, not carried.
func TestCISOMappingToCSF(t *testing.T) {
	res, q := convertFile(t, "testdata/ciso/nist-sp-800-66-rev2.yaml", Options{Mappings: []MappingFile{
		{"mapping.yaml", read(t, "testdata/ciso/mapping-nist-sp-800-66-rev2-to-nist-csf-2.0.yaml")}}})
	node4, ok := q.Question("node4")
	if !ok {
		t.Fatal("no result question node4")
	}
	// From the file: node4 maps to gv.po, gv.po-01, gv.po-02, ... (22
	// subcategories and three categories).
	csf := node4.Controls[assess.NISTCSF]
	if len(csf) != 22 || !slices.Contains(csf, "GV.PO-01") || !slices.Contains(csf, "ID.RA-08") {
		t.Errorf("node4 CSF controls %v", csf)
	}
	if !hasNote(res, "node4", "NIST CSF 2.0 gv.po, gv.rr, de.ae (intersect): not controls of assay's catalog (subcategories only)") {
		t.Errorf("node4 notes %v", notesOf(res, "node4"))
	}
	if !strings.Contains(string(res.YAML), "# controls: NIST CSF 2.0 GV.PO-01, GV.PO-02,") {
		t.Error("the controls' source is not in the file")
	}
	// Questions of a requirement do not carry its controls: their answers
	// are not its result.
	if q1, _ := q.Question("node4-q1"); !q1.Controls.Empty() {
		t.Errorf("node4-q1 controls %v", q1.Controls)
	}
	if !strings.Contains(q.Copyright, "Mapping nist-sp-800-66-rev2 -> NIST-CSF-2.0: NIST") {
		t.Errorf("copyright %q", q.Copyright)
	}
}

// The relationships: NIST's CSF to ISO 27001 set is all intersect, so
// --relations equal,superset keeps none and says so; ISO clauses (4.1)
// are not Annex A controls. A set written from a known framework to the
// library's is read in reverse, subset becoming superset.
func TestCISOMappingRelations(t *testing.T) {
	lib := []byte(`urn: urn:intuitem:risk:library:invented-csf-subset
ref_id: invented-csf-subset
name: Invented CSF subset
copyright: Invented for assay's tests.
version: 1
objects:
  framework:
    urn: urn:intuitem:risk:framework:nist-csf-2.0
    ref_id: NIST-CSF-2.0
    name: Invented CSF subset
    requirement_nodes:
    - urn: urn:intuitem:risk:req_node:nist-csf-2.0:gv
      assessable: false
      depth: 1
      ref_id: GV
      name: Invented function
    - urn: urn:intuitem:risk:req_node:nist-csf-2.0:gv.oc-01
      assessable: true
      depth: 2
      parent_urn: urn:intuitem:risk:req_node:nist-csf-2.0:gv
      ref_id: GV.OC-01
      description: Invented text one.
    - urn: urn:intuitem:risk:req_node:nist-csf-2.0:gv.oc-03
      assessable: true
      depth: 2
      parent_urn: urn:intuitem:risk:req_node:nist-csf-2.0:gv
      ref_id: GV.OC-03
      description: Invented text three.
`)
	path := filepath.Join(t.TempDir(), "csf.yaml")
	if err := os.WriteFile(path, lib, 0o600); err != nil {
		t.Fatal(err)
	}
	mapping := MappingFile{"csf-iso.yaml", read(t, "testdata/ciso/mapping-nist-csf-2.0-to-iso27001-2022.yaml")}
	res, q := convertFile(t, path, Options{Mappings: []MappingFile{mapping}})
	// From the file: gv.oc-03 maps (intersect) to clauses and to A.5.20,
	// A.5.31; the library is CSF, so each question also maps to itself.
	oc3, _ := q.Question("gv.oc-03")
	if got := oc3.Controls[assess.ISO27001]; !slices.Equal(got, []string{"A.5.20", "A.5.31"}) || !slices.Equal(oc3.Controls[assess.NISTCSF], []string{"GV.OC-03"}) {
		t.Errorf("gv.oc-03 controls %v", oc3.Controls)
	}
	oc1, _ := q.Question("gv.oc-01")
	if len(oc1.Controls[assess.ISO27001]) != 0 || !hasNote(res, "gv.oc-01", "ISO/IEC 27001:2022 4.1, 6.1.1, 6.1.2, 6.1.3, 8.1, 8.2, 8.3 (intersect): not controls of assay's catalog (Annex A controls only)") {
		t.Errorf("gv.oc-01: %v %v", oc1.Controls, notesOf(res, "gv.oc-01"))
	}

	res, q = convertFile(t, path, Options{Mappings: []MappingFile{mapping}, Relations: []string{"equal", "superset"}})
	if oc3, _ := q.Question("gv.oc-03"); len(oc3.Controls[assess.ISO27001]) != 0 || !hasNote(res, "gv.oc-03", "A.5.20") || !hasNote(res, "gv.oc-03", "left out by --relations") {
		t.Errorf("with equal,superset: %v %v", oc3.Controls, notesOf(res, "gv.oc-03"))
	}

	reverse := []byte(`urn: urn:intuitem:risk:library:invented-reverse
copyright: Invented for assay's tests.
objects:
  requirement_mapping_sets:
  - urn: urn:intuitem:risk:req_mapping_set:invented-soc2-to-csf
    name: Invented SOC 2 to CSF
    source_framework_urn: urn:intuitem:risk:framework:soc2-2017-rev-2022
    target_framework_urn: urn:intuitem:risk:framework:nist-csf-2.0
    requirement_mappings:
    - source_requirement_urn: urn:intuitem:risk:req_node:soc2-2017-rev-2022:cc6.1.2
      target_requirement_urn: urn:intuitem:risk:req_node:nist-csf-2.0:gv.oc-01
      relationship: subset
`)
	res, q = convertFile(t, path, Options{Mappings: []MappingFile{{"reverse.yaml", reverse}}, Relations: []string{"superset"}})
	if oc1, _ := q.Question("gv.oc-01"); !slices.Equal(oc1.Controls[assess.SOC2], []string{"CC6.1"}) {
		t.Errorf("reversed: %v", oc1.Controls)
	}
	if !strings.Contains(string(res.YAML), "# controls: SOC 2 CC6.1 (point of focus cc6.1.2 read as its criterion), superset, from Invented SOC 2 to CSF") {
		t.Errorf("reversed comment missing:\n%.3000s", res.YAML)
	}
	// A mapping to a requirement the library does not have is counted in
	// a note on the file, in the singular when there is one.
	extra := append(reverse, []byte(`    - source_requirement_urn: urn:intuitem:risk:req_node:soc2-2017-rev-2022:cc6.1.2
      target_requirement_urn: urn:intuitem:risk:req_node:nist-csf-2.0:gv.oc-99
      relationship: subset
`)...)
	res, _ = convertFile(t, path, Options{Mappings: []MappingFile{{"reverse.yaml", extra}}, Relations: []string{"superset"}})
	found := false
	for _, n := range res.Notes {
		found = found || strings.Contains(n.Text, "1 mapping of Invented SOC 2 to CSF name requirements the library does not have")
	}
	if !found {
		t.Errorf("no note counting the one mapping to a requirement the library lacks: %v", res.Notes)
	}
}
