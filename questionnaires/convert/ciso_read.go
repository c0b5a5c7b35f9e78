package convert

import (
	"fmt"
	"strings"

	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// A CISO Assistant library (intuitem/ciso-assistant-community,
// backend/library/libraries): a framework whose requirement nodes are a
// flat list, each naming its parent by URN, with questions in one of two
// shapes. This file reads it into cisoLibrary; ciso.go turns that into a
// questionnaire.

type cisoLibrary struct {
	URN, RefID, Name, Description, Copyright, Version string
	Provider, Packager, Published                     string
	Unused                                            []string               // top-level fields not carried over
	at                                                map[string]yamlx.Value // the top-level fields, and the framework's as framework_name and framework_ref_id

	FrameworkURN, FrameworkName, FrameworkDescription string
	FrameworkUnused                                   []string
	Scores                                            []string // scores_definition, "1 Partial", ...
	Groups                                            []cisoGroup
	Nodes                                             []*cisoNode
	nodesV                                            yamlx.Value
	byURN                                             map[string]*cisoNode
}

type cisoGroup struct {
	RefID, Name, Description string
	Default                  bool
	v                        yamlx.Value // its ref_id
}

type cisoNode struct {
	v                                                           yamlx.Value
	URN, Parent, RefID, Name, Description, Annotation, Evidence string
	Assessable                                                  bool
	Groups                                                      []string
	Questions                                                   []*cisoQuestion
	Unused                                                      []string
	Children                                                    []*cisoNode
}

type cisoQuestion struct {
	v                     yamlx.Value
	URN, Type, Text, Help string
	Choices               []cisoChoice
	Depends               *cisoDepends
	Unused                []string
	choiceUnused          map[string]bool
}

type cisoChoice struct {
	URN, Value, Description, Result string
	Score                           string // add_score as written, "" when absent
	scoreV                          yamlx.Value
	Selects                         []string    // select_implementation_groups
	v                               yamlx.Value // its value
}

type cisoDepends struct {
	v         yamlx.Value
	Question  string
	Answers   []string
	Condition string // any (the default) or all
}

// firstAt is the first of the library's fields keys (see cisoLibrary.at)
// that holds text, as firstNonEmpty picks the text; absent when none does.
func (lib *cisoLibrary) firstAt(keys ...string) yamlx.Value {
	for _, k := range keys {
		if v := lib.at[k]; v.Exists() && v.IsScalar() && oneLine(v.Str()) != "" {
			return v
		}
	}
	return yamlx.Value{}
}

// readCISOLibrary reads a library's framework. A file that is a CISO
// Assistant library without a framework (a mapping set, a risk matrix,
// a threat catalogue) is refused with what it holds instead.
func readCISOLibrary(root yamlx.Value) *cisoLibrary {
	top := fieldsOf(root)
	lib := &cisoLibrary{
		URN: top.str("urn"), RefID: top.str("ref_id"), Name: top.str("name"), Description: top.str("description"),
		Copyright: top.str("copyright"), Version: top.str("version"),
		Provider: top.str("provider"), Packager: top.str("packager"), Published: top.str("publication_date"),
		byURN: map[string]*cisoNode{},
		at:    map[string]yamlx.Value{},
	}
	for _, k := range []string{"ref_id", "name", "version", "copyright", "description"} {
		lib.at[k] = top.get(k)
	}
	lib.Unused = top.unused("urn", "ref_id", "name", "description", "copyright", "version", "provider", "packager",
		"publication_date", "locale", "objects", "convert_library_version", "dependencies", "labels")
	objects := fieldsOf(top.required("objects", "a CISO Assistant library"))
	fwv := objects.get("framework")
	if !fwv.Exists() {
		if objects.has("requirement_mapping_sets") || objects.has("requirement_mapping_set") {
			root.Problem("give the library it maps from as FILE and this file with --mapping",
				"this is a CISO Assistant mapping set, not a framework")
		} else if len(objects.keys) > 0 {
			objects.v.Problem("assay converts framework libraries", "this CISO Assistant library holds no framework, only %s", strings.Join(objects.keys, ", "))
		}
		return nil
	}
	fw := fieldsOf(fwv)
	lib.FrameworkURN, lib.FrameworkName, lib.FrameworkDescription = fw.str("urn"), fw.str("name"), fw.str("description")
	lib.at["framework_name"], lib.at["framework_ref_id"], lib.at["framework_description"] = fw.get("name"), fw.get("ref_id"), fw.get("description")
	lib.FrameworkUnused = fw.unused("urn", "ref_id", "name", "description", "implementation_groups_definition",
		"requirement_nodes", "scores_definition", "min_score", "max_score", "translations", "field_visibility")
	for _, sv := range fw.list("scores_definition") {
		s := fieldsOf(sv)
		lib.Scores = append(lib.Scores, strings.TrimSpace(s.str("score")+" "+oneLine(s.str("name"))))
	}
	// A group's ref_id is the value of its option in the scope question and
	// what conditions compare answers with: two groups with one ref_id, or
	// one without, would make a questionnaire that cannot load.
	// Answer files give an option in any case, so two ref_ids that differ
	// only by case would be one option too.
	type firstGroup struct {
		ref  string
		line int
	}
	groupLine := map[string]firstGroup{}
	for _, gv := range fw.list("implementation_groups_definition") {
		g := fieldsOf(gv)
		refV := g.required("ref_id", "an implementation group")
		ref := refV.Str()
		if refV.Exists() {
			key := strings.TrimSpace(oneLine(ref))
			if key == "" {
				refV.Problem("", "an implementation group needs a ref_id")
				continue
			}
			if first, dup := groupLine[strings.ToLower(key)]; dup {
				if first.ref == key {
					refV.Problem(fmt.Sprintf("first at line %d", first.line), "implementation group %s is listed twice", key)
				} else {
					refV.Problem(fmt.Sprintf("first at line %d", first.line), "implementation groups %s and %s differ only by case, and are one option to assay", first.ref, key)
				}
				continue
			}
			groupLine[strings.ToLower(key)] = firstGroup{key, refV.Line()}
		}
		lib.Groups = append(lib.Groups, cisoGroup{RefID: ref, Name: g.str("name"), Description: g.str("description"),
			Default: g.get("default_selected").Exists() && g.get("default_selected").Bool(), v: refV})
	}
	nodes := fw.required("requirement_nodes", "a framework")
	lib.nodesV = nodes
	for _, nv := range nodes.List() {
		if n := readCISONode(nv); n != nil {
			if _, dup := lib.byURN[n.URN]; dup {
				nv.Problem("", "requirement node %s is listed twice", n.URN)
				continue
			}
			lib.byURN[n.URN] = n
			lib.Nodes = append(lib.Nodes, n)
		}
	}
	for _, n := range lib.Nodes {
		if n.Parent == "" {
			continue
		}
		p, ok := lib.byURN[n.Parent]
		if !ok {
			fieldsOf(n.v).get("parent_urn").Problem("", "parent_urn %s names no requirement node of this framework", n.Parent)
			continue
		}
		p.Children = append(p.Children, n)
	}
	if nodes.Exists() && len(lib.Nodes) == 0 {
		nodes.Problem("", "the framework has no requirement nodes")
	}
	lib.checkCycles()
	return lib
}

// checkCycles refuses parent links that loop: a node must reach a root.
func (lib *cisoLibrary) checkCycles() {
	for _, n := range lib.Nodes {
		seen := map[*cisoNode]bool{}
		for p := n; p != nil && p.Parent != ""; p = lib.byURN[p.Parent] {
			if seen[p] {
				fieldsOf(n.v).get("parent_urn").Problem("", "requirement node %s is its own ancestor", n.URN)
				break
			}
			seen[p] = true
		}
	}
}

var cisoNodeFields = []string{"urn", "parent_urn", "depth", "ref_id", "name", "description", "annotation",
	"typical_evidence", "assessable", "implementation_groups", "questions", "question", "translations", "display_mode"}

func readCISONode(v yamlx.Value) *cisoNode {
	f := fieldsOf(v)
	n := &cisoNode{v: v,
		URN: f.required("urn", "a requirement node").Str(), Parent: f.str("parent_urn"),
		RefID: f.str("ref_id"), Name: f.str("name"), Description: f.str("description"),
		Annotation: f.str("annotation"), Evidence: f.str("typical_evidence"),
		Groups: f.strList("implementation_groups"),
	}
	if a := f.get("assessable"); a.Exists() {
		n.Assessable = a.Bool()
	}
	n.Unused = f.unused(cisoNodeFields...)
	if n.URN == "" {
		return nil
	}
	if qs := f.get("questions"); qs.Exists() {
		for _, e := range qs.Entries() {
			n.Questions = append(n.Questions, readCISOQuestion(e.Key, e.Value))
		}
	}
	if old := f.get("question"); old.Exists() {
		n.Questions = append(n.Questions, readOldCISOQuestions(old)...)
	}
	return n
}

var cisoQuestionFields = []string{"type", "text", "choices", "depends_on", "description", "translations"}

// readCISOQuestion reads a question of the current shape: keyed by its
// URN, with a type, a text and choices.
func readCISOQuestion(urn string, v yamlx.Value) *cisoQuestion {
	f := fieldsOf(v)
	q := &cisoQuestion{v: v, URN: urn, Type: f.required("type", "a question").Str(),
		Text: f.required("text", "a question").Str(), Help: f.str("description"), choiceUnused: map[string]bool{}}
	q.Unused = f.unused(cisoQuestionFields...)
	for _, cv := range f.list("choices") {
		c := fieldsOf(cv)
		valueV := c.required("value", "a choice")
		ch := cisoChoice{URN: c.str("urn"), Value: valueV.Str(), Description: c.str("description"),
			Result: c.str("compute_result"), Selects: c.strList("select_implementation_groups"), v: valueV}
		if s := c.get("add_score"); s.Exists() {
			ch.Score, ch.scoreV = s.Str(), s
		}
		for _, k := range c.unused("urn", "value", "description", "compute_result", "add_score", "select_implementation_groups", "translations") {
			q.choiceUnused[k] = true
		}
		q.Choices = append(q.Choices, ch)
	}
	if dv := f.get("depends_on"); dv.Exists() {
		d := fieldsOf(dv)
		q.Depends = &cisoDepends{v: dv, Question: d.required("question", "depends_on").Str(), Answers: d.strList("answers"), Condition: d.str("condition")}
	}
	return q
}

// readOldCISOQuestions reads the older shape: one question: block per
// node with question_type, question_choices (plain values) and a list of
// questions that share them.
func readOldCISOQuestions(v yamlx.Value) []*cisoQuestion {
	f := fieldsOf(v)
	typ := f.required("question_type", "a question block").Str()
	var choices []cisoChoice
	cv := f.get("question_choices")
	items := []yamlx.Value{cv} // a single value is a list of one
	switch {
	case !cv.Exists():
		items = nil
	case !cv.IsScalar():
		items = cv.List()
	}
	for _, c := range items {
		choices = append(choices, cisoChoice{Value: c.Str(), v: c})
	}
	var out []*cisoQuestion
	for _, qv := range f.required("questions", "a question block").List() {
		qf := fieldsOf(qv)
		out = append(out, &cisoQuestion{v: qv, URN: qf.required("urn", "a question").Str(), Type: typ,
			Text: qf.required("text", "a question").Str(), Choices: choices, choiceUnused: map[string]bool{},
			Unused: qf.unused("urn", "text", "translations")})
	}
	return out
}

// label names a node as people know it: its reference and name, else its
// URN's last part.
func (n *cisoNode) label() string {
	l := strings.TrimSpace(oneLine(n.RefID) + " " + oneLine(n.Name))
	if l == "" {
		l = oneLine(urnTail(n.URN))
	}
	return l
}

// computesResult reports whether the node's questions set its result, as
// CISO Assistant does when their choices carry compute_result.
func (n *cisoNode) computesResult() bool {
	for _, q := range n.Questions {
		if q.computesResult() {
			return true
		}
	}
	return false
}

// computesResult reports whether a choice of the question sets the
// requirement's result. Only a choice question's do: a question of a type
// assay does not know is asked as free text, its choices not carried, and
// with a result (and --severity) it was a free-text question with a
// severity, which the loader refuses.
func (q *cisoQuestion) computesResult() bool {
	if q.Type != "unique_choice" && q.Type != "multiple_choice" {
		return false
	}
	for _, c := range q.Choices {
		if c.Result != "" {
			return true
		}
	}
	return false
}

func (q *cisoQuestion) scored() bool {
	for _, c := range q.Choices {
		if c.Score != "" {
			return true
		}
	}
	return false
}
