package convert

import (
	"strings"
	"testing"
)

// One mapping set given twice (--mapping repeated, or a copy of its file)
// is read once: its copyright was in the questionnaire twice, and what it
// leaves out said twice. The second is named for the whole file.
func TestMappingSetGivenTwice(t *testing.T) {
	const lib = "testdata/ciso/nist-sp-800-66-rev2.yaml"
	src := read(t, "testdata/ciso/mapping-nist-sp-800-66-rev2-to-nist-csf-2.0.yaml")
	once, _ := convertFile(t, lib, Options{Mappings: []MappingFile{{"map.yaml", src}}})
	twice, _ := convertFile(t, lib, Options{Mappings: []MappingFile{{"map.yaml", src}, {"copy.yaml", src}}})
	if twice.Copyright != once.Copyright {
		t.Errorf("copyright given twice:\n%s\nonce:\n%s", twice.Copyright, once.Copyright)
	}
	var extra []string
	for _, n := range twice.Notes {
		if !hasNote(once, n.Question, n.Text) {
			extra = append(extra, n.Question+": "+n.Text)
		}
	}
	if len(twice.Notes) != len(once.Notes)+1 || len(extra) != 1 || !strings.Contains(extra[0], "is in map.yaml and again in copy.yaml: read once") {
		t.Errorf("notes beyond the first conversion's (%d, %d):\n%s", len(twice.Notes), len(once.Notes), strings.Join(extra, "\n"))
	}
}
