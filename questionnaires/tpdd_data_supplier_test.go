package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A vendor that only supplies us with data, such as a list provider, and
// neither receives, stores nor reaches our data or systems, was asked the
// whole of the due diligence about protecting our data: multi-factor
// authentication, encryption at rest, breach notice, sub-processors, the
// data processing agreement. Those questions are asked of a vendor that
// handles our data; a pure supplier is asked what matters for what it
// supplies.

// ourDataQuestions concern the vendor's handling of our data or its access
// to our systems.
var ourDataQuestions = []string{
	"records", "attestations", "pentest-date", "security-policy", "risk-assessment",
	"screening", "mfa", "tenant-isolation", "encryption-rest", "encryption-transit",
	"managed-devices", "network-segmentation", "secure-baseline", "datacentre-security",
	"vulnerability-management", "incident-plan", "breach-notice", "incident-history",
	"subprocessor-list", "backups", "restore-test", "data-location", "data-return",
	"return-deletion", "deletion-certificate", "dpa", "dpa-security", "purpose-limitation",
	"no-model-training", "no-sale", "rights-assistance", "liability", "indemnity",
	"cyber-insurance",
}

// supplierQuestions matter for a vendor that supplies personal data, whether
// or not it holds ours.
var supplierQuestions = []string{
	"privacy-lead", "financial-health", "ownership", "exit-plan", "transition-assistance",
	"audit-rights", "remediation-timelines", "source-lawful-basis", "source-notice",
	"our-notice", "marketing-consent", "opt-outs", "supply-licence", "supply-warranty",
	"supply-indemnity", "data-accuracy", "delivery-channel",
}

func tpddVisible(t *testing.T, body string) map[string]bool {
	t.Helper()
	q, ok := biLibrary(t).Get("third-party-due-diligence")
	if !ok {
		t.Fatal("no third-party-due-diligence")
	}
	res := assess.Score(q, answersOf(t, q, body), assessedOn)
	out := map[string]bool{}
	for _, qq := range q.Questions {
		out[qq.ID] = questionOf(t, res, qq.ID).Visible
	}
	return out
}

func TestTPDDPureDataSupplierIsNotAskedAboutOurData(t *testing.T) {
	vis := tpddVisible(t, `
data-types: [none]
access-type: none
outage-impact: negligible
recovery-need: week
substitutability: easy
ai-use: "no"
third-party-data: "yes"`)
	for _, id := range ourDataQuestions {
		if vis[id] {
			t.Errorf("%s is asked of a vendor that neither receives nor reaches our data", id)
		}
	}
	for _, id := range supplierQuestions {
		if !vis[id] {
			t.Errorf("%s is not asked of a vendor that supplies us with personal data", id)
		}
	}
	// A supply we could lose without much effect needs no continuity plan
	// from the supplier; one a business process stops without does.
	for _, id := range []string{"continuity-plan", "continuity-test"} {
		if vis[id] {
			t.Errorf("%s is asked of a supplier we could do without for a week", id)
		}
	}
	vis = tpddVisible(t, `
data-types: [none]
access-type: none
outage-impact: disruption
third-party-data: "yes"`)
	for _, id := range []string{"continuity-plan", "continuity-test"} {
		if !vis[id] {
			t.Errorf("%s is not asked of a supplier a business process depends on", id)
		}
	}
}

// An unanswered profile question must not hide what it gates: hidden
// questions count nowhere, so a blank answer would lower the risk and
// lift the knock-outs on multi-factor authentication, encryption and the
// data's source.
func TestTPDDGatesHoldWhileUnanswered(t *testing.T) {
	for name, body := range map[string]string{
		"nothing answered":              "",
		"access-type unanswered":        "data-types: [none]",
		"data-types unanswered":         "access-type: none",
		"third-party-data unanswered":   "data-types: [none]\naccess-type: none",
		"it receives files from us":     "data-types: [none]\naccess-type: receives",
		"its staff may see our data":    "data-types: [internal]\naccess-type: none",
		"a supplier that hosts ours":    "data-types: [customer]\naccess-type: hosts\nthird-party-data: \"yes\"",
		"a supplier with our network":   "data-types: [none]\naccess-type: network\nthird-party-data: \"yes\"",
		"not a supplier, holds ours":    "data-types: [customer]\naccess-type: hosts\nthird-party-data: \"no\"",
		"continuity for a blank supply": "data-types: [none]\naccess-type: none\nthird-party-data: \"yes\"",
	} {
		vis := tpddVisible(t, body)
		want := ourDataQuestions
		switch name {
		case "third-party-data unanswered":
			want = []string{"source-lawful-basis", "supply-licence", "privacy-lead", "continuity-plan"}
		case "continuity for a blank supply":
			want = []string{"continuity-plan", "continuity-test"}
		case "it receives files from us", "a supplier with our network", "access-type unanswered":
			// None of our data, so no records about people: records,
			// asked before access-type, follows data-types alone.
			want = ourDataQuestions[1:]
		}
		for _, id := range want {
			if !vis[id] {
				t.Errorf("%s: %s is hidden", name, id)
			}
		}
		if name == "not a supplier, holds ours" && vis["source-lawful-basis"] {
			t.Errorf("%s: the supplied-data questions are asked of a vendor that supplies none", name)
		}
	}
}

// A pure supplier's profile with the supplied-data questions still to
// answer is not rated low: the kinds and number of people it supplies
// count as their worst (the high tier) and the control questions as
// theirs, so the residual reads critical, and an unanswered
// source-lawful-basis sets at least high, until they are answered.
func TestTPDDPureSupplierUnansweredIsNotLow(t *testing.T) {
	q, ok := biLibrary(t).Get("third-party-due-diligence")
	if !ok {
		t.Fatal("no third-party-due-diligence")
	}
	for name, body := range map[string]string{
		"third-party-data unanswered": `
data-types: [none]
access-type: none
outage-impact: negligible
recovery-need: week
substitutability: easy
ai-use: "no"`,
		"supplied-data unanswered": `
data-types: [none]
access-type: none
outage-impact: negligible
recovery-need: week
substitutability: easy
ai-use: "no"
third-party-data: "yes"`,
	} {
		res := assess.Score(q, answersOf(t, q, body), assessedOn)
		if res.Complete {
			t.Errorf("%s: complete with the supplied-data questions unanswered", name)
		}
		if res.Outcome.Level != "critical" || !res.Outcome.Unsettled {
			t.Errorf("%s: outcome %s (unsettled %v), want critical until answered; %s", name, res.Outcome.Level, res.Outcome.Unsettled, res.Outcome.Why)
		}
		if got := levelOf(t, res, "supplied-data-sensitivity"); got != "high" {
			t.Errorf("%s: personal data supplied %s, want high until answered", name, got)
		}
	}
}

// A vendor whose data a business process relies on but that supplies no
// personal data, such as a price feed, was asked nothing about the
// licence, warranty, indemnity, accuracy or delivery of what it supplies:
// the section hung on third-party-data, which asks about personal data
// only. It is asked those, and not where personal data came from.
func TestTPDDNonPersonalDataSupplierIsAskedAboutWhatItSupplies(t *testing.T) {
	vis := tpddVisible(t, `
data-types: [none]
access-type: none
outage-impact: customer
third-party-data: "no"
supplied-other-data: "yes"`)
	for _, id := range []string{"supply-licence", "supply-warranty", "supply-indemnity", "data-accuracy", "delivery-channel"} {
		if !vis[id] {
			t.Errorf("%s is not asked of a vendor whose data a business process relies on", id)
		}
	}
	for _, id := range append([]string{"supplied-categories", "supplied-people", "privacy-lead"}, personalSupplyQuestions...) {
		if vis[id] {
			t.Errorf("%s is asked of a vendor that supplies no personal data", id)
		}
	}
	// A vendor that supplies nothing, personal or not, is asked none.
	vis = tpddVisible(t, `
data-types: [customer]
access-type: hosts
third-party-data: "no"
supplied-other-data: "no"`)
	for _, id := range append([]string{"supply-licence", "data-accuracy", "delivery-channel"}, personalSupplyQuestions...) {
		if vis[id] {
			t.Errorf("%s is asked of a vendor that supplies no data", id)
		}
	}
}

// personalSupplyQuestions concern where supplied personal data came from.
var personalSupplyQuestions = []string{
	"source-lawful-basis", "source-special-condition", "source-criminal-authority", "source-notice",
	"our-notice", "marketing-consent", "opt-outs",
}

// The conditions at source of special-category and criminal-offence data
// are asked when those kinds are supplied, and while the kinds are not yet
// answered, so that a blank answer never lifts their knock-outs; the
// licence questions show until both supply questions are answered no.
func TestTPDDSupplyGatesHoldWhileUnanswered(t *testing.T) {
	for _, c := range []struct {
		name, body    string
		shown, hidden []string
	}{
		{"kinds unanswered", "third-party-data: \"yes\"",
			[]string{"source-special-condition", "source-criminal-authority", "supplied-people"}, nil},
		{"contact details only", "third-party-data: \"yes\"\nsupplied-categories: [contact]",
			nil, []string{"source-special-condition", "source-criminal-authority"}},
		{"health data", "third-party-data: \"yes\"\nsupplied-categories: [contact, special]",
			[]string{"source-special-condition"}, []string{"source-criminal-authority"}},
		{"sanctions entries", "third-party-data: \"yes\"\nsupplied-categories: [criminal]",
			[]string{"source-criminal-authority"}, []string{"source-special-condition"}},
		{"other data unanswered", "third-party-data: \"no\"",
			[]string{"supply-licence", "supply-warranty", "supply-indemnity", "data-accuracy", "delivery-channel"},
			append([]string{"supplied-categories"}, personalSupplyQuestions...)},
		{"personal data unanswered", "supplied-other-data: \"no\"",
			append([]string{"supplied-categories", "supplied-people", "supply-licence"}, personalSupplyQuestions...), nil},
	} {
		vis := tpddVisible(t, "data-types: [none]\naccess-type: none\n"+c.body)
		for _, id := range c.shown {
			if !vis[id] {
				t.Errorf("%s: %s is hidden", c.name, id)
			}
		}
		for _, id := range c.hidden {
			if vis[id] {
				t.Errorf("%s: %s is asked", c.name, id)
			}
		}
	}
}

// Every question of the vendor security screen is about our data in the
// vendor's hands, so a vendor that only supplies us with data has nothing
// to answer in it: its description sends such a vendor to the due
// diligence, which asks a supplier what matters for what it supplies.
func TestVendorScreenSendsPureSuppliersToDueDiligence(t *testing.T) {
	q, ok := biLibrary(t).Get("vendor-security-screen")
	if !ok {
		t.Fatal("no vendor-security-screen")
	}
	desc := strings.Join(strings.Fields(q.Description), " ")
	for _, want := range []string{"only supplies us with data", "third-party due diligence"} {
		if !strings.Contains(desc, want) {
			t.Errorf("the screen's description does not say %q: %s", want, desc)
		}
	}
}

// The indemnity a price feed's report asked for read "against claims and
// fines arising from data the vendor obtained or supplied unlawfully":
// a feed's risk is a rights holder's claim over data copied without a
// licence, which the question's help names and the action left out.
func TestTPDDSupplyIndemnityActionCoversDataThatIsNotPersonal(t *testing.T) {
	q, _ := biLibrary(t).Get("third-party-due-diligence")
	for _, qq := range q.Questions {
		if qq.ID != "supply-indemnity" {
			continue
		}
		for _, want := range []string{"had no right to supply", "rights holder"} {
			if !strings.Contains(strings.Join(strings.Fields(qq.Action), " "), want) {
				t.Errorf("supply-indemnity's action does not say %q: %q", want, qq.Action)
			}
		}
		return
	}
	t.Fatal("no supply-indemnity question")
}
