package questionnaires_test

import (
	"strings"
	"testing"
)

// TestLicensingSourceRightsAsksTheLaw: a source free of licence terms is
// not free to license when a law restricts its use. Donor names copied
// from US Federal Election Commission reports are public-domain
// government records, yet may not be sold or used for commercial
// purposes (52 U.S.C. 30111(a)(4)); an analyst reading a question about
// "terms" alone answers "yes" and the deal reads low.
func TestLicensingSourceRightsAsksTheLaw(t *testing.T) {
	q, ok := biLibrary(t).Get("data-licensing")
	if !ok {
		t.Fatal("no data-licensing")
	}
	for _, s := range q.Sections {
		for _, qq := range s.Questions {
			if qq.ID != "source-rights" {
				continue
			}
			if !strings.Contains(qq.Text, "laws") {
				t.Errorf("source-rights asks only about terms: %q", qq.Text)
			}
			if !strings.Contains(qq.Help, "30111(a)(4)") || !strings.Contains(strings.ToLower(qq.Help), "public-domain") {
				t.Errorf("source-rights help does not say public-domain records can be barred by law: %q", qq.Help)
			}
			return
		}
	}
	t.Fatal("no source-rights question")
}
