package questionnaires

import (
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/decimal"
)

// A band's label says what the points mean ("expired", "up to a hundred
// thousand"): the review, the report and `assay score` show it beside a
// number's or a date's answer, which alone does not say it (a committee
// reading "2025-06-01 (gap)" had to work out that the certificate had
// expired).
func TestABandsLabelIsShownBesideTheAnswer(t *testing.T) {
	q, problems := Parse("until.yaml", []byte(untilQuestionnaire), Catalog())
	if problems != nil {
		t.Fatal(problems)
	}
	asOf := assess.NewDate(2026, 1, 10)
	// Days left from 2026-01-10, worked out in TestUntilScoresDaysLeft;
	// last-audit's bands have no labels, so its answer shows alone.
	dates := []struct{ question, answer, want string }{
		{"certificate-expiry", "2025-06-01", "2025-06-01 (expired)"},
		{"certificate-expiry", "2026-02-09", "2026-02-09 (expires within 30 days)"}, // 30 days left
		{"certificate-expiry", "2026-02-10", "2026-02-10 (expires within 90 days)"}, // 31
		{"certificate-expiry", "2029-01-10", "2029-01-10 (later)"},
		{"last-audit", "2025-01-09", "2025-01-09"},
	}
	for _, c := range dates {
		d, err := assess.ParseDate(c.answer)
		if err != nil {
			t.Fatal(err)
		}
		res := assess.Score(q, assess.Answers{c.question: {QuestionID: c.question, Value: assess.Value{Date: d}}}, asOf)
		if r, _ := res.Question(c.question); r.Answer != c.want {
			t.Errorf("%s %s: answer shown as %q, want %q", c.question, c.answer, r.Answer, c.want)
		}
	}

	const numbers = `id: band-labels
version: "1.0.0"
title: Records
kind: third-party
sections:
  - id: data
    title: Data
    questions:
      - id: records
        type: number
        unit: records
        min: 0
        whole: true
        text: How many records does the service hold?
        bands:
          - {upto: 1000, points: 0, label: up to a thousand}
          - {upto: 100000, points: 2, label: up to a hundred thousand}
          - {points: 4}
`
	q, problems = Parse("numbers.yaml", []byte(numbers), Catalog())
	if problems != nil {
		t.Fatal(problems)
	}
	// upto is included: 1000 is in the first band, 1001 in the second;
	// the last band has no label.
	for answer, want := range map[string]string{
		"0":      "0 records (up to a thousand)",
		"1000":   "1000 records (up to a thousand)",
		"1001":   "1001 records (up to a hundred thousand)",
		"100000": "100000 records (up to a hundred thousand)",
		"100001": "100001 records",
	} {
		n := decimal.MustParse(answer)
		res := assess.Score(q, assess.Answers{"records": {QuestionID: "records", Value: assess.Value{Number: &n}}}, asOf)
		if r, _ := res.Question("records"); r.Answer != want {
			t.Errorf("records %s: answer shown as %q, want %q", answer, r.Answer, want)
		}
	}
}
