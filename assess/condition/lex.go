package condition

import (
	"fmt"
	"strings"
)

type tokenKind int

const (
	tokEOF tokenKind = iota
	tokIdent
	tokString
	tokNumber
	tokOp // == != < <= > >=
	tokLParen
	tokRParen
	tokLBrack
	tokRBrack
	tokComma
)

type token struct {
	kind tokenKind
	text string // identifier, operator, number text or unquoted string
	pos  int    // byte offset in the source, for error messages
}

// MaxLength bounds a condition so that a hostile file cannot make parsing slow.
const MaxLength = 4096

// maxDepth bounds nesting so that parsing cannot exhaust the stack.
const maxDepth = 64

func lex(src string) ([]token, error) {
	if len(src) > MaxLength {
		return nil, &Error{Pos: MaxLength, Msg: fmt.Sprintf("condition is longer than %d characters", MaxLength)}
	}
	var toks []token
	i := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '(':
			toks = append(toks, token{tokLParen, "(", i})
			i++
		case c == ')':
			toks = append(toks, token{tokRParen, ")", i})
			i++
		case c == '[':
			toks = append(toks, token{tokLBrack, "[", i})
			i++
		case c == ']':
			toks = append(toks, token{tokRBrack, "]", i})
			i++
		case c == ',':
			toks = append(toks, token{tokComma, ",", i})
			i++
		case c == '=' || c == '!' || c == '<' || c == '>':
			op := string(c)
			if i+1 < len(src) && src[i+1] == '=' {
				op += "="
			}
			if op == "=" || op == "!" {
				return nil, &Error{Pos: i, Msg: fmt.Sprintf("unknown operator %q (use == or !=)", op)}
			}
			toks = append(toks, token{tokOp, op, i})
			i += len(op)
		case c == '\'' || c == '"':
			s, n, err := lexString(src, i)
			if err != nil {
				return nil, err
			}
			toks = append(toks, token{tokString, s, i})
			i += n
		case c == '-' || c == '+' || isDigit(c):
			j := i + 1
			for j < len(src) && (isDigit(src[j]) || src[j] == '.') {
				j++
			}
			toks = append(toks, token{tokNumber, src[i:j], i})
			i = j
		case isLetter(c):
			j := i + 1
			for j < len(src) && isIdentChar(src[j]) {
				j++
			}
			toks = append(toks, token{tokIdent, src[i:j], i})
			i = j
		default:
			return nil, &Error{Pos: i, Msg: fmt.Sprintf("unexpected character %q", c)}
		}
	}
	return append(toks, token{tokEOF, "", len(src)}), nil
}

func lexString(src string, start int) (string, int, error) {
	quote := src[start]
	var b strings.Builder
	for i := start + 1; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\\' && i+1 < len(src):
			i++
			b.WriteByte(src[i])
		case c == quote:
			return b.String(), i - start + 1, nil
		default:
			b.WriteByte(c)
		}
	}
	return "", 0, &Error{Pos: start, Msg: "string is not closed"}
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }
func isIdentChar(c byte) bool {
	return isLetter(c) || isDigit(c) || c == '_' || c == '-' || c == '.'
}

// IsValidRef reports whether s can be written as a question reference; the
// questionnaire loader holds question IDs to the same rule.
func IsValidRef(s string) bool {
	if s == "" || !isLetter(s[0]) || keywords[s] {
		return false
	}
	for i := 1; i < len(s); i++ {
		if !isIdentChar(s[i]) {
			return false
		}
	}
	return true
}

var keywords = map[string]bool{
	"and": true, "or": true, "not": true, "in": true, "contains": true,
	"true": true, "false": true, "answered": true, "count": true,
}

// Error is a problem in a condition, at a byte offset of its source.
type Error struct {
	Pos int
	Msg string
}

func (e *Error) Error() string { return fmt.Sprintf("at character %d: %s", e.Pos+1, e.Msg) }
