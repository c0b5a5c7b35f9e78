package convert

import (
	"strings"
	"testing"
)

// An ID made from a name longer than 60 characters is cut at the last
// separator within them, not mid-word: a catalog written to NIST's own
// file name and "-converted" was "..._resolved-profile_catalog-c".
func TestLongIDIsCutAtASeparator(t *testing.T) {
	path := "testdata/oscal/sp800-53-rev5-low-ac-at.json"
	res, err := Convert(path, read(t, path), "/somewhere/catalogs/NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog-converted.yaml", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "nist_sp-800-53_rev5_high-baseline-resolved-profile_catalog"; res.ID != want {
		t.Errorf("catalog ID %q, want %q", res.ID, want)
	}
	for text, want := range map[string]string{
		// No separator to cut at: the 60 characters.
		strings.Repeat("a", 70): strings.Repeat("a", 60),
		// A separator at the 61st character: the word before it is whole.
		strings.Repeat("b", 60) + "-c": strings.Repeat("b", 60),
		"short-enough":                 "short-enough",
	} {
		if got := newDraft().uniqueID(text, "x"); got != want {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
}
