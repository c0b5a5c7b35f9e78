package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/assay-dev/assay/assess"
)

// fieldError is a setting that reads as YAML but cannot be used, with
// the keys that lead to it (deadlines, high), so that parseConfig can
// name its line and column as it names a YAML error's. atKey says the
// key itself is wrong (a tier assay has no name for), not its value.
type fieldError struct {
	keys  []string
	atKey bool
	err   error
}

func (e *fieldError) Error() string { return e.err.Error() }
func (e *fieldError) Unwrap() error { return e.err }

// at is the error, prefixed with path:line:col: when the setting is
// found in src.
func (e *fieldError) at(path string, src []byte) error {
	if line, col, ok := settingPosition(src, e.keys, e.atKey); ok {
		return fmt.Errorf("%s:%d:%d: %w", path, line, col, e.err)
	}
	return fmt.Errorf("%s: %w", path, e.err)
}

// deadlinesAt reads the deadlines found under keys; an error names the
// keys and the entry at fault.
func deadlinesAt(m map[string]wholeNumber, keys ...string) (assess.Deadlines, error) {
	d, err := assess.ParseDeadlines(wholeNumbers(m))
	if err != nil {
		parse := func(m map[string]int) error {
			_, err := assess.ParseDeadlines(m)
			return err
		}
		return nil, entryError(m, parse, fmt.Errorf("%s: %w", strings.Join(keys, "."), err), keys...)
	}
	return d, nil
}

// entryError is err, found in the map of numbers m under keys, with the
// entry check refuses: each is tried alone in key order, as the policies
// read them, and one whose key is refused with any value is wrong at its
// key, not its value.
func entryError(m map[string]wholeNumber, check func(map[string]int) error, err error, keys ...string) error {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if check(map[string]int{k: int(m[k])}) != nil {
			at := append(append([]string(nil), keys...), k)
			return &fieldError{keys: at, atKey: check(map[string]int{k: 1}) != nil, err: err}
		}
	}
	return &fieldError{keys: keys, atKey: true, err: err}
}

// settingPosition is the line and column of the value under keys in the
// settings file's first document (of the key itself when atKey), or
// false when it cannot be found (a value reached through an alias).
func settingPosition(src []byte, keys []string, atKey bool) (line, col int, ok bool) {
	f, err := parser.ParseBytes(src, 0)
	if err != nil || len(f.Docs) == 0 || len(keys) == 0 {
		return 0, 0, false
	}
	node := f.Docs[0].Body
	for i, k := range keys {
		mv := entry(node, k)
		if mv == nil {
			return 0, 0, false
		}
		node = mv.Value
		if i == len(keys)-1 && atKey {
			node = mv.Key
		}
	}
	if node == nil {
		return 0, 0, false
	}
	tk := node.GetToken()
	if tk == nil || tk.Position == nil {
		return 0, 0, false
	}
	return tk.Position.Line, tk.Position.Column, true
}

// entry is the entry under key of a mapping node, through anchors and
// tags, or nil.
func entry(node ast.Node, key string) *ast.MappingValueNode {
	for {
		switch n := node.(type) {
		case *ast.AnchorNode:
			node = n.Value
			continue
		case *ast.TagNode:
			node = n.Value
			continue
		case *ast.MappingValueNode:
			if keyText(n.Key) == key {
				return n
			}
		case *ast.MappingNode:
			for _, mv := range n.Values {
				if keyText(mv.Key) == key {
					return mv
				}
			}
		}
		return nil
	}
}

// keyText is a mapping key as the decoder reads it: a quoted key without
// its quotes.
func keyText(k ast.MapKeyNode) string {
	if s, ok := k.(*ast.StringNode); ok {
		return s.Value
	}
	if k == nil {
		return ""
	}
	return k.String()
}
