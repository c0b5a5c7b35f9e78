package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// A copy that gives its pin two ways is refused by assay verify --against,
// naming its line and key: an OSCAL document with a second "value" for
// its record head was read by the last one, which a reader of the file
// might not see, and an export with a key twice is refused as import
// refuses it.
func TestVerifyAgainstRefusesAKeyGivenTwice(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", "mfa: no")
	c := s.copiesOf(id, t.TempDir())
	for _, file := range []string{c.oscal, c.results} {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		head := regexp.MustCompile(`"name": "record-head",\n(\s+)"ns": "[^"]+",\n\s+"value": "[0-9a-f]{64}"`).FindStringSubmatchIndex(string(b))
		if head == nil {
			t.Fatalf("no record-head prop in %s:\n%s", file, b)
		}
		twice := string(b[:head[1]]) + `, "value": "` + strings.Repeat("0", 64) + `"` + string(b[head[1]:])
		line := strings.Count(twice[:head[1]], "\n") + 1
		s.fails(":"+itoa(line)+":", "verify", "--against", writeFile(t, t.TempDir(), "twice.json", twice))
		s.fails(`metadata.props[6].value: the key "value" appears twice in one object`, "verify", "--against", writeFile(t, t.TempDir(), "twice.json", twice))
	}
	b, err := os.ReadFile(c.export)
	if err != nil {
		t.Fatal(err)
	}
	twice := strings.Replace(string(b), `"exported_by": `, `"exported_by": "Someone Else", "exported_by": `, 1)
	s.fails(`exported_by: the key "exported_by" appears twice in one object`, "verify", "--against", writeFile(t, t.TempDir(), "twice.json", twice))
}
