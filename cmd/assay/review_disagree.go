package main

import (
	"fmt"
	"strings"

	"github.com/assay-dev/assay/assess"
)

// warnDisagreements names the answers of asmt that its questionnaire's
// consistency checks find disagreeing, as it goes to review or is
// approved: by then each is explained (the store refuses a submission
// while one is not, assess.DisagreementsRefused), or the assessment was
// submitted before explanations were asked for; either way the
// committee is told where to read them.
func (a *app) warnDisagreements(asmt *assess.Assessment, on assess.Date) {
	ds := assess.Evaluate(asmt, on).Result.Disagreements
	if len(ds) == 0 {
		return
	}
	ids := make([]string, len(ds))
	for i, d := range ds {
		ids[i] = d.ID
	}
	explained := ""
	if n := len(assess.Unexplained(ds)); n < len(ds) {
		explained = fmt.Sprintf(", %d explained", len(ds)-n)
	}
	fmt.Fprintf(a.stdout, "Note: %s (%s%s); the report lists %s before its appendix: assay score %d shows %s.\n",
		assess.Count(len(ds), "consistency check finds answers that disagree", "consistency checks find answers that disagree"),
		strings.Join(ids, ", "), explained, assess.Plural(len(ds), "it", "them"), asmt.ID, assess.Plural(len(ds), "it", "them"))
}
