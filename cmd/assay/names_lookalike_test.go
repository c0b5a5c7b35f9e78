package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A key trusted under a name drawn like a name already trusted ("Ruі
// Costa" with a Cyrillic і beside Rui Costa) or like the user's own would
// make every provenance and verify that names it read as someone else.
// assay key trust refuses such a name, says which name it looks like,
// and trusts nothing. A name that is not what it shows but looks like no
// name known is trusted with a warning: assay verify asks for the name a
// key is registered under, which an older assay may have recorded so.
func TestKeyTrustRefusesALookAlikeName(t *testing.T) {
	s := newCLISession(t)
	s.env["ASSAY_REVIEWER"] = "Ana Analyst"
	rui := newCLISession(t)
	s.ok("key", "trust", "Rui Costa", rui.publicKey())
	other := newCLISession(t).publicKey()
	for _, tc := range []struct{ name, says string }{
		{"Ru\u0456 Costa", `"Ruі Costa" looks like Rui Costa, a name you trust a key under, and is not that name: it mixes Latin and Cyrillic letters in one word`},
		{"RUI COST\u0410", `"RUI COSTА" looks like Rui Costa, a name you trust a key under, and is not that name: it mixes Latin and Cyrillic letters in one word`},
		{"\u0410na Analyst", `"Аna Analyst" looks like Ana Analyst, your own name here, and is not that name: it mixes Cyrillic and Latin letters in one word`},
	} {
		s.fails(tc.says, "key", "trust", tc.name, other)
	}
	b, err := os.ReadFile(filepath.Join(s.env["XDG_CONFIG_HOME"], "assay", "trusted-keys"))
	if err != nil || strings.Contains(string(b), other) {
		t.Errorf("a refused name's key was trusted:\n%s %v", b, err)
	}
	for _, tc := range []struct{ name, warns string }{
		{"Vera Vend\u043er", `The name "Vera Vendоr" mixes Latin and Cyrillic letters in one word: wherever the key's name is shown it will not read as what it is`},
		{"Vera\u200bVendor", `The name "VeraVendor" holds a character that shows as nothing (U+200B)`},
	} {
		code, out, errOut := s.run("", "key", "trust", tc.name, newCLISession(t).publicKey())
		if code != 0 || !strings.HasPrefix(out, "Trusted ") || !strings.Contains(errOut, tc.warns) {
			t.Errorf("%+q: exit %d, %s%s; want it trusted with the warning %s", tc.name, code, out, errOut, tc.warns)
		}
	}
	// Trusted so, the mixed name is a name known: the plain one now looks
	// like it, and is refused as any look-alike is.
	s.fails(`"Vera Vendor" looks like Vera Vendоr, a name you trust a key under`, "key", "trust", "Vera Vendor", other)

	// Amie beside Arnie, every letter what it shows: two names people
	// have, drawn alike only where rn is set as m. Trusted, with a word;
	// refused, a colleague called Amie could never be trusted.
	s.ok("key", "trust", "Arnie Hale", newCLISession(t).publicKey())
	code, out, errOut := s.run("", "key", "trust", "Amie Hale", newCLISession(t).publicKey())
	if want := `The name "Amie Hale" is drawn like Arnie Hale, a name you trust a key under, in fonts that set rn as m or vv as w`; code != 0 ||
		!strings.HasPrefix(out, "Trusted ") || !strings.Contains(errOut, want) {
		t.Errorf("Amie Hale beside a trusted Arnie Hale: exit %d, %s%s; want it trusted with the warning %s", code, out, errOut, want)
	}
	// The same pair with a Cyrillic letter is a trick, and refused.
	s.fails(`"Аmie Hale" looks like`, "key", "trust", "\u0410mie Hale", other)
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

// The names the file's records and sign-offs are made under are the
// file's word as much as its exporter's: a vendor whose records read as
// made by "Аna Analyst" (a Cyrillic А) makes its answers read as this
// office's Ana Analyst's in every trail. assay import says so for each
// such name, and the provenance lists them.
func TestImportSaysANameInTheFileLooksLikeAKnownOne(t *testing.T) {
	vendor := newCLISession(t)
	vendor.env["ASSAY_REVIEWER"] = "\u0410na Analyst"
	id := vendor.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	vendor.env["ASSAY_REVIEWER"] = "Vera Vendor"
	file := filepath.Join(t.TempDir(), "acme.json")
	vendor.ok("export", id, "-o", file)

	s := newCLISession(t)
	s.env["ASSAY_REVIEWER"] = "Ana Analyst"
	s.ok("key", "trust", "Acme Vendor", vendor.publicKey())
	last := s.start("vendor-tiering", "Acme Cloud Ltd", "2025-03-01", tieringAnswers)
	out := s.ok("import", file)
	want := `the file's records or sign-offs are made under "Аna Analyst": that looks like Ana Analyst, a name known here, and is not that name: it mixes Cyrillic and Latin letters in one word`
	if !strings.Contains(out, want) || strings.Contains(out, `exported by "Vera Vendor"`) {
		t.Errorf("assay import:\n%s\nwant it to say\n%s", out, want)
	}
	prov := s.ok("diff", last, "2")
	if !strings.Contains(prov, "names in the file that look like names known here and are not them: Аna Analyst (like Ana Analyst: it mixes Cyrillic and Latin letters in one word)") {
		t.Errorf("assay diff's provenance:\n%s", prov)
	}
}
