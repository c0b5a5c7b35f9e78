package assess_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// Names that look the same to a reader have the same key; names that
// read differently do not.
func TestNameKey(t *testing.T) {
	same := [][2]string{
		{"Acme Cloud Ltd", "ACME CLOUD LTD"},
		{"Acme Cloud Ltd", "Acme Cloud\u200b Ltd"},
		{"Acme Cloud Ltd", "Acme\u00a0Cloud  Ltd"},
		{"Acme Cloud Ltd", "Ａｃｍｅ Cloud Ltd"},
		{"Acme Cloud Ltd", "Acme Cloud Ltd\ufe0f"},
		{"Straße GmbH", "STRASSE GMBH"},
		{"Ärzte", "A\u0308rzte"},
		{"ΣΊΣΥΦΟΣ", "σίσυφος"},
		{"EvilCorp", "Evil\x1b]52;c;ZQ==\x07Corp"}, // as an older assay stored it
	}
	for _, p := range same {
		if !assess.SameName(p[0], p[1]) {
			t.Errorf("%q and %q: keys %q and %q differ", p[0], p[1], assess.NameKey(p[0]), assess.NameKey(p[1]))
		}
	}
	for _, p := range [][2]string{{"Acme Cloud Ltd", "Acme Cloud Ltd."}, {"Acme", "Acne"}, {"AcmeCloud", "Acme Cloud"}} {
		if assess.SameName(p[0], p[1]) {
			t.Errorf("%q and %q share the key %q", p[0], p[1], assess.NameKey(p[0]))
		}
	}
}

func TestCleanNameAndText(t *testing.T) {
	if got, err := assess.CleanName("owner", "  Sam Ortiz  "); err != nil || got != "Sam Ortiz" {
		t.Errorf("CleanName = %q, %v", got, err)
	}
	if _, err := assess.CleanName("owner", strings.Repeat("é", 200)); err != nil {
		t.Errorf("200 characters (400 bytes): %v", err)
	}
	if _, err := assess.CleanName("owner", strings.Repeat("é", 201)); err == nil || err.Error() != "owner is 201 characters long; a name may have at most 200" {
		t.Errorf("201 characters: %v", err)
	}
	if _, err := assess.CleanName("owner", "Sam\tOrtiz"); err == nil || err.Error() != "owner holds a tab at character 4: a name is one line of plain text" {
		t.Errorf("a tab: %v", err)
	}
	if got, err := assess.CleanText("note", "line 1\r\n\tline 2\x1b[2J\u202e"); err != nil || got != "line 1\n\tline 2" {
		t.Errorf("CleanText = %q, %v", got, err)
	}
	if _, err := assess.CleanText("note", "a\xffb"); err == nil {
		t.Error("invalid UTF-8 accepted")
	}
	if err := assess.CheckStoredText("note", "line 1\nline 2\t"); err != nil {
		t.Errorf("plain text: %v", err)
	}
	if err := assess.CheckStoredText("answers[0].note", "ok\x00"); err == nil || err.Error() != "answers[0].note holds a control character (U+0000) at character 3" {
		t.Errorf("a NUL: %v", err)
	}
}
