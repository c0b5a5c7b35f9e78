package questionnaires_test

import (
	"regexp"
	"strings"
	"testing"
)

// TestDPIAAppealCitesColoradoByStatute: the appeal question's help cites
// Colorado's AI Act by bill and statute, so an analyst can look it up, and
// names no date from which it applies: the legislature has moved that
// date, and a date written here would go stale unnoticed.
func TestDPIAAppealCitesColoradoByStatute(t *testing.T) {
	q := biGet(t, "dpia")
	appeal, ok := q.Question("appeal")
	if !ok {
		t.Fatal("dpia has no appeal question")
	}
	help := strings.Join(strings.Fields(appeal.Help), " ")
	if want := "Colorado SB 24-205 (C.R.S. 6-1-1701 et seq.)"; !strings.Contains(help, want) {
		t.Errorf("appeal help does not cite %q:\n%s", want, help)
	}
	if y := regexp.MustCompile(`\b20\d\d\b`).FindString(help); y != "" {
		t.Errorf("appeal help names a year (%s), which would assert when the act applies:\n%s", y, help)
	}
}
