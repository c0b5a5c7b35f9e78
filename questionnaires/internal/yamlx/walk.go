package yamlx

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"

	"github.com/assay-dev/assay/assess/decimal"
	"github.com/assay-dev/assay/internal/input"
)

// Doc is a parsed file and the problems found in it so far.
type Doc struct {
	File     string
	Problems Problems
	// Warnings are things that are probably mistakes but mean something
	// valid; they never stop a file from loading.
	Warnings Problems
	anchors  map[string][]anchorAt // every anchor of the document, in order, by name
	aliases  int                   // aliases followed so far, to stop alias bombs
	bombed   bool                  // MaxAliases was passed: stop reading and reporting
	// refused are the aliases to no anchor and the tagged values already
	// said, so that each is one problem, not one for each time its value
	// is read, nor a required field missing besides.
	refused map[ast.Node]bool
	// misshapen are the tagged values the parser refused for their tag
	// (misshapen.go), refused as the walk reads them.
	misshapen []*ast.TagNode
	// RefuseEmpty makes Map refuse a field written with no value ("key:",
	// "key: ~", "key: null"): in a questionnaire an author who leaves a
	// field empty means to give it a value, not to leave it out.
	RefuseEmpty bool
	// EmptyHints replaces, for the fields it names, the hint given when
	// such a field is refused as empty: where leaving the line out means
	// something of its own, the hint says what.
	EmptyHints map[string]string
}

// MaxAliases bounds how many times a document's aliases are followed, so
// that a small file of nested aliases cannot make the loader walk millions
// of values ("billion laughs").
const MaxAliases = input.MaxAliases

// Parse reads one YAML document. A syntax error is recorded as a problem
// and the returned Value is absent. So are a file over input.MaxFileSize
// and one that is not text (a NUL byte, bytes that are not UTF-8): they
// are refused before the YAML parser sees them.
func Parse(file string, src []byte) (*Doc, Value) {
	return ParseWithin(file, src, input.Bounds{Tokens: input.MaxTokens, EmptyWork: input.MaxEmptyWork})
}

// ParseWithin is Parse with other bounds on the file's tokens (for a file
// read once on request, not each time assay starts); aliases still expand
// to no more than input.MaxTokens values, as no such file needs them.
func ParseWithin(file string, src []byte, b input.Bounds) (*Doc, Value) {
	d := &Doc{File: file, anchors: map[string][]anchorAt{}, refused: map[ast.Node]bool{}}
	// A UTF-8 byte order mark, which Windows editors write, is not part
	// of the text (input.ReadFile drops it too); left in, it is part of
	// the first key.
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	if len(src) > input.MaxFileSize {
		d.Problems = append(d.Problems, Problem{File: file, Line: 1, Column: 1, Message: fmt.Sprintf("the file is %d bytes, %v", len(src), input.ErrTooLarge)})
		return d, Value{doc: d, line: 1, col: 1}
	}
	if line, col, why, ok := input.NotText(src); !ok {
		d.Problems = append(d.Problems, Problem{File: file, Line: line, Column: col, Message: why})
		return d, Value{doc: d, line: 1, col: 1}
	}
	tokens, line, col, why, ok := input.LexYAMLWithin(string(src), b)
	if !ok {
		d.Problems = append(d.Problems, Problem{File: file, Line: line, Column: col, Message: why})
		return d, Value{doc: d, line: 1, col: 1}
	}
	if p, found := unsupportedDirective(file, tokens); found {
		d.Problems = append(d.Problems, p)
		return d, Value{doc: d, line: 1, col: 1}
	}
	f, misshapen, err := parsePastMisshapenTags(tokens)
	if err == nil && input.YAMLExpanded(f, input.MaxTokens) > input.MaxTokens {
		// Refused here, wherever the anchors are: the walk below only
		// learns anchors in the fields it reads.
		d.Problems = append(d.Problems, Problem{File: file, Line: 1, Column: 1,
			Message: fmt.Sprintf("the file's aliases expand to more than %d values", input.MaxTokens), Hint: "repeat the values instead of using aliases"})
		return d, Value{doc: d, line: 1, col: 1}
	}
	if err != nil {
		// Not err.Error() when the message and token are at hand: it
		// quotes the source around the error, which takes seconds on a
		// long line (quadratic in its length).
		line, col, msg, at := input.YAMLErrorAt(err)
		if !at {
			line, col = 1, 1
		}
		if msg == "" {
			msg = err.Error()
		}
		msg = duplicateKeyNamed(msg)
		if tag, after := tagBefore(tokens, line, col); after && at {
			msg = fmt.Sprintf("the YAML tag %s is not on a value of its kind (%s)", QuoteCut(tag), msg)
		}
		d.Problems = append(d.Problems, Problem{File: file, Line: line, Column: col, Message: "YAML syntax: " + msg})
		return d, Value{doc: d, line: 1, col: 1}
	}
	var bodies []ast.Node
	for _, doc := range f.Docs {
		// A directive (%YAML 1.2) before the document's --- is parsed as
		// a document of its own; it holds nothing to read.
		if _, directive := doc.Body.(*ast.DirectiveNode); doc.Body != nil && !directive {
			bodies = append(bodies, doc.Body)
		}
	}
	switch len(bodies) {
	case 0:
		d.Problems = append(d.Problems, Problem{File: file, Line: 1, Column: 1, Message: "the file is empty"})
		return d, Value{doc: d, line: 1, col: 1}
	case 1:
	default:
		d.Problems = append(d.Problems, Problem{File: file, Line: pos(bodies[1]).Line, Column: pos(bodies[1]).Column, Message: "the file holds more than one YAML document; put each in its own file"})
	}
	if input.YAMLExpandedText(bodies[0], input.MaxFileSize) > input.MaxFileSize {
		// No file can hold that much text without aliases; with them, a
		// small file made reports of tens of megabytes.
		d.Problems = append(d.Problems, Problem{File: file, Line: 1, Column: 1,
			Message: fmt.Sprintf("the file's aliases repeat its text to more than %d bytes, more than a file may hold", input.MaxFileSize),
			Hint:    "repeat the values instead of using aliases"})
		return d, Value{doc: d, line: 1, col: 1}
	}
	for _, n := range ast.Filter(ast.AnchorType, bodies[0]) {
		a := n.(*ast.AnchorNode)
		if a.Name != nil && a.Name.GetToken() != nil {
			name := a.Name.GetToken().Value
			d.anchors[name] = append(d.anchors[name], anchorAt{pos: pos(a), node: a.Value})
		}
	}
	d.misshapen = misshapenTagNodes(bodies[0], misshapen)
	v := Value{doc: d, node: bodies[0]}
	v.line, v.col = pos(bodies[0]).Line, pos(bodies[0]).Column
	return d, v.resolve()
}

// refusedAlready reports whether n is an alias to no anchor or a tagged
// value, said already as such when its value was read.
func (d *Doc) refusedAlready(n ast.Node) bool {
	return n != nil && d.refused[n]
}

// anchorAt is an anchor: where it is written and the value it names.
type anchorAt struct {
	pos  *token.Position
	node ast.Node
}

// anchored is the value an alias at p names: that of the last anchor of
// the name written before it. Anchors are all known from the start, so
// an alias names its anchor whatever order the loader reads fields in.
func (d *Doc) anchored(name string, p *token.Position) (ast.Node, bool) {
	as := d.anchors[name]
	for i := len(as) - 1; i >= 0; i-- {
		if a := as[i].pos; a.Line < p.Line || a.Line == p.Line && a.Column < p.Column {
			return as[i].node, true
		}
	}
	return nil, false
}

// duplicateKey is the parser's message for a key given twice in one
// mapping (goccy/go-yaml v1.19), which names the first as [line:column].
var duplicateKey = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^mapping key "(.*)" already defined at \[(\d+):\d+\]$`)
})

// duplicateKeyNamed says where the first of a key given twice is in
// words; other messages are returned as they are.
func duplicateKeyNamed(msg string) string {
	m := duplicateKey().FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	return fmt.Sprintf(`"%s" is given twice; the first is at line %s`, m[1], m[2]) // m[1] is quoted already
}

func pos(n ast.Node) *token.Position {
	// A block mapping's token is the colon after its first key; people
	// look for the mapping where its first key starts.
	if m, ok := n.(*ast.MappingNode); ok && !m.IsFlowStyle && len(m.Values) > 0 && m.Values[0].Key != nil {
		return pos(m.Values[0].Key)
	}
	if mv, ok := n.(*ast.MappingValueNode); ok && mv.Key != nil {
		return pos(mv.Key)
	}
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		return tk.Position
	}
	return &token.Position{Line: 1, Column: 1}
}

// Value is a node in the document, or an absent one (a key that is not
// there), with its field path and a position to report problems at.
type Value struct {
	doc       *Doc
	node      ast.Node // nil when absent
	path      string
	line, col int
}

// Path is the value's field path, such as sections[intro].questions[q1].weight.
func (v Value) Path() string { return v.path }

// Line and Column give the value's position (its parent's, when absent).
func (v Value) Line() int { return v.line }

// Column is the value's column.
func (v Value) Column() int { return v.col }

// Exists reports whether the key was present and not null.
func (v Value) Exists() bool {
	_, null := v.node.(*ast.NullNode)
	return v.node != nil && !null
}

// Problem records a problem at v.
func (v Value) Problem(hint, format string, args ...any) {
	v.ProblemAt(0, hint, format, args...)
}

// ProblemAt records a problem at an offset into v's text (for conditions).
func (v Value) ProblemAt(offset int, hint, format string, args ...any) {
	if v.doc.bombed {
		return // the rest of the file is not being read
	}
	col := v.col + offset
	if s, ok := v.node.(*ast.StringNode); ok && offset > 0 && (s.Token.Type == token.SingleQuoteType || s.Token.Type == token.DoubleQuoteType) {
		col++ // past the opening quote
	}
	v.doc.Problems = append(v.doc.Problems, Problem{
		File: v.doc.File, Line: v.line, Column: col, Field: v.path,
		Message: fmt.Sprintf(format, args...), Hint: hint,
	})
}

// Warn records a warning at v: something valid but probably not meant.
func (v Value) Warn(hint, format string, args ...any) {
	if v.doc.bombed {
		return
	}
	v.doc.Warnings = append(v.doc.Warnings, Problem{
		File: v.doc.File, Line: v.line, Column: v.col, Field: v.path,
		Message: fmt.Sprintf(format, args...), Hint: hint, Warning: true,
	})
}

func (v Value) child(n ast.Node, path string) Value {
	c := Value{doc: v.doc, node: n, path: path, line: v.line, col: v.col}
	if n != nil {
		p := pos(n)
		c.line, c.col = p.Line, p.Column
	}
	return c.resolve()
}

// resolve follows anchors and aliases so callers see plain nodes.
func (v Value) resolve() Value {
	for i := 0; i < 16; i++ {
		switch n := v.node.(type) {
		case *ast.AnchorNode:
			v.node = n.Value
		case *ast.AliasNode:
			v.doc.aliases++
			if v.doc.aliases > MaxAliases {
				if !v.doc.bombed {
					v.Problem("repeat the values instead of using aliases", "the file uses aliases more than %d times", MaxAliases)
					v.doc.bombed = true
				}
				v.node = nil
				return v
			}
			target, ok := v.doc.anchored(n.Value.GetToken().Value, pos(n))
			if !ok {
				// Said once, however often the value is read.
				if !v.doc.refused[n] {
					v.Problem("", "unknown alias *%s", n.Value.GetToken().Value)
					v.doc.refused[n] = true
				}
				v.node = nil
				return v
			}
			v.node = target
		case *ast.TagNode:
			// A core tag (!!str 2024, !!int "12") is read as it says
			// (tags.go). Dropping any other read !!null 2 as 2 and
			// !Warning text as text, so an author's tag meant nothing
			// without a word: it is refused, and the value is not read
			// besides.
			plain, why := coreTagValue(n)
			if why == "" {
				v.node = plain
				continue
			}
			if !v.doc.refused[n] {
				hint := "remove the tag; quote the value if it starts with !"
				if slices.Contains(coreTags, n.Start.Value) {
					hint = "write the value the tag says, or remove the tag"
				}
				v.Problem(hint, "the YAML tag %s %s", QuoteCut(n.Start.Value), why)
				v.doc.refused[n] = true
			}
			v.node = nil
			return v
		default:
			return v
		}
	}
	return v
}

// Fields is a mapping's keys, checked against the ones allowed.
type Fields struct {
	v     Value
	vals  map[string]ast.Node
	order []string
	empty map[string]bool // keys refused as empty (Doc.RefuseEmpty)
}

// Map reads v as a mapping whose keys must be among allowed; unknown keys
// are problems (with the closest allowed key as a hint). An absent v gives
// an empty Fields.
func (v Value) Map(allowed ...string) Fields {
	f := Fields{v: v, vals: map[string]ast.Node{}, empty: map[string]bool{}}
	if !v.Exists() || v.doc.bombed {
		return f
	}
	m, ok := v.node.(*ast.MappingNode)
	if !ok {
		v.Problem("", "expected a mapping of fields, found %s", kindOf(v.node))
		return f
	}
	for _, mv := range m.Values {
		key, plain := plainKey(mv.Key)
		if tag, tagged := mv.Key.(*ast.TagNode); tagged && !plain {
			// Refused as a tag where it is written; the field counts as
			// refused too, so that it is not also said to be missing.
			v.child(mv.Key, v.path)
			if tag.Value != nil && tag.Value.GetToken() != nil {
				f.vals[tag.Value.GetToken().Value] = mv.Key
			}
			continue
		}
		if _, merge := mv.Key.(*ast.MergeKeyNode); merge {
			v.child(mv.Key, v.path).Problem("", "merge keys (<<) are not supported; repeat the fields or use an alias for the whole value")
			continue
		}
		if !slices.Contains(allowed, key) {
			path := join(v.path, key)
			if !readable(key) {
				path = v.path
			}
			v.child(mv.Key, path).Problem(suggest(key, allowed), "unknown field %s", QuoteCut(key))
			continue
		}
		if _, null := mv.Value.(*ast.NullNode); null && v.doc.RefuseEmpty {
			hint := v.doc.EmptyHints[key]
			if hint == "" {
				hint = fmt.Sprintf("give %s a value, or leave out the line", key)
			}
			v.child(mv.Key, join(v.path, key)).Problem(hint, "%s is empty", key)
			f.empty[key] = true
			continue
		}
		f.vals[key] = mv.Value
		f.order = append(f.order, key)
	}
	return f
}

// Empty reports whether a key was written with no value and refused as
// empty (Doc.RefuseEmpty); it is then absent, and a caller that would
// report it missing or absent has nothing more to say.
func (f Fields) Empty(key string) bool { return f.empty[key] }

// Get returns a field's value, absent if the key is missing.
func (f Fields) Get(key string) Value {
	n, ok := f.vals[key]
	if !ok {
		c := f.v
		c.node, c.path = nil, join(f.v.path, key)
		return c
	}
	return f.v.child(n, join(f.v.path, key))
}

// Has reports whether a key is present.
func (f Fields) Has(key string) bool { _, ok := f.vals[key]; return ok }

// Keys lists the present keys in file order.
func (f Fields) Keys() []string { return f.order }

// Required returns a field's value and records a problem if it is missing.
func (f Fields) Required(key, hint string) Value {
	v := f.Get(key)
	if !v.Exists() && !f.empty[key] && !f.v.doc.refusedAlready(f.vals[key]) {
		v.Problem(hint, "%s is required", key)
	}
	return v
}

// Entries reads v as a mapping with arbitrary keys, in file order.
func (v Value) Entries() []Entry {
	if !v.Exists() || v.doc.bombed {
		return nil
	}
	m, ok := v.node.(*ast.MappingNode)
	if !ok {
		v.Problem("", "expected a mapping, found %s", kindOf(v.node))
		return nil
	}
	out := make([]Entry, 0, len(m.Values))
	for _, mv := range m.Values {
		key, plain := plainKey(mv.Key)
		if _, tagged := mv.Key.(*ast.TagNode); tagged && !plain {
			v.child(mv.Key, v.path) // refused as a tag, where it is written
			continue
		}
		// A key too long or not plain text to print is left out of the
		// path, as an unknown field's is (Map): it would make every
		// problem under it as long.
		path := join(v.path, key)
		if !readable(key) {
			path = v.path
		}
		out = append(out, Entry{Key: key, KeyValue: v.child(mv.Key, path), Value: v.child(mv.Value, path)})
	}
	return out
}

// Entry is one key and value of a free-form mapping.
type Entry struct {
	Key      string
	KeyValue Value
	Value    Value
}

// List reads v as a sequence. Elements that are mappings with an "id" are
// named by it in paths (questions[q1]); others by position (options[2]).
func (v Value) List() []Value { return v.ListOf("", "") }

// ListOf reads v as a sequence of what (options, sections), as List does;
// when v is not a list, its one problem says a list of what is expected
// and, in hint, how one is written. A caller that then checks how many
// elements there are checks only when IsList: a mapping where a list
// belongs is one mistake, not also "needs at least 2".
func (v Value) ListOf(what, hint string) []Value {
	if !v.Exists() || v.doc.bombed {
		return nil
	}
	seq, ok := v.node.(*ast.SequenceNode)
	if !ok {
		if what != "" {
			what = " of " + what
		}
		v.Problem(hint, "expected a list%s, found %s", what, kindOf(v.node))
		return nil
	}
	out := make([]Value, 0, len(seq.Values))
	for i, n := range seq.Values {
		label := strconv.Itoa(i)
		if id := idOf(n); id != "" {
			label = id
		}
		c := v.child(n, fmt.Sprintf("%s[%s]", v.path, label))
		if !c.Exists() && v.doc.refusedAlready(n) {
			continue // said as a tag or an unknown alias, not also as empty
		}
		out = append(out, c)
	}
	return out
}

// readable reports whether a name can stand in a field path: at most
// maxLabel characters, each one that shows as itself (no escape, no
// zero-width space); a name that cannot is quoted, cut short, in the
// message instead.
func readable(s string) bool {
	if utf8.RuneCountInString(s) > maxLabel {
		return false
	}
	for _, r := range s {
		if !unicode.IsGraphic(r) || unicode.Is(unicode.Cf, r) {
			return false
		}
	}
	return true
}

// QuoteCut quotes s, cut to its first 20 characters when it is longer
// than a name in a path can be, so that a message about a 10,000-character
// name does not repeat it.
func QuoteCut(s string) string {
	if r := []rune(s); len(r) > maxLabel {
		return fmt.Sprintf("%q…", string(r[:20]))
	}
	return fmt.Sprintf("%q", s)
}

// maxLabel is the longest id that names a list element in a path, as
// long as the longest ID a questionnaire takes (questionnaires.MaxIDLength):
// a longer one, refused, would make the path of every problem under it as
// long, and the problem about its length unreadable.
const maxLabel = 64

func idOf(n ast.Node) string {
	m, ok := n.(*ast.MappingNode)
	if !ok {
		return ""
	}
	for _, mv := range m.Values {
		if key, _ := plainKey(mv.Key); key == "id" {
			value := mv.Value
			if t, tagged := value.(*ast.TagNode); tagged {
				value, _ = coreTagValue(t) // !!str q1 names its question as q1 does
			}
			if s, ok := value.(*ast.StringNode); ok && readable(s.Value) {
				return s.Value
			}
		}
	}
	return ""
}

// Str reads a scalar as text: the text as written, so that `yes`, `1.0`
// and `2026-01-15` stay exactly what the author typed.
func (v Value) Str() string {
	if !v.Exists() {
		return ""
	}
	switch n := v.node.(type) {
	case *ast.StringNode:
		return n.Value
	case *ast.LiteralNode:
		return strings.TrimRight(n.Value.Value, "\n")
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		return n.GetToken().Value
	}
	v.Problem("", "expected text, found %s", kindOf(v.node))
	return ""
}

// IsScalar reports whether v is a single value rather than a list or
// mapping. YAML's .inf, -.Inf and .nan are single values too: a question
// that takes text takes them as typed, and one that takes a number says it
// needs a finite one (IsNonFinite), rather than calling them a list.
func (v Value) IsScalar() bool {
	switch v.node.(type) {
	case *ast.StringNode, *ast.LiteralNode, *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode,
		*ast.InfinityNode, *ast.NanNode:
		return true
	}
	return false
}

// IsNonFinite reports whether v is written as YAML's infinity or
// not-a-number (.inf, -.Inf, .nan), which no exact decimal can hold.
func (v Value) IsNonFinite() bool {
	switch v.node.(type) {
	case *ast.InfinityNode, *ast.NanNode:
		return true
	}
	return false
}

// IsList reports whether v is a sequence.
func (v Value) IsList() bool { _, ok := v.node.(*ast.SequenceNode); return ok }

// IsMap reports whether v is a mapping.
func (v Value) IsMap() bool { _, ok := v.node.(*ast.MappingNode); return ok }

// OneOf reads a scalar that must be one of the choices.
func (v Value) OneOf(choices ...string) string {
	s := v.Str()
	if s != "" && !slices.Contains(choices, s) {
		v.Problem(suggest(s, choices), "%q is not one of: %s", s, strings.Join(choices, ", "))
		return ""
	}
	return s
}

// Bool reads true or false.
func (v Value) Bool() bool {
	if !v.Exists() {
		return false
	}
	if b, ok := v.node.(*ast.BoolNode); ok {
		return b.Value
	}
	v.Problem("", "expected true or false, found %s", kindOf(v.node))
	return false
}

// Int reads a whole number.
func (v Value) Int() int {
	n, _ := v.IntOK()
	return n
}

// IntOK is Int that also says whether a number was read, so that a range
// check does not report a word, already refused, as out of range.
func (v Value) IntOK() (int, bool) {
	if !v.Exists() {
		return 0, false
	}
	s := v.Str()
	n, err := strconv.Atoi(s)
	if err != nil {
		v.Problem("", "expected a whole number, found %q", s)
		return 0, false
	}
	return n, true
}

// Decimal reads an exact number with at most places fractional digits.
func (v Value) Decimal(places int) decimal.Decimal {
	d, _ := v.DecimalOK(places)
	return d
}

// DecimalOK is Decimal that also says whether a number was read, so that a
// caller checks the range of a number only, never of a problem already
// reported (which reads as 0).
func (v Value) DecimalOK(places int) (decimal.Decimal, bool) {
	if !v.Exists() {
		return 0, false
	}
	s := v.Str()
	if v.IsNonFinite() {
		v.Problem("", "a finite number is needed, found %q", s)
		return 0, false
	}
	d, err := decimal.Parse(s, places)
	switch {
	case errors.Is(err, decimal.ErrTooLarge):
		v.Problem("", "%v", err)
		return 0, false
	case err != nil:
		v.Problem("", "expected a number with at most %d decimal places, found %q", places, s)
		return 0, false
	}
	return d, true
}

// StrList reads a list of scalars; a single scalar is a list of one.
func (v Value) StrList() []string {
	if !v.Exists() {
		return nil
	}
	if v.IsScalar() {
		return []string{v.Str()}
	}
	var out []string
	for _, e := range v.List() {
		out = append(out, e.Str())
	}
	return out
}

func kindOf(n ast.Node) string {
	switch n.(type) {
	case nil, *ast.NullNode:
		return "nothing"
	case *ast.MappingNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.StringNode, *ast.LiteralNode:
		return "text"
	case *ast.IntegerNode, *ast.FloatNode:
		return "a number"
	case *ast.BoolNode:
		return "true/false"
	}
	return "a value of another kind"
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// suggest returns "did you mean X?" for the closest of choices, if close.
func suggest(got string, choices []string) string {
	best, bestD := "", 3
	for _, c := range choices {
		if d := distance(strings.ToLower(got), strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("did you mean %q?", best)
}

// Suggest is suggest for callers outside this package.
func Suggest(got string, choices []string) string { return suggest(got, choices) }

// distance is the Levenshtein distance, for spelling hints.
func distance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 99
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Doc returns the document v belongs to.
func (v Value) Doc() *Doc { return v.doc }
