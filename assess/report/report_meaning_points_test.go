package report_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// The executive summary quotes the outcome's meaning, and it comes first:
// the findings, the plan and "Levels and why" all follow it. A meaning
// that sends the committee to "the findings above" points at nothing (the
// DPIA's high outcome did). "Above acceptable", of a risk's level, is not
// a place in the report and stays allowed.
func TestOutcomeMeaningsPointWhereTheReportPutsThings(t *testing.T) {
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	above := regexp.MustCompile(`(?i)\b(findings|sections?|table|knock-outs?|list|plan) above\b|\babove (say|says|show|shows|list|lists|name|names)\b`)
	for _, q := range lib.All() {
		def, ok := q.Level(q.Outcome)
		if !ok {
			continue
		}
		for level, meaning := range def.Meanings {
			if m := above.FindString(meaning); m != "" {
				t.Errorf("%s, outcome %s: the summary quotes %q, but nothing it points at comes before the summary:\n%s", q.ID, level, m, meaning)
			}
		}
	}
	dpia := builtin(t, "dpia")
	def, _ := dpia.Level(dpia.Outcome)
	if want := "the findings further down say which"; !strings.Contains(def.Meanings["high"], want) {
		t.Errorf("the DPIA's high outcome does not say %q:\n%s", want, def.Meanings["high"])
	}
}
