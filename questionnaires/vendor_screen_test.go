package questionnaires_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// The built-in vendor security screen, scored by hand. One dimension, risk
// (higher is worse); control questions score yes 0, partial 1, no 2, times
// their weight (severity in brackets):
//
//	attestation 3 (high)        policy 1 (medium)         personnel 1 (medium)
//	confidentiality 1 (medium)  security-training 1 (low) mfa 3 (high)
//	least-privilege 2 (medium)  access-review 1 (medium)  leavers 1 (medium)
//	encryption-rest 2 (high)    encryption-transit 2 (high) deletion 1 (medium; "no" high)
//	own-use 3 (high)            vulnerabilities 1 (medium) patching 2 (high)
//	pentest 1 (medium)          logging 1 (medium)        monitoring 1 (medium)
//	backups 1 (medium; "none" high) continuity 1 (medium)     breach-notice 3 (high)
//	incident-plan 2 (medium)    subprocessors 1 (medium)  subprocessor-terms 1 (medium)
//	subprocessor-notice 1 (medium) supported-software 2 (high) transfer-tools 2 (high)
//	incident-record 1 (high)    change-sign-off 2 (high)  change-testing 1 (medium)
//	change-rollback 1 (low)     change-notice 1 (medium)
//
// encryption-rest's "partly" carries its own severity, critical, so that
// its partial gap is a high finding (one step below).
//
// Weights add up to 48, so the maximum is 96 with nothing n/a. Levels:
// low up to 25%, medium over 25% up to 50%, high over 50% up to 75%,
// critical over 75%, of the maximum of what is applicable.
const vendorScenario = `
data-sensitivity: personal
attestation: {answer: no, note: Certificate expired in 2024., evidence: [ISO certificate 2021-2024]}
policy: partial
personnel: yes
confidentiality: yes
security-training: yes
mfa: partial
least-privilege: yes
access-review: na
leavers: yes
encryption-rest: yes
encryption-transit: yes
deletion: no
own-use: partial
vulnerabilities: yes
patching: partial
supported-software: yes
pentest: yes
logging: partial
monitoring: partial
backups: yes
continuity: yes
change-sign-off: yes
change-testing: yes
change-rollback: yes
change-notice: no
breach-notice: yes
incident-record: yes
incident-plan: yes
subprocessors: yes
subprocessor-terms: yes
transfer-tools: na`

func vendorScreen(t *testing.T) *assess.Questionnaire {
	t.Helper()
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	q, ok := lib.Get("vendor-security-screen")
	if !ok {
		t.Fatal("vendor-security-screen is missing")
	}
	return q
}

func TestVendorScreenScoredByHand(t *testing.T) {
	q := vendorScreen(t)
	// Assessed on the last day of January, so that deadlines cross the
	// end of February (28 days in 2026) and of other months.
	assessed := assess.NewDate(2026, 1, 31)
	a := &assess.Assessment{Questionnaire: q, AssessedOn: assessed, Answers: answersOf(t, q, vendorScenario)}
	e := assess.Evaluate(a, assessed)
	res := e.Result

	// attestation no 2×3 = 6; policy partial 1×1 = 1; mfa partial 1×3 = 3;
	// deletion no 2×1 = 2; own-use partial 1×3 = 3; patching partial 1×2
	// = 2; logging partial 1; monitoring partial 1; change-notice no (no
	// duty to tell us of material changes) 2×1 = 2; subprocessor-notice
	// unanswered, counted as its worst, no: 2×1 = 2; the rest yes, 0.
	// access-review and transfer-tools n/a leave the maximum: 96 - 2×1 -
	// 2×2 = 90. Total 6 + 1 + 3 + 2 + 3 + 2 + 1 + 1 + 2 + 2 = 23 of 90 =
	// 25.56%: over 25% (22.5) and up to 50% (45): medium by the points. mfa partly (some people reach
	// our data with a password alone) is a knock-out: high; attestation no
	// and deletion no each set medium, below it; own-use partly (usage
	// statistics only) and patching partly (only "no" is a knock-out) set
	// none.
	checkDim(t, res, "risk", "23", "23", "90")
	if d := res.Dimension("risk"); d.Percent != dec("25.6") {
		t.Errorf("percent %s, want 25.6", d.Percent)
	}
	if res.Outcome == nil || res.Outcome.ID != "overall" || res.Outcome.Level != "high" || res.Outcome.Unfloored != "medium" {
		t.Errorf("outcome %+v, want overall high (medium by the points)", res.Outcome)
	}
	if ko, _ := res.Outcome.Knockout(); ko.Question != "mfa" {
		t.Errorf("knock-out %+v, want mfa", ko)
	}
	if res.Complete || !slices.Equal(res.Unanswered, []string{"subprocessor-notice"}) || res.Answered != 32 || res.Total != 33 {
		t.Errorf("complete %v, unanswered %v, %d of %d", res.Complete, res.Unanswered, res.Answered, res.Total)
	}

	// Findings, most severe first, then in question order: attestation's
	// full gap keeps its high, and so does mfa's "partly", which the
	// questionnaire counts as a full gap (gap: full: the people without MFA
	// have none, and its knock-out says high); deletion's "no" has its own
	// severity, high (no duty to delete our data at the end of the
	// contract), and comes after mfa in question order; own-use's and
	// patching's partial gaps are one below high (medium), and
	// change-notice's full gap keeps its medium, after them in question
	// order; policy's, logging's and monitoring's partial gaps are one
	// below medium (low).
	// The unanswered subprocessor-notice makes none.
	if got := findingsOf(res); got != "attestation:high mfa:high deletion:high own-use:medium patching:medium change-notice:medium policy:low logging:low monitoring:low" {
		t.Errorf("findings %s", got)
	}
	if f := res.Findings[0]; f.Note != "Certificate expired in 2024." || !slices.Equal(f.Evidence, []string{"ISO certificate 2021-2024"}) || f.Partial {
		t.Errorf("attestation finding %+v", f)
	}

	// Due dates with the default deadlines (high 30, medium 90, low 180)
	// from 2026-01-31: + 30 = 2026-03-02 (28 to the end of February, then
	// 2); + 90 = 2026-05-01 (28 + 31 + 30 = 89 to the end of April, then
	// 1); + 180 = 2026-07-30 (89 + 31 + 30 = 150 to the end of June, then
	// 30). The plan is in due-date order.
	var plan []string
	for _, it := range e.Plan {
		plan = append(plan, it.Key()+" "+it.Finding.Severity.String()+" "+it.Due.String())
	}
	want := []string{
		"attestation high 2026-03-02",
		"mfa high 2026-03-02",
		"deletion high 2026-03-02",
		"own-use medium 2026-05-01",
		"patching medium 2026-05-01",
		"change-notice medium 2026-05-01",
		"policy low 2026-07-30",
		"logging low 2026-07-30",
		"monitoring low 2026-07-30",
	}
	if !slices.Equal(plan, want) {
		t.Errorf("plan\n got %s\nwant %s", strings.Join(plan, "\n     "), strings.Join(want, "\n     "))
	}
	// The screen can give no critical finding; the critical deadline is
	// 15 days: 2026-01-31 + 15 = 2026-02-15.
	crit := assess.BuildPlan([]assess.Finding{{Key: "x", Severity: assess.Critical}}, nil, assess.DefaultDeadlines(), assessed, assessed)
	if crit[0].Due.String() != "2026-02-15" {
		t.Errorf("critical due %s, want 2026-02-15", crit[0].Due)
	}
	// On the last day of the high items' deadline nothing is overdue; the
	// day after, exactly those three are; the day after the medium ones'
	// deadline, 3 + 3 = 6; the day after the low ones', all 9.
	for day, wantOverdue := range map[string]int{"2026-03-02": 0, "2026-03-03": 3, "2026-05-02": 6, "2026-07-31": 9} {
		d, _ := assess.ParseDate(day)
		if _, overdue := assess.Evaluate(a, d).Open(); overdue != wantOverdue {
			t.Errorf("on %s: %d overdue, want %d", day, overdue, wantOverdue)
		}
	}
}

// Either side of the medium boundary, 25% of 96 = 24 points.
func TestVendorScreenLevelBoundary(t *testing.T) {
	q := vendorScreen(t)
	// Attestation partly (a Type I report) and deletion partly: their
	// "no" is a knock-out to medium, which would hide the boundary;
	// backups partly makes up deletion's other point. Logging stays
	// partly and monitoring is "no" (2.13.0: logging "no" is a knock-out
	// to medium too), the same 3 points as logging no and monitoring
	// partly. access-review and
	// transfer-tools answered, so that nothing is n/a and the boundary
	// falls between 24 and 25 points.
	base := strings.NewReplacer("mfa: partial", "mfa: yes", "policy: partial", "policy: no",
		"deletion: no", "deletion: partial", "backups: yes", "backups: partial",
		"monitoring: partial", "monitoring: no", "security-training: yes", "security-training: no",
		"attestation: {answer: no,", "attestation: {answer: partial,", "vulnerabilities: yes", "vulnerabilities: no",
		"pentest: yes", "pentest: partial", "access-review: na", "access-review: no",
		"own-use: partial", "own-use: yes", "incident-record: yes", "incident-record: partial",
		"transfer-tools: na", "transfer-tools: yes", "change-testing: yes", "change-testing: partial",
		"change-rollback: yes", "change-rollback: partial", "change-notice: no", "change-notice: partial").Replace(vendorScenario) + "\nsubprocessor-notice: partial"
	// attestation partial 3 + policy no 2 + security-training no 2 +
	// access-review no 2 + deletion partial 1 + patching partial 2 +
	// logging partial 1 + monitoring no 2 + vulnerabilities no 2 + pentest
	// partial 1 + backups partial 1 + incident-record partial 1
	// + subprocessor-notice partial 1 + change-testing partial 1 +
	// change-rollback partial 1 + change-notice partial 1 = 24 of 96
	// (25%): 24 ≤ 24, low, and no knock-out holds (no answer here carries
	// one).
	res := scoreOf(t, q, base)
	checkDim(t, res, "risk", "24", "24", "96")
	if got := levelOf(t, res, "overall"); got != "low" || !res.Complete {
		t.Errorf("24 of 96: %s (complete %v), want low", got, res.Complete)
	}
	// personnel partial as well: 24 + 1 = 25 of 96 (26.0%): 25 > 24, medium.
	res = scoreOf(t, q, strings.Replace(base, "personnel: yes", "personnel: partial", 1))
	checkDim(t, res, "risk", "25", "25", "96")
	if got := levelOf(t, res, "overall"); got != "medium" || res.Outcome.Raised {
		t.Errorf("25 of 96: %s (raised by a knock-out %v), want medium by the points", got, res.Outcome.Raised)
	}
}

// The mappings an auditor corrected stay corrected.
func TestVendorScreenMappings(t *testing.T) {
	q := vendorScreen(t)
	cases := []struct {
		question string
		want     []string
		never    []string
	}{
		{"attestation", []string{"A.5.19", "A.5.22"}, []string{"A.5.35", "CC4.1"}},
		{"deletion", []string{"A.8.10", "A.5.20"}, []string{"A.7.14"}},
		{"own-use", []string{"A.5.20", "GV.SC-05", "P4.1"}, nil},
		{"vulnerabilities", []string{"A.8.8"}, []string{"A.8.29"}},
		{"pentest", []string{"A.8.8"}, []string{"A.8.29"}},
	}
	for _, c := range cases {
		qq, ok := q.Question(c.question)
		if !ok {
			t.Fatalf("no question %s", c.question)
		}
		var all []string
		for _, fw := range assess.Frameworks {
			all = append(all, qq.Controls[fw]...)
		}
		for _, id := range c.want {
			if !slices.Contains(all, id) {
				t.Errorf("%s does not map %s: %v", c.question, id, all)
			}
		}
		for _, id := range c.never {
			if slices.Contains(all, id) {
				t.Errorf("%s maps %s again: %v", c.question, id, all)
			}
		}
	}
}

// TestVendorScreenLapsedAttestationIsNo: a report or certificate that has
// lapsed with no new audit under way says nothing of today's controls, so
// the help has the analyst answer no (the knock-out to medium), and keeps
// partly for an older report bridged by a letter or a running audit.
// Version 2.2.0 said "Answer partly for an older report", which read a SOC
// 2 report 21 months old with no audit booked as partly: low, below a
// vendor with no attestation at all
// (testdata/verdicts/vendor-screen-expired-soc2-no-renewal.yaml).
func TestVendorScreenLapsedAttestationIsNo(t *testing.T) {
	q := vendorScreen(t)
	qq, ok := q.Question("attestation")
	if !ok {
		t.Fatal("no attestation question")
	}
	help := strings.Join(strings.Fields(qq.Help), " ")
	for _, want := range []string{
		"with a bridge letter that runs up to today or the next period under way",
		"Answer no when the report or certificate has lapsed and no new audit is under way",
	} {
		if !strings.Contains(help, want) {
			t.Errorf("attestation help lacks %q:\n%s", want, help)
		}
	}
	if strings.Contains(help, "partly for an older report") {
		t.Errorf("attestation help still has any older report answered partly:\n%s", help)
	}
}

// TestVendorScreenAttestationScopeAndBridgeLetter: what the attestation
// question accepts and how its help reads a lapsed bridge letter, a scope
// that leaves out the service, and a lapse on a qualified report. Version
// 2.6.1 had the analyst answer partly for "a bridge letter" (one nine
// months past its end read partly) and for "a scope that does not name the
// service" (a group certificate for other products read partly), both low
// where a professional signs medium, and named only SOC 2 and ISO/IEC
// 27001, so a payment processor's PCI DSS attestation read no
// (testdata/verdicts/vendor-screen-hr-saas-soc2-bridge-letter-lapsed-*,
// vendor-screen-iso-certificate-scope-excludes-service.yaml and
// vendor-screen-payment-processor-pci-aoc-unsupported-os.yaml).
func TestVendorScreenAttestationScopeAndBridgeLetter(t *testing.T) {
	q := vendorScreen(t)
	qq, ok := q.Question("attestation")
	if !ok {
		t.Fatal("no attestation question")
	}
	text := strings.Join(strings.Fields(qq.Text), " ")
	if !strings.Contains(text, "or a PCI DSS Attestation of Compliance from the last 12 months") {
		t.Errorf("attestation text accepts no attestation but SOC 2 and ISO/IEC 27001:\n%s", text)
	}
	help := strings.Join(strings.Fields(qq.Help), " ")
	for _, want := range []string{
		"A PCI DSS Attestation of Compliance, signed by a Qualified Security Assessor, covers the cardholder data environment only",
		"with a bridge letter that runs up to today",
		"a bridge letter whose end date has passed counts for nothing",
		"or when its scope leaves out the service we buy",
		"a scope that covers the service but leaves out a part of it that reaches our data",
		"When a lapse and a qualification both apply, answer no.",
	} {
		if !strings.Contains(help, want) {
			t.Errorf("attestation help lacks %q:\n%s", want, help)
		}
	}
	if strings.Contains(help, "a scope that does not name the service") {
		t.Errorf("attestation help still answers partly for any scope that does not name the service:\n%s", help)
	}
}
