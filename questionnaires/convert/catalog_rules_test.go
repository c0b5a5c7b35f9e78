package convert

import (
	"errors"
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// A user's catalog now refuses a blank control name and two IDs that
// differ only by case; an OSCAL catalog with either was written out and
// then refused by assay's own check, as "a defect of assay convert". It is
// refused at the source's line instead.
func TestOSCALCatalogBlankTitleOrCaseTwinIsRefusedAtTheSource(t *testing.T) {
	for _, tc := range []struct{ controls, want string }{
		{`{"id": "ac-1", "title": "Policy"}, {"id": "ac-2", "title": "  "}`, "title is blank"},
		{`{"id": "ac-1", "title": "Policy"}, {"id": "AC-1", "title": "Again"}`, "twice"},
	} {
		src := `{"catalog": {"uuid": "u", "metadata": {"title": "Mine", "version": "1"},` + "\n" + `"controls": [` + "\n" + tc.controls + "\n]}}\n"
		_, err := Convert("mine.json", []byte(src), "mine.yaml", Options{})
		var problems Problems
		if !errors.As(err, &problems) || len(problems) != 1 || problems[0].File != "mine.json" || !strings.Contains(problems[0].Message, tc.want) {
			t.Errorf("%s: got %v, want one problem in mine.json saying %q", tc.controls, err, tc.want)
		}
	}
}

// A CAIQ question longer than the 20,000-byte limit on any text in a
// questionnaire is cut to it, and the cut is listed with what was not
// carried over; it was written out whole and refused by assay's own check.
func TestConvertCutsTextOverTheLimit(t *testing.T) {
	long := "Is it " + strings.Repeat("really ", 4000) + "so?"
	src := `{"title": "T", "version": "4.0.3", "rows": [{"Question ID": "A&A-01.1", "Question": "` + long + `", "CCM Control ID": "A&A-01", "CCM Control Title": "Audit", "CCM Domain Title": "Audit"}]}`
	res, err := Convert("caiq.json", []byte(src), "caiq.yaml", Options{})
	if err != nil {
		t.Fatal(err)
	}
	q, problems := questionnaires.Parse("caiq.yaml", res.YAML, questionnaires.Catalog())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if text := q.Questions[0].Text; len(text) > 20000 || !strings.HasPrefix(text, "Is it really") {
		t.Errorf("question text is %d bytes", len(text))
	}
	noted := false
	for _, n := range res.Notes {
		noted = noted || strings.Contains(n.Text, "20,000")
	}
	if !noted {
		t.Errorf("the cut is not listed: %v", res.Notes)
	}
}
