package questionnaires_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// An unanswered question counts as the worst answer, so a blank
// assessment reads as the worst level; the level is only a rating once
// no answer still to come could change it. Worked by hand on the vendor
// security screen: 32 questions weighing 48 in all (attestation, mfa,
// own-use and breach-notice 3; least-privilege, encryption-rest and
// -transit, patching, supported-software, change-sign-off,
// incident-plan and transfer-tools 2; the rest 1), yes 0 / partly 1 /
// no 2 points each, so 96 at most; low
// up to 25% (24), medium to 50% (48), high to 75% (72), critical
// above. No to mfa, to either encryption, to patching, to
// supported-software, to own-use or to transfer-tools, no duty of breach
// notice, or a past incident told to customers late, is a knock-out: at
// least high; unanswered, they count as that worst answer, and in the
// best case as no knock-out.
func TestLevelIsNotRatedUntilAnswersSettleIt(t *testing.T) {
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	q, _ := lib.Get("vendor-security-screen")
	ids := strings.Fields(`attestation policy personnel confidentiality security-training mfa least-privilege
		access-review leavers encryption-rest encryption-transit deletion own-use vulnerabilities patching supported-software
		pentest logging monitoring backups continuity change-sign-off change-testing
		change-rollback change-notice breach-notice incident-record incident-plan subprocessors
		subprocessor-terms transfer-tools subprocessor-notice`)
	// data-sensitivity is not a control: every case below answers it
	// personal, which moves nothing, unless it names it as open.
	// attestation-not-applicable is asked only after attestation's "not
	// applicable", which no case below answers, so it stays hidden.
	if len(ids)+2 != len(q.Questions) {
		t.Fatalf("the screen has %d questions, the test lists %d, data-sensitivity and attestation-not-applicable", len(q.Questions), len(ids))
	}
	answers := func(answer string, except ...string) string {
		var b strings.Builder
		if !slices.Contains(except, "data-sensitivity") {
			b.WriteString("data-sensitivity: personal\n")
		}
		for _, id := range ids {
			if !slices.Contains(except, id) {
				b.WriteString(id + ": " + answer + "\n")
			}
		}
		return b.String()
	}
	for _, c := range []struct {
		name, answers         string
		level, best, headline string
		unsettled             bool
	}{
		// 96 of 96 (100%) counted as worst; 0 as best: low.
		{"nothing answered", "", "critical", "low", "not rated yet", true},
		// No to all but policy (weight 1): 94 to 96 points, 98-100%.
		{"no to all but one", answers("no", "policy"), "critical", "", "critical", false},
		// Yes to all but incident-plan (2, no knock-out): 0 to 4 points,
		// 0-4.2%: low either way.
		{"yes to all but one", answers("yes", "incident-plan"), "low", "", "low", false},
		// Yes to all but mfa (3): 0 to 6 points, but mfa unanswered is
		// its worst answer, a knock-out: high; answered yes, low.
		{"a knock-out open", answers("yes", "mfa"), "high", "low", "not rated yet", true},
		// Yes to all but attestation, least-privilege, patching and
		// incident-plan (9): 0 to 18 points, 0-18.8%, low by the points;
		// but attestation, least-privilege (shared accounts) and patching
		// unanswered count as their worst answers, knock-outs to medium,
		// medium and high: low or high.
		{"four open", answers("yes", "attestation", "least-privilege", "patching", "incident-plan"), "high", "low", "not rated yet", true},
		// Yes to every control, the data open: 0 of 96, so its worst
		// answer's floor (medium above 12.5% of control risk) cannot
		// hold: low either way.
		{"only the data open", answers("yes", "data-sensitivity"), "low", "", "low", false},
		// Yes to all but incident-plan (2) and subprocessor-notice (1),
		// the data open: 0 to 6 points, 0-6.3%: the floor for sensitive
		// data needs more than 12.5%, so low either way.
		{"the data and two small gaps open", answers("yes", "data-sensitivity", "incident-plan", "subprocessor-notice"), "low", "", "low", false},
		// Yes to all but incident-plan (2), policy, personnel,
		// confidentiality, access-review and leavers (1 each), none with
		// a knock-out, the data open: 0 to 14 points, 0-14.6%, low by the
		// points; at 14 the data's worst answer (special or access) sets
		// medium, above 12.5%: low or medium.
		{"the data and six gaps open", answers("yes", "data-sensitivity", "incident-plan", "policy", "personnel", "confidentiality", "access-review", "leavers"), "medium", "low", "not rated yet", true},
		// Partly to everything, the data open: 48 of 96, 50%, high by mfa
		// partly whatever the data.
		{"everything partly, the data open", answers("partial", "data-sensitivity"), "high", "", "high", false},
		// Partly to everything: 48 of 96, 50%: medium by the points;
		// change-sign-off partly (some changes unapproved) sets no floor,
		// nor does own-use partly (usage statistics only) sets no floor, and
		// encryption-rest partly (a store such as the backups left
		// unencrypted) only medium, but mfa partly (some people with a
		// password alone) is a knock-out: high.
		{"everything answered", answers("partial"), "high", "", "high", false},
	} {
		res := scoreOf(t, q, c.answers)
		o := res.Outcome
		if o.Level != c.level || o.BestCase != c.best || o.Unsettled != c.unsettled || o.Headline() != c.headline {
			t.Errorf("%s: level %q, best case %q, unsettled %v, headline %q; want %q, %q, %v, %q",
				c.name, o.Level, o.BestCase, o.Unsettled, o.Headline(), c.level, c.best, c.unsettled, c.headline)
		}
	}
}
