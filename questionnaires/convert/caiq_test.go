package convert

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// The two CAIQ layouts the reader accepts give the same questionnaire:
// a section per domain, a control question per CAIQ question with its CCM
// control in the help; the provider's answer columns are named, not
// carried; the file's own licence is the copyright.
func TestCAIQLayouts(t *testing.T) {
	rows, q1 := convertFile(t, "testdata/invented/caiq-rows.json", Options{Severity: "medium"})
	nested, q2 := convertFile(t, "testdata/invented/caiq-nested.yaml", Options{Severity: "medium"})
	for _, q := range []*assess.Questionnaire{q1, q2} {
		if q.ID != "caiq-v4" || q.Version != "4.0.3" || q.Kind != assess.KindThirdParty || q.Copyright != "Invented for assay's tests." {
			t.Errorf("%s %s %s %q", q.ID, q.Version, q.Kind, q.Copyright)
		}
		var got []string
		for _, s := range q.Sections {
			for _, qq := range s.Questions {
				got = append(got, s.Title+" / "+qq.ID+" / "+string(qq.Type)+" / "+qq.Severity.String()+" / "+qq.Text+" / "+qq.Help)
			}
		}
		want := []string{
			"Invented Audit Domain (A&A) / a-and-a-01.1 / control / medium / Is an invented audit policy written down and approved? / CCM control A&A-01 Invented Audit Policy.\n\nAn invented specification for the audit policy.",
			"Invented Audit Domain (A&A) / a-and-a-01.2 / control / medium / Is the invented audit policy reviewed every year? / CCM control A&A-01 Invented Audit Policy.\n\nAn invented specification for the audit policy.",
			`Invented Identity Domain (IAM) / iam-02.1 / control / medium / Are invented passwords <b>strong</b> | "long"? / CCM control IAM-02 Invented Password Rules.` + "\n\nAn invented specification for passwords.",
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("questions:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	if !hasNote(rows, "a-and-a-01.1", "answer columns for this question (CSP CAIQ Answer, SSRM Control Ownership)") || hasNote(rows, "a-and-a-01.2", "answer columns") {
		t.Errorf("answer column notes: %v / %v", notesOf(rows, "a-and-a-01.1"), notesOf(rows, "a-and-a-01.2"))
	}
	if !hasNote(rows, "", "the fields Reviewer Notes") || hasNote(nested, "", "Reviewer Notes") {
		t.Error("unknown columns are not named")
	}
}

// A CAIQ file with a question twice, or a question with no text, is
// refused with the line of the question.
func TestCAIQRefusals(t *testing.T) {
	for name, c := range map[string]struct{ src, want string }{
		"twice": {`[{"Question ID": "A&A-01.1", "Question": "One?"},
{"Question ID": "A&A-01.1", "Question": "Two?"}]`, `caiq.json:2:1: [1]: question A&A-01.1 is listed twice (first at line 1)`},
		"no text": {"questions:\n  - id: A&A-01.1\n    question: \"\"\n", `caiq.yaml:2:5: questions[A&A-01.1]: question A&A-01.1 has no text`},
		// Text that is only an escape sequence, or characters that show as
		// nothing, was written as a blank question (which the loader
		// refused as a defect of the converter) or an invisible one.
		"only an escape sequence": {"questions:\n  - id: A&A-01.1\n    question: \"\\e[2J\"\n", `caiq.yaml:2:5: questions[A&A-01.1]: question A&A-01.1 has no text`},
		// A text given as a list was said to be missing, at the row.
		"text as a list":            {"questions:\n  - id: A&A-01.1\n    question: [a, b]\n", "caiq.yaml:3:15: questions[A&A-01.1].question: expected text, found a list"},
		"only invisible characters": {"questions:\n  - id: A&A-01.1\n    question: \"\\u200b\\u00ad\\u202e\"\n", `caiq.yaml:2:5: questions[A&A-01.1]: question A&A-01.1 has no text`},
		// A text key with nothing after it (YAML's null) was passed over
		// as a text of another kind, with no problem said: the file
		// converted to a questionnaire with no section, which the loader
		// refused as a defect of the converter (found by FuzzConvert).
		"text key with no value": {"- id: AA-0.0\n  question:\n", `caiq.yaml:1:3: [AA-0.0]: question AA-0.0 has no text`},
		"text key null":          {"questions:\n  - id: A&A-01.1\n    question: null\n", `caiq.yaml:2:5: questions[A&A-01.1]: question A&A-01.1 has no text`},
	} {
		t.Run(name, func(t *testing.T) {
			file := "caiq.yaml"
			if strings.HasPrefix(c.src, "[") {
				file = "caiq.json"
			}
			_, err := Convert(file, []byte(c.src), "out.yaml", Options{})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v\nwant %s", err, c.want)
			}
		})
	}
}
