package assess_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// A team shares one portfolio across time zones. At 10:30 UTC on
// 6 December 2026 an analyst in Kiritimati (UTC+14, 00:30 on the 7th)
// starts an assessment, dated 2026-12-07; a colleague in Pago Pago
// (UTC-11, 23:30 on the 5th) opens it the same minute. Their today,
// 2026-12-05, is two days before the assessment date, and the plan and
// report were judged "as of 2026-12-05": a report dated before the
// assessment it reports, which --as-of refuses for that reason. Until
// today reaches the assessment date where one is, the assessment is
// judged on its own date; on any later day, on that day.
func TestEvaluatedNoEarlierThanTheAssessmentDate(t *testing.T) {
	a := judgedAssessment(t, "2026-12-07")
	for _, c := range []struct{ today, want string }{
		{"2026-12-05", "2026-12-07"}, // two days behind: the assessment date
		{"2026-12-06", "2026-12-07"},
		{"2026-12-07", "2026-12-07"},
		{"2026-12-08", "2026-12-08"}, // after it: the day itself
	} {
		if got := assess.Evaluate(a, diffDay(c.today)).Today; got.String() != c.want {
			t.Errorf("evaluated on %s: judged as of %s, want %s", c.today, got, c.want)
		}
	}
}

// The colleague behind accepts a risk until 2026-12-06, a day after their
// today but before the assessment date: the acceptance was recorded, and
// the plan, judged on the assessment date, showed it expired and the
// item open again from the start. It is refused, naming the assessment
// date; one until the assessment date stands.
func TestAcceptanceNotExpiringBeforeTheAssessmentDate(t *testing.T) {
	a := judgedAssessment(t, "2026-12-07")
	behind := diffDay("2026-12-05")
	key := assess.Evaluate(a, behind).Plan[0].Key()
	accept := func(expires string) error {
		_, err := a.ChangePlanItem(key, assess.PlanChange{Accept: assess.Acceptance{Approver: "CISO", Reason: "Keys on order", Expires: diffDay(expires)}}, behind)
		return err
	}
	if err := accept("2026-12-06"); err == nil || !strings.Contains(err.Error(), "2026-12-06") || !strings.Contains(err.Error(), "assessment date 2026-12-07") {
		t.Errorf("an acceptance expiring the day before the assessment date: %v; want it refused naming that date", err)
	}
	if err := accept("2026-12-07"); err != nil {
		t.Errorf("an acceptance until the assessment date: %v", err)
	}
}

func judgedAssessment(t *testing.T, assessed string) *assess.Assessment {
	t.Helper()
	q, problems, err := questionnaires.ParseFile(filepath.Join("..", "questionnaires", "testdata", "vendor-tiering.yaml"))
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	a := &assess.Assessment{ID: 7, Questionnaire: q, AssessedOn: diffDay(assessed), Answers: answersOf(
		pick("data-class", "internal"), pick("outage-impact", "disruptive"), pick("substitutable", "hard"),
		pick("mfa", "no"), pick("encryption", "yes"), pick("breach-notice", "partial"), pick("subprocessors", "yes"))}
	if len(assess.Evaluate(a, diffDay(assessed)).Plan) == 0 {
		t.Fatal("the assessment has no plan item")
	}
	return a
}
