package input

import (
	"fmt"
	"math"
	"strings"

	"github.com/goccy/go-yaml/token"
)

// The YAML parser assay uses takes time that grows with the square of
// some shapes of file: 10,000 nested "[" take two seconds and 100,000 over
// three minutes, in a file of 100 KB; each empty value ("key:" or "-" with
// nothing after it) moves every token after it in memory. These bounds are
// checked on the tokens, in one pass, before the parser runs, so that no
// file within MaxFileSize can stall the loader: at the limits a file
// is parsed in about a second. Real questionnaires nest about 8 deep; the
// largest built-in one has under 4,000 tokens, and a synthetic one of
// 2,000 questions 75,000.
const (
	// MaxDepth bounds nesting: lists and mappings, block and flow.
	MaxDepth = 64
	// MaxTokens bounds the YAML tokens in one file (keys, values,
	// punctuation).
	MaxTokens = 500_000
	// MaxEmptyWork bounds the parser's work on empty values: for each key,
	// list entry or tag whose value is missing, the tokens after it, which
	// the parser moves to insert the empty value (emptyValue says when).
	// 1e9 takes about half a second; a synthetic questionnaire of 2,000
	// questions needs 2e6.
	MaxEmptyWork = 1_000_000_000
	// MaxAliases bounds aliases (*name) in a file; the questionnaire
	// loader also stops after following this many.
	MaxAliases = 10_000
	// MaxTags bounds explicit tags (!!str), which the parser handles
	// slowly and questionnaires do not need.
	MaxTags = 10_000
	// MaxKeyWork bounds the parser's work on the keys of block mappings:
	// it reads each key of a mapping in a call of its own, nested in the
	// call for the key before, and each call copies the keys read after
	// it, so a mapping of k keys costs k*k/2 copies (an answers file of
	// 100,000 one-line answers, 1.2 MB, would take some 40 GB). The bound
	// is on the sum over the file's mappings: 20,000,000 is a mapping of
	// about 6,300 keys; the answers file of a synthetic questionnaire of
	// 2,000 questions needs 2,000,000.
	MaxKeyWork = 20_000_000
)

// Bounds are limits a file's tokens are checked against in place of
// MaxTokens, MaxEmptyWork and MaxKeyWork: higher for a file read once on
// request (one assay convert reads) rather than each time assay starts,
// lower for the settings file, which holds a few dozen values. KeyWork 0
// is MaxKeyWork.
type Bounds struct{ Tokens, EmptyWork, KeyWork int }

// YAMLTokens checks a file's tokens (from lexer.Tokenize, which takes
// linear time) against the bounds above. It returns false, with the line,
// column and a message, at the first bound passed; true when within them.
func YAMLTokens(tokens token.Tokens) (int, int, string, bool) {
	return YAMLTokensWithin(tokens, Bounds{Tokens: MaxTokens, EmptyWork: MaxEmptyWork})
}

// YAMLTokensWithin is YAMLTokens with other bounds on the tokens and the
// work on empty values; the other bounds are the same.
func YAMLTokensWithin(tokens token.Tokens, b Bounds) (int, int, string, bool) {
	at := func(tk *token.Token, format string, args ...any) (int, int, string, bool) {
		line, col := 1, 1
		if tk != nil && tk.Position != nil {
			line, col = tk.Position.Line, tk.Position.Column
		}
		return line, col, fmt.Sprintf(format, args...), false
	}
	keyBound := b.KeyWork
	if keyBound == 0 {
		keyBound = MaxKeyWork
	}
	if len(tokens) > b.Tokens {
		return at(tokens[b.Tokens], "the file has more than %d YAML values and symbols; split it", b.Tokens)
	}
	var (
		flow    []token.Type // the open [ and { around the current token
		indents []int        // columns of the open block collections
		keys    []int        // keys so far of each, if it is a mapping
		keyWork int          // copies the parser makes of keys read (MaxKeyWork)
		aliases int
		tags    int
		work    int // tokens after each empty value the parser inserts
		line    = -1
		before  *token.Token // the token before prev
		prev    *token.Token
		prevAt  int
	)
	for i, tk := range tokens {
		switch tk.Type {
		case token.CommentType, token.SpaceType:
			continue
		case token.AliasType:
			if aliases++; aliases > MaxAliases {
				return at(tk, "the file uses aliases more than %d times", MaxAliases)
			}
		case token.TagType:
			if tags++; tags > MaxTags {
				return at(tk, "the file has more than %d tags (such as !!str)", MaxTags)
			}
		case token.DocumentHeaderType:
			indents, keys = indents[:0], keys[:0]
		}
		pos := tk.Position
		if pos == nil {
			continue
		}
		if prev != nil && emptyValue(before, prev, tk, flow) {
			if work += len(tokens) - prevAt; work > b.EmptyWork {
				return at(prev, "the file has too many keys or list entries with nothing after them for its size; split it")
			}
		}
		// In block style a token that starts a line, or follows "- " on
		// its line, closes the levels right of its column and opens one
		// at its column, unless the level open there goes on (the next
		// key of a mapping, the next entry of a list).
		if entry := prev != nil && prev.Type == token.SequenceEntryType; len(flow) == 0 && (pos.Line != line || entry) {
			for len(indents) > 0 && (indents[len(indents)-1] > pos.Column || entry && indents[len(indents)-1] == pos.Column) {
				indents, keys = indents[:len(indents)-1], keys[:len(keys)-1]
			}
			if len(indents) == 0 || indents[len(indents)-1] != pos.Column {
				indents, keys = append(indents, pos.Column), append(keys, 0)
			}
		}
		// A block key's ":" adds it to the mapping its key opened or goes
		// on with, and the parser copies every key read so far of it.
		if tk.Type == token.MappingValueType && len(flow) == 0 && len(keys) > 0 {
			keys[len(keys)-1]++
			if keyWork += keys[len(keys)-1]; keyWork > keyBound {
				return at(prev, "the file's mappings hold too many keys to read in reasonable time (one mapping of about %d keys is the most)", int(math.Sqrt(2*float64(keyBound))))
			}
		}
		switch tk.Type {
		case token.SequenceStartType, token.MappingStartType:
			flow = append(flow, tk.Type)
		case token.SequenceEndType, token.MappingEndType:
			flow = flow[:max(len(flow)-1, 0)]
		}
		if len(flow)+len(indents) > MaxDepth {
			return at(tk, "the file nests lists and mappings more than %d deep", MaxDepth)
		}
		line, before, prev, prevAt = pos.Line, prev, tk, i
	}
	return 0, 0, "", true
}

// emptyValue reports whether the parser (goccy/go-yaml's, v1.19) inserts
// an empty value after prev, moving every token after it, when tk comes
// next (comments aside) and flow holds the [ and { open around prev. It
// follows the parser's insertNullToken and the tag default of
// parser/node.go: a key whose next token is at or left of the key's
// column (a key at the same column, or a block that closes), a list entry
// whose next token is at or left of its "-", a flow key with no value
// before "," "}" or "]", a tag with no value. A key or entry whose value
// is a nested block, on the lines below and further right, is parsed
// without one. Where the key's column is not certain (a key that begins
// on an earlier line) it counts, so the bound errs towards refusing.
func emptyValue(before, prev, tk *token.Token, flow []token.Type) bool {
	closes := tk.Type == token.CollectEntryType || tk.Type == token.MappingEndType || tk.Type == token.SequenceEndType
	newLine := tk.Position.Line != prev.Position.Line
	switch {
	case prev.Type == token.TagType:
		return closes || tk.Type == token.MappingValueType || newLine
	case newLine && (prev.Type == token.AnchorType || before != nil && (before.Type == token.AnchorType || before.Type == token.MappingKeyType)):
		// "key: &anchor" ("&", then the name) and "? key" ending their
		// line, and an anchor or
		// tag on the line below a key or entry, take the parser time
		// that grows with the tokens after them, by other paths than
		// insertNullToken (measured: 30,000 of each before 200,000
		// tokens take 10 to over 40 seconds); they count as empty values.
		return true
	case newLine && (prev.Type == token.MappingValueType || prev.Type == token.SequenceEntryType) &&
		(tk.Type == token.AnchorType || tk.Type == token.TagType):
		return true
	case len(flow) > 0:
		if prev.Type == token.MappingValueType {
			return closes
		}
		// A key alone in a flow mapping: "{a, b}" or "[{a}]".
		return flow[len(flow)-1] == token.MappingStartType && closes && !punctuation(prev.Type) &&
			(before == nil || before.Type != token.MappingValueType)
	case tk.Position.Line == prev.Position.Line:
		return false
	case prev.Type == token.SequenceEntryType:
		return tk.Position.Column <= prev.Position.Column
	case prev.Type == token.MappingValueType:
		if before == nil || before.Position == nil || before.Position.Line != prev.Position.Line {
			return true
		}
		// "key:" then "- item" at the key's column is the key's list.
		keyCol := before.Position.Column
		return tk.Position.Column < keyCol || tk.Position.Column == keyCol && tk.Type != token.SequenceEntryType
	}
	return false
}

// punctuation is a token that is no key: the parser inserts no value
// after it.
func punctuation(t token.Type) bool {
	switch t {
	case token.CollectEntryType, token.MappingStartType, token.MappingEndType,
		token.SequenceStartType, token.SequenceEndType, token.MappingValueType:
		return true
	}
	return false
}

// YAMLErrorAt is where a YAML decoding error points, and its message
// without the quoted source around it (err.Error() quotes it, which takes
// seconds on a long line: quadratic in its length); false when the error
// names no position.
func YAMLErrorAt(err error) (line, col int, msg string, ok bool) {
	te, isTokenErr := err.(interface {
		GetToken() *token.Token
		GetMessage() string
	})
	if !isTokenErr {
		return 0, 0, "", false
	}
	tk := te.GetToken()
	if tk == nil || tk.Position == nil {
		return 0, 0, tabNamed(te.GetMessage()), false
	}
	return tk.Position.Line, tk.Position.Column, tabNamed(te.GetMessage()), true
}

// tabNamed rewrites the parser's message for a tab where YAML allows none,
// which quotes the tab itself: every output turns it into a space, and the
// author read "found character ' '" of a line that looked indented with
// spaces.
func tabNamed(msg string) string {
	if strings.Contains(msg, "'\t'") {
		return "a tab where YAML allows none: indent with spaces"
	}
	return msg
}
