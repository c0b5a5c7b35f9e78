package questionnaires

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An extension's combined version carries its base's whole (its version,
// then the base's ID and version), so a chain of five extensions, each
// with an ID and a version of 64 characters (each within its own limit),
// combined to a version of some 700 characters, shown whole in assay
// list, the report's heading and every assessment's header. A committee
// reading the report needs the chain whole (which version of each layer
// was asked), so it is not cut for display: an extension whose combined
// version would pass MaxCombinedVersionLength is refused at its version
// line, saying how long the combination would be and what makes it up.
// One extension within the other limits always stays under it; so does a
// chain of five with the short IDs and versions people write.
func TestCombinedVersionPastTheLimitIsRefused(t *testing.T) {
	write := func(dir, id, version, base string) string {
		path := filepath.Join(dir, id+".yaml")
		src := "extends: " + base + "\nid: " + id + "\nversion: \"" + version + "\"\nadd:\n  - after: mfa\n    questions:\n      - {id: q" + id[:2] + id[len(id)-1:] + ", type: control, text: Is it done?}\n"
		if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}

	long := func(i int) string { return fmt.Sprintf("l%d-", i) + strings.Repeat("x", MaxIDLength-3) }
	dir := t.TempDir()
	base := "vendor-security-screen"
	for i := 1; i <= MaxExtensionDepth; i++ {
		write(dir, long(i), strings.Repeat("9", MaxVersionLength), base)
		base = long(i)
	}
	lib, problems, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	first, ok := lib.Get(long(1))
	if !ok || len(first.Version) > MaxCombinedVersionLength {
		t.Fatalf("one extension of 64-character ID and version: loaded %v, problems %v", ok, problems)
	}
	for i := 2; i <= MaxExtensionDepth; i++ {
		if _, ok := lib.Get(long(i)); ok {
			t.Errorf("level %d loaded", i)
		}
	}
	// Level 2's combined version: its 64, "+", level 1's ID (64), "-" and
	// level 1's combined version.
	want := fmt.Sprintf(`%s.yaml:3:10: version: the combined version would be %d characters long (this version, then %s's ID and version, %q…); a combined version is at most %d`,
		long(2), 64+1+64+1+len(first.Version), long(1), first.Version[:20], MaxCombinedVersionLength)
	if len(problems) < 1 || !strings.Contains(problems[0].String(), want) {
		t.Errorf("problems:\n%v\nwant first: %s", problems, want)
	}

	dir = t.TempDir()
	base = "vendor-security-screen"
	for i := 1; i <= MaxExtensionDepth; i++ {
		id := fmt.Sprintf("acme-layer-%d", i)
		write(dir, id, "2.10.3", base)
		base = id
	}
	lib, problems, err = Load(dir)
	if err != nil || len(problems) > 0 {
		t.Fatalf("five short layers: %v %v", err, problems)
	}
	if q, ok := lib.Get(base); !ok || !strings.HasPrefix(q.Version, "2.10.3+acme-layer-4-2.10.3+acme-layer-3") {
		t.Errorf("five short layers: %v", q)
	}
}
