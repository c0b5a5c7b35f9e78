package questionnaires_test

import (
	"slices"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// Each built-in consistency check, worked by hand: answers that make it
// hold (the contradiction it names, and nothing else) and the nearest
// answers that do not (the same questions answered so that both can be
// true). Every other question is unanswered, so no other check can hold.
func TestBuiltinConsistencyChecksWorkedByHand(t *testing.T) {
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		questionnaire, name, answers string
		want                         []string // the checks that hold, in file order
	}{
		// fairness-aia: groups-tested-yet-none-compared. bias-testing yes
		// (or partly) says groups were compared; intersectional-testing
		// not-measured says no group was compared at all.
		{"fairness-aia", "groups compared, and none compared", "bias-testing: 'yes'\nintersectional-testing: not-measured", []string{"groups-tested-yet-none-compared"}},
		{"fairness-aia", "some groups compared, and none compared", "bias-testing: partial\nintersectional-testing: not-measured", []string{"groups-tested-yet-none-compared"}},
		{"fairness-aia", "groups compared, combinations not", "bias-testing: 'yes'\nintersectional-testing: 'no'", nil},
		{"fairness-aia", "nothing compared, said twice", "bias-testing: 'no'\nintersectional-testing: not-measured", nil},
		// combinations-without-groups: bias-testing no (overall figures
		// only) beside any answer of intersectional-testing that says
		// groups were compared, alone (no) or together (yes, partial).
		{"fairness-aia", "combinations compared, no group", "bias-testing: 'no'\nintersectional-testing: 'yes'", []string{"combinations-without-groups"}},
		{"fairness-aia", "groups one by one, no group", "bias-testing: 'no'\nintersectional-testing: 'no'", []string{"combinations-without-groups"}},
		{"fairness-aia", "combinations compared, groups too", "bias-testing: partial\nintersectional-testing: 'yes'", nil},
		// results-without-group-tests: results read against each group's
		// limit (yes, partly, or no: one outside it) need results by
		// group, which bias-testing no denies; not-measured agrees.
		{"fairness-aia", "results within limits, no group tested", "bias-testing: 'no'\nbias-results: 'yes'", []string{"results-without-group-tests"}},
		{"fairness-aia", "a result outside its limit, no group tested", "bias-testing: 'no'\nbias-results: 'no'", []string{"results-without-group-tests"}},
		{"fairness-aia", "no results, no group tested", "bias-testing: 'no'\nbias-results: not-measured", nil},
		// group-accuracy-without-group-tests: accuracy per group is an
		// error rate per group, which bias-testing no says nobody has.
		{"fairness-aia", "accuracy per group, no group tested", "bias-testing: 'no'\naccuracy-by-group: 'yes'", []string{"group-accuracy-without-group-tests"}},
		{"fairness-aia", "accuracy per group, groups tested", "bias-testing: 'yes'\naccuracy-by-group: 'yes'", nil},
		{"fairness-aia", "accuracy partly per group, no group tested", "bias-testing: 'no'\naccuracy-by-group: partial", nil},
		// people-affected-yet-not-applicable: not applicable is for a
		// system that decides nothing about people (businesses only).
		{"fairness-aia", "consumers affected, bias testing n/a", "affected-people: consumers\nbias-testing: na", []string{"people-affected-yet-not-applicable"}},
		{"fairness-aia", "staff affected, results n/a", "affected-people: staff\nbias-results: na", []string{"people-affected-yet-not-applicable"}},
		{"fairness-aia", "businesses only, all n/a", "affected-people: businesses\nbias-testing: na\nintersectional-testing: na\nbias-results: na", nil},
		{"fairness-aia", "n/a, nobody said who is affected", "bias-testing: na", nil},
		// person-decides-yet-cannot-override: a person who approves
		// each case (or decides, the system one input) can go against
		// the system, which human-oversight no denies; a system that
		// decides alone may well have no one who can override it.
		{"fairness-aia", "a person approves each case, nobody can override", "automation: recommends\nhuman-oversight: 'no'", []string{"person-decides-yet-cannot-override"}},
		{"fairness-aia", "a person decides, nobody can override", "automation: input\nhuman-oversight: 'no'", []string{"person-decides-yet-cannot-override"}},
		{"fairness-aia", "a person approves each case, partly overridable", "automation: recommends\nhuman-oversight: partial", nil},
		{"fairness-aia", "the system decides alone, nobody can override", "automation: full\nhuman-oversight: 'no'", nil},

		// third-party-due-diligence: data-held-without-access.
		{"third-party-due-diligence", "holds customer data, no access", "data-types: [customer]\naccess-type: none", []string{"data-held-without-access"}},
		{"third-party-due-diligence", "holds none, no access", "data-types: [none]\naccess-type: none", nil},
		// dpia: consulted-late-yet-not-consulted. processing-started
		// says the authority was consulted after the late start;
		// prior-consultation no says it was not.
		{"dpia", "consulted since the late start, and not consulted", "jurisdictions: [gdpr]\nprocessing-started: started-consulted\nprior-consultation: 'no'", []string{"consulted-late-yet-not-consulted"}},
		{"dpia", "consulted since the late start, said twice", "jurisdictions: [gdpr]\nprocessing-started: started-consulted\nprior-consultation: 'yes'", nil},
		{"dpia", "started unconsulted, said twice", "jurisdictions: [gdpr]\nprocessing-started: started\nprior-consultation: 'no'", nil},
		{"third-party-due-diligence", "holds customer data, hosts it", "data-types: [customer]\naccess-type: hosts", nil},
		{"third-party-due-diligence", "what it holds unanswered, no access", "access-type: none", nil},
		// access-without-data: receiving or hosting our data is holding it.
		{"third-party-due-diligence", "hosts our data, holds none", "data-types: [none]\naccess-type: hosts", []string{"access-without-data"}},
		{"third-party-due-diligence", "receives our files, holds none", "data-types: [none]\naccess-type: receives", []string{"access-without-data"}},
		{"third-party-due-diligence", "network access, holds none", "data-types: [none]\naccess-type: network", nil},
		// sub-processors-named-yet-not-applicable.
		{"third-party-due-diligence", "sub-processors named, flow-down n/a", "data-types: [customer]\naccess-type: hosts\nsubprocessor-list: 'yes'\nsubprocessor-terms: na", []string{"sub-processors-named-yet-not-applicable"}},
		{"third-party-due-diligence", "direct ones named, notice n/a", "data-types: [customer]\naccess-type: hosts\nsubprocessor-list: direct-only\nsubprocessor-notice: na", []string{"sub-processors-named-yet-not-applicable"}},
		{"third-party-due-diligence", "no sub-processors, all n/a", "data-types: [customer]\naccess-type: hosts\nsubprocessor-list: na\nsubprocessor-terms: na\nsubprocessor-notice: na", nil},
		{"third-party-due-diligence", "sub-processors named, terms agreed", "data-types: [customer]\naccess-type: hosts\nsubprocessor-list: 'yes'\nsubprocessor-terms: 'yes'\nsubprocessor-notice: 'no'", nil},
		// Hidden, the supply chain section's answers disagree with nothing:
		// a vendor with none of our data and no access is not asked them.
		{"third-party-due-diligence", "kept answers on a hidden section", "data-types: [none]\naccess-type: none\nsubprocessor-list: 'yes'\nsubprocessor-terms: na", nil},

		// anonymized-dataset: anonymized-without-a-test.
		{"anonymized-dataset", "anonymized, risk never measured", "data-state: anonymized\nrisk-vs-threshold: not-measured", []string{"anonymized-without-a-test"}},
		{"anonymized-dataset", "de-identified, risk never measured", "data-state: de-identified\nrisk-vs-threshold: not-measured", nil},
		{"anonymized-dataset", "anonymized, risk well below", "data-state: anonymized\nrisk-vs-threshold: well-below", nil},
		// risk-given-yet-never-measured.
		{"anonymized-dataset", "a risk of 4%, never measured", "measured-risk: 4\nrisk-vs-threshold: not-measured", []string{"risk-given-yet-never-measured"}},
		{"anonymized-dataset", "no risk given, never measured", "risk-vs-threshold: not-measured", nil},
		{"anonymized-dataset", "a risk of 4%, below", "measured-risk: 4\nrisk-vs-threshold: below", nil},
		// k-anonymity-with-unique-records: k of 1 is every dataset.
		{"anonymized-dataset", "k-anonymity, k of 1", "techniques: [k-anonymity]\nk-value: 1", []string{"k-anonymity-with-unique-records"}},
		{"anonymized-dataset", "k-anonymity, k of 2", "techniques: [k-anonymity]\nk-value: 2", nil},
		{"anonymized-dataset", "k of 1 kept, k-anonymity no longer chosen", "techniques: [aggregation]\nk-value: 1", nil},
	}
	for _, c := range cases {
		t.Run(c.questionnaire+"/"+c.name, func(t *testing.T) {
			q, ok := lib.Get(c.questionnaire)
			if !ok {
				t.Fatalf("no %s", c.questionnaire)
			}
			res := scoreOf(t, q, c.answers)
			var got []string
			for _, d := range res.Disagreements {
				got = append(got, d.ID)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("checks that hold: %v, want %v", got, c.want)
			}
		})
	}
	// Every built-in check has a case that makes it hold.
	tested := map[string]bool{}
	for _, c := range cases {
		for _, id := range c.want {
			tested[c.questionnaire+"/"+id] = true
		}
	}
	for _, q := range lib.All() {
		for _, c := range q.Consistency {
			if !tested[q.ID+"/"+c.ID] {
				t.Errorf("%s: check %s has no case that makes it hold", q.ID, c.ID)
			}
		}
	}
}
