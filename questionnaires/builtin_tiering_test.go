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
//	supplied: third-party-data no 0, yes 1; supplied-categories contact
//	  0, profile 1, financial, location, children, criminal, special 3
//	  each (summed); supplied-people ≤1k → 0, ≤10k → 1, ≤1M → 2, more → 3;
//	  low up to 2, medium up to 5, high above.
//	data sensitivity: the higher of our data and access (exposure) and
//	  the personal data supplied.
//	tier: sensitivity low [low, low, moderate], medium [moderate,
//	  moderate, high], high [high, high, critical] by criticality.
//
// Each profile answers third-party-data: an unanswered one counts as a
// supplier of the most sensitive data in the greatest volume.
func TestBuiltinVendorTiersRealistic(t *testing.T) {
	q := biGet(t, "third-party-due-diligence")
	cases := []struct {
		vendor, profile string
		sens, crit      string // hand-computed points
		tier            string
	}{
		// 0 of 35; 0 of 20: low × low.
		{"office supplies", "data-types: [none]\nrecords: 0\naccess-type: none\noutage-impact: negligible\nrecovery-need: week\nsubstitutability: easy\nthird-party-data: \"no\"",
			"0", "0", "low"},
		// internal 1 + receives 3 = 4 (11.4%); inconvenience 3 = 3 (15%): low × low.
		{"translation agency", "data-types: [internal]\nrecords: 0\naccess-type: receives\noutage-impact: inconvenience\nrecovery-need: week\nsubstitutability: easy\nthird-party-data: \"no\"",
			"4", "3", "low"},
		// customer 2 + 1M 4 + receives 3 = 9 (25.7%); 0: medium × low.
		{"analytics SDK", "data-types: [customer]\nrecords: 1000000\naccess-type: receives\noutage-impact: negligible\nrecovery-need: week\nsubstitutability: easy\nthird-party-data: \"no\"",
			"9", "0", "moderate"},
		// customer 2 + 200k 4 + hosts 6 = 12 (34.3%); inconvenience 3 +
		// three days 2 = 5 (25%): medium × low.
		{"email marketing", "data-types: [customer]\nrecords: 200000\naccess-type: hosts\noutage-impact: inconvenience\nrecovery-need: three-days\nsubstitutability: easy\nthird-party-data: \"no\"",
			"12", "5", "moderate"},
		// internal 1 + customer 2 + 500k 4 + hosts 6 = 13 (37.1%);
		// disruption 6 + day 4 + months 1 = 11 (55%): medium × medium.
		{"SaaS CRM", "data-types: [internal, customer]\nrecords: 500000\naccess-type: hosts\noutage-impact: disruption\nrecovery-need: day\nsubstitutability: months\nthird-party-data: \"no\"",
			"13", "11", "moderate"},
		// employee 2 + financial 3 + 5k 2 + hosts 6 = 13 (37.1%); regulated
		// 12 + day 4 + months 1 = 17 (85%): medium × high.
		{"payroll", "data-types: [employee, financial]\nrecords: 5000\naccess-type: hosts\noutage-impact: regulated\nrecovery-need: day\nsubstitutability: months\nthird-party-data: \"no\"",
			"13", "17", "high"},
		// customer 2 + special 3 + 100k 4 + hosts 6 = 15 (42.9%); customer 9
		// + day 4 + months 1 = 14 (70%): high × high.
		{"health data processor", "data-types: [customer, special]\nrecords: 100000\naccess-type: hosts\noutage-impact: customer\nrecovery-need: day\nsubstitutability: months\nthird-party-data: \"no\"",
			"15", "14", "critical"},
		// customer 2 + financial 3 + 5M 6 + hosts 6 = 17 (48.6%); regulated
		// 12 + hours 6 + hard 2 = 20 (100%): high × high.
		{"payment processor", "data-types: [customer, financial]\nrecords: 5000000\naccess-type: hosts\noutage-impact: regulated\nrecovery-need: hours\nsubstitutability: hard\nthird-party-data: \"no\"",
			"17", "20", "critical"},
		// internal 1 + employee 2 + secrets 3 + privileged 12 = 18 (51.4%);
		// customer 9 + hours 6 + hard 2 = 17 (85%): high × high.
		{"managed IT with admin rights", "data-types: [internal, employee, secrets]\nrecords: 0\naccess-type: privileged\noutage-impact: customer\nrecovery-need: hours\nsubstitutability: hard\nthird-party-data: \"no\"",
			"18", "17", "critical"},
		// customer 2 + 50k 4 + hosts 6 = 12 (34.3%); negligible 0 + week 0 +
		// easy 0 = 0: medium × low. A cloud archive no one depends on day to
		// day still holds people's data: moderate, never low.
		{"cold archive of customer files", "data-types: [customer]\nrecords: 50000\naccess-type: hosts\noutage-impact: negligible\nrecovery-need: week\nsubstitutability: easy\nthird-party-data: \"no\"",
			"12", "0", "moderate"},
		// Vendors that only supply us with personal data, none of ours
		// and no access (exposure 0), tiered on what they supply.
		// Supplied 1 + contact 0 + 5k 1 = 2: low; 0: low × low.
		{"business contact list", "data-types: [none]\naccess-type: none\noutage-impact: negligible\nrecovery-need: week\nsubstitutability: easy\nthird-party-data: \"yes\"\nsupplied-categories: [contact]\nsupplied-people: 5000",
			"0", "0", "low"},
		// 1 + contact 0 + profile 1 + 2M 3 = 5: medium; 0: medium × low.
		{"consumer lifestyle list", "data-types: [none]\naccess-type: none\noutage-impact: negligible\nrecovery-need: week\nsubstitutability: easy\nthird-party-data: \"yes\"\nsupplied-categories: [contact, profile]\nsupplied-people: 2000000",
			"0", "0", "moderate"},
		// 1 + special 3 + 800 0 = 4: medium; 0: medium × low.
		{"small list of patients", "data-types: [none]\naccess-type: none\noutage-impact: negligible\nrecovery-need: week\nsubstitutability: easy\nthird-party-data: \"yes\"\nsupplied-categories: [contact, special]\nsupplied-people: 800",
			"0", "0", "moderate"},
		// 1 + special 3 + 40k 2 = 6: high; 0: high × low.
		{"health conditions list", "data-types: [none]\naccess-type: none\noutage-impact: negligible\nrecovery-need: week\nsubstitutability: easy\nthird-party-data: \"yes\"\nsupplied-categories: [contact, special]\nsupplied-people: 40000",
			"0", "0", "high"},
		// 1 + children 3 + location 3 + 500 0 = 7: high; 0: high × low.
		{"children's location data", "data-types: [none]\naccess-type: none\noutage-impact: negligible\nrecovery-need: week\nsubstitutability: easy\nthird-party-data: \"yes\"\nsupplied-categories: [children, location]\nsupplied-people: 500",
			"0", "0", "high"},
		// 1 + criminal 3 + 9k 1 = 5: medium; regulated 12 + day 4 = 16
		// (80%): medium × high.
		{"sanctions list feed", "data-types: [none]\naccess-type: none\noutage-impact: regulated\nrecovery-need: day\nsubstitutability: easy\nthird-party-data: \"yes\"\nsupplied-categories: [criminal]\nsupplied-people: 9000",
			"0", "16", "high"},
		// A price feed, no personal data: supplied 0: low; customer 9 +
		// hours 6 + months 1 = 16 (80%): low × high.
		{"price feed", "data-types: [none]\naccess-type: none\noutage-impact: customer\nrecovery-need: hours\nsubstitutability: months\nthird-party-data: \"no\"\nsupplied-other-data: \"yes\"",
			"0", "16", "moderate"},
		// Holds our customer data and supplies enrichment: the higher of
		// the two. Ours: customer 2 + 200k 4 + hosts 6 = 12 (34.3%):
		// medium; supplied 1 + financial 3 + 200k 2 = 6: high; 0: high ×
		// low.
		{"credit data enrichment", "data-types: [customer]\nrecords: 200000\naccess-type: hosts\noutage-impact: negligible\nrecovery-need: week\nsubstitutability: easy\nthird-party-data: \"yes\"\nsupplied-categories: [contact, financial]\nsupplied-people: 200000",
			"12", "0", "high"},
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
