package questionnaires_test

import (
	"testing"

	"github.com/assay-dev/assay/assess"
)

// testdata/vendor-tiering.yaml:
//
//	sensitivity: data-class public 0 | internal 1 | confidential 2 | special 3
//	  data-sensitivity: low up to 1, medium over 1 up to 2, high over 2
//	criticality: outage-impact minor 0 | disruptive 1 | severe 2
//	             + substitutable easy 0 | hard 1
//	  business-criticality: low up to 1, medium over 1 up to 2, high over 2
//	inherent-tier = matrix sensitivity (rows) × criticality (columns):
//	  low    [low,      low,      moderate]
//	  medium [low,      moderate, high]
//	  high   [moderate, high,     critical]
//	gaps: control questions yes 0, partial 1, no 2 × weight: mfa 3 (medium),
//	  encryption 2 (high), breach-notice 3 (high), subprocessors 2 (low);
//	  maximum 2 × (3+2+3+2) = 20
//	  control-gaps: minor up to 20%, significant over 20% up to 50%, severe over 50%
//	residual = matrix tier (rows) × control-gaps (columns):
//	  low      [low,      low,      moderate]
//	  moderate [low,      moderate, high]
//	  high     [moderate, high,     critical]
//	  critical [high,     critical, critical]
//	severity_raises: +1 when the tier is at least high, +1 more when critical
//	deadlines: critical 7 days, high 21 (medium and low keep 90 and 180)
func TestVendorTierAndResidual(t *testing.T) {
	q := loadTestdata(t, "vendor-tiering.yaml")
	// mfa partial 1×3 = 3, encryption yes 0, breach-notice no 2×3 = 6,
	// subprocessors yes 0: 9 of 20 = 45%, over 20% and up to 50%: significant.
	const someGaps = `
mfa: partial
encryption: yes
breach-notice: no
subprocessors: yes`
	cases := []struct {
		name, profile                        string
		sensitivity, criticality, tier, gaps string
		residual, findings                   string
	}{
		{
			// special 3 > 2: high. severe 2 + hard 1 = 3 > 2: high.
			// high × high = critical. critical × significant = critical.
			// Raises: at least high +1, critical +1 = +2.
			// breach-notice: full gap at high, +2 → critical (the top).
			// mfa: partial gap, one below medium = low, +2 → high.
			name:        "critical vendor",
			profile:     "data-class: special\noutage-impact: severe\nsubstitutable: hard",
			sensitivity: "high", criticality: "high", tier: "critical", gaps: "significant",
			residual: "critical", findings: "breach-notice:critical mfa:high",
		},
		{
			// internal 1 ≤ 1: low. minor 0 + easy 0 = 0: low. low × low = low.
			// low × significant = low. No raise: breach-notice high, mfa
			// partial of medium = low.
			name:        "low vendor",
			profile:     "data-class: internal\noutage-impact: minor\nsubstitutable: easy",
			sensitivity: "low", criticality: "low", tier: "low", gaps: "significant",
			residual: "low", findings: "breach-notice:high mfa:low",
		},
		{
			// special: high. disruptive 1 + hard 1 = 2, up to 2: medium.
			// high × medium = high. Raise +1 only (high is not critical).
			// high × significant = high.
			// breach-notice high +1 → critical; mfa low +1 → medium.
			name:        "high vendor",
			profile:     "data-class: special\noutage-impact: disruptive\nsubstitutable: hard",
			sensitivity: "high", criticality: "medium", tier: "high", gaps: "significant",
			residual: "high", findings: "breach-notice:critical mfa:medium",
		},
		{
			// confidential 2, up to 2: medium. severe 2 + easy 0 = 2: medium.
			// medium × medium = moderate: no raise. moderate × significant = moderate.
			name:        "moderate vendor",
			profile:     "data-class: confidential\noutage-impact: severe\nsubstitutable: easy",
			sensitivity: "medium", criticality: "medium", tier: "moderate", gaps: "significant",
			residual: "moderate", findings: "breach-notice:high mfa:low",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := scoreOf(t, q, c.profile+someGaps)
			checkDim(t, res, "gaps", "9", "9", "20")
			for id, want := range map[string]string{
				"data-sensitivity": c.sensitivity, "business-criticality": c.criticality,
				"inherent-tier": c.tier, "control-gaps": c.gaps, "residual": c.residual,
			} {
				if got := levelOf(t, res, id); got != want {
					t.Errorf("%s = %s, want %s", id, got, want)
				}
			}
			if res.Outcome == nil || res.Outcome.ID != "residual" || res.Outcome.Level != c.residual {
				t.Errorf("outcome %+v", res.Outcome)
			}
			if got := findingsOf(res); got != c.findings {
				t.Errorf("findings %s, want %s", got, c.findings)
			}
		})
	}
}

func TestResidualFromGapLevels(t *testing.T) {
	q := loadTestdata(t, "vendor-tiering.yaml")
	// confidential (medium) × disruptive 1 + hard 1 = 2 (medium): moderate.
	const moderate = "data-class: confidential\noutage-impact: disruptive\nsubstitutable: hard\n"
	cases := []struct {
		gaps, value, level, residual string
	}{
		// All yes: 0 of 20 = 0%: minor. moderate × minor = low.
		{"mfa: yes\nencryption: yes\nbreach-notice: yes\nsubprocessors: yes", "0", "minor", "low"},
		// encryption no 2×2 = 4 of 20 = 20% exactly: minor. → low.
		{"mfa: yes\nencryption: no\nbreach-notice: yes\nsubprocessors: yes", "4", "minor", "low"},
		// + subprocessors partial 1×2 = 2: 6 of 20 = 30%: significant. → moderate.
		{"mfa: yes\nencryption: no\nbreach-notice: yes\nsubprocessors: partial", "6", "significant", "moderate"},
		// mfa no 6 + encryption no 4 = 10 of 20 = 50% exactly: significant. → moderate.
		{"mfa: no\nencryption: no\nbreach-notice: yes\nsubprocessors: yes", "10", "significant", "moderate"},
		// mfa no 6 + encryption no 4 + subprocessors partial 2 = 12 = 60%: severe. → high.
		{"mfa: no\nencryption: no\nbreach-notice: yes\nsubprocessors: partial", "12", "severe", "high"},
		// breach-notice n/a leaves a maximum of 14; mfa no 6 + encryption
		// partial 2 = 8 of 14 = 57.1%: severe. → high.
		{"mfa: no\nencryption: partial\nbreach-notice: na\nsubprocessors: yes", "8", "severe", "high"},
	}
	for _, c := range cases {
		res := scoreOf(t, q, moderate+c.gaps)
		if got := levelOf(t, res, "inherent-tier"); got != "moderate" {
			t.Fatalf("tier %s", got)
		}
		if d := res.Dimension("gaps"); d.Value != dec(c.value) {
			t.Errorf("%q: gaps %s, want %s", c.gaps, d.Value, c.value)
		}
		if got := levelOf(t, res, "control-gaps"); got != c.level {
			t.Errorf("%q: control-gaps %s, want %s", c.gaps, got, c.level)
		}
		if got := levelOf(t, res, "residual"); got != c.residual {
			t.Errorf("%q: residual %s, want %s", c.gaps, got, c.residual)
		}
	}
}

// The questionnaire's deadlines replace the default for the severities it
// names: a critical finding at a critical vendor is due 7 days after the
// assessment date, a high one 21; a medium one keeps the default 90.
func TestQuestionnaireDeadlines(t *testing.T) {
	q := loadTestdata(t, "vendor-tiering.yaml")
	a := &assess.Assessment{
		Questionnaire: q, AssessedOn: assessedOn, Deadlines: assess.DefaultDeadlines().Merge(q.Deadlines),
		Answers: answersOf(t, q, "data-class: special\noutage-impact: severe\nsubstitutable: hard\nmfa: partial\nencryption: yes\nbreach-notice: no\nsubprocessors: yes"),
	}
	e := assess.Evaluate(a, assessedOn)
	due := map[string]string{}
	for _, it := range e.Plan {
		due[it.Key()] = it.Due.String()
	}
	// breach-notice critical: 2026-01-10 + 7 = 2026-01-17; mfa high: + 21 = 2026-01-31.
	if due["breach-notice"] != "2026-01-17" || due["mfa"] != "2026-01-31" || len(due) != 2 {
		t.Errorf("due dates %v", due)
	}
}
