package main

import (
	"fmt"
	"strings"

	"github.com/assay-dev/assay/assess"
)

// warnDisagreements names the answers of asmt that its questionnaire's
// consistency checks find disagreeing, as it goes to review or is
// approved. It does not refuse: which answer is wrong is the reviewer's
// judgement, and the report already lists the disagreements for the
// committee; what is wanted is that nobody sends them on without a word.
func (a *app) warnDisagreements(asmt *assess.Assessment, on assess.Date) {
	ds := assess.Evaluate(asmt, on).Result.Disagreements
	if len(ds) == 0 {
		return
	}
	ids := make([]string, len(ds))
	for i, d := range ds {
		ids[i] = d.ID
	}
	fmt.Fprintf(a.stdout, "Note: %s (%s); the report lists %s before its appendix: assay score %d shows %s.\n",
		assess.Count(len(ds), "consistency check finds answers that disagree", "consistency checks find answers that disagree"),
		strings.Join(ids, ", "), assess.Plural(len(ds), "it", "them"), asmt.ID, assess.Plural(len(ds), "it", "them"))
}
