package main

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"sync"

	"github.com/goccy/go-yaml/token"
)

// goTypeError is the YAML decoder's message for a value of the wrong
// kind, in Go's terms: "cannot unmarshal string into Go struct field
// Config.FourEyes of type bool".
var goTypeError = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^cannot unmarshal (\S+(?: \{\})?) into Go struct field (\w+)\.(\w+) of type (\S+)$`)
})

// usedWhere is its message for a scalar or list where a mapping belongs:
// "int was used where mapping is expected".
var usedWhere = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\w+) was used where (\w+) is expected$`) })

// settingsWords says a settings file's type error in the file's terms: the
// key as written and what it takes. Any other message is kept.
func settingsWords(msg string, tk *token.Token) string {
	if m := usedWhere().FindStringSubmatch(msg); m != nil {
		if key := keyBefore(tk); key != "" {
			return fmt.Sprintf("%s: a %s is needed here, not %s", key, m[2], yamlKindWords(m[1]))
		}
		return msg
	}
	m := goTypeError().FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	key := yamlKeyOf(m[2], m[3])
	if key == "" {
		return msg
	}
	got := "a " + strings.TrimSuffix(strings.TrimPrefix(m[1], "[]"), " {}")
	switch {
	case strings.HasPrefix(m[1], "[]"):
		got = "a list"
	case strings.HasPrefix(m[1], "map"):
		got = "a mapping"
	case tk != nil && tk.Value != "":
		got = fmt.Sprintf("%q", tk.Value)
	}
	switch want := m[4]; {
	case want == "bool":
		return fmt.Sprintf("%s: %s is not true or false", key, got)
	case want == "string" && key == "reviewer":
		return fmt.Sprintf("%s: one name is needed here, not %s", key, got)
	case want == "string":
		return fmt.Sprintf("%s: text is needed here, not %s", key, got)
	case strings.HasPrefix(want, "map"):
		return fmt.Sprintf("%s: a mapping is needed here (one \"name: value\" a line), not %s", key, got)
	}
	return fmt.Sprintf("%s: %s is not what this setting takes", key, got)
}

// yamlKeyOf is the key a settings struct's field is written as.
func yamlKeyOf(structName, field string) string {
	for _, t := range []reflect.Type{reflect.TypeFor[Config](), reflect.TypeFor[QuestionnaireConfig]()} {
		if t.Name() != structName {
			continue
		}
		if f, ok := t.FieldByName(field); ok {
			return strings.Split(f.Tag.Get("yaml"), ",")[0]
		}
	}
	return ""
}

// yamlKindWords names a kind of YAML value as a settings file's reader
// knows it.
func yamlKindWords(kind string) string {
	switch kind {
	case "int", "float":
		return "a number"
	case "sequence":
		return "a list"
	case "bool":
		return "true or false"
	case "string":
		return "text"
	}
	return "a " + kind
}

// keyBefore is the mapping key a value's token follows ("four_eyes" of
// "four_eyes: 1"), or "" when it follows none.
func keyBefore(tk *token.Token) string {
	if tk == nil || tk.Prev == nil || tk.Prev.Type != token.MappingValueType || tk.Prev.Prev == nil {
		return ""
	}
	return tk.Prev.Prev.Value
}
