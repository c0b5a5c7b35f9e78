package questionnaires_test

import (
	"fmt"
	"testing"
)

// The inherent tier of third-party-due-diligence, calibrated on vendors a
// vendor-risk team meets every week. Points (maxima in brackets):
//
//	exposure: data-types none 0, internal 1, employee 2, customer 2,
//	  financial 3, special 3, children 3, secrets 3 (summed) [17];
//	  records 0 → 0, ≤10k → 1, ≤1M → 2, more → 3, weight 2 [6];
//	  access-type none 0, receives 1, hosts 2, network 3, privileged 4,
//	  weight 3 [12]; maximum 35; sensitivity low up to 15%, medium up to
//	  40%, high above.
//	criticality: outage-impact negligible 0 … regulated 4, weight 3 [12];
//	  recovery-need week 0, three days 1, day 2, hours 3, weight 2 [6];
//	  substitutability easy 0, months 1, hard 2 [2]; maximum 20; low up to
//	  25%, medium up to 60%, high above.
//	tier: sensitivity low [low, low, moderate], medium [moderate,
//	  moderate, high], high [high, high, critical] by criticality.
func TestBuiltinVendorTiersRealistic(t *testing.T) {
	q := biGet(t, "third-party-due-diligence")
	cases := []struct {
		vendor, profile string
		sens, crit      string // hand-computed points
		tier            string
	}{
		// 0 of 35; 0 of 20: low × low.
		{"office supplies", "data-types: [none]\nrecords: 0\naccess-type: none\noutage-impact: negligible\nrecovery-need: week\nsubstitutability: easy",
			"0", "0", "low"},
		// internal 1 + receives 3 = 4 (11.4%); inconvenience 3 = 3 (15%): low × low.
		{"translation agency", "data-types: [internal]\nrecords: 0\naccess-type: receives\noutage-impact: inconvenience\nrecovery-need: week\nsubstitutability: easy",
			"4", "3", "low"},
		// customer 2 + 1M 4 + receives 3 = 9 (25.7%); 0: medium × low.
		{"analytics SDK", "data-types: [customer]\nrecords: 1000000\naccess-type: receives\noutage-impact: negligible\nrecovery-need: week\nsubstitutability: easy",
			"9", "0", "moderate"},
		// customer 2 + 200k 4 + hosts 6 = 12 (34.3%); inconvenience 3 +
		// three days 2 = 5 (25%): medium × low.
		{"email marketing", "data-types: [customer]\nrecords: 200000\naccess-type: hosts\noutage-impact: inconvenience\nrecovery-need: three-days\nsubstitutability: easy",
			"12", "5", "moderate"},
		// internal 1 + customer 2 + 500k 4 + hosts 6 = 13 (37.1%);
		// disruption 6 + day 4 + months 1 = 11 (55%): medium × medium.
		{"SaaS CRM", "data-types: [internal, customer]\nrecords: 500000\naccess-type: hosts\noutage-impact: disruption\nrecovery-need: day\nsubstitutability: months",
			"13", "11", "moderate"},
		// employee 2 + financial 3 + 5k 2 + hosts 6 = 13 (37.1%); regulated
		// 12 + day 4 + months 1 = 17 (85%): medium × high.
		{"payroll", "data-types: [employee, financial]\nrecords: 5000\naccess-type: hosts\noutage-impact: regulated\nrecovery-need: day\nsubstitutability: months",
			"13", "17", "high"},
		// customer 2 + special 3 + 100k 4 + hosts 6 = 15 (42.9%); customer 9
		// + day 4 + months 1 = 14 (70%): high × high.
		{"health data processor", "data-types: [customer, special]\nrecords: 100000\naccess-type: hosts\noutage-impact: customer\nrecovery-need: day\nsubstitutability: months",
			"15", "14", "critical"},
		// customer 2 + financial 3 + 5M 6 + hosts 6 = 17 (48.6%); regulated
		// 12 + hours 6 + hard 2 = 20 (100%): high × high.
		{"payment processor", "data-types: [customer, financial]\nrecords: 5000000\naccess-type: hosts\noutage-impact: regulated\nrecovery-need: hours\nsubstitutability: hard",
			"17", "20", "critical"},
		// internal 1 + employee 2 + secrets 3 + privileged 12 = 18 (51.4%);
		// customer 9 + hours 6 + hard 2 = 17 (85%): high × high.
		{"managed IT with admin rights", "data-types: [internal, employee, secrets]\nrecords: 0\naccess-type: privileged\noutage-impact: customer\nrecovery-need: hours\nsubstitutability: hard",
			"18", "17", "critical"},
		// customer 2 + 50k 4 + hosts 6 = 12 (34.3%); negligible 0 + week 0 +
		// easy 0 = 0: medium × low. A cloud archive no one depends on day to
		// day still holds people's data: moderate, never low.
		{"cold archive of customer files", "data-types: [customer]\nrecords: 50000\naccess-type: hosts\noutage-impact: negligible\nrecovery-need: week\nsubstitutability: easy",
			"12", "0", "moderate"},
	}
	for _, c := range cases {
		t.Run(c.vendor, func(t *testing.T) {
			res := scoreOf(t, q, c.profile)
			if got := fmt.Sprint(res.Dimension("exposure").Value); got != c.sens {
				t.Errorf("exposure %s, want %s", got, c.sens)
			}
			if got := fmt.Sprint(res.Dimension("criticality").Value); got != c.crit {
				t.Errorf("criticality %s, want %s", got, c.crit)
			}
			if got := levelOf(t, res, "tier"); got != c.tier {
				t.Errorf("tier %s, want %s", got, c.tier)
			}
		})
	}
}
