package input

import (
	"fmt"
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
	// MaxEmptyWork bounds the parser's work on empty values: for each key
	// or list entry with nothing after it on its line (an empty value, or
	// a nested block), the tokens after it. 1e9 takes about half a
	// second; a synthetic questionnaire of 2,000 questions needs 2e6.
	MaxEmptyWork = 1_000_000_000
	// MaxAliases bounds aliases (*name) in a file; the questionnaire
	// loader also stops after following this many.
	MaxAliases = 10_000
	// MaxTags bounds explicit tags (!!str), which the parser handles
	// slowly and questionnaires do not need.
	MaxTags = 10_000
)

// Bounds are limits a file's tokens are checked against in place of
// MaxTokens and MaxEmptyWork, for a file read once on request (one assay
// convert reads) rather than each time assay starts.
type Bounds struct{ Tokens, EmptyWork int }

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
	if len(tokens) > b.Tokens {
		return at(tokens[b.Tokens], "the file has more than %d YAML values and symbols; split it", b.Tokens)
	}
	var (
		flow    int   // open [ and { around the current token
		indents []int // columns of the open block collections
		aliases int
		tags    int
		work    int // tokens after each "key:" or "-" that ends its line
		line    = -1
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
			indents = indents[:0]
		}
		pos := tk.Position
		if pos == nil {
			continue
		}
		if prev != nil && pos.Line != line && (prev.Type == token.SequenceEntryType || prev.Type == token.MappingValueType) {
			if work += len(tokens) - prevAt; work > b.EmptyWork {
				return at(prev, "the file has too many keys or list entries with nothing after them for its size; split it")
			}
		}
		// In block style a token that starts a line, or follows "- " on
		// its line, opens a level at its column and closes the levels at
		// or right of it.
		if flow == 0 && (pos.Line != line || prev != nil && prev.Type == token.SequenceEntryType) {
			for len(indents) > 0 && indents[len(indents)-1] >= pos.Column {
				indents = indents[:len(indents)-1]
			}
			indents = append(indents, pos.Column)
		}
		switch tk.Type {
		case token.SequenceStartType, token.MappingStartType:
			flow++
		case token.SequenceEndType, token.MappingEndType:
			flow = max(flow-1, 0)
		}
		if flow+len(indents) > MaxDepth {
			return at(tk, "the file nests lists and mappings more than %d deep", MaxDepth)
		}
		line, prev, prevAt = pos.Line, tk, i
	}
	return 0, 0, "", true
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
