package store

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// decodeSummary must give exactly what json.Unmarshal gives, error or not,
// whichever path it takes.
func checkSummaryDecode(t *testing.T, s string) (fast bool) {
	t.Helper()
	var want assess.Summary
	wantErr := json.Unmarshal([]byte(s), &want)
	got, err := decodeSummary(s)
	if (err != nil) != (wantErr != nil) {
		t.Fatalf("decodeSummary(%q): error %v, json.Unmarshal: %v", s, err, wantErr)
	}
	if err == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("decodeSummary(%q):\n got %#v\nwant %#v", s, got, want)
	}
	_, fast = fastSummary(s)
	return fast
}

var summarySeeds = []string{
	`{}`,
	`{"scoring_version":"assay-scoring/1","level_rank":-1,"level_of":0,"answered":0,"total":12,"complete":false,"findings":0}`,
	`{"scoring_version":"assay-scoring/1","level":"high","level_title":"High risk","level_rank":2,"level_of":3,"answered":20,"total":20,"complete":true,"findings":2,` +
		`"items":[{"key":"mfa","severity":"critical","due":"2026-01-20","status":"open"},{"key":"dpa","severity":"low","due":"2026-07-01","status":"risk-accepted","accepted_until":"2026-09-30"}]}`,
	` { "items" : [ ] , "level" : "Ünïcode" } `,
	`{"level":"critical","level_rank":3,"level_of":4,"level_unsettled":true,"total":24}`,
	`{"level_unsettled":1}`,
	`{"items":null}`,
	`{"Level":"case"}`,
	`{"level":"a\"b"}`,
	`{"answered":1.0}`,
	`{"answered":1e2}`,
	`{"answered":01}`,
	`{"answered":-0}`,
	`{"answered":99999999999999999999}`,
	`{"complete":true}x`,
	`{"items":[{"key":"k","severity":"severe"}]}`,
	`{"items":[{"key":"k","due":"2026-02-30"}]}`,
	`{"items":[{"key":"k","due":""}]}`,
	`{"items":[{"key":"k","due":"2024-02-29","accepted_until":"2023-02-29"}]}`,
	`{"items":[{"key":"k","due":"0000-01-01"}]}`,
	`{"items":[{"key":"k","due":"2026-1-05"}]}`,
	`{"items":[{"key":"k","due":"2026-12-31","severity":"High"}]}`,
	`{"items":[{"key":"k","severity":"none","status":"done"}]}`,
	`{"items":[{"key":"k","extra":1}]}`,
	`{"level":"a","level":"b"}`,
	"{\"level\":\"\xff\"}",
	`{"level":"x",}`,
	`[]`,
	``,
}

func TestDecodeSummaryAgreesWithEncodingJSON(t *testing.T) {
	fast := 0
	for _, s := range summarySeeds {
		if checkSummaryDecode(t, s) {
			fast++
		}
	}
	// The summaries the store writes take the fast path, or it is useless.
	var s assess.Summary
	if err := json.Unmarshal([]byte(summarySeeds[2]), &s); err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(s)
	if !checkSummaryDecode(t, string(b)) {
		t.Errorf("a marshalled summary does not take the fast path: %s", b)
	}
	if fast < 5 {
		t.Errorf("only %d seeds took the fast path", fast)
	}
}

func FuzzDecodeSummary(f *testing.F) {
	for _, s := range summarySeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkSummaryDecode(t, s) })
}
