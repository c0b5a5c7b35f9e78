package convert

import (
	"strings"
	"testing"
)

// A CAIQ question's ID keeps its "&", read as "and": A&A-01.1 is
// a-and-a-01.1. Before, the "&" was dropped, so that A&A-01.1 and
// AA-01.1 (two domains a file may hold: the IDs allow two to four
// letters) both became aa-01.1, and the second was renamed aa-01.1-2.
// The comment above the question keeps the ID as CAIQ writes it.
func TestCAIQIDKeepsItsAmpersand(t *testing.T) {
	src := `[{"Question ID": "A&A-01.1", "Question": "Audited?"},
{"Question ID": "AA-01.1", "Question": "Another domain?"},
{"Question ID": "IAM-02.1", "Question": "Identities?"}]`
	res, err := Convert("caiq.json", []byte(src), "out.yaml", Options{})
	if err != nil {
		t.Fatal(err)
	}
	out := string(res.YAML)
	for _, want := range []string{
		"# from CAIQ A&A-01.1\n      - id: a-and-a-01.1\n",
		"# from CAIQ AA-01.1\n      - id: aa-01.1\n",
		"# from CAIQ IAM-02.1\n      - id: iam-02.1\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the file written lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "aa-01.1-2") {
		t.Errorf("a question was renamed:\n%s", out)
	}
}

// A question whose ID would be the questionnaire's own (given with --id)
// is refused at its line, rather than renamed.
func TestCAIQIDTakenByTheQuestionnaireIsRefused(t *testing.T) {
	src := "[{\"Question ID\": \"IAM-02.1\", \"Question\": \"Identities?\"}]"
	_, err := Convert("caiq.json", []byte(src), "out.yaml", Options{ID: "iam-02.1"})
	if err == nil || !strings.Contains(err.Error(), "caiq.json:1:2") || !strings.Contains(err.Error(), "question IAM-02.1 would take the ID iam-02.1, the questionnaire's own") {
		t.Errorf("got %v", err)
	}
}
