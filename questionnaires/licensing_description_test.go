package questionnaires_test

import (
	"strings"
	"testing"
)

// licensingKnockout is one knock-out of data-licensing as its description
// must name it: the question (or question=option) that sets it, the level
// and step it sets, and the words of the description that say so.
type licensingKnockout struct {
	key, level, atLeast, says string
}

// licensingKnockouts lists every knock-out of data-licensing. The
// description is what a committee and a licensee's counsel read first; it
// listed some knock-outs and left others out (source rights, health data,
// the data-broker rules, the breach notice, the addendum, termination,
// reverse engineering), so a reader took the list for the whole.
var licensingKnockouts = []licensingKnockout{
	{"assets=records", "exposure-level", "medium", "record-level data"},
	{"assets=models", "exposure-level", "medium", "trained models"},
	{"data-form=identified", "exposure-level", "high", "high for identified data"},
	{"consent-basis=no", "deal-risk", "critical", "our legal basis for the data does not cover licensing it"},
	{"health-rules", "deal-risk", "critical", "identifiable health data"},
	{"consent-basis=partial", "deal-risk", "high", "covers only part of the data or purposes"},
	{"source-rights=partial", "deal-risk", "high", "the terms of a source we built the assets from"},
	{"source-rights=no", "deal-risk", "high", "or were never reviewed"},
	{"us-opt-outs", "deal-risk", "high", "opted out of sale"},
	{"data-broker", "deal-risk", "high", "registering as a data broker"},
	{"broker-deletions", "deal-risk", "high", "california's deletion platform"},
	{"breach-notice=none", "deal-risk", "high", "no duty to tell us of a breach"},
	{"permitted-purposes", "deal-risk", "medium", "the permitted purposes"},
	{"forbidden-uses", "deal-risk", "medium", "the forbidden uses"},
	{"resale", "deal-risk", "medium", "onward transfer"},
	{"onward-terms", "deal-risk", "medium", "any recipient we approve"},
	{"dpa", "deal-risk", "medium", "data protection addendum"},
	{"output-testing", "deal-risk", "medium", "tested for identifying content"},
	{"audit-rights", "deal-risk", "medium", "audit"},
	{"background-ip", "deal-risk", "medium", "background"},
	{"foreground-ip", "deal-risk", "medium", "foreground"},
	{"weights-redistribution", "deal-risk", "medium", "redistributing"},
	{"no-reverse-engineering", "deal-risk", "medium", "reverse engineering"},
	{"no-reidentification", "deal-risk", "medium", "re-identifying"},
	{"termination", "deal-risk", "medium", "terminate for breach"},
}

// The description states the knock-outs level by level, each group after
// its lead-in, so a test can tell which floor a phrase is given under.
var licensingLeadIns = map[string]string{
	"exposure-level":     "exposure is at least medium",
	"deal-risk/critical": "the deal risk is at least critical",
	"deal-risk/high":     "it is at least high",
	"deal-risk/medium":   "it is at least medium",
}

func TestLicensingDescriptionNamesEveryKnockout(t *testing.T) {
	q, ok := biLibrary(t).Get("data-licensing")
	if !ok {
		t.Fatal("no data-licensing")
	}
	desc := strings.ToLower(strings.Join(strings.Fields(q.Description), " "))
	listed := map[string]licensingKnockout{}
	for _, k := range licensingKnockouts {
		listed[k.key] = k
	}
	seen := map[string]bool{}
	check := func(key, level, atLeast string) {
		seen[key] = true
		k, ok := listed[key]
		if !ok {
			t.Errorf("knock-out %s (%s at least %s) is not in the description's list: say it there and add it here", key, level, atLeast)
			return
		}
		if k.level != level || k.atLeast != atLeast {
			t.Errorf("knock-out %s sets %s at least %s; the list says %s at least %s", key, level, atLeast, k.level, k.atLeast)
		}
	}
	for _, s := range q.Sections {
		for _, qq := range s.Questions {
			for _, f := range qq.Floors {
				check(qq.ID, f.Level, f.AtLeast)
			}
			for _, o := range qq.Options {
				for _, f := range o.Floors {
					check(qq.ID+"="+o.Value, f.Level, f.AtLeast)
				}
			}
		}
	}
	// The lead-ins in the order the description gives them.
	order := []string{"exposure-level", "deal-risk/critical", "deal-risk/high", "deal-risk/medium"}
	at := map[string]int{}
	prev := -1
	for _, id := range order {
		i := strings.Index(desc, licensingLeadIns[id])
		if i < 0 || i < prev {
			t.Fatalf("the description does not say %q after the knock-outs before it:\n%s", licensingLeadIns[id], desc)
		}
		at[id], prev = i, i
	}
	end := func(id string) int {
		for n, o := range order {
			if o == id && n+1 < len(order) {
				return at[order[n+1]]
			}
		}
		return len(desc)
	}
	for _, k := range licensingKnockouts {
		if !seen[k.key] {
			t.Errorf("%s is listed but sets no knock-out", k.key)
		}
		group := k.level
		if k.level == "deal-risk" {
			group += "/" + k.atLeast
		}
		from, to := at[group], end(group)
		if !strings.Contains(desc[from:to], k.says) {
			t.Errorf("the description does not say %q where it gives %s at least %s (%s)", k.says, k.level, k.atLeast, k.key)
		}
	}
}
