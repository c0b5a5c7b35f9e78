package questionnaires

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// An extension file adds an organisation's own questions and sections to
// another questionnaire (a built-in one, usually) without copying it:
//
//	extends: vendor-security-screen
//	base_version: "2.16.0"
//	id: acme-vendor-screen
//	version: "1.0.0"
//	add:
//	  - after: mfa                 # a question of the base
//	    questions: [...]
//	  - after_section: access      # a section of the base
//	    sections: [...]
//
// The combined questionnaire is written out as one questionnaire file:
// the base's text with the extension's questions and sections spliced in
// at their places and its own id, version and title at the top. That text
// is what an assessment pins, so an assessment started from it opens and
// scores the same whatever becomes of either file. Problems in the
// combined file are reported at the line of the extension (or base) they
// came from.

var extensionFields = []string{"extends", "base_version", "id", "version", "title", "description", "add"}

// IsExtension reports whether src is an extension file: a YAML mapping
// with extends at the top.
func IsExtension(src []byte) bool { return ParseSource("", src).IsExtension() }

// ExtendsWhat returns the ID of the questionnaire an extension extends.
func ExtendsWhat(src []byte) string {
	_, root := yamlx.Parse("", src)
	if v := root.Field("extends"); v.IsScalar() {
		return v.Str()
	}
	return ""
}

// Extend combines base with the extension file and checks the result as
// Lint does. On any problem it returns nil and every problem, at the
// extension's lines where they came from the extension.
func Extend(base *assess.Questionnaire, name string, src []byte, cat *assess.Catalog) (*assess.Questionnaire, Problems, Problems) {
	doc, root := yamlx.Parse(name, src)
	if len(doc.Problems) > 0 {
		return nil, doc.Problems, nil
	}
	x := readExtension(root, base)
	if len(doc.Problems) > 0 {
		doc.Problems.Sort()
		return nil, doc.Problems, doc.Warnings
	}
	combined, origin, problems := x.combine(base, name, src)
	if len(problems) > 0 {
		return nil, problems, doc.Warnings
	}
	q, lintProblems, warnings := lint(name, combined, cat, true)
	lintProblems = origin.blameSplice(lintProblems, name)
	lintProblems, warnings = origin.place(lintProblems), origin.place(warnings)
	warnings = append(warnings, doc.Warnings...)
	warnings.Sort()
	if len(lintProblems) > 0 {
		lintProblems.Sort()
		return nil, lintProblems, warnings
	}
	if err := x.checkShape(base, q); err != nil {
		root.Problem("", "%v", err)
		return nil, doc.Problems, warnings
	}
	return q, nil, warnings
}

type extension struct {
	root                      yamlx.Value
	id, version, title, descr yamlx.Value
	adds                      []extensionAdd
}

type extensionAdd struct {
	v        yamlx.Value
	after    string // a question ID, or
	section  string // a section ID
	items    yamlx.Value
	itemIDs  []string
	sections bool
}

func readExtension(root yamlx.Value, base *assess.Questionnaire) *extension {
	f := root.Map(extensionFields...)
	x := &extension{root: root}
	ext := f.Required("extends", "the questionnaire this file adds to")
	if ext.Str() != base.ID {
		ext.Problem("", "extends %q, not %q", ext.Str(), base.ID)
	}
	if bv := f.Get("base_version"); bv.Exists() {
		if bv.Str() != base.Version {
			bv.Problem(fmt.Sprintf("check the additions against %s %s and change base_version", base.ID, base.Version),
				"written for %s version %s, but the questionnaire is version %s", base.ID, bv.Str(), base.Version)
		}
	} else if ext.Exists() {
		ext.Warn(fmt.Sprintf(`add base_version: "%s"`, base.Version),
			"no base_version: when %s changes (with an upgrade of assay, for a built-in one), the combined questionnaire changes with it", base.ID)
	}
	x.id = f.Required("id", "the combined questionnaire's ID, not the base's")
	if x.id.Str() == base.ID {
		x.id.Problem("give the combined questionnaire its own ID", "the extension's id is the base's, %q", base.ID)
	}
	x.version = f.Required("version", `the extension's version, for example "1.0.0"`)
	versionTooLong(x.version, x.version.Str())
	combinedVersionTooLong(x.version, base)
	x.title, x.descr = f.Get("title"), f.Get("description")
	sections := map[string]bool{}
	for _, s := range base.Sections {
		sections[s.ID] = true
	}
	adds := f.Required("add", "a list of additions, each with after and questions, or after_section and sections")
	for _, av := range adds.ListOf("additions", "one a line: - after: a question ID, with questions, or - after_section: a section ID, with sections") {
		af := av.Map("after", "after_section", "questions", "sections")
		a := extensionAdd{v: av}
		switch {
		case af.Has("after") && af.Has("after_section"):
			af.Get("after_section").Problem("", "use after (a question) or after_section (a section), not both")
		case af.Has("after"):
			a.after = af.Get("after").Str()
			if _, ok := base.Question(a.after); !ok && a.after != "" {
				af.Get("after").Problem(yamlx.Suggest(a.after, questionIDs(base)), "%s has no question %q", base.ID, a.after)
			}
			a.items = af.Required("questions", "the questions to add after "+a.after)
			if af.Has("sections") {
				af.Get("sections").Problem("sections go after a section: use after_section", "sections does not go with after")
			}
		case af.Has("after_section"):
			a.section, a.sections = af.Get("after_section").Str(), true
			if !sections[a.section] && a.section != "" {
				af.Get("after_section").Problem(yamlx.Suggest(a.section, sectionIDs(base)), "%s has no section %q", base.ID, a.section)
			}
			a.items = af.Required("sections", "the sections to add after "+a.section)
			if af.Has("questions") {
				af.Get("questions").Problem("questions go after a question: use after", "questions does not go with after_section")
			}
		default:
			av.Problem("", "an addition needs after (a question ID) or after_section (a section ID)")
		}
		what := "questions"
		if a.sections {
			what = "sections"
		}
		switch {
		case !a.items.Exists():
		case !a.items.IsList():
			a.items.ListOf(what, "one a line, each starting with -") // one problem: not a list at all
		case a.items.IsFlowList():
			a.items.Problem("write one item per line, each starting with -", "the additions must be a block list")
		default:
			for _, iv := range a.items.List() {
				a.itemIDs = append(a.itemIDs, iv.Field("id").Str())
			}
			if len(a.itemIDs) == 0 {
				a.items.Problem("", "nothing to add")
			}
		}
		x.adds = append(x.adds, a)
	}
	if adds.IsList() && len(x.adds) == 0 {
		adds.Problem("", "an extension needs at least one addition")
	}
	return x
}

func sectionIDs(q *assess.Questionnaire) []string {
	var out []string
	for _, s := range q.Sections {
		out = append(out, s.ID)
	}
	return out
}

// CombinedVersion is an extended questionnaire's version: the extension's,
// with the base's ID and version as build metadata (1.0.0+vendor-security-screen-2.16.0),
// so that either changing shows.
func CombinedVersion(extVersion, baseID, baseVersion string) string {
	return extVersion + "+" + baseID + "-" + baseVersion
}

// lineOrigin says where a line of the combined file came from.
type lineOrigin struct {
	file  string
	line  int
	shift int // columns added to the line in the combined file
}

type origins []lineOrigin

// place moves problems from the combined file to the file and line they
// came from.
func (o origins) place(ps Problems) Problems {
	out := make(Problems, 0, len(ps))
	for _, p := range ps {
		// A hint such as "first defined at line 12" names a line of the
		// combined file too.
		p.Hint = lineRef().ReplaceAllStringFunc(p.Hint, func(m string) string {
			n, _ := strconv.Atoi(lineRef().FindStringSubmatch(m)[1])
			if n < 1 || n > len(o) {
				return m
			}
			return fmt.Sprintf("line %d of %s", o[n-1].line, o[n-1].file)
		})
		if p.Line >= 1 && p.Line <= len(o) {
			from := o[p.Line-1]
			p.File, p.Line = from.file, from.line
			if p.Column > from.shift {
				p.Column -= from.shift
			}
		}
		out = append(out, p)
	}
	return out
}

var lineRef = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`line (\d+)`) })

// blameSplice moves a YAML syntax error that shows in the base's lines to
// the last line spliced in before it. The base parses on its own, so the
// added lines broke it, as an unclosed quote does: where the parser
// notices depends on what the base holds next, never on the base.
func (o origins) blameSplice(ps Problems, name string) Problems {
	for i, p := range ps {
		if !strings.HasPrefix(p.Message, "YAML syntax") || p.Line < 1 || p.Line > len(o) || o[p.Line-1].file == name {
			continue
		}
		for l := p.Line - 2; l >= 0; l-- {
			if o[l].file == name {
				ps[i].Line, ps[i].Column = l+1, o[l].shift+1
				ps[i].Message = p.Message + " (noticed in the questionnaire this extends, after the lines added here: they break its YAML)"
				break
			}
		}
	}
	return ps
}

// combine splices the extension into the base's text.
func (x *extension) combine(base *assess.Questionnaire, name string, src []byte) ([]byte, origins, Problems) {
	baseLines := splitLines(base.Source)
	extLines := splitLines(src)
	bdoc, broot := yamlx.Parse(base.SourceName, base.Source)
	if len(bdoc.Problems) > 0 {
		return nil, nil, bdoc.Problems
	}
	problem := func(v yamlx.Value, format string, args ...any) Problems {
		return Problems{{File: name, Line: v.Line(), Column: v.Column(), Field: v.Path(), Message: fmt.Sprintf(format, args...)}}
	}
	// Where each addition goes: before which line of the base (0-based),
	// at which indentation.
	type insertion struct {
		before, indent int
		add            extensionAdd
	}
	var inserts []insertion
	sectionsV := broot.Field("sections")
	if sectionsV.IsFlowList() {
		return nil, nil, problem(x.root, "%s writes its sections on one line; an extension needs them one per line", base.ID)
	}
	for _, a := range x.adds {
		var list []yamlx.Value
		target := a.section
		if !a.sections {
			for _, sv := range sectionsV.List() {
				if slices.Contains(fieldIDs(sv.Field("questions")), a.after) {
					if sv.Field("questions").IsFlowList() {
						return nil, nil, problem(a.v, "%s writes the questions of section %s on one line; an extension needs them one per line", base.ID, sv.Field("id").Str())
					}
					list = sv.Field("questions").List()
				}
			}
			target = a.after
		} else {
			list = sectionsV.List()
		}
		i := slices.Index(fieldIDs2(list), target)
		if i < 0 {
			return nil, nil, problem(a.v, "%s has no %q to add after", base.ID, target)
		}
		start, indent := itemStart(baseLines, list[i])
		end := itemEnd(baseLines, start, indent)
		inserts = append(inserts, insertion{before: end, indent: indent, add: a})
	}
	slices.SortStableFunc(inserts, func(a, b insertion) int { return a.before - b.before })

	// The base's own id, version and title (and description, if the
	// extension gives one) give way to the extension's.
	drop := map[int]bool{}
	replaced := []string{"id", "version", "title"}
	if x.descr.Exists() {
		replaced = append(replaced, "description")
	}
	entries := broot.Entries()
	for i, e := range entries {
		if !slices.Contains(replaced, e.Key) {
			continue
		}
		from, to := e.KeyValue.Line()-1, len(baseLines)
		if i+1 < len(entries) {
			to = entries[i+1].KeyValue.Line() - 1
		}
		for l := from; l < to; l++ {
			drop[l] = true
		}
	}

	var out []string
	var o origins
	emit := func(line string, from lineOrigin) {
		out = append(out, line)
		o = append(o, from)
	}
	at := func(v yamlx.Value) lineOrigin { return lineOrigin{file: name, line: v.Line()} }
	emit(fmt.Sprintf("# %s %s extended by %s: written by assay, do not edit; edit the two files instead.", base.ID, base.Version, safeComment(filepath.Base(name))), at(x.root))
	emit("id: "+safetext.QuoteYAML(x.id.Str()), at(x.id))
	emit("version: "+safetext.QuoteYAML(CombinedVersion(x.version.Str(), base.ID, base.Version)), at(x.version))
	title := base.Title
	if x.title.Exists() {
		title = x.title.Str()
	}
	emit("title: "+safetext.QuoteYAML(title), at(x.title))
	if x.descr.Exists() {
		emit("description: "+safetext.QuoteYAML(x.descr.Str()), at(x.descr))
	}
	// splice writes an addition's items, each indented as the base's list.
	splice := func(ins insertion) Problems {
		for _, iv := range ins.add.items.List() {
			s, e := itemRange(extLines, iv)
			_, extIndent := itemStart(extLines, iv)
			shift := ins.indent - extIndent
			for el := s; el < e; el++ {
				text, ok := shiftLine(extLines[el], shift)
				if !ok {
					return Problems{{File: name, Line: el + 1, Column: 1, Field: iv.Path(),
						Message: "this line is indented less than the item it belongs to"}}
				}
				emit(text, lineOrigin{file: name, line: el + 1, shift: shift})
			}
		}
		return nil
	}
	next := 0
	for l := 0; l <= len(baseLines); l++ {
		for ; next < len(inserts) && inserts[next].before == l; next++ {
			if p := splice(inserts[next]); p != nil {
				return nil, nil, p
			}
		}
		if l < len(baseLines) && !drop[l] {
			emit(baseLines[l], lineOrigin{file: base.SourceName, line: l + 1})
		}
	}
	return []byte(strings.Join(out, "\n") + "\n"), o, nil
}

// checkShape makes sure the combined questionnaire is the base with the
// additions where they belong and nothing else: text in an addition can
// never add, move or drop anything else.
func (x *extension) checkShape(base, q *assess.Questionnaire) error {
	var want []string
	for _, s := range base.Sections {
		var qs []string
		for _, qq := range s.Questions {
			qs = append(qs, qq.ID)
			for _, a := range x.adds {
				if !a.sections && a.after == qq.ID {
					qs = append(qs, a.itemIDs...)
				}
			}
		}
		want = append(want, s.ID+":"+strings.Join(qs, ","))
		for _, a := range x.adds {
			if a.sections && a.section == s.ID {
				want = append(want, a.itemIDs...)
			}
		}
	}
	var got []string
	for _, s := range q.Sections {
		var qs []string
		for _, qq := range s.Questions {
			qs = append(qs, qq.ID)
		}
		entry := s.ID + ":" + strings.Join(qs, ",")
		// An added section is checked by its ID; its questions are its own.
		if !sectionOf(base, s.ID) {
			entry = s.ID
		}
		got = append(got, entry)
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		return fmt.Errorf("the additions did not combine into the questionnaire as written (an item indented unlike the others?)")
	}
	return nil
}

func sectionOf(q *assess.Questionnaire, id string) bool {
	for _, s := range q.Sections {
		if s.ID == id {
			return true
		}
	}
	return false
}

func fieldIDs(list yamlx.Value) []string {
	if !list.IsList() {
		return nil
	}
	return fieldIDs2(list.List())
}

func fieldIDs2(items []yamlx.Value) []string {
	var out []string
	for _, v := range items {
		out = append(out, v.Field("id").Str())
	}
	return out
}

func splitLines(src []byte) []string {
	s := strings.TrimSuffix(string(src), "\n")
	return strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
}

// itemStart finds the line (0-based) of a block list item's dash, and the
// dash's column (0-based): the item's value starts on that line or below.
func itemStart(lines []string, item yamlx.Value) (line, indent int) {
	for l := item.Line() - 1; l >= 0 && l < len(lines); l-- {
		trimmed := strings.TrimLeft(lines[l], " ")
		if strings.HasPrefix(trimmed, "-") && len(lines[l])-len(trimmed) < item.Column() {
			return l, len(lines[l]) - len(trimmed)
		}
	}
	return item.Line() - 1, max(item.Column()-3, 0)
}

// itemEnd is the line (0-based) after a block list item that starts at
// line start with its dash at indent: the next line, not blank or a
// comment, indented no deeper than the dash. Blank and comment lines just
// before it belong to what follows.
func itemEnd(lines []string, start, indent int) int {
	end := len(lines)
	for l := start + 1; l < len(lines); l++ {
		trimmed := strings.TrimLeft(lines[l], " ")
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if len(lines[l])-len(trimmed) <= indent {
			end = l
			break
		}
	}
	for end > start+1 {
		trimmed := strings.TrimSpace(lines[end-1])
		if trimmed != "" && !strings.HasPrefix(trimmed, "#") {
			break
		}
		end--
	}
	return end
}

// itemRange is the lines [start, end) of a block list item.
func itemRange(lines []string, item yamlx.Value) (int, int) {
	start, indent := itemStart(lines, item)
	return start, itemEnd(lines, start, indent)
}

// shiftLine indents a line by shift columns (less, if negative). A line
// that would lose text is refused; blank and comment lines lose only
// spaces.
func shiftLine(line string, shift int) (string, bool) {
	if shift >= 0 {
		if strings.TrimSpace(line) == "" {
			return line, true
		}
		return strings.Repeat(" ", shift) + line, true
	}
	lead := len(line) - len(strings.TrimLeft(line, " "))
	if lead >= -shift {
		return line[-shift:], true
	}
	trimmed := strings.TrimSpace(line)
	if trimmed == "" || strings.HasPrefix(trimmed, "#") {
		return line[lead:], true
	}
	return "", false
}

func safeComment(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
			return ' '
		}
		return r
	}, s)
}
