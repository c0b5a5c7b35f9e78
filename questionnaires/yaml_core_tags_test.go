package questionnaires_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// A questionnaire written by a tool that states every value's type with
// YAML's core tags (!!str, !!int, !!float, !!bool, !!null, !!seq, !!map)
// was refused at its first tag. Each tag says what the value already is,
// so the tagged file loads to exactly the questionnaire the plain file
// does. Every hand-written questionnaire the tests use, and every
// built-in, is tagged here the way such a tool writes it.
func TestCoreYAMLTagsLoadAsTheySay(t *testing.T) {
	var paths []string
	for _, pattern := range []string{"builtin/*.yaml", "testdata/*.yaml"} {
		found, _ := filepath.Glob(pattern)
		paths = append(paths, found...)
	}
	if len(paths) < 10 {
		t.Fatalf("only %d questionnaires found", len(paths))
	}
	cat := questionnaires.Catalog()
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		plain, problems := questionnaires.Parse(p, src, cat)
		if len(problems) > 0 {
			continue // a file refused as written says nothing of its tags
		}
		tagged, count := tagEveryValue(string(src))
		if count < 20 {
			t.Fatalf("%s: only %d tags written", p, count)
		}
		got, problems := questionnaires.Parse(p, []byte(tagged), cat)
		if len(problems) > 0 {
			t.Errorf("%s tagged: %v", p, problems)
			continue
		}
		got.Source, got.Digest = plain.Source, plain.Digest // the bytes differ by the tags, as they should
		if !reflect.DeepEqual(got, plain) {
			t.Errorf("%s tagged loads to another questionnaire than the plain file%s", p, firstDifference(reflect.ValueOf(got), reflect.ValueOf(plain), ""))
		}
	}
}

var (
	// blockValue is a "key: value" line (or a list entry's first one)
	// whose value is plain text on the line: no flow collection, block
	// scalar, anchor, alias, tag or comment to start it.
	blockValue = regexp.MustCompile(`^(\s*(?:- )?)([A-Za-z_][A-Za-z0-9_-]*): ([^\s{\[|>&*!#][^#]*?)(\s+#.*)?$`)
	// blockScalarKey is a key whose value is folded (>) or literal (|)
	// text on the lines below.
	blockScalarKey = regexp.MustCompile(`^(\s*(?:- )?)[A-Za-z_][A-Za-z0-9_-]*: [|>]`)
	// collectionKey is a key whose value starts on the next line.
	collectionKey = regexp.MustCompile(`^(\s*(?:- )?)([A-Za-z_][A-Za-z0-9_-]*):(\s+#.*)?$`)
)

// tagEveryValue tags each plain value and each block collection the way
// a tool that states types writes it (PyYAML's canonical style), and the
// key of each such line with !!str, returning the file and how many
// tags it wrote.
func tagEveryValue(src string) (string, int) {
	lines := strings.Split(src, "\n")
	count := 0
	valueKeyAt := -1 // the column of the last key given a plain value, while its value may go on
	for i, line := range lines {
		indent := len(line) - len(strings.TrimLeft(line, " "))
		if valueKeyAt >= 0 && strings.TrimSpace(line) != "" && indent > valueKeyAt {
			continue // the value goes on: "Good evidence: …" here is text, not a key
		}
		valueKeyAt = -1
		if m := blockScalarKey.FindStringSubmatch(line); m != nil {
			valueKeyAt = len(m[1]) // folded or literal text follows, untouched
			continue
		}
		if m := blockValue.FindStringSubmatch(line); m != nil {
			valueKeyAt = len(m[1])
			value := m[3]
			tag := "!!str"
			switch {
			case regexp.MustCompile(`^-?[0-9]+$`).MatchString(value):
				tag = "!!int"
			case regexp.MustCompile(`^-?[0-9]+\.[0-9]+$`).MatchString(value):
				tag = "!!float"
			case value == "true" || value == "false":
				tag = "!!bool"
			case value == "null" || value == "~":
				tag = "!!null"
			}
			lines[i] = m[1] + "!!str " + m[2] + ": " + tag + " " + value + m[4]
			count += 2
			continue
		}
		if m := collectionKey.FindStringSubmatch(line); m != nil && i+1 < len(lines) {
			next := i + 1
			for next < len(lines)-1 && strings.HasPrefix(strings.TrimSpace(lines[next]), "#") {
				next++
			}
			tag := "!!map"
			if strings.HasPrefix(strings.TrimSpace(lines[next]), "- ") {
				tag = "!!seq"
			}
			lines[i] = m[1] + m[2] + ": " + tag + m[3]
			count++
		}
	}
	return strings.Join(lines, "\n"), count
}

// firstDifference names the first field where two values differ, so
// that a failure says which value a tag changed.
func firstDifference(a, b reflect.Value, path string) string {
	if strings.Count(path, ".") > 8 {
		return "" // deep enough to name the value; questionnaires point back at themselves
	}
	if !a.IsValid() || !b.IsValid() {
		if a.IsValid() != b.IsValid() {
			return ": " + path
		}
		return ""
	}
	switch a.Kind() {
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return ": " + path
			}
			return ""
		}
		return firstDifference(a.Elem(), b.Elem(), path)
	case reflect.Struct:
		for i := range a.NumField() {
			if d := firstDifference(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name); d != "" {
				return d
			}
		}
		return ""
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() {
			return ": " + path + " (length)"
		}
		for i := range a.Len() {
			if d := firstDifference(a.Index(i), b.Index(i), path+"["+strconv.Itoa(i)+"]"); d != "" {
				return d
			}
		}
		return ""
	case reflect.Map:
		if a.Len() != b.Len() {
			return ": " + path + " (size)"
		}
		for _, k := range a.MapKeys() {
			if d := firstDifference(a.MapIndex(k), b.MapIndex(k), path+"["+fmt.Sprint(k)+"]"); d != "" {
				return d
			}
		}
		return ""
	case reflect.Func:
		return ""
	}
	if a.CanInterface() && b.CanInterface() && !reflect.DeepEqual(a.Interface(), b.Interface()) {
		return fmt.Sprintf(": %s: %v, plain %v", path, a.Interface(), b.Interface())
	}
	return ""
}
