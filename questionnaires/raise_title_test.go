package questionnaires_test

import (
	"strings"
	"testing"
)

// A severity raise's title and a risk's title are quoted in the reasons
// reports print as written: they were quoted as Go strings, so a title
// with quotation marks read `raised 1 by "Vendor \"critical\" tier"` in a
// committee report, and one with a line break or an escape sequence
// showed \n or \x1b instead of being cleaned as every other text is.
func TestReasonsQuoteTitlesAsWritten(t *testing.T) {
	q := loadTestdataReplacing(t, "vendor-tiering.yaml", "title: High or critical vendor", `title: 'High or "critical" vendor'`)
	res := scoreOf(t, q, `
data-class: special
outage-impact: severe
substitutable: hard
mfa: partial
encryption: yes
breach-notice: no
subprocessors: yes`)
	var why []string
	for _, f := range res.Findings {
		why = append(why, f.SeverityWhy...)
	}
	all := strings.Join(why, "\n")
	if !strings.Contains(all, `raised 1 by "High or "critical" vendor": `) || strings.Contains(all, `\"`) {
		t.Errorf("severity reasons:\n%s", all)
	}
}
