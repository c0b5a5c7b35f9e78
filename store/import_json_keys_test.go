package store

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess/export"
)

// encoding/json matches an object's keys to fields without regard to
// case, and folds the Kelvin sign to k and the long s to s: "Status",
// "STATUS" and "ſtatus" all fill the status field, and a repeat under
// another case silently replaces the first. A file could then show a
// reader (jq, an editor, a colleague's script) one exporter, date or
// status and give assay another; a key twice is refused already, so a
// key that is not exactly one assay writes must be too, naming where.
func TestImportRefusesKeysThatOnlyFoldToAFieldsName(t *testing.T) {
	seed := string(importSeed(t))
	// replace swaps the first occurrence of a key (with its quotes).
	replace := func(old, new string) []byte {
		if !strings.Contains(seed, old) {
			t.Fatalf("the seed has no %s", old)
		}
		return []byte(strings.Replace(seed, old, new, 1))
	}
	for _, c := range []struct {
		name string
		file []byte
		want string
	}{
		{"a key in capitals", replace(`"exported_by":`, `"EXPORTED_BY":`), "EXPORTED_BY"},
		{"a key with the long s", replace(`"status":`, `"ſtatus":`), "assessment.ſtatus"},
		{"a key with the Kelvin sign", replace(`"key_id":`, "\"\u212aey_id\":"), "head.assessment.entry.\u212aey_id"},
		{"the exporter given twice in two cases", replace(`"exported_by":`, `"Exported_By": "Iris Importer", "exported_by":`), "Exported_By"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := export.Unmarshal("acme.json", c.file)
			if err == nil || !strings.Contains(err.Error(), "acme.json:") || !strings.Contains(err.Error(), c.want) {
				t.Errorf("read as %v; want a refusal naming the file and %s", err, c.want)
			}
			t.Log(err)
		})
	}
}
