package main

import (
	"fmt"
	"math"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// wholeNumber is a number of days or months in the settings file. Read
// into a plain int, YAML's decoder drops a fraction without a word
// (deadlines: {high: 2.9} gave two days) and takes a quoted number for
// one; a setting is used as written or refused, with its position.
type wholeNumber int

func (n *wholeNumber) UnmarshalYAML(unmarshal func(any) error) error {
	var node ast.Node // as written, for the position
	if err := unmarshal(&node); err != nil {
		return err
	}
	var v any // aliases resolved
	if err := unmarshal(&v); err != nil {
		return err
	}
	switch x := v.(type) {
	case int64:
		if x >= math.MinInt && x <= math.MaxInt {
			*n = wholeNumber(x)
			return nil
		}
	case uint64:
		if x <= math.MaxInt {
			*n = wholeNumber(x)
			return nil
		}
	}
	return &settingError{tok: node.GetToken(), msg: fmt.Sprintf("a whole number is needed here, such as 30, not %s", node)}
}

// wholeNumbers is a map of them as the policies take it.
func wholeNumbers(m map[string]wholeNumber) map[string]int {
	if m == nil {
		return nil
	}
	out := make(map[string]int, len(m))
	for k, v := range m {
		out[k] = int(v)
	}
	return out
}

// settingError is a value of the settings file that cannot be used, at
// its token, which input.YAMLErrorAt reads the line and column of.
type settingError struct {
	tok *token.Token
	msg string
}

func (e *settingError) Error() string          { return e.msg }
func (e *settingError) GetToken() *token.Token { return e.tok }
func (e *settingError) GetMessage() string     { return e.msg }
