package questionnaires_test

import (
	"os"
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// Every complete questionnaire in docs/questionnaire-format.md (a YAML
// block that starts with the schema line) loads without a problem, so the
// reference never shows an example that assay would refuse.
func TestFormatDocExamplesLoad(t *testing.T) {
	src, err := os.ReadFile("../docs/questionnaire-format.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := strings.Split(string(src), "```yaml\n")
	n := 0
	for _, b := range blocks[1:] {
		body := b[:strings.Index(b, "```")]
		if !strings.HasPrefix(body, "# yaml-language-server:") || !strings.Contains(body, "\nid: ") {
			continue
		}
		n++
		if _, problems := questionnaires.Parse("example.yaml", []byte(body), questionnaires.Catalog()); len(problems) > 0 {
			t.Errorf("an example does not load:\n%s\n%v", body, problems)
		}
	}
	if n < 2 {
		t.Errorf("found %d complete examples, want the first questionnaire and the AIA example", n)
	}
	for _, draft := range []string{"Wait —", "no —", "25.4999"} {
		if strings.Contains(string(src), draft) {
			t.Errorf("the reference still holds the draft %q", draft)
		}
	}
}

// The table "How the answers move each base" in docs/questionnaire-format.md,
// on testdata/canada-aia.yaml's mitigation (weights 2, 3, 2, 1, 2; full
// maximum 20): value, counted base, share of counted, share of full.
func TestFormatDocPercentBases(t *testing.T) {
	full := loadTestdata(t, "canada-aia.yaml")
	counted := loadTestdataReplacing(t, "canada-aia.yaml", "percent_of: full", "percent_of: counted")
	impact := impactAnswers("informs", "[none]", "reversible", "few", 0)
	rows := []struct {
		mitigation                     string
		value, countedBase, pctC, pctF string
	}{
		{"consultation: no\nhuman-review: yes\naudit-trail: yes\nrecourse: yes\nbias-testing: yes", "16", "20", "80", "80"},
		{"consultation: no\nhuman-review: yes\naudit-trail: yes\nrecourse: yes\nbias-testing: na", "12", "16", "75", "60"},
		{"consultation: yes\nhuman-review: yes\naudit-trail: yes\nrecourse: yes\nbias-testing: na", "16", "16", "100", "80"},
		{"consultation: no\nhuman-review: yes\naudit-trail: yes\nrecourse: yes", "12", "20", "60", "60"},
	}
	for _, r := range rows {
		c := scoreOf(t, counted, impact+r.mitigation).Dimension("mitigation")
		f := scoreOf(t, full, impact+r.mitigation).Dimension("mitigation")
		if c.Value != dec(r.value) || c.Base != dec(r.countedBase) || c.Percent != dec(r.pctC) || f.Percent != dec(r.pctF) || f.Base != dec("20") {
			t.Errorf("%q: counted %s of %s (%s%%), full %s of %s (%s%%); want %s of %s (%s%%) and %s%% of 20",
				r.mitigation, c.Value, c.Base, c.Percent, f.Value, f.Base, f.Percent, r.value, r.countedBase, r.pctC, r.pctF)
		}
	}
}
