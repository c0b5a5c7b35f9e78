package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// testdata/knockouts.yaml, by hand:
//
//	exposure: records few 0 | many 2; maximum 2; low up to 50% (1), high above
//	gaps: mfa 2×(0|1|2) + encryption 0|1|2 + breach-notice 0|1|2
//	      + backups 0|1|2 (only when records many); maximum 8, or 10
//	      low up to 25%, medium up to 50%, high above
//	residual: exposure × gaps: low row [low low medium], high row
//	      [medium high critical]
//	strength: review 2×(2|1|0) + logging 2|1|0, higher better; maximum 6
//	      weak below 50%, strong from 50%; at 80% or more the gaps lose 1
//
// Knock-outs: mfa no → residual at least high; encryption no → gap-level
// at least high (and so the matrix reads high); breach-notice none →
// residual at least critical; backups no → residual at least critical.
// review makes a finding only when the exposure level is high.

const koAllGood = `records: few
mfa: yes
encryption: yes
breach-notice: within-24h
review: yes
logging: yes`

func koScore(t *testing.T, q *assess.Questionnaire, replacements ...string) *assess.Result {
	t.Helper()
	body := koAllGood
	for i := 0; i+1 < len(replacements); i += 2 {
		if !strings.Contains(body, replacements[i]) {
			t.Fatalf("no %q in the answers", replacements[i])
		}
		body = strings.Replace(body, replacements[i], replacements[i+1], 1)
	}
	return scoreOf(t, q, body)
}

func TestKnockOutRaisesTheLevelAndSaysWhichAnswer(t *testing.T) {
	q := loadTestdata(t, "knockouts.yaml")

	// All good: exposure 0 of 2 (low), gaps 0 of 8 (low), residual low;
	// strength 6 of 6 = 100%, so the rule takes the gaps to -1, still low.
	res := koScore(t, q)
	if got := levelOf(t, res, "residual"); got != "low" {
		t.Fatalf("residual %s, want low", got)
	}
	if l, _ := res.Level("residual"); len(l.Floors) != 0 || l.Raised {
		t.Errorf("floors with every answer good: %+v", l.Floors)
	}

	// mfa no: gaps 4 of 8 = 50%, medium; low × medium = low; the
	// knock-out raises it to high and names mfa and its answer.
	res = koScore(t, q, "mfa: yes", "mfa: no")
	l, _ := res.Level("residual")
	if l.Level != "high" || !l.Raised || l.Unfloored != "low" || l.Rank != 2 {
		t.Fatalf("residual %+v, want high raised from low", l)
	}
	if len(l.Floors) != 1 || l.Floors[0].Question != "mfa" || l.Floors[0].Answer != "No" || l.Floors[0].AtLeast != "high" {
		t.Errorf("floors %+v", l.Floors)
	}
	if !strings.Contains(l.Why, `moved to high by the knock-out on mfa, answered "No": Without MFA`) {
		t.Errorf("why: %s", l.Why)
	}
	if res.Outcome.Level != "high" {
		t.Errorf("outcome %s, want high", res.Outcome.Level)
	}

	// mfa partial is no full gap: no floor. 2 of 8 = 25%, low: residual low.
	res = koScore(t, q, "mfa: yes", "mfa: partial")
	if got := levelOf(t, res, "residual"); got != "low" {
		t.Errorf("mfa partial: residual %s, want low", got)
	}

	// mfa unanswered: counted as its worst answer, in the points (4 of 8 =
	// 50%: medium; low × medium = low) and in the knock-outs: its floor
	// holds, named as unanswered, and raises residual to high; the result
	// is incomplete.
	res = koScore(t, q, "mfa: yes\n", "")
	if l, _ := res.Level("residual"); l.Level != "high" || l.Unfloored != "low" || len(l.Floors) != 1 ||
		!strings.HasPrefix(l.Floors[0].Answer, "unanswered") || res.Complete {
		t.Errorf("mfa unanswered: %+v, complete %v", l, res.Complete)
	}

	// breach-notice unanswered: its worst answer, none, carries the
	// critical floor, so an unanswered breach notice reads critical.
	res = koScore(t, q, "breach-notice: within-24h\n", "")
	if l, _ := res.Level("residual"); l.Level != "critical" || len(l.Floors) != 1 || l.Floors[0].Question != "breach-notice" ||
		!strings.HasPrefix(l.Floors[0].Answer, "unanswered") {
		t.Errorf("breach-notice unanswered: %+v", l)
	}

	// mfa no and breach-notice none: both floors hold, the higher one
	// (critical) sets the level; both are listed in question order.
	res = koScore(t, q, "mfa: yes", "mfa: no", "breach-notice: within-24h", "breach-notice: none")
	l, _ = res.Level("residual")
	if l.Level != "critical" || len(l.Floors) != 2 || l.Floors[1].Question != "breach-notice" || !strings.Contains(l.Why, "knock-out on breach-notice") {
		t.Errorf("two floors: %+v", l)
	}
}

// A floor under an input level of a matrix moves the matrix: encryption no
// makes the gaps 1 of 8 = 12.5%, low, floored to high; low exposure × high
// gaps = medium, and with many records (high exposure, backups yes) high
// × high = critical.
func TestKnockOutOnAMatrixInput(t *testing.T) {
	q := loadTestdata(t, "knockouts.yaml")
	res := koScore(t, q, "encryption: yes", "encryption: no")
	if g, _ := res.Level("gap-level"); g.Level != "high" || !g.Raised || g.Unfloored != "low" {
		t.Errorf("gap-level %+v", g)
	}
	if got := levelOf(t, res, "residual"); got != "medium" {
		t.Errorf("residual %s, want medium (low × high)", got)
	}
	res = koScore(t, q, "encryption: yes", "encryption: no", "records: few", "records: many\nbackups: yes")
	if got := levelOf(t, res, "residual"); got != "critical" {
		t.Errorf("residual %s, want critical (high × high)", got)
	}
}

// A hidden question's answer is kept but never counted, knock-outs
// included: backups no with few records sets no floor; with many records
// it shows and sets residual critical.
func TestKnockOutOfAHiddenQuestion(t *testing.T) {
	q := loadTestdata(t, "knockouts.yaml")
	res := koScore(t, q, "records: few", "records: few\nbackups: no")
	if got := levelOf(t, res, "residual"); got != "low" {
		t.Errorf("hidden backups no: residual %s, want low", got)
	}
	res = koScore(t, q, "records: few", "records: many\nbackups: no")
	if l, _ := res.Level("residual"); l.Level != "critical" || len(l.Floors) != 1 || l.Floors[0].Question != "backups" {
		t.Errorf("visible backups no: %+v", l)
	}
}

// review makes a finding only when the exposure level is high. With few
// records (exposure low) review no shows "answered", no finding, and says
// why; with many records it is a high finding that says why.
func TestFindingIf(t *testing.T) {
	q := loadTestdata(t, "knockouts.yaml")
	res := koScore(t, q, "review: yes", "review: no")
	r := questionOf(t, res, "review")
	if r.Status != assess.StatusInfo || !strings.Contains(r.Why, "no finding: Exposure is low") {
		t.Errorf("review no at low exposure: %s (%s)", r.Status, r.Why)
	}
	if got := findingsOf(res); got != "" {
		t.Errorf("findings %s, want none", got)
	}
	// Its points still count: strength 2 of 6 = 33.3%, weak.
	if got := levelOf(t, res, "strength-level"); got != "weak" {
		t.Errorf("strength %s, want weak", got)
	}
	res = koScore(t, q, "review: yes", "review: no", "records: few", "records: many\nbackups: yes")
	if got := findingsOf(res); got != "review:high" {
		t.Fatalf("findings %s, want review:high", got)
	}
	if why := strings.Join(res.Findings[0].SeverityWhy, "; "); !strings.Contains(why, "a finding because Exposure is high") {
		t.Errorf("severity why: %s", why)
	}
}

// A dimension where no question counts (every strength question n/a) has
// a maximum of 0: the rule conditioned on it is not applicable and not
// applied, and the level banded on it has no step. Before, "0 of 0" was
// "at least 80%" and the rule took a point off the gaps.
func TestEmptyDimensionIsNotApplicable(t *testing.T) {
	q := loadTestdata(t, "knockouts.yaml")
	res := koScore(t, q, "review: yes", "review: na", "logging: yes", "logging: na", "mfa: yes", "mfa: partial")
	checkDim(t, res, "strength", "0", "0", "0")
	checkDim(t, res, "gaps", "2", "2", "8") // the rule did not take 1 off
	rr := res.Rules[0]
	if rr.Applied || !rr.NotApplicable || !strings.Contains(rr.Why, "not applicable") {
		t.Errorf("rule %+v", rr)
	}
	l, _ := res.Level("strength-level")
	if l.Level != "" || !l.NotApplicable || l.Name() != "not applicable" || l.Rank != -1 {
		t.Errorf("strength level %+v", l)
	}
	// One strength question answered: 2 of 2 = 100%, the rule applies.
	res = koScore(t, q, "review: yes", "review: na", "mfa: yes", "mfa: partial")
	checkDim(t, res, "gaps", "2", "1", "8")
}

func TestKnockOutLint(t *testing.T) {
	const base = "id: t\nversion: \"1\"\ntitle: T\nkind: privacy\nlevels: [{id: l, dimension: risk, bands: [{level: low, upto: 50%}, {level: high, over: 50%}]}]\n"
	cases := map[string]struct{ src, want string }{
		"unknown level": {base + "sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q, floor: {level: lvl, at_least: high, reason: R}}]}]\n",
			`unknown level "lvl"`},
		"step not in the scale": {base + "sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q, floor: {level: l, at_least: critical, reason: R}}]}]\n",
			`"critical" is not a level of l (low, high)`},
		"no reason": {base + "sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q, floor: {level: l, at_least: high}}]}]\n",
			`reason`},
		"floor on a text question": {base + "sections: [{id: s, title: S, questions: [{id: q, type: text, text: Q, floor: {level: l, at_least: high, reason: R}}]}]\n",
			`a text question never shows a gap`},
		"floor on an n/a option": {base + "sections: [{id: s, title: S, questions: [{id: q, type: single, text: Q, options: [{value: a, points: 0}, {value: b, na: true, floor: {level: l, at_least: high, reason: R}}]}]}]\n",
			`option "b" is not applicable`},
		"finding_if without severity": {base + "sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q, finding_if: {level: l, is: high}}]}]\n",
			`makes no findings, so finding_if does nothing`},
		"finding_if on an unknown level": {base + "sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q, severity: low, action: Do it., finding_if: {level: x, is: high}}]}]\n",
			`unknown level "x"`},
		"percent_of full with nothing to feed it": {"id: t\nversion: \"1\"\ntitle: T\nkind: privacy\ndimensions: [{id: a, higher: worse}, {id: b, higher: worse, percent_of: full}]\nsections: [{id: s, title: S, questions: [{id: q, type: control, dimension: a, text: Q}]}]\n",
			`dimension b has percent_of: full, but no question can score in it`},
		"percent_of zero": {"id: t\nversion: \"1\"\ntitle: T\nkind: privacy\ndimensions: [{id: a, higher: worse, percent_of: 0}]\nsections: [{id: s, title: S, questions: [{id: q, type: control, text: Q}]}]\n",
			`percent_of is "0"`},
	}
	for name, c := range cases {
		_, problems := questionnaires.Parse("t.yaml", []byte(c.src), questionnaires.Catalog())
		if !strings.Contains(problems.Error(), c.want) {
			t.Errorf("%s: problems %v, want %q", name, problems, c.want)
		}
	}
}

// An empty selection is an answer only where the question has a "none of
// these": its one exclusive option that is not "not applicable".
func TestNoneOption(t *testing.T) {
	q := loadTestdata(t, "canada-aia.yaml")
	rights, _ := q.Question("rights-affected") // liberty, health, economic, none (exclusive)
	if o := rights.NoneOption(); o == nil || o.Value != "none" {
		t.Errorf("rights-affected: none option %+v, want none", o)
	}
	// data-types has "none" (exclusive) besides a not-applicable option.
	basics := loadTestdata(t, "scoring-basics.yaml")
	if qq, _ := basics.Question("data-types"); qq.NoneOption() == nil || qq.NoneOption().Value != "none" {
		t.Errorf("data-types: no none option")
	}
	// ai-uses has no exclusive option; mfa is no multiple choice.
	cond := loadTestdata(t, "conditions.yaml")
	for _, id := range []string{"ai-uses", "mfa"} {
		qq, _ := cond.Question(id)
		if o := qq.NoneOption(); o != nil {
			t.Errorf("%s: none option %q, want none", id, o.Value)
		}
	}
}

// koBranch is one answer to a built-in question with a knock-out, every
// other answer at its best: the outcome, the question whose knock-out set
// it ("" for none), and the severity of the question's own finding (""
// for none).
type koBranch struct {
	questionnaire, question, answer string
	outcome, knockout, finding      string
}

// TestBuiltinKnockOutBranches: each branch of the knock-outs that decide a
// verdict on their own. With every other answer at its best each
// questionnaire reads low, so the outcome is what the one answer sets.
func TestBuiltinKnockOutBranches(t *testing.T) {
	for _, c := range []koBranch{
		// The necessity test (GDPR Article 35(7)(b)): a less intrusive
		// means that meets the purpose and was not adopted stops the
		// processing; one not shown either way is a gap to close, at
		// 1 × 2 points, no knock-out.
		{"dpia", "less-intrusive", "yes", "low", "", ""},
		{"dpia", "less-intrusive", "partial", "low", "", "medium"},
		{"dpia", "less-intrusive", "no", "high", "less-intrusive", "high"},
		// A high-risk AI system used outside its intended purpose, in
		// the whole deployment or in part of it, makes the deployer its
		// provider for that use (AI Act Articles 3(23), 25(1)(b)): the
		// partial gap carries the same knock-out as the full one, and is
		// a full gap too (gap: full), so its finding is high as well.
		{"eu-ai-act-fria", "intended-purpose", "yes", "low", "", ""},
		{"eu-ai-act-fria", "intended-purpose", "partial", "high", "intended-purpose", "high"},
		{"eu-ai-act-fria", "intended-purpose", "no", "high", "intended-purpose", "high"},
		// A vendor free to use our data for its own purposes, such as
		// training models it offers to others, is no longer our processor
		// for that use: at least high. Its use of data about our use of the
		// service only is a gap for the plan, one step below high.
		{"vendor-security-screen", "own-use", "yes", "low", "", ""},
		{"vendor-security-screen", "own-use", "partial", "low", "", "medium"},
		{"vendor-security-screen", "own-use", "no", "high", "own-use", "high"},
		// A vendor with no duty to return or delete our data at the end of
		// the contract cannot sign the processor terms GDPR Article
		// 28(3)(g) requires: at least medium, and its "no" is a high
		// finding. Backups kept longer, or a longer period, is a gap for the
		// plan, one step below the question's medium, with no knock-out.
		{"vendor-security-screen", "deletion", "yes", "low", "", ""},
		{"vendor-security-screen", "deletion", "partial", "low", "", "low"},
		{"vendor-security-screen", "deletion", "no", "medium", "deletion", "high"},
		// Known vulnerabilities left open with no fix deadline open our
		// data as a missing second factor does: at least high. Fixes late
		// for some systems are a gap for the plan, one step below high.
		{"vendor-security-screen", "patching", "yes", "low", "", ""},
		{"vendor-security-screen", "patching", "partial", "low", "", "medium"},
		{"vendor-security-screen", "patching", "no", "high", "patching", "high"},
		// Our data unencrypted at rest: at least high. One store left
		// unencrypted, such as the backups, is a full copy exposed, and
		// loses the GDPR Article 34(3)(a) exemption from telling the
		// people after a breach: at least medium, and a high finding (a
		// partial gap one step below its option's critical).
		{"vendor-security-screen", "encryption-rest", "yes", "low", "", ""},
		{"vendor-security-screen", "encryption-rest", "partial", "medium", "encryption-rest", "high"},
		{"vendor-security-screen", "encryption-rest", "no", "high", "encryption-rest", "high"},
		// A qualified opinion attests that the controls it names failed:
		// no better than no attestation, at least medium with a high
		// finding. Partial (a Type I report, a bridge letter) keeps its
		// medium finding with no knock-out.
		{"vendor-security-screen", "attestation", "yes", "low", "", ""},
		{"vendor-security-screen", "attestation", "partial", "low", "", "medium"},
		{"vendor-security-screen", "attestation", "qualified", "medium", "attestation", "high"},
		{"vendor-security-screen", "attestation", "no", "medium", "attestation", "high"},
		// Shared accounts to our data, administrators' included, cannot be
		// removed person by person or traced: at least medium, a high
		// finding. Roles broader than needed are a gap for the plan.
		{"vendor-security-screen", "least-privilege", "yes", "low", "", ""},
		{"vendor-security-screen", "least-privilege", "partial", "low", "", "low"},
		{"vendor-security-screen", "least-privilege", "shared", "medium", "least-privilege", "high"},
		{"vendor-security-screen", "least-privilege", "no", "low", "", "medium"},
		// Sub-processors the vendor will not name cannot be authorised
		// (GDPR Article 28(2)): at least high. A list without every
		// location is a gap for the plan, one step below high.
		{"third-party-due-diligence", "subprocessor-list", "yes", "low", "", ""},
		{"third-party-due-diligence", "subprocessor-list", "partial", "low", "", "medium"},
		{"third-party-due-diligence", "subprocessor-list", "no", "high", "subprocessor-list", "high"},
		// Direct sub-processors named but not those further down the
		// chain: each processor in the chain needs our authorisation (GDPR
		// Article 28(2) and 28(4)), so onboarding waits on the condition
		// that they are named: at least medium, a partial gap one step
		// below high.
		{"third-party-due-diligence", "subprocessor-list", "direct-only", "medium", "subprocessor-list", "medium"},
		// A going-concern doubt, insolvency or a rescue under way may end
		// the service before the contract does: at least medium, with an
		// exit plan as a condition, and a high finding. Finances merely
		// unknown stay a gap for the plan, with no knock-out.
		{"third-party-due-diligence", "financial-health", "sound", "low", "", ""},
		{"third-party-due-diligence", "financial-health", "unknown", "low", "", "medium"},
		{"third-party-due-diligence", "financial-health", "going-concern", "medium", "financial-health", "high"},
		// Sale forbidden but combination with other data, or use for other
		// clients, allowed: not a service provider under the CCPA
		// (1798.140(ag)(1)), so each disclosure is a sale: at least high,
		// a full gap. Partly forbidden otherwise stays a gap for the plan.
		{"third-party-due-diligence", "no-sale", "partial", "low", "", "medium"},
		{"third-party-due-diligence", "no-sale", "combination-allowed", "high", "no-sale", "high"},
		{"third-party-due-diligence", "no-sale", "no", "high", "no-sale", "high"},
		// A breach kept from customers, or never explained (GDPR Article
		// 33(2)), is at least high, with a high finding; one explained
		// and fixed is no gap.
		{"third-party-due-diligence", "incident-history", "none", "low", "", ""},
		{"third-party-due-diligence", "incident-history", "resolved", "low", "", ""},
		{"third-party-due-diligence", "incident-history", "unresolved", "high", "incident-history", "high"},
		// A processor with no data processing agreement may not receive
		// the data (GDPR Article 28(3)): at least high. Some processors
		// covered is a gap for the plan, one step below high.
		{"dpia", "processor-terms", "yes", "low", "", ""},
		{"dpia", "processor-terms", "partial", "low", "", "medium"},
		{"dpia", "processor-terms", "no", "high", "processor-terms", "high"},
		// No complaint mechanism for the people affected (AI Act Article
		// 27(1)(f)) stops first use, as missing oversight measures (e)
		// do: at least high. A route covering part of the use is a gap
		// for the plan, one step below high.
		{"eu-ai-act-fria", "complaints", "yes", "low", "", ""},
		{"eu-ai-act-fria", "complaints", "partial", "low", "", "medium"},
		{"eu-ai-act-fria", "complaints", "no", "high", "complaints", "high"},
		// A licence missing a clause on what the licensee may do with the
		// data, on our audit of it, on its recipients, on reverse
		// engineering our models, on ending the deal, or the data
		// protection addendum, is signed only once it is in: the deal risk
		// is at least medium. A partial clause is a gap for the plan, one
		// step below high, with no knock-out.
		{"data-licensing", "permitted-purposes", "partial", "low", "", "medium"},
		{"data-licensing", "permitted-purposes", "no", "medium", "permitted-purposes", "high"},
		{"data-licensing", "forbidden-uses", "partial", "low", "", "medium"},
		{"data-licensing", "forbidden-uses", "no", "medium", "forbidden-uses", "high"},
		{"data-licensing", "resale", "partial", "low", "", "medium"},
		{"data-licensing", "resale", "no", "medium", "resale", "high"},
		{"data-licensing", "audit-rights", "partial", "low", "", "medium"},
		{"data-licensing", "audit-rights", "no", "medium", "audit-rights", "high"},
		{"data-licensing", "weights-redistribution", "partial", "low", "", "medium"},
		{"data-licensing", "weights-redistribution", "no", "medium", "weights-redistribution", "high"},
		{"data-licensing", "no-reidentification", "partial", "low", "", "medium"},
		{"data-licensing", "no-reidentification", "no", "medium", "no-reidentification", "high"},
		{"data-licensing", "onward-terms", "partial", "low", "", "medium"},
		{"data-licensing", "onward-terms", "no", "medium", "onward-terms", "high"},
		{"data-licensing", "dpa", "partial", "low", "", "medium"},
		{"data-licensing", "dpa", "no", "medium", "dpa", "high"},
		{"data-licensing", "no-reverse-engineering", "partial", "low", "", "medium"},
		{"data-licensing", "no-reverse-engineering", "no", "medium", "no-reverse-engineering", "high"},
		{"data-licensing", "termination", "partial", "low", "", "medium"},
		{"data-licensing", "termination", "no", "medium", "termination", "high"},
		// A licence silent on who owns our background IP or what is built
		// under the deal is signed only once the clause is in, as for the
		// clauses above.
		{"data-licensing", "background-ip", "yes", "low", "", ""},
		{"data-licensing", "background-ip", "partial", "low", "", "medium"},
		{"data-licensing", "background-ip", "no", "medium", "background-ip", "high"},
		{"data-licensing", "foreground-ip", "yes", "low", "", ""},
		{"data-licensing", "foreground-ip", "partial", "low", "", "medium"},
		{"data-licensing", "foreground-ip", "no", "medium", "foreground-ip", "high"},
		// Licensed assets built from sources whose terms were not checked,
		// or forbid this use, in whole or in part: we cannot license what
		// we had no right to make, so the deal risk is at least high.
		{"data-licensing", "source-rights", "yes", "low", "", ""},
		{"data-licensing", "source-rights", "partial", "high", "source-rights", "high"},
		{"data-licensing", "source-rights", "no", "high", "source-rights", "high"},
		// The provider's Article 13 information not obtained, or used in
		// place of rating the risks on our own population (AI Act Article
		// 27(1)(d)): at least medium.
		{"eu-ai-act-fria", "provider-information", "yes", "low", "", ""},
		{"eu-ai-act-fria", "provider-information", "partial", "medium", "provider-information", "medium"},
		{"eu-ai-act-fria", "provider-information", "no", "medium", "provider-information", "high"},
		// Outputs, or a model, delivered untested for identifying content
		// (memorisation, for a model) cannot be recalled: at least medium.
		// A test of part of the outputs is a gap for the plan, one step
		// below high, with no knock-out.
		{"data-licensing", "output-testing", "yes", "low", "", ""},
		{"data-licensing", "output-testing", "partial", "low", "", "medium"},
		{"data-licensing", "output-testing", "no", "medium", "output-testing", "high"},
		// A term the licensee can meet after the signature (taking out
		// cyber insurance) keeps its finding without a knock-out.
		{"data-licensing", "cyber-insurance", "no", "low", "", "low"},
	} {
		t.Run(c.questionnaire+"/"+c.question+"="+c.answer, func(t *testing.T) {
			checkKOBranch(t, c, nil)
		})
	}
}

// TestBuiltinKnockOutBranchesWhenAsked: the knock-outs on questions asked
// only for some processings, datasets or vendors (our data going abroad),
// with the answers that make them asked and every other answer at its
// best.
func TestBuiltinKnockOutBranchesWhenAsked(t *testing.T) {
	solely := map[string]assess.Value{
		"automated-decisions": biChoice("solely-automated"),
		"automated-exception": biChoice("explicit-consent"),
	}
	solelyContract := map[string]assess.Value{
		"automated-decisions": biChoice("solely-automated"),
		"automated-exception": biChoice("contract"),
	}
	solelyByLaw := map[string]assess.Value{
		"automated-decisions": biChoice("solely-automated"),
		"automated-exception": biChoice("law"),
	}
	solelyUSOnly := map[string]assess.Value{
		"jurisdictions":       biChoices("us-state"),
		"automated-decisions": biChoice("solely-automated"),
	}
	joint := map[string]assess.Value{"joint-controllers": biChoice("yes")}
	health := map[string]assess.Value{"sector": biChoices("health")}
	healthPseudonymized := map[string]assess.Value{"sector": biChoices("health"), "data-state": biChoice("pseudonymized")}
	pseudonymized := map[string]assess.Value{"data-state": biChoice("pseudonymized")}
	deidentified := map[string]assess.Value{"data-state": biChoice("de-identified")}
	aggregated := map[string]assess.Value{"techniques": biChoices("aggregation")}
	dp := map[string]assess.Value{"techniques": biChoices("differential-privacy")}
	location := map[string]assess.Value{"source-attributes": biChoices("location")}
	abroad := map[string]assess.Value{"data-location": biChoice("known-abroad")}
	consent := map[string]assess.Value{"legal-basis": biChoice("consent")}
	bought := map[string]assess.Value{"us-consumers": biChoice("yes"), "data-source": biChoice("third-party")}
	workers := map[string]assess.Value{"affected-categories": biChoices("workers"), "workplace-use": biChoice("yes")}
	soc2 := map[string]assess.Value{"attestations": biChoices("soc2-type2")}
	// Business criticality high: outage-impact regulated 4 × 3 = 12,
	// recovery-need hours 3 × 2 = 6, substitutability hard 2: 20 of 20.
	// With data sensitivity at its best (low) the tier is low × high =
	// moderate, so the residual reads low until a knock-out moves it.
	critical := map[string]assess.Value{
		"outage-impact": biChoice("regulated"), "recovery-need": biChoice("hours"), "substitutability": biChoice("hard"),
	}
	// Medium: outage-impact disruption 2 × 3 = 6 of 20 = 30%.
	mediumCritical := map[string]assess.Value{"outage-impact": biChoice("disruption")}
	// A vendor that supplies us with personal data it obtained, such as
	// a list provider: the questions on the data's source are asked.
	supplied := map[string]assess.Value{"third-party-data": biChoice("yes")}
	// The same supplying special-category or criminal-offence data about
	// up to a thousand people: personal data supplied 1 + 3 = 4, medium;
	// tier moderate, which with no gaps still reads low.
	suppliedSpecial := map[string]assess.Value{"third-party-data": biChoice("yes"), "supplied-categories": biChoices("special")}
	suppliedCriminal := map[string]assess.Value{"third-party-data": biChoice("yes"), "supplied-categories": biChoices("criminal")}
	// A vendor whose data a business process relies on, none personal.
	suppliedOther := map[string]assess.Value{"supplied-other-data": biChoice("yes")}
	for _, c := range []struct {
		koBranch
		given map[string]assess.Value
	}{
		// A transfer with no adequacy decision and no Article 46 safeguard
		// is forbidden from the first day (GDPR Articles 44 and 46), as the
		// DPIA's own knock-out on the question says: at least high. A
		// safeguard for some transfers only is a gap for the plan, one
		// step below high, with no knock-out.
		{koBranch{"third-party-due-diligence", "transfer-safeguards", "yes", "low", "", ""}, abroad},
		{koBranch{"third-party-due-diligence", "transfer-safeguards", "partial", "low", "", "medium"}, abroad},
		{koBranch{"third-party-due-diligence", "transfer-safeguards", "no", "high", "transfer-safeguards", "high"}, abroad},
		// Solely automated decisions on the contract or consent exception
		// without the Article 22(3) safeguards fall back under the
		// Article 22(1) ban: no way to put one's point of view, or to
		// contest, is at least high, and each is a high finding.
		{koBranch{"dpia", "point-of-view", "yes", "low", "", ""}, solely},
		{koBranch{"dpia", "point-of-view", "partial", "low", "", "medium"}, solely},
		{koBranch{"dpia", "point-of-view", "no", "high", "point-of-view", "high"}, solely},
		{koBranch{"dpia", "contest-decision", "yes", "low", "", ""}, solely},
		{koBranch{"dpia", "contest-decision", "partial", "low", "", "medium"}, solely},
		{koBranch{"dpia", "contest-decision", "no", "high", "contest-decision", "high"}, solely},
		{koBranch{"dpia", "point-of-view", "no", "high", "point-of-view", "high"}, solelyContract},
		{koBranch{"dpia", "contest-decision", "no", "high", "contest-decision", "high"}, solelyContract},
		// Article 22(3) speaks only of the contract and consent
		// exceptions: a decision authorised by law (22(2)(b)) follows that
		// law's safeguards, and without the GDPR Article 22 does not
		// apply. There point-of-view and contest-decision are not asked,
		// so their answers set nothing, and appeal is asked instead: a
		// high finding with no knock-out, since no law requires an appeal
		// in all those cases.
		{koBranch{"dpia", "point-of-view", "no", "low", "", ""}, solelyByLaw},
		{koBranch{"dpia", "contest-decision", "no", "low", "", ""}, solelyByLaw},
		{koBranch{"dpia", "point-of-view", "no", "low", "", ""}, solelyUSOnly},
		{koBranch{"dpia", "contest-decision", "no", "low", "", ""}, solelyUSOnly},
		{koBranch{"dpia", "appeal", "yes", "low", "", ""}, solelyUSOnly},
		{koBranch{"dpia", "appeal", "partial", "low", "", "medium"}, solelyUSOnly},
		{koBranch{"dpia", "appeal", "no", "low", "", "high"}, solelyUSOnly},
		{koBranch{"dpia", "appeal", "no", "low", "", "high"}, solelyByLaw},
		// Not asked where contest-decision is.
		{koBranch{"dpia", "appeal", "no", "low", "", ""}, solely},
		// human-review is asked of decisions people take with automated
		// support too, where Article 22 does not apply: a high finding
		// with no knock-out, for solely automated decisions as well.
		{koBranch{"dpia", "human-review", "no", "low", "", "high"}, solely},
		{koBranch{"dpia", "human-review", "no", "low", "", "high"},
			map[string]assess.Value{"automated-decisions": biChoice("assisted")}},
		// Joint controllers with no Article 26 arrangement: at least high.
		{koBranch{"dpia", "joint-arrangement", "yes", "low", "", ""}, joint},
		{koBranch{"dpia", "joint-arrangement", "partial", "low", "", "medium"}, joint},
		{koBranch{"dpia", "joint-arrangement", "no", "high", "joint-arrangement", "high"}, joint},
		// Health data not de-identified to the legal standard is
		// protected health information or special-category data: at least
		// critical. Partly de-identified (rare diagnoses left out of the
		// risk test) still singles some people out, special-category data
		// for them (GDPR Article 9): at least high, and a high finding (a
		// partial gap one step below critical).
		{koBranch{"anonymized-dataset", "health-deidentification", "yes", "low", "", ""}, health},
		{koBranch{"anonymized-dataset", "health-deidentification", "partial", "high", "health-deidentification", "high"}, health},
		{koBranch{"anonymized-dataset", "health-deidentification", "no", "critical", "health-deidentification", "critical"}, health},
		// Health data that is pseudonymized is not asked the
		// de-identification standard: it is personal data, handled as
		// such or not (personal-data-handling below).
		{koBranch{"anonymized-dataset", "health-deidentification", "no", "medium", "", ""}, healthPseudonymized},
		// Pseudonymized data not handled as personal data is processed
		// unlawfully now: at least critical. Untested de-identified data
		// of low sensitivity is a high finding, left to the knock-out on a
		// risk never measured.
		{koBranch{"anonymized-dataset", "personal-data-handling", "yes", "medium", "", ""}, pseudonymized},
		{koBranch{"anonymized-dataset", "personal-data-handling", "no", "critical", "personal-data-handling", "high"}, pseudonymized},
		{koBranch{"anonymized-dataset", "personal-data-handling", "no", "low", "", "high"}, deidentified},
		// Suppressed cells worked out from the totals are small counts
		// published: at least critical; from other tables or releases
		// only, at least high.
		{koBranch{"anonymized-dataset", "secondary-suppression", "yes", "low", "", ""}, aggregated},
		{koBranch{"anonymized-dataset", "secondary-suppression", "partial", "high", "secondary-suppression", "medium"}, aggregated},
		{koBranch{"anonymized-dataset", "secondary-suppression", "no", "critical", "secondary-suppression", "high"}, aggregated},
		// A privacy budget per record or event overstates the protection
		// of people with many: at least medium.
		{koBranch{"anonymized-dataset", "dp-unit", "person", "low", "", ""}, dp},
		{koBranch{"anonymized-dataset", "dp-unit", "event", "medium", "dp-unit", "high"}, dp},
		// Location trajectories never tested: at least high.
		{koBranch{"anonymized-dataset", "location-trajectory", "untested", "high", "location-trajectory", "high"}, location},
		// Consent that cannot be refused or withdrawn without detriment is
		// not free and so no legal basis (GDPR Articles 4(11) and 7(4)): at
		// least high. A lesser alternative is a gap for the plan, one step
		// below high. The question scores nothing (dimension none).
		{koBranch{"dpia", "consent-free", "yes", "low", "", ""}, consent},
		{koBranch{"dpia", "consent-free", "partial", "low", "", "medium"}, consent},
		{koBranch{"dpia", "consent-free", "no", "high", "consent-free", "high"}, consent},
		// Selling data about consumers we have no relationship with,
		// unregistered as a data broker where the states require it: at
		// least high from the first delivery.
		{koBranch{"data-licensing", "data-broker", "yes", "low", "", ""}, bought},
		{koBranch{"data-licensing", "data-broker", "partial", "low", "", "medium"}, bought},
		{koBranch{"data-licensing", "data-broker", "no", "high", "data-broker", "high"}, bought},
		// A data broker that sells the data of consumers who asked
		// California's Delete Request and Opt-out Platform to delete it
		// breaks the Delete Act from the first delivery after 1 August
		// 2026: at least high. Requests processed late for some lists
		// are a gap for the plan, one step below high.
		{koBranch{"data-licensing", "broker-deletions", "yes", "low", "", ""}, bought},
		{koBranch{"data-licensing", "broker-deletions", "partial", "low", "", "medium"}, bought},
		{koBranch{"data-licensing", "broker-deletions", "no", "high", "broker-deletions", "high"}, bought},
		// Workers and their representatives not told before a high-risk
		// system is used at the workplace (AI Act Article 26(7)): a duty
		// no later step can meet, so at least high.
		{koBranch{"eu-ai-act-fria", "workers-informed", "yes", "low", "", ""}, workers},
		{koBranch{"eu-ai-act-fria", "workers-informed", "partial", "low", "", "medium"}, workers},
		{koBranch{"eu-ai-act-fria", "workers-informed", "no", "high", "workers-informed", "high"}, workers},
		// A SOC 2 report whose auditor qualified the opinion on controls
		// that protect our data attests that they failed: as the vendor
		// screen's attestation answers it, at least medium with a high
		// finding. Exceptions still open are a gap for the plan at the
		// question's medium, with no knock-out.
		{koBranch{"third-party-due-diligence", "soc2-exceptions", "yes", "low", "", ""}, soc2},
		{koBranch{"third-party-due-diligence", "soc2-exceptions", "partial", "low", "", "low"}, soc2},
		{koBranch{"third-party-due-diligence", "soc2-exceptions", "no", "low", "", "medium"}, soc2},
		{koBranch{"third-party-due-diligence", "soc2-exceptions", "qualified", "medium", "soc2-exceptions", "high"}, soc2},
		// A service of high business criticality with no exit plan, or
		// whose continuity plan misses our recovery time objective, is
		// at least medium: onboard on conditions, the plan among them
		// (EBA/GL/2019/02 on exit strategies for critical or important
		// functions; DORA Article 28(8)). A plan partly there is a gap
		// for the plan, one step below medium, with no knock-out; at
		// medium or low criticality "no" is a medium finding only.
		{koBranch{"third-party-due-diligence", "exit-plan", "yes", "low", "", ""}, critical},
		{koBranch{"third-party-due-diligence", "exit-plan", "partial", "low", "", "low"}, critical},
		{koBranch{"third-party-due-diligence", "exit-plan", "no", "medium", "exit-plan", "medium"}, critical},
		{koBranch{"third-party-due-diligence", "exit-plan", "no", "low", "", "medium"}, mediumCritical},
		{koBranch{"third-party-due-diligence", "exit-plan", "no", "low", "", "medium"}, nil},
		{koBranch{"third-party-due-diligence", "continuity-plan", "yes", "low", "", ""}, critical},
		{koBranch{"third-party-due-diligence", "continuity-plan", "partial", "low", "", "low"}, critical},
		{koBranch{"third-party-due-diligence", "continuity-plan", "no", "medium", "continuity-plan", "medium"}, critical},
		{koBranch{"third-party-due-diligence", "continuity-plan", "no", "low", "", "medium"}, mediumCritical},
		{koBranch{"third-party-due-diligence", "continuity-plan", "no", "low", "", "medium"}, nil},
		// Personal data bought in: we become its controller and must show
		// it is processed lawfully (GDPR Articles 5(2) and 6(1)). A vendor
		// that cannot show where its records came from, or the lawful
		// basis they were collected on, supplies data we cannot use: at
		// least high. Provenance for some records only is a gap for the
		// plan (use only those), one step below high.
		{koBranch{"third-party-due-diligence", "source-lawful-basis", "yes", "low", "", ""}, supplied},
		{koBranch{"third-party-due-diligence", "source-lawful-basis", "partial", "low", "", "medium"}, supplied},
		{koBranch{"third-party-due-diligence", "source-lawful-basis", "no", "high", "source-lawful-basis", "high"}, supplied},
		// Not asked of a vendor that supplies no personal data.
		{koBranch{"third-party-due-diligence", "source-lawful-basis", "no", "low", "", ""}, nil},
		// Special-category data needs an Article 9(2) condition, and
		// criminal-offence data an Article 10 authority, on top of a lawful
		// basis: without one the data is unlawful in our hands too, at
		// least high. For some records only, a gap for the plan (use only
		// those the vendor accounts for). Asked only when those kinds are
		// supplied.
		{koBranch{"third-party-due-diligence", "source-special-condition", "yes", "low", "", ""}, suppliedSpecial},
		{koBranch{"third-party-due-diligence", "source-special-condition", "partial", "low", "", "medium"}, suppliedSpecial},
		{koBranch{"third-party-due-diligence", "source-special-condition", "no", "high", "source-special-condition", "high"}, suppliedSpecial},
		{koBranch{"third-party-due-diligence", "source-special-condition", "no", "low", "", ""}, supplied},
		{koBranch{"third-party-due-diligence", "source-criminal-authority", "yes", "low", "", ""}, suppliedCriminal},
		{koBranch{"third-party-due-diligence", "source-criminal-authority", "partial", "low", "", "medium"}, suppliedCriminal},
		{koBranch{"third-party-due-diligence", "source-criminal-authority", "no", "high", "source-criminal-authority", "high"}, suppliedCriminal},
		{koBranch{"third-party-due-diligence", "source-criminal-authority", "no", "low", "", ""}, suppliedSpecial},
		// A feed that is not personal data used beyond its licence: at
		// least medium, as for a list.
		{koBranch{"third-party-due-diligence", "supply-licence", "no", "medium", "supply-licence", "medium"}, suppliedOther},
		{koBranch{"third-party-due-diligence", "supply-licence", "no", "low", "", ""}, nil},
		// The people not told their data would reach us (Article 14), our
		// own notice late, marketing messages without the consent the
		// ePrivacy rules require: high findings, no knock-out, since each
		// can be put right before first use. Opt-outs not passed on:
		// medium.
		{koBranch{"third-party-due-diligence", "source-notice", "no", "low", "", "high"}, supplied},
		{koBranch{"third-party-due-diligence", "our-notice", "no", "low", "", "high"}, supplied},
		{koBranch{"third-party-due-diligence", "marketing-consent", "no", "low", "", "high"}, supplied},
		{koBranch{"third-party-due-diligence", "marketing-consent", "na", "low", "", ""}, supplied},
		{koBranch{"third-party-due-diligence", "opt-outs", "no", "low", "", "medium"}, supplied},
		{koBranch{"third-party-due-diligence", "opt-outs", "partial", "low", "", "low"}, supplied},
		// Data used beyond its licence breaches the contract and may
		// infringe the vendor's database right: the licence must cover our
		// main use before we buy, at least medium. A few planned uses left
		// out are a gap for the plan, one step below medium.
		{koBranch{"third-party-due-diligence", "supply-licence", "yes", "low", "", ""}, supplied},
		{koBranch{"third-party-due-diligence", "supply-licence", "partial", "low", "", "low"}, supplied},
		{koBranch{"third-party-due-diligence", "supply-licence", "no", "medium", "supply-licence", "medium"}, supplied},
		// A warranty, an indemnity, the records' age and the delivery
		// channel are findings for the plan, with no knock-out.
		{koBranch{"third-party-due-diligence", "supply-warranty", "no", "low", "", "medium"}, supplied},
		{koBranch{"third-party-due-diligence", "supply-indemnity", "no", "low", "", "medium"}, supplied},
		{koBranch{"third-party-due-diligence", "data-accuracy", "no", "low", "", "medium"}, supplied},
		{koBranch{"third-party-due-diligence", "delivery-channel", "no", "low", "", "medium"}, supplied},
	} {
		t.Run(c.questionnaire+"/"+c.question+"="+c.answer, func(t *testing.T) {
			checkKOBranch(t, c.koBranch, c.given)
		})
	}
}

// checkKOBranch scores c's answer with the given answers and every other
// answer at its best, and checks the outcome, the knock-out that set it
// and the question's own finding.
func checkKOBranch(t *testing.T, c koBranch, given map[string]assess.Value) {
	t.Helper()
	q := biGet(t, c.questionnaire)
	overrides := map[string]assess.Value{c.question: biChoice(c.answer)}
	for id, v := range given {
		overrides[id] = v
	}
	res := assess.Score(q, biAnswers(t, q, false, overrides), biAssessedOn)
	ko, _ := res.Outcome.Knockout()
	if res.Outcome.Level != c.outcome || ko.Question != c.knockout {
		t.Errorf("outcome %s (knock-out %q), want %s (%q); %s", res.Outcome.Level, ko.Question, c.outcome, c.knockout, res.Outcome.Why)
	}
	finding := ""
	for _, f := range res.Findings {
		if f.QuestionID == c.question {
			finding = f.Severity.String()
		}
	}
	if finding != c.finding {
		t.Errorf("%s's finding %q, want %q (findings %s)", c.question, finding, c.finding, findingsOf(res))
	}
}
