package questionnaires

import (
	"fmt"
	"strings"
	"testing"
)

// lapse names what ends on an until question's date; every misuse is
// refused by the loader, with the line, and by the schema alike.
func TestLapseMistakes(t *testing.T) {
	const expiry = "        until:\n          - {within_days: -1"
	withLapse := strings.Replace(untilQuestionnaire, expiry, "        lapse: the certificate's expiry\n"+expiry, 1)
	if withLapse == untilQuestionnaire {
		t.Fatal("the lapse was not added")
	}
	q, problems := Parse("until.yaml", []byte(withLapse), Catalog())
	if problems != nil {
		t.Fatalf("a lapse on an until question is refused: %v", problems)
	}
	if err := validateYAML(compileSchema(t), []byte(withLapse)); err != nil {
		t.Errorf("the schema refuses a lapse on an until question: %v", err)
	}
	if qn, _ := q.Question("certificate-expiry"); qn.Lapse != "the certificate's expiry" {
		t.Errorf("lapse read as %q", qn.Lapse)
	}

	lapseLine := strings.Count(withLapse[:strings.Index(withLapse, "lapse:")], "\n") + 1
	cases := map[string]struct{ replace, with, want string }{
		"on an age question": {
			"        age:\n", "        lapse: the audit's validity\n        age:\n",
			"lapse applies to a date scored by until",
		},
		"on a number question": {
			"      - id: last-audit\n        type: date\n        text: When was the last surveillance audit?\n        age:\n          - {within_days: 365, points: 0}\n          - {points: 1}\n",
			"      - id: last-audit\n        type: number\n        text: How many audits?\n        lapse: the audit's validity\n",
			"lapse does not apply to a number question",
		},
		"blank": {
			"lapse: the certificate's expiry", "lapse: '  '",
			fmt.Sprintf("until.yaml:%d:16: sections[assurance].questions[certificate-expiry].lapse: lapse is blank", lapseLine),
		},
		"two lines": {
			"lapse: the certificate's expiry", "lapse: \"the certificate's\\nexpiry\"",
			fmt.Sprintf("until.yaml:%d:16: sections[assurance].questions[certificate-expiry].lapse: lapse holds a line break", lapseLine),
		},
	}
	for name, c := range cases {
		src := strings.Replace(withLapse, c.replace, c.with, 1)
		if src == withLapse {
			t.Fatalf("%s: replacement did not apply", name)
		}
		_, problems := Parse("until.yaml", []byte(src), Catalog())
		if problems == nil || !strings.Contains(problems.Error(), c.want) {
			t.Errorf("%s: problems %v, want %q", name, problems, c.want)
		}
		if err := validateYAML(compileSchema(t), []byte(src)); err == nil {
			t.Errorf("%s: the schema takes it", name)
		}
	}
}
