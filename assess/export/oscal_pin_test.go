package export

import (
	"strconv"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
)

// An OSCAL document's pin was read with encoding/json, which keeps the
// last of two values given for one key and matches keys regardless of
// case, and from a map of props in which the last prop of a name won: a
// document could show a reader one record head (the first "value", or the
// first record-head prop) and have assay verify --against check another.
// Each is refused, naming the line and the key or prop.
func TestPinFromOSCALRefusesWhatItCouldReadTwoWays(t *testing.T) {
	assessed, _ := assess.ParseDate("2026-01-31")
	mfa := assess.Finding{Key: "mfa", QuestionID: "mfa", Severity: assess.High, Question: "MFA?", Answer: "no"}
	ev := &assess.Evaluation{
		Assessment: &assess.Assessment{UUID: "8d1c0a4e-2f4b-4c3e-9a55-0d6f2b7c1e90", Subject: "Acme", AssessedOn: assessed,
			Questionnaire: &assess.Questionnaire{ID: "q", Title: "Q", Version: "1"}},
		Plan: []assess.PlanItem{{Finding: mfa, Action: "Turn on MFA", Due: assessed.AddDays(30), DefaultDue: assessed.AddDays(30), Status: assess.ItemOpen}},
	}
	pin := &ledger.Pin{Assessment: ev.Assessment.UUID, Records: 7, Head: "aaaa", Entry: 12, EntryHash: "bbbb", KeyID: "k1", Signer: "Ana", Signature: "sig"}
	doc, err := OSCALPOAM(ev, assessed, pin, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := PinFromOSCAL("poam.json", doc)
	if err != nil || got != *pin {
		t.Fatalf("the document as written: %+v, %v", got, err)
	}
	src := string(doc)
	const head = `"value": "aaaa"`
	if !strings.Contains(src, head) {
		t.Fatalf("no %s in:\n%s", head, src)
	}
	metadata, rest, _ := strings.Cut(src, `"metadata": {`)
	metadata += `"metadata": {`
	lineOf := func(s, sub string) int { return strings.Count(s[:strings.Index(s, sub)], "\n") + 1 }
	for _, c := range []struct{ name, doc, want string }{
		{"a key twice", strings.Replace(src, head, head+`, "value": "cccc"`, 1),
			`poam.json:%d:`, // with the key and its path
		},
		{"a key in capitals", strings.Replace(src, head, `"VALUE": "aaaa"`, 1), `poam.json:%d:`},
		{"a prop twice", metadata + strings.Replace(rest, `"props": [`, `"props": [{"name": "record-head", "ns": "`+assayNS+`", "value": "cccc"},`, 1),
			`metadata.props: record-head is given twice`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := PinFromOSCAL("poam.json", []byte(c.doc))
			want := c.want
			if strings.Contains(want, "%d") {
				key := `"value": "cccc"`
				if !strings.Contains(c.doc, key) {
					key = `"VALUE"`
				}
				want = strings.Replace(want, "%d", strconv.Itoa(lineOf(c.doc, key)), 1)
			}
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("got %v, want it to say %q", err, want)
			}
			if err != nil && strings.HasPrefix(want, "poam.json:") && !strings.Contains(strings.ToLower(err.Error()), `"value"`) {
				t.Errorf("%v does not name the key", err)
			}
		})
	}
	both := strings.TrimSuffix(strings.TrimSpace(src), "}") + `, "assessment-results": {"metadata": {"props": []}}}`
	if _, err := PinFromOSCAL("poam.json", []byte(both)); err == nil || !strings.Contains(err.Error(), "both") {
		t.Errorf("a POA&M and assessment results in one document: %v", err)
	}
}
