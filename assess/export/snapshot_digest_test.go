package export

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// An export file's stated digest is the file's to choose: one that is
// not hex was cut at byte 16 in the refusal, leaving half a character,
// which the terminal showed as a replacement mark. The refusal cuts it by
// characters.
func TestCheckDigestCutsAStatedDigestByCharacters(t *testing.T) {
	err := Snapshot{Source: []byte("id: q\n"), Digest: "é" + strings.Repeat("€", 20)}.CheckDigest()
	if err == nil {
		t.Fatal("a digest that is not the source's passed")
	}
	if !utf8.ValidString(err.Error()) {
		t.Fatalf("the refusal is not valid UTF-8: %q", err)
	}
	if want := "not questionnaire.digest é" + strings.Repeat("€", 15) + "…:"; !strings.Contains(err.Error(), want) {
		t.Errorf("got %s\nwant it to say %s", err, want)
	}
}
