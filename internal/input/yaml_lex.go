package input

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/token"
)

// lexPiece is how much of a file is lexed at a time while counting its
// tokens. The lexer keeps a few hundred bytes per token and reads a whole
// file in one call, so lexing a 16 MiB file of one-letter values whole
// would take gigabytes before MaxTokens could be checked; a file no
// larger than this holds too few tokens for that to matter.
const lexPiece = 512 << 10

// LexYAML lexes a file and checks its tokens against the bounds above
// (YAMLTokens). A file larger than lexPiece is first counted piece by
// piece, each piece's tokens dropped once counted, and refused at the
// token past MaxTokens without being lexed whole. A piece cut inside a
// quoted string may count a few tokens more or less than the whole file
// holds; a real questionnaire is hundreds of thousands of tokens short of
// the bound, so that never decides.
//
// Lexing once is not possible with the library's lexer (goccy/go-yaml):
// its scanner, which lexer.Tokenize runs to the end, hands out the
// tokens of a line or more at a time, and a 4 MB flow list on one line
// came back as two million tokens (1 GB) before the bound could be
// checked (TestManyValuesRefusedWithoutLexingThemAll); tokens lexed in a
// piece are not those of the whole file (a piece may start inside a
// quoted string or a block), so the pieces' tokens cannot be kept
// either. The pieces cost a file over lexPiece about twice the
// allocations of lexing it once (BenchmarkLexYAML, docs/performance.md).
func LexYAML(src string) (token.Tokens, int, int, string, bool) {
	return LexYAMLWithin(src, Bounds{Tokens: MaxTokens, EmptyWork: MaxEmptyWork})
}

// LexYAMLWithin is LexYAML with other bounds (YAMLTokensWithin).
func LexYAMLWithin(src string, b Bounds) (token.Tokens, int, int, string, bool) {
	if len(src) > lexPiece {
		if line, col, over := pastMaxTokens(src, b.Tokens); over {
			return nil, line, col, fmt.Sprintf("the file has more than %d YAML values and symbols; split it", b.Tokens), false
		}
	}
	tokens := lexer.Tokenize(src)
	line, col, why, ok := YAMLTokensWithin(tokens, b)
	return tokens, line, col, why, ok
}

// pastMaxTokens counts src's tokens in pieces of about lexPiece bytes,
// cut after a line break where one is near, and reports where the token
// past maxTokens is.
func pastMaxTokens(src string, maxTokens int) (line, col int, over bool) {
	n := 0
	lineBase, colBase := 0, 0 // where the piece starts in the file, 0-based
	for len(src) > 0 {
		end := len(src)
		if end > lexPiece {
			end = lexPiece
			if i := strings.IndexByte(src[end:], '\n'); i >= 0 && i < lexPiece/8 {
				end += i + 1
			}
			for end < len(src) && !utf8.RuneStart(src[end]) {
				end++
			}
		}
		piece := src[:end]
		tokens := lexer.Tokenize(piece)
		if n+len(tokens) > maxTokens {
			if pos := tokens[maxTokens-n].Position; pos != nil {
				if pos.Line == 1 {
					return lineBase + 1, colBase + pos.Column, true
				}
				return lineBase + pos.Line, pos.Column, true
			}
			return lineBase + 1, colBase + 1, true
		}
		n += len(tokens)
		if breaks := strings.Count(piece, "\n"); breaks > 0 {
			lineBase += breaks
			colBase = utf8.RuneCountInString(piece[strings.LastIndexByte(piece, '\n')+1:])
		} else {
			colBase += utf8.RuneCountInString(piece)
		}
		src = src[end:]
	}
	return 0, 0, false
}
