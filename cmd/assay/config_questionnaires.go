package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// checkQuestionnaireIDs refuses settings for a questionnaire assay does
// not have (built in, or in the user's folder): a misspelt ID would
// otherwise leave the settings silently unused, which the settings file
// never allows. The error names the file, line and key.
func (a *app) checkQuestionnaireIDs(c *Config, src []byte) error {
	if len(c.Questionnaires) == 0 {
		return nil
	}
	lib, err := a.loadLibrary()
	if err != nil {
		return err
	}
	ids := make([]string, 0, len(c.Questionnaires))
	for id := range c.Questionnaires {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if _, ok := lib.Get(id); ok {
			continue
		}
		known := make([]string, 0, len(lib.All()))
		for _, q := range lib.All() {
			known = append(known, q.ID)
		}
		sort.Strings(known)
		line, col := keyPosition(src, "questionnaires", id)
		return fmt.Errorf("%s:%d:%d: questionnaires.%s: there is no questionnaire %q (questionnaires: %s)",
			c.path, line, col, id, id, strings.Join(known, ", "))
	}
	return nil
}

// keyPosition finds the line and column of key under the top-level
// mapping entry section, or 1:1.
func keyPosition(src []byte, section, key string) (line, col int) {
	f, err := parser.ParseBytes(src, 0)
	if err != nil || len(f.Docs) == 0 {
		return 1, 1
	}
	for _, top := range mappingValues(f.Docs[0].Body) {
		if keyName(top.Key) != section {
			continue
		}
		for _, kv := range mappingValues(top.Value) {
			if keyName(kv.Key) == key {
				if pos := kv.Key.GetToken().Position; pos != nil {
					return pos.Line, pos.Column
				}
			}
		}
	}
	return 1, 1
}

// mappingValues are the entries of a mapping node, whichever form the
// parser gave it (a mapping of one entry is a lone MappingValueNode).
func mappingValues(n ast.Node) []*ast.MappingValueNode {
	switch n := n.(type) {
	case *ast.MappingNode:
		return n.Values
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{n}
	case *ast.AnchorNode:
		return mappingValues(n.Value)
	case *ast.TagNode:
		return mappingValues(n.Value)
	}
	return nil
}

// keyName is a mapping key as the decoder reads it: without quotes.
func keyName(k ast.MapKeyNode) string {
	if s, ok := k.(*ast.StringNode); ok {
		return s.Value
	}
	return k.String()
}
