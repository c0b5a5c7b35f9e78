package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A key trusted under a name drawn like a name already trusted ("Ruі
// Costa" with a Cyrillic і beside Rui Costa), like the user's own, or
// with a character that shows as nothing, would make every provenance
// and verify that names it read as someone else. assay key trust refuses
// such a name, says which name it looks like, and trusts nothing.
func TestKeyTrustRefusesALookAlikeName(t *testing.T) {
	s := newCLISession(t)
	s.env["ASSAY_REVIEWER"] = "Ana Analyst"
	rui, vendor := newCLISession(t), newCLISession(t)
	s.ok("key", "trust", "Rui Costa", rui.publicKey())
	other := vendor.publicKey()
	for _, tc := range []struct{ name, says string }{
		{"Ru\u0456 Costa", `"Ruі Costa" looks like Rui Costa, a name you trust a key under, and is not that name: it mixes Latin and Cyrillic letters in one word`},
		{"RUI COST\u0410", `"RUI COSTА" looks like Rui Costa, a name you trust a key under, and is not that name: it mixes Latin and Cyrillic letters in one word`},
		{"\u0410na Analyst", `"Аna Analyst" looks like Ana Analyst, your own name here, and is not that name: it mixes Cyrillic and Latin letters in one word`},
		{"Vera Vend\u043er", `"Vera Vendоr" mixes Latin and Cyrillic letters in one word`},
		{"Vera\u200bVendor", "holds an invisible character (U+200B) at character 5"},
	} {
		s.fails(tc.says, "key", "trust", tc.name, other)
	}
	b, err := os.ReadFile(filepath.Join(s.env["XDG_CONFIG_HOME"], "assay", "trusted-keys"))
	if err != nil || strings.Contains(string(b), other) {
		t.Errorf("a refused name's key was trusted:\n%s %v", b, err)
	}
	// The same key under a name that reads as itself is trusted.
	s.ok("key", "trust", "Vera Vendor", other)
}

// Imported from a vendor whose key is trusted, a file stating that "Аna
// Analyst" (a Cyrillic А) exported it: assay import says, as it imports,
// that the name looks like the importer's own and is not it, and assay
// diff's provenance says so too.
func TestImportSaysAStatedNameLooksLikeAKnownOne(t *testing.T) {
	vendor := newCLISession(t)
	vendor.env["ASSAY_REVIEWER"] = "\u0410na Analyst"
	id := vendor.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	file := filepath.Join(t.TempDir(), "acme.json")
	vendor.ok("export", id, "-o", file)

	s := newCLISession(t)
	s.env["ASSAY_REVIEWER"] = "Ana Analyst"
	s.ok("key", "trust", "Acme Vendor", vendor.publicKey())
	last := s.start("vendor-tiering", "Acme Cloud Ltd", "2025-03-01", tieringAnswers)
	out := s.ok("import", file)
	want := `the file states it was exported by "Аna Analyst": that looks like Ana Analyst, a name known here, and is not that name: it mixes Cyrillic and Latin letters in one word`
	if !strings.Contains(out, want) {
		t.Errorf("assay import:\n%s\nwant it to say\n%s", out, want)
	}
	prov := s.ok("diff", last, "2")
	if !strings.Contains(prov, "by Аna Analyst (as the file states; it looks like Ana Analyst, a name known here, and is not that name: it mixes Cyrillic and Latin letters in one word)") {
		t.Errorf("assay diff's provenance:\n%s", prov)
	}
}
