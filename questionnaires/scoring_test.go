package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// testdata/scoring-basics.yaml, one dimension "risk" (higher is worse).
// Control questions score yes 0, partial 1, no 2, times their weight:
//
//	mfa         weight 3    max 6
//	encryption  weight 2    max 4
//	policy      weight 0.5  max 1
//	backups     weight 1    max 2 (no n/a option)
//	data-types  multi: contact 1 + financial 3 + health 4 = max 8;
//	            none 0 is exclusive; not-applicable is n/a
//	staff       scale 1..5 worth 4, 3, 2, 1, 0: max 4
//	records     number: up to 1000 → 0, up to 100000 → 2, more → 4: max 4
//	pentest     date: within 365 days → 0, within 730 → 1, older → 2: max 2
//	contact     text, optional, never scored
//	maximum with nothing n/a: 6 + 4 + 1 + 2 + 8 + 4 + 4 + 2 = 31
//	level: low up to 10, medium over 10 up to 20, high over 20
const basicsAllAnswered = `
mfa: no
encryption: partial
policy: na
backups: yes
data-types: [contact, financial]
staff: 3
records: 5000
pentest: 2025-03-01
contact: Sam Lee`

func TestWeightsAndNotApplicable(t *testing.T) {
	q := loadTestdata(t, "scoring-basics.yaml")

	// mfa no 2×3 = 6 of 6; encryption partial 1×2 = 2 of 4; policy n/a:
	// 0 of 0, out of the maximum; backups yes 0 of 2; data-types contact 1
	// + financial 3 = 4 of 8; staff 3 is the third step, worth 2, of 4;
	// records 5000 is in the band up to 100000, 2 of 4; pentest 2025-03-01
	// is 306 days to 2026-01-01 plus 9 = 315 days old on 2026-01-10, within
	// 365: 0 of 2.
	// Total 6 + 2 + 0 + 0 + 4 + 2 + 2 + 0 = 16; maximum 31 - 1 = 30.
	// 16 is over 10 and up to 20: medium.
	res := scoreOf(t, q, basicsAllAnswered)
	checkDim(t, res, "risk", "16", "16", "30")
	if d := res.Dimension("risk"); d.Percent != dec("53.3") { // 16/30 = 53.33…%
		t.Errorf("percent %s, want 53.3", d.Percent)
	}
	if got := levelOf(t, res, "overall"); got != "medium" {
		t.Errorf("level %s, want medium", got)
	}
	want := map[string]struct {
		status      assess.Status
		points, max string
	}{
		"mfa":        {assess.StatusGap, "6", "6"},
		"encryption": {assess.StatusPartial, "2", "4"},
		"policy":     {assess.StatusNA, "0", "0"},
		"backups":    {assess.StatusMet, "0", "2"},
		"data-types": {assess.StatusPartial, "4", "8"},
		// A scale, number or date with no severity can make no finding:
		// it scores, but shows "answered", never a gap or a partial gap.
		"staff":   {assess.StatusInfo, "2", "4"},
		"records": {assess.StatusInfo, "2", "4"},
		"pentest": {assess.StatusInfo, "0", "2"},
		"contact": {assess.StatusInfo, "0", "0"}, // free text: answered, never scored
	}
	for id, w := range want {
		r := questionOf(t, res, id)
		if r.Status != w.status || r.Points != dec(w.points) || r.Max != dec(w.max) {
			t.Errorf("%s: %s %s of %s, want %s %s of %s", id, r.Status, r.Points, r.Max, w.status, w.points, w.max)
		}
	}
	// Nine visible questions, the optional text question included, all
	// answered.
	if !res.Complete || res.Total != 9 || res.Answered != 9 {
		t.Errorf("complete %v, %d of %d", res.Complete, res.Answered, res.Total)
	}
	// Findings: mfa's full gap keeps its high; encryption's partial gap is
	// one step below its high (medium); data-types' partial gap one below
	// medium (low). Most severe first.
	if got := findingsOf(res); got != "mfa:high encryption:medium data-types:low" {
		t.Errorf("findings %s", got)
	}

	// policy no instead of n/a: 2 × 0.5 = 1 of 1 joins the score and the
	// maximum: 17 of 31.
	res = scoreOf(t, q, strings.Replace(basicsAllAnswered, "policy: na", "policy: no", 1))
	checkDim(t, res, "risk", "17", "17", "31")
}

func TestUnansweredCountsAsWorst(t *testing.T) {
	q := loadTestdata(t, "scoring-basics.yaml")
	// Only mfa answered (yes, 0 of 6). Every other required question counts
	// as its worst answer: encryption 4 + policy 1 + backups 2 + data-types
	// 8 + staff 4 + records 4 + pentest 2 = 25, of 31. The optional text
	// question is not required, so the result is incomplete for seven
	// questions, but it is visible: 1 of 9 answered. 25 is over 20: high.
	res := scoreOf(t, q, "mfa: yes")
	checkDim(t, res, "risk", "25", "25", "31")
	if got := levelOf(t, res, "overall"); got != "high" {
		t.Errorf("level %s, want high", got)
	}
	wantUnanswered := "encryption policy backups data-types staff records pentest"
	if res.Complete || strings.Join(res.Unanswered, " ") != wantUnanswered || res.Answered != 1 || res.Total != 9 {
		t.Errorf("complete %v, %d of %d, unanswered %v", res.Complete, res.Answered, res.Total, res.Unanswered)
	}
	// Unanswered questions make no findings: the worst is assumed for the
	// score, not claimed as a gap.
	if len(res.Findings) != 0 {
		t.Errorf("findings %s", findingsOf(res))
	}
}

func TestMultipleChoice(t *testing.T) {
	q := loadTestdata(t, "scoring-basics.yaml")
	rest := strings.Replace(basicsAllAnswered, "data-types: [contact, financial]\n", "", 1)
	cases := []struct {
		answer        string
		status        assess.Status
		points, max   string
		total, maxSum string // the dimension: 12 from the other answers, of 22
		finding       string
	}{
		// Points are summed: contact 1 + financial 3 + health 4 = 8 of 8, a
		// full gap; health's own severity (high) wins over the question's.
		{"[contact, financial, health]", assess.StatusGap, "8", "8", "20", "30", "data-types:high"},
		// health 4 of 8: partial, one step below health's high: medium.
		{"[health]", assess.StatusPartial, "4", "8", "16", "30", "data-types:medium"},
		// contact alone 1 of 8: partial, one below the question's medium.
		{"[contact]", assess.StatusPartial, "1", "8", "13", "30", "data-types:low"},
		// The exclusive "none" scores 0: the best answer, no gap.
		{"[none]", assess.StatusMet, "0", "8", "12", "30", ""},
		// The n/a option takes the question out: 12 of 30 - 8 = 22.
		{"[not-applicable]", assess.StatusNA, "0", "0", "12", "22", ""},
	}
	for _, c := range cases {
		res := scoreOf(t, q, rest+"\ndata-types: "+c.answer)
		r := questionOf(t, res, "data-types")
		if r.Status != c.status || r.Points != dec(c.points) || r.Max != dec(c.max) {
			t.Errorf("%s: %s %s of %s, want %s %s of %s", c.answer, r.Status, r.Points, r.Max, c.status, c.points, c.max)
		}
		checkDim(t, res, "risk", c.total, c.total, c.maxSum)
		var got []string
		for _, f := range strings.Fields(findingsOf(res)) {
			if strings.HasPrefix(f, "data-types:") {
				got = append(got, f)
			}
		}
		if strings.Join(got, " ") != c.finding {
			t.Errorf("%s: finding %v, want %q", c.answer, got, c.finding)
		}
	}

	// An exclusive or n/a option cannot be combined with others.
	for _, bad := range []string{"[none, contact]", "[contact, not-applicable]", "[contact, contact]", "[contact, dental]"} {
		_, problems := questionnaires.ParseAnswers("a.yaml", []byte("answers:\n  data-types: "+bad+"\n"), q)
		if len(problems) != 1 || problems[0].Line != 2 || problems[0].Field != "answers.data-types" {
			t.Errorf("%s: problems %v", bad, problems)
		}
	}
}

func TestScalesNumbersAndDates(t *testing.T) {
	q := loadTestdata(t, "scoring-basics.yaml")
	cases := []struct {
		question, answer, points string
	}{
		// staff: 1..5 worth 4, 3, 2, 1, 0.
		{"staff", "1", "4"}, {"staff", "5", "0"},
		// records: bands are inclusive at their upto.
		{"records", "0", "0"}, {"records", "1000", "0"}, {"records", "1001", "2"},
		{"records", "100000", "2"}, {"records", "100000.5", "4"},
		// pentest on 2026-01-10: 2025-01-10 is 365 days earlier (2025 has
		// no 29 February) → 0; a day earlier is 366 → 1; 2024-01-11 is
		// 365 + 365 = 730 days earlier (2024-01-11 to 2025-01-10 is 365
		// days, across 29 February 2024) → 1; 2024-01-10 is 731 → 2.
		{"pentest", "2025-01-10", "0"}, {"pentest", "2025-01-09", "1"},
		{"pentest", "2024-01-11", "1"}, {"pentest", "2024-01-10", "2"},
	}
	for _, c := range cases {
		res := scoreOf(t, q, c.question+": "+c.answer)
		if r := questionOf(t, res, c.question); r.Points != dec(c.points) {
			t.Errorf("%s %s: %s points, want %s", c.question, c.answer, r.Points, c.points)
		}
	}
}
