package convert

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// CISO Assistant relates two frameworks' requirements in mapping sets,
// each pair with a relationship read from the source requirement's side:
//
//	equal      the two say the same thing
//	subset     the source is part of the target
//	superset   the source covers all of the target, and more
//	intersect  they overlap
//
// assay maps a question to the controls it gives evidence on; the mapped
// controls of a requirement go to the question that holds its result.
// Read in reverse (a set from a known framework to the library's), subset
// and superset swap. Options.Relations chooses which relationships count.

// Relationships lists the relationship types, strongest first.
var Relationships = []string{"equal", "superset", "subset", "intersect"}

// cisoFrameworks are the CISO Assistant frameworks whose requirements are
// controls of assay's catalogs.
var cisoFrameworks = map[string]assess.Framework{
	"urn:intuitem:risk:framework:iso27001-2022":      assess.ISO27001,
	"urn:intuitem:risk:framework:nist-csf-2.0":       assess.NISTCSF,
	"urn:intuitem:risk:framework:soc2-2017-rev-2022": assess.SOC2,
	"urn:intuitem:risk:framework:soc2-2017":          assess.SOC2,
}

// mappedControls holds, by requirement URN, the controls each requirement
// maps to, and what could not be mapped.
type mappedControls struct {
	sets     []mappingSet
	controls map[string][]mappedControl
	// skipped says, by requirement URN, the targets not carried over.
	skipped  map[string][]skippedTarget
	notes    []string
	problems yamlx.Problems // in the mapping files
	cat      *assess.Catalog
	used     map[string]bool // requirements whose controls went to a question
}

type mappingSet struct{ urn, name, file, copyright string }

// skippedTarget is a mapped requirement not carried over, and why.
type skippedTarget struct{ fw, target, relation, why string }

type mappedControl struct {
	fw       assess.Framework
	id       string
	relation string
	from     string // the mapping set, or "the library" when it is the framework itself
	note     string // e.g. a SOC 2 point of focus read as its criterion
}

// mapControls reads Options.Mappings against the library, and maps the
// library's own requirements when the library is one of assay's
// frameworks (NIST CSF 2.0's GV.OC-01 is that control).
func mapControls(lib *cisoLibrary, opts Options) *mappedControls {
	m := &mappedControls{controls: map[string][]mappedControl{}, skipped: map[string][]skippedTarget{}, cat: opts.Catalog, used: map[string]bool{}}
	if fw, ok := cisoFrameworks[lib.FrameworkURN]; ok {
		for _, n := range lib.Nodes {
			if id, note, ok := m.controlID(fw, n.RefID); ok && n.Assessable {
				m.add(n.URN, mappedControl{fw: fw, id: id, relation: "equal", from: "the library, which is " + fw.Title(), note: note})
			}
		}
	}
	for _, mf := range opts.Mappings {
		m.readFile(lib, mf, opts.relations())
	}
	return m
}

func (m *mappedControls) add(urn string, mc mappedControl) {
	for _, have := range m.controls[urn] {
		if have.fw == mc.fw && have.id == mc.id {
			return
		}
	}
	m.controls[urn] = append(m.controls[urn], mc)
}

// readFile reads one mapping library. Its sets from the library's
// framework are used as they are; only if there are none, its sets to the
// library's framework are read in reverse.
func (m *mappedControls) readFile(lib *cisoLibrary, mf MappingFile, relations []string) {
	doc, root := yamlx.ParseWithin(mf.Name, mf.Src, convertBounds)
	report := func() { m.problems = append(m.problems, doc.Problems...) }
	if len(doc.Problems) > 0 {
		report()
		return
	}
	top := fieldsOf(root)
	objects := fieldsOf(top.required("objects", "a CISO Assistant mapping library"))
	sets := objects.list("requirement_mapping_sets")
	if one := objects.get("requirement_mapping_set"); one.Exists() {
		sets = append(sets, one)
	}
	if len(sets) == 0 && len(doc.Problems) == 0 {
		root.Problem("a mapping library has objects.requirement_mapping_sets", "this is not a CISO Assistant mapping set")
	}
	var forward, reverse []yamlx.Value
	var others []string
	for _, sv := range sets {
		s := fieldsOf(sv)
		src, dst := s.required("source_framework_urn", "a mapping set").Str(), s.required("target_framework_urn", "a mapping set").Str()
		switch lib.FrameworkURN {
		case src:
			forward = append(forward, sv)
		case dst:
			reverse = append(reverse, sv)
		default:
			others = append(others, oneLine(src)+" to "+oneLine(dst))
		}
	}
	use, reversed := forward, false
	if len(use) == 0 {
		use, reversed = reverse, true
	}
	if len(use) == 0 && len(sets) > 0 && len(doc.Problems) == 0 {
		root.Problem("give a mapping set from or to the library's framework", "the mapping sets map %s; the library is %s", strings.Join(others, ", "), oneLine(lib.FrameworkURN))
	}
	for _, sv := range use {
		m.readSet(lib, mf.Name, top, sv, reversed, relations)
	}
	report()
}

func (m *mappedControls) readSet(lib *cisoLibrary, file string, top fields, sv yamlx.Value, reversed bool, relations []string) {
	s := fieldsOf(sv)
	other := s.str("target_framework_urn")
	if reversed {
		other = s.str("source_framework_urn")
	}
	set := mappingSet{urn: s.str("urn"), name: firstNonEmpty(s.str("name"), top.str("name"), s.str("urn")), file: file, copyright: clean(top.str("copyright"))}
	for _, read := range m.sets {
		if set.urn != "" && read.urn == set.urn {
			// --mapping repeated, or a copy of the file: its copyright
			// and what it leaves out would be said twice.
			m.notes = append(m.notes, fmt.Sprintf("the mapping set %s is in %s and again in %s: read once", oneLine(set.name), oneLine(read.file), oneLine(file)))
			return
		}
	}
	fw, ok := cisoFrameworks[other]
	if !ok {
		s.get("target_framework_urn").Problem("assay maps to ISO/IEC 27001:2022 (iso27001-2022), NIST CSF 2.0 (nist-csf-2.0) and SOC 2 (soc2-2017-rev-2022)",
			"the mapping set relates the library to %s, which is not a framework assay knows", oneLine(other))
		return
	}
	m.sets = append(m.sets, set)
	prefix := "urn:intuitem:risk:req_node:"
	counts := map[string]int{}
	for _, rv := range s.required("requirement_mappings", "a mapping set").List() {
		r := fieldsOf(rv)
		srcURN, dstURN := r.required("source_requirement_urn", "a mapping").Str(), r.required("target_requirement_urn", "a mapping").Str()
		rel := r.str("relationship")
		if reversed {
			srcURN, dstURN = dstURN, srcURN
			rel = reverseRelation(rel)
		}
		if _, known := lib.byURN[srcURN]; !known {
			counts["name requirements the library does not have"]++
			continue
		}
		if !slices.Contains(Relationships, rel) {
			counts[fmt.Sprintf("have relationship %q", oneLine(rel))]++
			continue
		}
		tail := dstURN
		if i := strings.LastIndex(dstURN, ":"); strings.HasPrefix(dstURN, prefix) && i >= 0 {
			tail = dstURN[i+1:]
		}
		id, note, ok := m.controlID(fw, tail)
		switch {
		case !ok:
			m.skip(srcURN, skippedTarget{fw.Title(), oneLine(tail), rel, "not controls of assay's catalog" + catalogScope(fw)})
			continue
		case !slices.Contains(relations, rel):
			m.skip(srcURN, skippedTarget{fw.Title(), id, rel, "left out by --relations"})
			continue
		}
		m.add(srcURN, mappedControl{fw: fw, id: id, relation: rel, from: set.name, note: note})
	}
	for _, why := range sortedKeys(counts) {
		m.notes = append(m.notes, fmt.Sprintf("%s of %s %s", count(counts[why], "mapping", "mappings"), oneLine(set.name), why))
	}
}

// count is n and the noun, in the singular for one.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// skip records a mapped target not carried over, once.
func (m *mappedControls) skip(urn string, s skippedTarget) {
	if !slices.Contains(m.skipped[urn], s) {
		m.skipped[urn] = append(m.skipped[urn], s)
	}
}

// reverseRelation reads a relationship from the other side: if A is a
// subset of B, B is a superset of A.
func reverseRelation(rel string) string {
	switch rel {
	case "subset":
		return "superset"
	case "superset":
		return "subset"
	}
	return rel
}

func catalogScope(fw assess.Framework) string {
	switch fw {
	case assess.ISO27001:
		return " (Annex A controls only)"
	case assess.NISTCSF:
		return " (subcategories only)"
	}
	return ""
}

// controlID finds a requirement's reference in a framework's catalog,
// ignoring case (CISO Assistant writes a.5.13 for A.5.13). A SOC 2 point
// of focus (cc6.1.1) is read as its criterion (CC6.1).
func (m *mappedControls) controlID(fw assess.Framework, ref string) (id, note string, ok bool) {
	ref = strings.TrimSpace(ref)
	if ref == "" || m.cat == nil {
		return "", "", false
	}
	for _, c := range m.cat.Controls(fw) {
		if strings.EqualFold(c.ID, ref) {
			return c.ID, "", true
		}
	}
	if fw == assess.SOC2 {
		if i := strings.LastIndex(ref, "."); i > 0 {
			if id, _, ok := m.controlID(fw, ref[:i]); ok && strings.Count(ref, ".") >= 2 {
				return id, fmt.Sprintf("point of focus %s read as its criterion", oneLine(ref)), true
			}
		}
	}
	return "", "", false
}

// attach puts requirement n's controls on question q, with comments
// saying where they came from (one line per framework, relationship and
// source) and which could not be carried over.
func (m *mappedControls) attach(q *draftQuestion, n *cisoNode) {
	type group struct {
		fw             assess.Framework
		relation, from string
	}
	var order []group
	ids := map[group][]string{}
	for _, mc := range m.controls[n.URN] {
		if q.Controls == nil {
			q.Controls = map[string][]string{}
		}
		if !slices.Contains(q.Controls[string(mc.fw)], mc.id) {
			q.Controls[string(mc.fw)] = append(q.Controls[string(mc.fw)], mc.id)
		}
		g := group{mc.fw, mc.relation, mc.from}
		if _, ok := ids[g]; !ok {
			order = append(order, g)
		}
		id := mc.id
		if mc.note != "" {
			id += " (" + mc.note + ")"
		}
		ids[g] = append(ids[g], id)
	}
	for fw := range q.Controls {
		slices.SortFunc(q.Controls[fw], func(a, b string) int {
			if assess.LessControlID(a, b) {
				return -1
			}
			return 1
		})
	}
	for _, g := range order {
		q.ControlNotes = append(q.ControlNotes, fmt.Sprintf("%s %s, %s, from %s", g.fw.Title(), strings.Join(ids[g], ", "), g.relation, oneLine(g.from)))
	}
	type why struct{ fw, relation, why string }
	var worder []why
	targets := map[why][]string{}
	for _, s := range m.skipped[n.URN] {
		w := why{s.fw, s.relation, s.why}
		if _, ok := targets[w]; !ok {
			worder = append(worder, w)
		}
		targets[w] = append(targets[w], s.target)
	}
	for _, w := range worder {
		q.Notes = append(q.Notes, fmt.Sprintf("the mappings to %s %s (%s): %s", w.fw, strings.Join(targets[w], ", "), w.relation, w.why))
	}
	m.used[n.URN] = true
}

// unattached says which requirements had mappings but no question to
// carry them (a requirement that is not assessable).
func (m *mappedControls) unattached(lib *cisoLibrary) {
	var labels []string
	for _, n := range lib.Nodes {
		if !m.used[n.URN] && (len(m.controls[n.URN]) > 0 || len(m.skipped[n.URN]) > 0) {
			labels = append(labels, n.label())
		}
	}
	if len(labels) > 0 {
		m.notes = append(m.notes, fmt.Sprintf("the mappings of %s that are not assessable, so have no result to carry them: %s",
			count(len(labels), "requirement node", "requirement nodes"), truncateRunes(strings.Join(labels, ", "), 300)))
	}
}
