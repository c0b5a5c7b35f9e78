package questionnaires

import (
	"strconv"
	"strings"

	"github.com/assay-dev/assay/assess"
)

// forbiddenUsesBefore are the knock-outs on a practice the EU AI Act
// prohibits that the built-in questionnaires held before a knock-out could
// say forbids_use: an assessment pinned to such a version (its snapshot is
// kept byte for byte) is not approved either, nor does its report read an
// approval as allowing the use. A version that lacks the question or the
// option is left as it is.
var forbiddenUsesBefore = []struct{ questionnaire, before, question, option string }{
	{"fairness-aia", "2.11.0", "ai-act-class", "prohibited"},
	{"eu-ai-act-fria", "1.16.0", "prohibited-practice", "yes"},
}

// markForbiddenUsesBefore sets ForbidsUse on the floors of q's option that
// forbiddenUsesBefore names for q's version.
func markForbiddenUsesBefore(q *assess.Questionnaire) {
	for _, old := range forbiddenUsesBefore {
		if q.ID != old.questionnaire || !versionBefore(q.Version, old.before) {
			continue
		}
		qq, ok := q.Question(old.question)
		if !ok {
			continue
		}
		if o := qq.Option(old.option); o != nil {
			for _, f := range o.Floors {
				f.ForbidsUse = true
			}
		}
	}
}

// versionBefore reports whether version v comes before w, comparing their
// dotted numbers one by one; a part that is not a number compares as 0.
func versionBefore(v, w string) bool {
	a, b := strings.Split(v, "."), strings.Split(w, ".")
	for i := range max(len(a), len(b)) {
		x, y := versionPart(a, i), versionPart(b, i)
		if x != y {
			return x < y
		}
	}
	return false
}

func versionPart(parts []string, i int) int {
	if i >= len(parts) {
		return 0
	}
	n, _ := strconv.Atoi(strings.TrimSpace(parts[i]))
	return n
}
