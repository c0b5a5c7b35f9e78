package convert

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/assay-dev/assay/assess/decimal"
	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// The two dimensions a converted library may score in: the requirements'
// own results (control questions, more points for worse), and the points
// the library's choices add (add_score, more is better).
const (
	dimGaps  = "gaps"
	dimScore = "score"
	groupsID = "implementation-groups"
)

// cisoConverter turns a CISO Assistant library into a draft questionnaire.
type cisoConverter struct {
	lib      *cisoLibrary
	opts     Options
	d        *draft
	mapped   *mappedControls
	notes    []string                  // library-wide: what could not be carried over
	answered map[string]*draftQuestion // question URN -> converted question, for depends_on
	choiceOf map[string]choiceRef      // choice URN -> question and option value
	// selectors are the earlier answers that select each implementation
	// group (select_implementation_groups), as conditions.
	selectors           map[string][]string
	usesGaps, usesScore bool
	colours             int // questions whose choices have colours
	// invisibleChoices are the choices refused for a text that shows as
	// nothing, by line and column, so that each is named once.
	invisibleChoices map[[2]int]bool
}

type choiceRef struct {
	q     *draftQuestion
	value string
}

func convertCISO(name string, root yamlx.Value, opts Options) (*draft, []string, yamlx.Problems) {
	lib := readCISOLibrary(root)
	if lib == nil || len(root.Doc().Problems) > 0 {
		return nil, nil, nil
	}
	c := &cisoConverter{lib: lib, opts: opts, d: newDraft(),
		answered: map[string]*draftQuestion{}, choiceOf: map[string]choiceRef{}, selectors: map[string][]string{},
		invisibleChoices: map[[2]int]bool{}}
	c.mapped = mapControls(lib, opts)
	if len(c.mapped.problems) > 0 {
		return nil, nil, c.mapped.problems
	}
	c.unseenNames()
	c.header(name)
	c.libraryNotes()
	c.groupsSection()
	for _, n := range lib.Nodes {
		if n.Parent == "" {
			c.rootNode(n)
		}
	}
	if c.d.questionCount() == 0 || (c.d.questionCount() == 1 && c.d.ids[groupsID]) {
		lib.nodesV.Problem("", "the framework has no assessable requirement and no question: nothing to convert")
	}
	c.dimensions()
	if c.colours > 0 {
		c.note("the colours of the choices of %d questions", c.colours)
	}
	c.mapped.unattached(lib)
	c.notes = append(c.notes, c.mapped.notes...)
	if len(root.Doc().Problems) > 0 {
		return nil, nil, nil
	}
	return c.d, c.notes, nil
}

func (c *cisoConverter) header(name string) {
	lib, d := c.lib, c.d
	d.ID = c.opts.ID
	if d.ID == "" {
		d.ID = d.uniqueID(firstNonEmpty(lib.RefID, lib.FrameworkName, lib.Name), "q")
	}
	if c.opts.ID == "" {
		d.At["id"] = lib.firstAt("ref_id", "framework_name", "name")
	}
	d.Version = firstNonEmpty(oneLine(lib.Version), "1")
	d.At["version"] = lib.firstAt("version")
	d.Title = firstNonEmpty(oneLine(lib.Name), oneLine(lib.FrameworkName), d.ID)
	d.At["title"] = lib.firstAt("name", "framework_name")
	d.At["copyright"] = lib.firstAt("copyright")
	d.At["description"] = lib.firstAt("description", "framework_description")
	d.Kind = firstNonEmpty(c.opts.Kind, "security")
	d.Copyright = clean(lib.Copyright)
	for _, m := range c.mapped.sets {
		if m.copyright != "" {
			d.Copyright = joinParagraphs(d.Copyright, fmt.Sprintf("Mapping %s: %s", oneLine(m.name), m.copyright))
		}
	}
	var about []string
	if lib.Provider != "" {
		about = append(about, "provider "+oneLine(lib.Provider))
	}
	if lib.Published != "" {
		about = append(about, "published "+oneLine(lib.Published))
	}
	source := fmt.Sprintf("Converted by assay from CISO Assistant library %s, version %s", oneLine(lib.URN), oneLine(lib.Version))
	if len(about) > 0 {
		source += " (" + strings.Join(about, ", ") + ")"
	}
	d.Description = joinParagraphs(firstNonEmpty(lib.Description, lib.FrameworkDescription), source+".")
	d.Header = append(d.Header, source+", file "+oneLine(name)+".")
	for _, m := range c.mapped.sets {
		d.Header = append(d.Header, fmt.Sprintf("Controls from mapping set %s (%s), relationships %s.", oneLine(m.urn), oneLine(m.file), strings.Join(c.opts.relations(), ", ")))
	}
	d.Header = append(d.Header, "What is not carried over, or carried differently, is said above the question it concerns (convert:).")
}

func (c *cisoConverter) libraryNotes() {
	lib := c.lib
	if len(lib.Unused) > 0 {
		c.note("the library's fields %s", strings.Join(lib.Unused, ", "))
	}
	if len(lib.FrameworkUnused) > 0 {
		c.note("the framework's fields %s", strings.Join(lib.FrameworkUnused, ", "))
	}
	if len(lib.Scores) > 0 {
		c.note("the framework's score per requirement (%s): assay records each requirement's result, not a separate score", strings.Join(lib.Scores, ", "))
	}
	unused := map[string]int{}
	for _, n := range lib.Nodes {
		for _, k := range n.Unused {
			unused[k]++
		}
	}
	for _, k := range sortedKeys(unused) {
		c.note("the requirement nodes' field %s (on %d nodes)", k, unused[k])
	}
	if len(lib.Groups) > 0 && !c.groupsUsed() {
		c.note("implementation groups %s: no requirement belongs to one", groupNames(lib.Groups))
	}
}

// unseenNames deals with the requirement nodes whose ref_id and name
// show as nothing (zero-width characters, bidi marks, control characters,
// white space). Such a text counts as none, as a question's does, so the
// node is named by its URN's last part, which in CISO Assistant's
// libraries is its reference in lower case (a.5.1), found in the library
// and in CISO Assistant alike: converted, and said in the notes, so that
// the analyst can tell the library's name from assay's stand-in and mend
// the library. Named that way without a word, a result question asked
// only "a.1". When the URN's last part shows as nothing too, assay would
// have to make a name up, which would hide the library's mistake as a
// made-up label for a choice would: the library is refused at the field
// that shows as nothing.
func (c *cisoConverter) unseenNames() {
	for _, n := range c.lib.Nodes {
		if oneLine(n.RefID) != "" || oneLine(n.Name) != "" {
			continue
		}
		var given string
		switch {
		case n.RefID != "" && n.Name != "":
			given = fmt.Sprintf("its ref_id %q and name %q show as nothing", n.RefID, n.Name)
		case n.Name != "":
			given = fmt.Sprintf("its name %q shows as nothing", n.Name)
		case n.RefID != "":
			given = fmt.Sprintf("its ref_id %q shows as nothing", n.RefID)
		}
		tail := urnTail(n.URN)
		if oneLine(tail) == "" {
			f := fieldsOf(n.v)
			at := f.get("urn")
			for _, k := range []string{"ref_id", "name"} { // the name's, when both are given
				if v := f.get(k); v.Exists() {
					at = v
				}
			}
			why := fmt.Sprintf("it has no ref_id or name, and the last part of its URN, %q, shows as nothing", tail)
			if given != "" {
				why = fmt.Sprintf("%s, and so does the last part of its URN, %q", given, tail)
			}
			at.Problem("give it a name or a ref_id in the library",
				"requirement node %q: %s; assay would show a requirement no one can name", n.URN, why)
			continue
		}
		if given != "" {
			c.note("requirement node %q: %s: named by the last part of its URN, %q", n.URN, given, oneLine(tail))
		}
		n.RefID, n.Name = "", ""
	}
}

func (c *cisoConverter) note(format string, args ...any) {
	c.notes = append(c.notes, fmt.Sprintf(format, args...))
}

func (c *cisoConverter) groupsUsed() bool {
	for _, n := range c.lib.Nodes {
		if len(n.Groups) > 0 {
			return true
		}
	}
	return false
}

// groupsSection asks first which implementation groups the assessment
// covers, as CISO Assistant asks when an audit is created; requirements
// of groups not chosen are hidden (see groupCondition).
func (c *cisoConverter) groupsSection() {
	if len(c.lib.Groups) == 0 || !c.groupsUsed() {
		return
	}
	help := []string{"Requirements of the groups not ticked are hidden."}
	var defaults []string
	q := &draftQuestion{ID: groupsID, Type: "multi", Text: "Which implementation groups does this assessment cover?", Dimension: "none", Optional: true}
	c.d.ids[groupsID] = true
	for _, g := range c.lib.Groups {
		label := oneLine(firstNonEmpty(g.Name, g.RefID))
		if g.Name != "" && g.Name != g.RefID {
			label = oneLine(g.RefID) + ": " + oneLine(g.Name)
		}
		q.Options = append(q.Options, draftOption{Value: oneLine(g.RefID), Label: label, At: g.v})
		if g.Description != "" {
			help = append(help, label+": "+clean(g.Description))
		}
		if g.Default {
			defaults = append(defaults, label)
		}
	}
	if len(defaults) > 0 {
		help = append(help, "Left unanswered, the groups CISO Assistant selects by default apply: "+strings.Join(defaults, ", ")+".")
	} else {
		help = append(help, "Left unanswered, every requirement is asked, as CISO Assistant does when no group is selected.")
	}
	q.Help = strings.Join(help, "\n\n")
	c.d.Sections = append(c.d.Sections, &draftSection{ID: c.d.uniqueID("scope", "s"), Title: "Scope", Questions: []*draftQuestion{q}})
}

// rootNode makes a section of a top-level requirement node and its
// descendants. A root with no question anywhere below it holds text only:
// its text joins the questionnaire's description.
func (c *cisoConverter) rootNode(root *cisoNode) {
	s := &draftSection{Title: root.label(), Help: clean(root.Description), At: root.v}
	if root.Name == "" && root.Description != "" {
		first, _ := firstParagraph(root.Description)
		s.Title = truncateRunes(strings.TrimSpace(oneLine(root.RefID)+" "+oneLine(first)), 80)
	}
	c.walk(root, s, nil)
	if len(s.Questions) == 0 {
		c.d.Description = joinParagraphs(c.d.Description, root.label()+": "+root.Description)
		c.note("requirement node %s holds text only, no question: its text is in the questionnaire's description", root.label())
		return
	}
	s.ID = c.d.uniqueID(firstNonEmpty(root.RefID, root.Name, urnTail(root.URN)), "s")
	c.d.Sections = append(c.d.Sections, s)
}

// walk converts node n and its descendants into section s; path holds the
// headings (non-assessable nodes) above n within the section.
func (c *cisoConverter) walk(n *cisoNode, s *draftSection, path []string) {
	for i, q := range n.Questions {
		s.Questions = append(s.Questions, c.question(n, q, i+1, path))
	}
	if n.Assessable && !n.computesResult() {
		s.Questions = append(s.Questions, c.resultQuestion(n, path))
	}
	if !n.Assessable && len(n.Questions) == 0 && len(n.Children) == 0 && n.Parent != "" {
		// A leaf that asks nothing: an instruction or a heading. Its text
		// stays with the section.
		text := joinParagraphs(n.Name, n.Description)
		if text != "" {
			s.Help = joinParagraphs(s.Help, text)
			c.note("requirement node %s holds text only, no question: its text is in the help of section %q", n.label(), oneLine(s.Title))
		}
	}
	if n.Parent != "" && !n.Assessable {
		path = append(slices.Clip(path), n.label())
	}
	for _, child := range n.Children {
		c.walk(child, s, path)
	}
}

// resultQuestion is the requirement's own result, which CISO Assistant's
// auditor records as compliant, partially compliant, non-compliant or not
// applicable: a control question, carrying the mapped controls.
func (c *cisoConverter) resultQuestion(n *cisoNode, path []string) *draftQuestion {
	c.usesGaps = true
	first, rest := firstParagraph(n.Description)
	var text string
	switch {
	case first != "" && n.RefID == "" && n.Name == "":
		text = first
	case first != "":
		text = n.label() + ": " + first
	case n.Name != "":
		text = n.label()
	default:
		text = "Is requirement " + n.label() + " met?"
	}
	q := &draftQuestion{ID: c.d.uniqueID(firstNonEmpty(n.RefID, urnTail(n.URN)), "r"), Type: "control", Text: text, Dimension: dimGaps, Source: n.URN, At: n.v}
	q.Help = joinParagraphs(breadcrumb(path), rest, n.Annotation, evidence(n.Evidence),
		"The requirement's result: yes for compliant, partial for partially compliant, no for non-compliant, or not applicable.")
	if len(n.Questions) > 0 {
		q.Help = joinParagraphs(q.Help, "The questions above are this requirement's; their answers are recorded but, as in CISO Assistant, do not set its result.")
	}
	q.When = c.groupCondition(n, q)
	c.severity(q, n)
	c.mapped.attach(q, n)
	return q
}

// question converts one of a node's questions.
func (c *cisoConverter) question(n *cisoNode, cq *cisoQuestion, number int, path []string) *draftQuestion {
	idBase := firstNonEmpty(n.RefID, urnTail(n.URN))
	q := &draftQuestion{Text: clean(cq.Text), Source: cq.URN, At: cq.v}
	q.ID = c.d.uniqueID(idBase+"-q"+questionNumber(cq.URN, number), "r")
	q.Help = joinParagraphs(breadcrumb(append(slices.Clip(path), n.label())), cq.Help, choiceHelp(cq))
	if n.computesResult() {
		// No result question follows to carry the requirement's own text.
		q.Help = joinParagraphs(q.Help, n.Description, n.Annotation, evidence(n.Evidence))
	}
	switch cq.Type {
	case "unique_choice", "multiple_choice":
		q.Type = "single"
		if cq.Type == "multiple_choice" {
			q.Type = "multi"
		}
		c.choices(q, cq)
	case "boolean":
		q.Type, q.Dimension = "single", "none"
		q.Options = []draftOption{{Value: "yes", Label: "Yes"}, {Value: "no", Label: "No"}}
		q.Notes = append(q.Notes, "a yes/no question with no scoring in the source: recorded, never scored")
	case "text", "date", "number":
		q.Type, q.Optional = cq.Type, true
		q.Notes = append(q.Notes, fmt.Sprintf("a %s question with no scoring in the source: recorded, never scored; optional, as CISO Assistant does not require it", cq.Type))
	default:
		q.Type, q.Optional = "text", true
		q.Notes = append(q.Notes, fmt.Sprintf("question type %q is unknown to assay: asked as free text, never scored", oneLine(cq.Type)))
	}
	if q.Text == "" {
		// Said, so that the analyst can tell the library's question
		// from assay's stand-in and give it a text.
		q.Text = n.label()
		q.Notes = append(q.Notes, fmt.Sprintf("the question's text %q shows as nothing: asked with its requirement's name, %q", cq.Text, q.Text))
	}
	for _, k := range cq.Unused {
		q.Notes = append(q.Notes, "the question's field "+k)
	}
	for _, k := range sortedKeys(cq.choiceUnused) {
		if k == "color" {
			c.colours++ // only how CISO Assistant draws a choice: said once for the file
			continue
		}
		q.Notes = append(q.Notes, "the choices' field "+k)
	}
	q.When = joinConditions(c.groupCondition(n, q), c.dependsCondition(cq, q))
	if q.Type == "single" || q.Type == "multi" {
		c.recordChoices(cq, q)
	}
	if cq.computesResult() {
		c.severity(q, n)
		c.mapped.attach(q, n)
	}
	c.answered[cq.URN] = q
	return q
}

// choices converts a choice question's options: add_score becomes points
// in the score dimension, compute_result the option's gap.
func (c *cisoConverter) choices(q *draftQuestion, cq *cisoQuestion) {
	scored, results := cq.scored(), cq.computesResult()
	switch {
	case scored:
		q.Dimension, c.usesScore = dimScore, true
	default:
		q.Dimension = "none"
	}
	if !scored && !results {
		q.Notes = append(q.Notes, "no scoring in the source (no add_score or compute_result on its choices): the answer is recorded, never scored")
	}
	if len(cq.Choices) == 0 {
		q.Type, q.Optional, q.Dimension = "text", true, ""
		q.Notes = append(q.Notes, "a choice question with no choices: asked as free text")
		return
	}
	values := map[string]bool{}
	readAs := map[string]bool{} // values and labels, in lower case, as answer files read them
	var relabelled []string
	for i, ch := range cq.Choices {
		if oneLine(ch.Value) == "" {
			c.refuseInvisibleChoice(ch)
			continue
		}
		o := draftOption{Value: optionValue(ch.Value, values), Label: oneLine(ch.Value), At: ch.v}
		if o.Value, o.Label = distinctOption(o.Value, o.Label, i, values, readAs); o.Label != oneLine(ch.Value) {
			relabelled = append(relabelled, fmt.Sprintf("%q", oneLine(ch.Value)))
		}
		switch ch.Result {
		case "compliant":
			o.Gap = "none"
		case "partially_compliant":
			o.Gap = "partial"
		case "non_compliant":
			o.Gap = "full"
		case "not_applicable":
			o.NA = true
		case "":
			if results {
				q.Notes = append(q.Notes, fmt.Sprintf("choice %q sets no result: it shows no gap", o.Label))
				o.Gap = "none"
			}
		default:
			q.Notes = append(q.Notes, fmt.Sprintf("choice %q: result %q is unknown to assay; it shows no gap", o.Label, oneLine(ch.Result)))
			o.Gap = "none"
		}
		if !results && isNAValue(ch.Value) {
			o.NA = true
		}
		if scored && !o.NA {
			o.Points = "0"
			if ch.Score != "" {
				if _, err := decimal.Parse(ch.Score, 3); err != nil {
					ch.scoreV.Problem("", "add_score %q is not a number with at most 3 decimal places", ch.Score)
				} else {
					o.Points = ch.Score
				}
			} else {
				q.Notes = append(q.Notes, fmt.Sprintf("choice %q adds no score: 0 points", o.Label))
			}
		}
		q.Options = append(q.Options, o)
	}
	if len(relabelled) > 0 {
		q.Notes = append(q.Notes, "choices "+strings.Join(relabelled, ", ")+" read as an earlier choice in answer files (which match in any case): labelled with their place among the choices")
	}
	if q.Type == "single" && len(q.Options) == 1 {
		// assay's single choice needs two options; one to tick is a
		// multiple choice of one.
		q.Type, q.Optional = "multi", true
		q.Notes = append(q.Notes, "a single choice with only one choice: asked as a multiple choice of one, to tick or leave unanswered")
	}
	if results && q.Type == "multi" {
		q.Notes = append(q.Notes, "with several choices ticked, assay shows the worst of their results")
	}
}

// refuseInvisibleChoice refuses a choice whose text shows as nothing
// (zero-width characters, bidi marks, control characters, white space,
// or no text at all): it became an unlabelled option named "choice", and
// the interview offered a blank to pick. Refused rather than labelled by
// assay: the analyst can edit the library, and a made-up label would hide
// its mistake. A choice of the older shape, shared by a block's
// questions, is named once.
func (c *cisoConverter) refuseInvisibleChoice(ch cisoChoice) {
	at := [2]int{ch.v.Line(), ch.v.Column()}
	if c.invisibleChoices[at] {
		return
	}
	c.invisibleChoices[at] = true
	ch.v.Problem("give the choice a text, or remove it",
		"the choice's value %q shows as nothing: assay would offer an option no one can read", ch.Value)
}

// recordChoices remembers each choice's option, for depends_on, and the
// implementation groups a choice selects.
func (c *cisoConverter) recordChoices(cq *cisoQuestion, q *draftQuestion) {
	for i, ch := range cq.Choices {
		if i >= len(q.Options) {
			break
		}
		if ch.URN != "" {
			c.choiceOf[ch.URN] = choiceRef{q: q, value: q.Options[i].Value}
		}
		for _, g := range ch.Selects {
			c.selectors[g] = append(c.selectors[g], answerIs(q, q.Options[i].Value))
		}
	}
}

// groupCondition shows a requirement only when one of its implementation
// groups applies: ticked in the scope question, selected by an earlier
// answer (select_implementation_groups), or, with the scope question
// unanswered, selected by default (or every group, if none is a default).
// A node without groups takes its nearest ancestor's.
func (c *cisoConverter) groupCondition(n *cisoNode, q *draftQuestion) string {
	if len(c.lib.Groups) == 0 {
		return ""
	}
	groups := c.groupsOf(n)
	if len(groups) == 0 {
		return ""
	}
	defaults := map[string]bool{}
	known := map[string]bool{}
	for _, g := range c.lib.Groups {
		known[g.RefID] = true
		defaults[g.RefID] = g.Default
	}
	var terms []string
	anyDefault := false
	for _, g := range c.lib.Groups {
		anyDefault = anyDefault || g.Default
	}
	if !anyDefault {
		all := []string{"not answered(" + groupsID + ")"}
		for _, g := range sortedKeys(c.selectors) {
			for _, s := range c.selectors[g] {
				all = append(all, "not ("+s+")")
			}
		}
		terms = append(terms, strings.Join(all, " and "))
	}
	for _, g := range groups {
		if !known[g] {
			q.Notes = append(q.Notes, fmt.Sprintf("implementation group %q is not defined by the framework: ignored", oneLine(g)))
			continue
		}
		terms = append(terms, groupsID+" contains "+condString(g))
		if defaults[g] {
			terms = append(terms, "not answered("+groupsID+")")
		}
		terms = append(terms, c.selectors[g]...)
	}
	return strings.Join(dedupe(terms), " or ")
}

func (c *cisoConverter) groupsOf(n *cisoNode) []string {
	for p := n; p != nil; p = c.lib.byURN[p.Parent] {
		if len(p.Groups) > 0 {
			return p.Groups
		}
		if p.Parent == "" {
			break
		}
	}
	return nil
}

// dependsCondition turns depends_on into a condition on the earlier
// question. One on a later or unknown question cannot be expressed (a
// condition reads only earlier answers): the question is then always
// shown, and the note says so.
func (c *cisoConverter) dependsCondition(cq *cisoQuestion, q *draftQuestion) string {
	dep := cq.Depends
	if dep == nil {
		return ""
	}
	target, ok := c.answered[dep.Question]
	if !ok {
		q.Notes = append(q.Notes, fmt.Sprintf("depends_on %s, which is not an earlier question: the question is always shown", oneLine(dep.Question)))
		return ""
	}
	var values []string
	for _, a := range dep.Answers {
		ref, ok := c.choiceOf[a]
		if !ok || ref.q != target {
			q.Notes = append(q.Notes, fmt.Sprintf("depends_on answer %s, which is not a choice of %s: left out of the condition", oneLine(a), target.ID))
			continue
		}
		values = append(values, ref.value)
	}
	if len(values) == 0 {
		q.Notes = append(q.Notes, "depends_on names no choice assay could read: the question is always shown")
		return ""
	}
	all := dep.Condition == "all"
	if dep.Condition != "" && dep.Condition != "any" && dep.Condition != "all" {
		q.Notes = append(q.Notes, fmt.Sprintf("depends_on condition %q is unknown: read as any", oneLine(dep.Condition)))
	}
	if target.Type == "multi" {
		terms := make([]string, len(values))
		for i, v := range values {
			terms[i] = target.ID + " contains " + condString(v)
		}
		if all {
			return strings.Join(terms, " and ")
		}
		return strings.Join(terms, " or ")
	}
	if all && len(values) > 1 {
		q.Notes = append(q.Notes, "depends_on all of several answers of a single-choice question, which can never hold: read as any")
	}
	if len(values) == 1 {
		return target.ID + " == " + condString(values[0])
	}
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = condString(v)
	}
	return target.ID + " in [" + strings.Join(quoted, ", ") + "]"
}

// severity gives a question that can show a gap the severity asked for
// with --severity, and the action that goes with it.
func (c *cisoConverter) severity(q *draftQuestion, n *cisoNode) {
	if c.opts.Severity == "" {
		return
	}
	q.Severity = c.opts.Severity
	q.Action = "Meet requirement " + n.label() + "."
}

func (c *cisoConverter) dimensions() {
	if c.usesGaps {
		c.d.Dimensions = append(c.d.Dimensions, draftDimension{ID: dimGaps, Title: "Requirements not met", Higher: "worse"})
	}
	if c.usesScore {
		c.d.Dimensions = append(c.d.Dimensions, draftDimension{ID: dimScore, Title: "Score (the library's points)", Higher: "better"})
	}
	if len(c.d.Dimensions) == 0 {
		// Nothing scores; still name a dimension, so that no question
		// silently feeds the default one.
		c.d.Dimensions = append(c.d.Dimensions, draftDimension{ID: dimGaps, Title: "Requirements not met", Higher: "worse"})
	}
}

// Helpers.

func breadcrumb(path []string) string {
	if len(path) == 0 {
		return ""
	}
	return "Requirement: " + strings.Join(path, " › ") + "."
}

func evidence(s string) string {
	if s = clean(s); s == "" {
		return ""
	}
	return "Typical evidence: " + s
}

// choiceHelp lists the choices' descriptions, which assay has no field for.
func choiceHelp(q *cisoQuestion) string {
	var lines []string
	for _, ch := range q.Choices {
		if d := oneLine(ch.Description); d != "" {
			lines = append(lines, "- "+oneLine(ch.Value)+": "+d)
		}
	}
	if len(lines) == 0 {
		return ""
	}
	return "The choices:\n" + strings.Join(lines, "\n")
}

var questionNumberRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`:question:(\d+)$`) })

// questionNumber is the number at the end of a question's URN
// (…:question:2), else the fallback.
func questionNumber(urn string, fallback int) string {
	if m := questionNumberRE().FindStringSubmatch(urn); m != nil {
		return m[1]
	}
	return fmt.Sprint(fallback)
}

func urnTail(urn string) string { return urn[strings.LastIndex(urn, ":")+1:] }

var naValues = []string{"n/a", "na", "not applicable", "non applicable", "sans objet", "no aplica", "nicht anwendbar"}

func isNAValue(s string) bool {
	return slices.Contains(naValues, strings.ToLower(strings.TrimSpace(oneLine(s))))
}

// optionValue makes a short, unique option value from a choice's text:
// "Yes" is yes, "N/A" n-a; the text itself stays as the label, so an
// answers file may give either.
// distinctOption makes an option's value and label ones that answer
// files, which give an option by its value or its label in any case, tell
// from every earlier option's (readAs, in lower case): CISO Assistant
// tells choices by URN, and two may have one text. A label taken is
// followed by the choice's place among the choices ("Yes (3)"); a value
// taken by an earlier label gets a number, as optionValue numbers one
// taken by an earlier value. i is the choice's index.
func distinctOption(value, label string, i int, values, readAs map[string]bool) (string, string) {
	key := func(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
	if readAs[key(value)] {
		base := value
		for n := 2; values[value] || readAs[key(value)]; n++ {
			value = fmt.Sprintf("%s-%d", base, n)
		}
		values[value] = true
	}
	for readAs[key(label)] {
		label = fmt.Sprintf("%s (%d)", label, i+1)
	}
	readAs[key(value)], readAs[key(label)] = true, true
	return value, label
}

func optionValue(text string, used map[string]bool) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(oneLine(text)) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case safetext.Invisible(r):
			// Kept in the label; a value is typed in answer files and
			// conditions, and the loader refuses one holding a character
			// that shows as nothing (a joiner between Arabic letters,
			// which the label keeps).
		case r > 127 && !isSpaceOrPunct(r):
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	v := strings.Trim(b.String(), "-")
	if r := []rune(v); len(r) > 40 {
		v = strings.Trim(string(r[:40]), "-")
	}
	if v == "" {
		v = "choice"
	}
	base := v
	for n := 2; used[v]; n++ {
		v = fmt.Sprintf("%s-%d", base, n)
	}
	used[v] = true
	return v
}

func isSpaceOrPunct(r rune) bool {
	return strings.ContainsRune(" \u00a0«»“”‘’…–—·", r)
}

// condString quotes a value for a condition.
func condString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

func joinConditions(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return "(" + a + ") and (" + b + ")"
}

func answerIs(q *draftQuestion, value string) string {
	if q.Type == "multi" {
		return q.ID + " contains " + condString(value)
	}
	return q.ID + " == " + condString(value)
}

func groupNames(gs []cisoGroup) string {
	var names []string
	for _, g := range gs {
		names = append(names, oneLine(g.RefID))
	}
	return strings.Join(names, ", ")
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

func dedupe(ss []string) []string {
	var out []string
	for _, s := range ss {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func sortStrings(s []string) { slices.Sort(s) }
