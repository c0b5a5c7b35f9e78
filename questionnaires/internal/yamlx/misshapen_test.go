package yamlx

import (
	"strings"
	"testing"
)

// A misshapen tag is parsed past so that the walk can name its field; one
// in a part of the file no loader reads must still keep the file from
// loading: said by its line once the loader has read what it reads, and
// only then (the walk said the others already).
func TestMisshapenTagsTheWalkDidNotReadAreStillRefused(t *testing.T) {
	d, root := Parse("t.yaml", []byte("read: !!seq text\nunread: !!map [a]\n"))
	if len(d.Problems) != 0 {
		t.Fatalf("refused before the walk: %v", d.Problems)
	}
	root.Map("read", "unread").Get("read").Str()
	d.SayUnreadMisshapenTags()
	if len(d.Problems) != 2 {
		t.Fatalf("want the read tag at its field and the unread one by its line, got %v", d.Problems)
	}
	read, unread := d.Problems[0], d.Problems[1]
	if read.Line != 1 || read.Field != "read" || !strings.Contains(read.Message, `the YAML tag "!!seq" is on text, not a list`) {
		t.Errorf("the read tag: %v", read)
	}
	if unread.Line != 2 || unread.Field != "" || !strings.Contains(unread.Message, `the YAML tag "!!map" is on a list, not a mapping`) {
		t.Errorf("the unread tag: %v", unread)
	}
}

// A file of more misshapen tags than are parsed past is refused at the
// one the parser stops at, by its line, naming the tag, as before.
func TestManyMisshapenTagsAreRefusedByTheParser(t *testing.T) {
	var src strings.Builder
	for i := range maxMisshapen + 1 {
		src.WriteString(strings.Repeat("k", i+1) + ": !!seq text\n")
	}
	d, _ := Parse("t.yaml", []byte(src.String()))
	if len(d.Problems) != 1 || d.Problems[0].Line != maxMisshapen+1 || !strings.Contains(d.Problems[0].Message, `YAML syntax: the YAML tag "!!seq" is not on a value of its kind`) {
		t.Errorf("want one problem at line %d naming the tag, got %v", maxMisshapen+1, d.Problems)
	}
}
