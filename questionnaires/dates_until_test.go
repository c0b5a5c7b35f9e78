package questionnaires

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/decimal"
)

// An expiry date scored by the days left until it (until:), the example of
// docs/questionnaire-format.md.
const untilQuestionnaire = `id: until-example
version: "1.0.0"
title: Certificate expiry
kind: third-party
sections:
  - id: assurance
    title: Assurance
    questions:
      - id: certificate-expiry
        type: date
        text: When does the vendor's ISO/IEC 27001 certificate expire?
        weight: 2
        severity: high
        action: Obtain a current certificate, now if it has expired, otherwise before it expires.
        until:
          - {within_days: -1, points: 3, label: expired}
          - {within_days: 30, points: 2, label: expires within 30 days}
          - {within_days: 90, points: 1, label: expires within 90 days}
          - {points: 0, label: later}
      - id: last-audit
        type: date
        text: When was the last surveillance audit?
        age:
          - {within_days: 365, points: 0}
          - {points: 1}
`

func TestUntilScoresDaysLeft(t *testing.T) {
	q, problems := Parse("until.yaml", []byte(untilQuestionnaire), Catalog())
	if problems != nil {
		t.Fatal(problems)
	}
	if err := validateYAML(compileSchema(t), []byte(untilQuestionnaire)); err != nil {
		t.Errorf("schema rejects until: %v", err)
	}
	asOf := assess.NewDate(2026, 1, 10)
	// Days left are counted from 2026-01-10 to the answer: 21 days to the
	// end of January, then 28 in February, 31 in March. Points × weight 2;
	// the maximum is 3 × 2 = 6.
	cases := []struct {
		expiry string
		left   string // worked out by hand, for the reader
		points string
		status assess.Status
		sev    assess.Severity // of the finding; none for no finding
	}{
		{"2025-06-01", "-223: long expired", "6", assess.StatusGap, assess.High},
		{"2026-01-09", "-1: expired yesterday", "6", assess.StatusGap, assess.High},
		{"2026-01-10", "0: expires today", "4", assess.StatusPartial, assess.Medium},
		{"2026-02-09", "21 + 9 = 30", "4", assess.StatusPartial, assess.Medium},
		{"2026-02-10", "21 + 10 = 31", "2", assess.StatusPartial, assess.Medium},
		{"2026-04-10", "21 + 28 + 31 + 10 = 90", "2", assess.StatusPartial, assess.Medium},
		{"2026-04-11", "91", "0", assess.StatusMet, assess.SeverityNone},
		{"2029-01-10", "three years", "0", assess.StatusMet, assess.SeverityNone},
	}
	for _, c := range cases {
		d, err := assess.ParseDate(c.expiry)
		if err != nil {
			t.Fatal(err)
		}
		res := assess.Score(q, assess.Answers{"certificate-expiry": {QuestionID: "certificate-expiry", Value: assess.Value{Date: d}}}, asOf)
		r, _ := res.Question("certificate-expiry")
		if r.Points != decimal.MustParse(c.points) || r.Max != decimal.FromInt(6) || r.Status != c.status {
			t.Errorf("expiry %s (%s days left): %s %s of %s, want %s %s of 6", c.expiry, c.left, r.Status, r.Points, r.Max, c.status, c.points)
		}
		sev := assess.SeverityNone
		for _, f := range res.Findings {
			if f.QuestionID == "certificate-expiry" {
				sev = f.Severity
			}
		}
		if sev != c.sev {
			t.Errorf("expiry %s: finding %s, want %s", c.expiry, sev, c.sev)
		}
	}
	// The age question beside it still counts backwards: 2025-01-11 is 364
	// days before 2026-01-10 (0 points), 2025-01-10 is 365 (0), 2025-01-09
	// is 366 (1). It has no severity, so it shows "answered" either way.
	for date, want := range map[string]string{"2025-01-11": "0", "2025-01-10": "0", "2025-01-09": "1", "2026-06-01": "0"} {
		d, _ := assess.ParseDate(date)
		res := assess.Score(q, assess.Answers{"last-audit": {QuestionID: "last-audit", Value: assess.Value{Date: d}}}, asOf)
		r, _ := res.Question("last-audit")
		if r.Points != decimal.MustParse(want) || r.Status != assess.StatusInfo {
			t.Errorf("audit %s: %s %s, want answered %s", date, r.Status, r.Points, want)
		}
	}
}

func TestUntilMistakes(t *testing.T) {
	cases := map[string]struct{ replace, with, want string }{
		"age and until": {
			"        age:\n", "        until: [{points: 0}]\n        age:\n",
			"use age or until, not both",
		},
		"until on a number": {
			"      - id: last-audit\n        type: date\n", "      - id: last-audit\n        type: number\n        until: [{points: 0}]\n",
			"until does not apply to a number question",
		},
		"falling bands": {
			"{within_days: 90, points: 1", "{within_days: 20, points: 1",
			"age bands must rise: 20 is not above the previous band's 30",
		},
	}
	for name, c := range cases {
		src := strings.Replace(untilQuestionnaire, c.replace, c.with, 1)
		if src == untilQuestionnaire {
			t.Fatalf("%s: replacement did not apply", name)
		}
		_, problems := Parse("until.yaml", []byte(src), Catalog())
		if !strings.Contains(problems.Error(), c.want) {
			t.Errorf("%s: problems %v, want %q", name, problems, c.want)
		}
	}
}
