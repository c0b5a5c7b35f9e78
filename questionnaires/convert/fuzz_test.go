package convert

import (
	"strings"
	"testing"
)

// FuzzConvert feeds the converter mutated libraries, CAIQ files and OSCAL
// catalogs. It must never panic, and whatever it converts must load: a
// conversion that does not is refused as a defect, which fails the fuzz.
func FuzzConvert(f *testing.F) {
	f.Add([]byte(cisoLib))
	for _, path := range []string{"testdata/invented/ciso-features.yaml", "testdata/invented/caiq-rows.json", "testdata/invented/caiq-nested.yaml"} {
		f.Add(read(f, path))
	}
	f.Add([]byte(`{"catalog": {"uuid": "u", "metadata": {"title": "T"}, "groups": [{"title": "G", "controls": [{"id": "c-1", "title": "C", "controls": [{"id": "c-1.1", "title": "D"}]}]}]}}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		res, err := Convert("fuzz.yaml", src, "out.yaml", Options{Severity: "medium"})
		if err != nil && strings.Contains(err.Error(), "defect of assay convert") {
			t.Fatalf("%v\n--- input:\n%s", err, src)
		}
		if err == nil && (res == nil || len(res.YAML) == 0) {
			t.Fatal("no error and nothing converted")
		}
	})
}
