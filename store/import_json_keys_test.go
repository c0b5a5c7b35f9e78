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
	replace := seedEdits(t)
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

// Numbers a reader's tools hold as floats: a count or a deadline written
// with a fraction or an exponent, or beyond what a float holds exactly,
// is refused, at its line and column, rather than rounded to a neighbour
// (jq shows 9007199254740993 as ...992); an answer's number is exact text
// (assess/decimal), and one with more places than it keeps is refused
// saying so, not as "not a number".
func TestImportRefusesNumbersBeyondTheirType(t *testing.T) {
	replace := seedEdits(t)
	for _, c := range []struct {
		name string
		file []byte
		want string
	}{
		{"a deadline with a fraction", replace(`"critical": 15`, `"critical": 15.000000000000001`), "acme.json:12:37: assessment.deadlines: expected int"},
		{"a deadline as an exponent", replace(`"critical": 15`, `"critical": 1.5e1`), "acme.json:12:24: assessment.deadlines: expected int"},
		{"a deadline beyond int64", replace(`"critical": 15`, `"critical": 92233720368547758070`), "acme.json:12:39: assessment.deadlines: expected int"},
		{"a record number beyond a float's precision", replace(`"seq": 1,`, `"seq": 9007199254740993,`), "events[0].seq"},
		{"a number answer with more places than kept", replace(`"choices": [`+"\n"+`          "partial"`+"\n"+`        ]`, `"number": "0.12345678"`), `answers[1].value.number: "0.12345678" has 8 decimal places; at most 6 are allowed`},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, err := export.Unmarshal("acme.json", c.file)
			if err == nil {
				_, err = openOther(t).Import(as("Iris Importer"), f)
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("read as %v; want a refusal naming %s", err, c.want)
			}
			t.Log(err)
		})
	}
}

// seedEdits returns a function that gives the import seed with the first
// occurrence of old (a key with its quotes, or a key and its value)
// replaced by new, failing the test if the seed has no old.
func seedEdits(t *testing.T) func(old, new string) []byte {
	seed := string(importSeed(t))
	return func(old, new string) []byte {
		t.Helper()
		if !strings.Contains(seed, old) {
			t.Fatalf("the seed has no %s", old)
		}
		return []byte(strings.Replace(seed, old, new, 1))
	}
}
