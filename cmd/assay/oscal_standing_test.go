package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// standingQuestionnaire has a plan item for each standing a plan item can
// have, and a risk of the register whose measures rely on all of them and
// on a control in place (fine: no finding, so no plan item). The risk,
// likely × severe (critical) as found, is rare × minor (low) after its
// measures, within the acceptable low: it has no plan item of its own.
const standingQuestionnaire = `id: standing
version: "1"
title: Standing
kind: security
risk_matrix:
  likelihood: [rare, possible, likely]
  impact: [minor, moderate, severe]
  cells:
    - [low, low, medium]
    - [low, medium, high]
    - [medium, high, critical]
  acceptable: low
sections:
  - id: s
    title: S
    questions:
      - {id: open, type: control, text: Open?, severity: high, action: Do open.}
      - {id: busy, type: control, text: Busy?, severity: high, action: Do busy.}
      - {id: done, type: control, text: Done?, severity: high, action: Do done.}
      - {id: late, type: control, text: Late?, severity: high, action: Do late.}
      - {id: accepted, type: control, text: Accepted?, severity: high, action: Do accepted.}
      - {id: lapsed, type: control, text: Lapsed?, severity: high, action: Do lapsed.}
      - {id: fine, type: control, text: Fine?, severity: high, action: Do fine.}
      - {id: harm, type: risk, risk: {title: Harm}, text: How likely is harm?, action: Reduce harm.}
`

// The committee report and the OSCAL documents each worked out where a
// plan item stands, and disagreed: the POA&M's planned measures called an
// overdue item "open", an accepted risk "risk-accepted, due …" without
// who accepted it or until when, and an item whose acceptance had
// expired plain "open". Worked out by hand, assessed 2026-01-31 (high:
// due 30 days later, 2026-03-02) and reported as of 2100-03-01:
//
//   - open: due moved to 2100-06-30, so open and not overdue;
//   - busy: in progress, due 2100-06-30;
//   - done: done (its due date, long past, does not count);
//   - late: open, due 2026-03-02, overdue;
//   - accepted: accepted by CISO until 2100-12-31, in force;
//   - lapsed: accepted until 2100-01-31, which has passed: open again,
//     and overdue since 2026-03-02;
//   - fine: answered yes, so no finding and not in the plan.
//
// The report's planned measures and the POA&M's say the same of each
// (the POA&M with statuses as stored);
// each POA&M item says its own standing and whether it is overdue; each
// item's risk has the OSCAL status of its standing; and the documents are
// still valid OSCAL.
func TestReportAndOSCALSayTheSameStandingOfEachPlanItem(t *testing.T) {
	s := newCLISession(t)
	qdir := t.TempDir()
	writeFile(t, qdir, "standing.yaml", standingQuestionnaire)
	q := []string{"--questionnaires", qdir}
	id := strings.TrimSpace(s.ok(append(q, "new", "-q", "standing", "-s", "Acme", "--date", "2026-01-31")...))
	s.ok(append(q, "answer", id, "-f", writeFile(t, t.TempDir(), "a.yaml", `answers:
  open: "no"
  busy: "no"
  done: "no"
  late: "no"
  accepted: "no"
  lapsed: "no"
  fine: "yes"
  harm:
    likelihood: likely
    impact: severe
    after: {likelihood: rare, impact: minor}
    measures: Guard rails
    plan: [open, busy, done, late, accepted, lapsed, fine]
`))...)
	plan := append(q, "plan", id, "--item")
	s.ok(append(plan, "open", "--due", "2100-06-30", "--reason", "Later")...)
	s.ok(append(plan, "busy", "--status", "in-progress", "--due", "2100-06-30", "--reason", "Later")...)
	s.ok(append(plan, "done", "--status", "done")...)
	s.ok(append(plan, "accepted", "--accept-approver", "CISO", "--accept-reason", "Renewal", "--accept-expires", "2100-12-31")...)
	s.ok(append(plan, "lapsed", "--accept-approver", "CISO", "--accept-reason", "Renewal", "--accept-expires", "2100-01-31")...)

	// The same standing in each: the report in words, the OSCAL remarks
	// with statuses as stored, as every format a program reads keeps them
	// (TestPlanStatusesReadAsWordsWhereOnlyPeopleReadThem).
	standings := []struct {
		label, key, words, stored string
		overdue                   bool
		riskStatus                string
	}{
		{"F1 ", "open", "open, due 2100-06-30", "open, due 2100-06-30", false, "open"},
		{"F2 ", "busy", "in progress, due 2100-06-30", "in-progress, due 2100-06-30", false, "remediating"},
		{"F3 ", "done", "done", "done", false, "closed"},
		{"F4 ", "late", "open, due 2026-03-02, overdue", "open, due 2026-03-02, overdue", true, "open"},
		{"F5 ", "accepted", "risk accepted by CISO until 2100-12-31", "risk-accepted by CISO until 2100-12-31", false, "deviation-approved"},
		{"F6 ", "lapsed", "open again, its risk acceptance expired; due 2026-03-02, overdue",
			"open (risk acceptance expired), due 2026-03-02, overdue", true, "open"},
		{"", "fine", "no longer a finding, so not in the plan", "no longer a finding, so not in the plan", false, ""},
	}

	md := s.ok(append(q, "report", id, "--as-of", "2100-03-01")...)
	start := strings.Index(md, "### Planned measures")
	if start < 0 {
		t.Fatalf("no planned measures in the report:\n%s", md)
	}
	// Read as words: the Markdown's emphasis and line breaks aside.
	measures := strings.Join(strings.Fields(strings.NewReplacer("**", "", "*", "", "`", "").Replace(md[start:])), " ")
	measures = measures[:strings.Index(measures, "finding, so not in the plan).")+len("finding, so not in the plan).")]

	sch := oscalSchema(t)
	poam := s.ok(append(q, "report", id, "--format", "oscal-poam", "--as-of", "2100-03-01")...)
	validOSCAL(t, sch, poam)
	validOSCAL(t, sch, s.ok(append(q, "report", id, "--format", "oscal-assessment-results", "--as-of", "2100-03-01")...))
	var doc struct {
		POAM struct {
			Risks []struct {
				oscalRisk
				Props []struct{ Name, Value string } `json:"props"`
			} `json:"risks"`
			Items []struct {
				Props        []struct{ Name, Value string } `json:"props"`
				Remarks      string                         `json:"remarks"`
				RelatedRisks []struct {
					UUID string `json:"risk-uuid"`
				} `json:"related-risks"`
			} `json:"poam-items"`
		} `json:"plan-of-action-and-milestones"`
	}
	if err := json.Unmarshal([]byte(poam), &doc); err != nil {
		t.Fatal(err)
	}
	var remarks string
	riskOf := map[string]int{} // plan item key -> index of its risk
	for i, r := range doc.POAM.Risks {
		if r.Title == "R1. Harm" {
			if len(r.Remediations) != 1 {
				t.Fatalf("the register risk has remediations %+v", r.Remediations)
			}
			remarks = r.Remediations[0].Remarks
			// busy is in progress: work on the measures is under way.
			if r.Status != "remediating" {
				t.Errorf("the register risk's status is %q, want remediating", r.Status)
			}
			continue
		}
		riskOf[strings.TrimPrefix(r.Title, "High: ")] = i
	}
	if remarks == "" {
		t.Fatalf("no register risk R1. Harm among %+v", doc.POAM.Risks)
	}

	for _, st := range standings {
		if want := st.label + st.key + " (" + st.words; !strings.Contains(measures+";", want+";") && !strings.Contains(measures, want+")") {
			t.Errorf("the report's planned measures do not say %q:\n%s", want, measures)
		}
		if want := st.label + st.key + " (" + st.stored + ")"; !strings.Contains(remarks, want) {
			t.Errorf("the POA&M's planned measures do not say %q:\n%s", want, remarks)
		}
		if st.riskStatus == "" {
			continue
		}
		i, ok := riskOf[st.key]
		if !ok {
			t.Errorf("no risk of plan item %s", st.key)
			continue
		}
		risk, item := doc.POAM.Risks[i], doc.POAM.Items[i]
		if risk.Status != st.riskStatus {
			t.Errorf("%s: risk status %q, want %q", st.key, risk.Status, st.riskStatus)
		}
		if len(item.RelatedRisks) == 0 || item.RelatedRisks[0].UUID != risk.UUID {
			t.Fatalf("POA&M item %d is not of %s's risk", i, st.key)
		}
		if item.Remarks != st.stored+"." {
			t.Errorf("%s: POA&M item remarks %q, want %q", st.key, item.Remarks, st.stored+".")
		}
		for _, props := range [][]struct{ Name, Value string }{item.Props, risk.Props} {
			overdue := false
			for _, p := range props {
				overdue = overdue || (p.Name == "overdue" && p.Value == "true")
			}
			if overdue != st.overdue {
				t.Errorf("%s: overdue %v in %+v, want %v", st.key, overdue, props, st.overdue)
			}
		}
	}
}
