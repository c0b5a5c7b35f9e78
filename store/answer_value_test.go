package store

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// decodeValue and decodeStrings give exactly what json.Unmarshal gives,
// error or not, whichever path they take.
func checkValueDecode(t *testing.T, s string) {
	t.Helper()
	var want assess.Value
	wantErr := json.Unmarshal([]byte(s), &want)
	got, err := decodeValue(s)
	if (err != nil) != (wantErr != nil) {
		t.Fatalf("decodeValue(%q): error %v, json.Unmarshal: %v", s, err, wantErr)
	}
	if err == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("decodeValue(%q):\n got %#v\nwant %#v", s, got, want)
	}
	var wantList []string
	wantErr = json.Unmarshal([]byte(s), &wantList)
	gotList, err := decodeStrings(s)
	if (err != nil) != (wantErr != nil) {
		t.Fatalf("decodeStrings(%q): error %v, json.Unmarshal: %v", s, err, wantErr)
	}
	if err == nil && !reflect.DeepEqual(gotList, wantList) {
		t.Fatalf("decodeStrings(%q):\n got %#v\nwant %#v", s, gotList, wantList)
	}
}

var valueSeeds = []string{
	`{"choices":["yes"]}`, `{"choices":["x","y"]}`, `{"choices":[]}`, `{"choices":null}`, `{"text":"A short paragraph."}`,
	`{"text":""}`, `{"text":"quote \" inside"}`, `{"text":"Ünïcode ✓"}`, `{"number":"3"}`, `{"date":"2026-03-01"}`,
	`{"risk":{"likelihood":3,"impact":2}}`, `{"Choices":["case"]}`, `{"choices":["a"],"text":"b"}`, `{"choices":["a"],"choices":["b"]}`,
	` { "choices" : [ "a" , "b" ] } `, `{"choices":["a",]}`, `{"choices":["\u0041"]}`, `{"choices":[1]}`, `{}`, `[]`, `["a","b"]`,
	`["idp-policy.pdf"]`, `[ ]`, `null`, `"x"`, `{"text":"a"} x`, "{\"text\":\"\xff\"}", `{"text":"tab	in"}`,
}

func TestDecodeValueAgreesWithEncodingJSON(t *testing.T) {
	for _, s := range valueSeeds {
		checkValueDecode(t, s)
	}
	for _, s := range []string{`{"choices":["yes"]}`, `{"text":"A short paragraph."}`} {
		if _, ok := fastValue(s); !ok {
			t.Errorf("%s does not take the fast path", s)
		}
	}
}

func FuzzDecodeValue(f *testing.F) {
	for _, s := range valueSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkValueDecode(t, s) })
}
