package questionnaires_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// YAML's own spellings of infinity and not-a-number (.inf, -.Inf, .nan)
// are single values, not lists or mappings: a number question refuses them
// saying a finite number is needed, at the file's line and field, and a
// text question takes them as typed, as it takes 42 or yes.
func TestInfinityAndNaNAnswers(t *testing.T) {
	q := loadTestdata(t, "scoring-basics.yaml")
	for _, c := range []struct{ value, want string }{
		{".inf", `answers.yaml:2:12: answers.records: question records takes a finite number, not ".inf"`},
		{"-.Inf", `answers.yaml:2:12: answers.records: question records takes a finite number, not "-.Inf"`},
		{".nan", `answers.yaml:2:12: answers.records: question records takes a finite number, not ".nan"`},
		{".NaN", `answers.yaml:2:12: answers.records: question records takes a finite number, not ".NaN"`},
	} {
		src := "answers:\n  records: " + c.value + "\n"
		_, problems := questionnaires.ParseAnswers("answers.yaml", []byte(src), q)
		if len(problems) != 1 || problems[0].String() != c.want {
			t.Errorf("records: %s:\n got %v\nwant %s", c.value, problems, c.want)
		}
	}
	for _, value := range []string{".inf", "-.Inf", ".nan"} {
		src := "answers:\n  contact: " + value + "\n"
		f, problems := questionnaires.ParseAnswers("answers.yaml", []byte(src), q)
		if len(problems) > 0 {
			t.Errorf("contact: %s refused: %v", value, problems)
			continue
		}
		if len(f.Answers) != 1 || f.Answers[0].Value.Text != value {
			t.Errorf("contact: %s recorded as %+v", value, f.Answers)
		}
	}
}

// A number question's bounds in a questionnaire file are finite numbers
// too: min: .inf is refused saying so, not as a number with too many
// decimal places.
func TestInfiniteNumberBoundIsRefused(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "scoring-basics.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(src), "        unit: records\n", "        unit: records\n        min: .inf\n", 1)
	_, problems := questionnaires.Parse("q.yaml", []byte(text), questionnaires.Catalog())
	found := false
	for _, p := range problems {
		if strings.HasSuffix(p.Field, ".min") && strings.Contains(p.Message, `a finite number is needed, found ".inf"`) {
			found = true
		}
	}
	if !found {
		t.Errorf("min: .inf not refused as infinite:\n%v", problems)
	}
}
