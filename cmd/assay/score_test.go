package main

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// The Canada AIA rule end to end (see questionnaires/aia_test.go for the
// questionnaire): raw impact decides 4 + none 0 + irreversible 2×2 + most 4
// + harm 18 = 30 of 40; mitigation consultation no 0 + human-review 2×3 +
// audit-trail 2×2 + recourse 2×1 + bias-testing 2×2 = 16 of 20 = 80%, so
// impact becomes 30 × 0.85 = 25.5 → 26 (half up) = 65%: level III.
const aiaAnswers = `
decision-role: decides
rights-affected: [none]
reversibility: irreversible
people-affected: most
harm-severity: 18
consultation: no
human-review: yes
audit-trail: yes
recourse: yes
bias-testing: yes`

// scoreResult is the part of assay score --json these tests read.
type scoreResult struct {
	Assessment int64  `json:"assessment"`
	Subject    string `json:"subject"`
	Result     struct {
		ScoringVersion string   `json:"scoring_version"`
		Questionnaire  string   `json:"questionnaire"`
		Version        string   `json:"questionnaire_version"`
		AsOf           string   `json:"as_of"`
		Complete       bool     `json:"complete"`
		Visible        int      `json:"questions_visible"`
		Answered       int      `json:"questions_answered"`
		Unanswered     []string `json:"unanswered"`
		Hidden         []string `json:"hidden_with_answers"`
		Questions      []struct {
			ID      string `json:"id"`
			Visible bool   `json:"visible"`
			Status  string `json:"status"`
			Answer  string `json:"answer"`
			Points  string `json:"points"`
			Max     string `json:"max"`
		} `json:"questions"`
		Dimensions []struct {
			ID, Raw, Value, Max, Percent string
		} `json:"dimensions"`
		Rules []struct {
			ID            string
			Applied       bool
			Before, After string
		} `json:"rules"`
		Levels []struct {
			ID, Level string
		} `json:"levels"`
		Outcome *struct {
			ID, Level string
		} `json:"outcome"`
		Findings []struct {
			Question string `json:"question"`
			Severity string `json:"severity"`
			Partial  bool   `json:"partial"`
		} `json:"findings"`
	} `json:"result"`
	Plan []struct {
		Finding  string `json:"finding"`
		Severity string `json:"severity"`
		Due      string `json:"due"`
		Overdue  bool   `json:"overdue"`
	} `json:"plan"`
}

func (s *cliSession) scoreJSON(id string, extra ...string) scoreResult {
	s.t.Helper()
	out := s.ok(append([]string{"score", id, "--json"}, extra...)...)
	var r scoreResult
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		s.t.Fatalf("score --json: %v\n%s", err, out)
	}
	return r
}

func TestScoreJSONCanadaAIA(t *testing.T) {
	s := newCLISession(t)
	id := s.start("canada-aia-rule", "Benefits triage", "2026-01-10", aiaAnswers)
	r := s.scoreJSON(id, "--as-of", "2026-02-01")
	res := r.Result
	if r.Subject != "Benefits triage" || res.Questionnaire != "canada-aia-rule" || res.Version != "1.1.0" ||
		res.ScoringVersion != assess.ScoringVersion || res.AsOf != "2026-01-10" {
		t.Errorf("header: %+v", r)
	}
	if !res.Complete || res.Visible != 10 || res.Answered != 10 || len(res.Unanswered) != 0 {
		t.Errorf("progress: complete %v, %d of %d, unanswered %v", res.Complete, res.Answered, res.Visible, res.Unanswered)
	}
	dims := map[string]string{}
	for _, d := range res.Dimensions {
		dims[d.ID] = d.Raw + " " + d.Value + " " + d.Max + " " + d.Percent
	}
	// impact raw 30, 26 after the rule, of 40: 26/40 = 65%.
	// mitigation 16 of 20 = 80%.
	if dims["impact"] != "30 26 40 65" || dims["mitigation"] != "16 16 20 80" {
		t.Errorf("dimensions %v", dims)
	}
	if len(res.Rules) != 1 || !res.Rules[0].Applied || res.Rules[0].Before != "30" || res.Rules[0].After != "26" {
		t.Errorf("rules %+v", res.Rules)
	}
	if len(res.Levels) != 1 || res.Levels[0].Level != "III" || res.Outcome == nil || res.Outcome.Level != "III" {
		t.Errorf("levels %+v, outcome %+v", res.Levels, res.Outcome)
	}
	// Each question's points, weighted: reversibility irreversible 2 × 2 = 4 of 4.
	for _, q := range res.Questions {
		if q.ID == "reversibility" && (q.Points != "4" || q.Max != "4" || q.Answer != "Irreversible") {
			t.Errorf("reversibility %+v", q)
		}
		if q.ID == "human-review" && (q.Points != "6" || q.Max != "6") {
			t.Errorf("human-review %+v", q)
		}
	}
	if len(res.Findings) != 0 || len(r.Plan) != 0 {
		t.Errorf("findings %+v, plan %+v", res.Findings, r.Plan)
	}
}

func TestScoreExplainShowsTheWorking(t *testing.T) {
	s := newCLISession(t)
	// bias-testing left out: it counts as its worst (0 of 4), so mitigation
	// is 12 of 20 = 60%, the rule does not apply and impact stays 30 = 75%: III.
	answers := strings.Replace(aiaAnswers, "bias-testing: yes", "", 1)
	id := s.start("canada-aia-rule", "Benefits triage", "2026-01-10", answers)
	out := s.ok("score", id, "--explain", "--as-of", "2026-02-01")
	// Each contributing answer with its points and maximum, on its own line.
	for _, re := range []string{
		`(?m)^Impact level: III$`,
		`(?m)^\s+harm-severity\s+18 of 20\b.*18 points × weight 1`,
		`(?m)^\s+reversibility\s+4 of 4\b.*Irreversible: 2 points × weight 2`,
		`(?m)^\s+human-review\s+6 of 6\b.*2 points × weight 3`,
		`(?m)^\s+bias-testing\s+0 of 4\b.*unanswered: counted as the worst answer`,
		`(?m)^\s+total 30 of 40 \(75\.0%\)$`,
		`(?m)^\s+total 12 of 20 \(60\.0%\)$`,
		// the rule, why it did not apply
		`(?m)^\s+mitigation-reduction: .*12 of 20.*at least 80% of 20: no\. not applied$`,
		// the level and its band
		`(?m)^\s+impact-level = III: .*30 of a possible 40 \(75%\)`,
		// what is still unanswered
		`(?m)^Unanswered \(counted as worst\)\n\s+bias-testing: Is the system tested for unintended bias`,
	} {
		if !regexp.MustCompile(re).MatchString(out) {
			t.Errorf("explain does not match %s:\n%s", re, out)
		}
	}

	// Answered in full, the rule applies and the explanation says so.
	id = s.start("canada-aia-rule", "Benefits triage 2", "2026-01-10", aiaAnswers)
	out = s.ok("score", id, "--explain", "--as-of", "2026-02-01")
	for _, re := range []string{
		`(?m)^\s+total 30 of 40 \(75\.0%\); after rules 26 \(65\.0%\)$`,
		`(?m)^\s+mitigation-reduction: .*16 of 20.*: yes\. applied: impact 30 -> 26$`,
		`(?m)^\s+impact-level = III: .*26 of a possible 40 \(65%\)`,
	} {
		if !regexp.MustCompile(re).MatchString(out) {
			t.Errorf("explain does not match %s:\n%s", re, out)
		}
	}
	if strings.Contains(out, "Unanswered") {
		t.Errorf("complete assessment lists unanswered questions:\n%s", out)
	}

	// One point is a point, not "1 points".
	id = s.start("canada-aia-rule", "Benefits triage 3", "2026-01-10", strings.Replace(aiaAnswers, "harm-severity: 18", "harm-severity: 1", 1))
	out = s.ok("score", id, "--explain", "--as-of", "2026-02-01")
	if !regexp.MustCompile(`(?m)^\s+harm-severity\s+1 of 20\b.*: 1 point × weight 1$`).MatchString(out) || strings.Contains(out, " 1 points") {
		t.Errorf("one point:\n%s", out)
	}
}

// Conditions through the CLI: answers to hidden questions are kept and
// listed, but not counted (see questionnaires/conditions_test.go).
func TestScoreExplainHiddenAnswers(t *testing.T) {
	s := newCLISession(t)
	id := s.start("conditions", "Chatbot", "2026-01-10", `
uses-ai: no
ai-oversight: no
mfa: yes
data: [contact]
records: 500`)
	out := s.ok("score", id, "--explain", "--as-of", "2026-01-10")
	if !regexp.MustCompile(`(?m)^Hidden by conditions \(answers kept, not counted\)\n\s+ai-oversight$`).MatchString(out) {
		t.Errorf("hidden answers not listed:\n%s", out)
	}
	if !regexp.MustCompile(`(?m)^\s+total 0 of 2 \(0\.0%\)$`).MatchString(out) {
		t.Errorf("hidden answer counted:\n%s", out)
	}
	r := s.scoreJSON(id, "--as-of", "2026-01-10")
	if strings.Join(r.Result.Hidden, " ") != "ai-oversight" || !r.Result.Complete {
		t.Errorf("hidden %v, complete %v", r.Result.Hidden, r.Result.Complete)
	}
}

// Severity raises, the questionnaire's deadlines and --as-of for overdue
// items (see questionnaires/tiering_test.go): at a critical vendor the
// breach-notice gap (high) is raised twice to critical, due 7 days after
// 2026-01-10; mfa's partial gap (medium → low) is raised to high, due 21
// days after. On 2026-01-20 the first is overdue, the second not.
func TestScoreJSONPlanAndDeadlines(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud", "2026-01-10", `
data-class: special
outage-impact: severe
substitutable: hard
mfa: partial
encryption: yes
breach-notice: no
subprocessors: yes`)
	r := s.scoreJSON(id, "--as-of", "2026-01-20")
	if r.Result.Outcome == nil || r.Result.Outcome.ID != "residual" || r.Result.Outcome.Level != "critical" {
		t.Errorf("outcome %+v", r.Result.Outcome)
	}
	var got []string
	for _, it := range r.Plan {
		got = append(got, it.Finding+" "+it.Severity+" "+it.Due+" "+map[bool]string{true: "overdue", false: "on time"}[it.Overdue])
	}
	want := "breach-notice critical 2026-01-17 overdue|mfa high 2026-01-31 on time"
	if strings.Join(got, "|") != want {
		t.Errorf("plan\n got %s\nwant %s", strings.Join(got, "|"), want)
	}
	// The same day in the past: nothing is overdue yet.
	r = s.scoreJSON(id, "--as-of", "2026-01-10")
	for _, it := range r.Plan {
		if it.Overdue {
			t.Errorf("%s overdue on the assessment date", it.Finding)
		}
	}
	// Explain says why each severity was raised.
	out := s.ok("score", id, "--explain", "--as-of", "2026-01-20")
	if !strings.Contains(out, "Severity of mfa: partial gap: one step below the question's medium; raised 1 by \"High or critical vendor\"") {
		t.Errorf("explain does not give the severity's reasons:\n%s", out)
	}
}

func TestScoreErrors(t *testing.T) {
	s := newCLISession(t)
	id := s.start("canada-aia-rule", "Benefits triage", "2026-01-10", "")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"score", "99"}, "99"},
		{[]string{"score", "abc"}, `"abc" is not an assessment ID`},
		{[]string{"score", id, "--as-of", "2026-02-30"}, "--as-of"},
	} {
		code, _, errOut := s.run("", c.args...)
		if code == 0 || !strings.Contains(errOut, c.want) {
			t.Errorf("assay %s: exit %d, stderr %q", strings.Join(c.args, " "), code, errOut)
		}
	}
}

// A blank assessment is not rated yet: assay score does not call it
// critical because its unanswered questions count as the worst answers;
// it gives that worst case and the best case with the headline, and
// --json marks the level unsettled. (The vendor screen: 32 questions
// weighing 43, 86 points counted as worst, 0 as best.)
func TestScoreOfABlankAssessmentIsNotRatedYet(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd"))
	out := s.ok("score", id)
	want := "Overall risk: not rated yet (critical with the unanswered questions counted as the worst answers, low as the best)"
	if !strings.Contains(out, want) {
		t.Errorf("assay score says:\n%s\nwant the line %q", out, want)
	}
	if out := s.ok("score", id, "--explain"); !strings.Contains(out, "\n  overall = critical (the worst case; not rated yet): ") {
		t.Errorf("assay score --explain gives the level as if settled:\n%s", out)
	}
	var got struct {
		Result struct {
			Outcome struct {
				Level     string `json:"level"`
				Unsettled bool   `json:"unsettled"`
				BestCase  string `json:"best_case"`
			} `json:"outcome"`
		} `json:"result"`
	}
	if err := json.Unmarshal([]byte(s.ok("score", id, "--json")), &got); err != nil {
		t.Fatal(err)
	}
	if o := got.Result.Outcome; o.Level != "critical" || !o.Unsettled || o.BestCase != "low" {
		t.Errorf("--json outcome %+v, want critical, unsettled, best case low", o)
	}
}

// assay list says so too: a blank assessment's level column reads "not
// rated yet" (the column as wide as that), and --json keeps the worst
// case as its level with level_unsettled set.
func TestListOfABlankAssessmentIsNotRatedYet(t *testing.T) {
	s := newCLISession(t)
	s.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd")
	lines := strings.Split(strings.TrimRight(s.ok("list"), "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("assay list:\n%s", strings.Join(lines, "\n"))
	}
	head, row := lines[0], lines[1]
	at := strings.Index(head, "LEVEL")
	if at < 0 || !strings.HasPrefix(row[at:], "not rated yet  0") {
		t.Errorf("assay list:\n%s\nwant the level \"not rated yet\" under LEVEL", strings.Join(lines, "\n"))
	}
	var got []struct {
		Level     string `json:"level"`
		Unsettled bool   `json:"level_unsettled"`
	}
	if err := json.Unmarshal([]byte(s.ok("list", "--json")), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Level != "critical" || !got[0].Unsettled {
		t.Errorf("--json %+v, want level critical, level_unsettled", got)
	}
}

// The committee report says so as well: its executive summary and its
// levels give a blank assessment's overall risk as not rated yet, with
// the worst and best cases, and leave out what the worst case's level
// would mean for the decision ("Do not onboard until the critical gaps
// are closed": there are none). It said "Overall risk: critical".
func TestReportOfABlankAssessmentIsNotRatedYet(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd"))
	md := s.ok("report", id)
	flat := strings.Join(strings.Fields(md), " ")
	want := "**Overall risk: not rated yet.** It is critical with the unanswered questions counted as the worst answers, and low with them counted as the best."
	if strings.Count(flat, want) != 2 || strings.Contains(flat, "Overall risk: critical") || strings.Contains(flat, "Do not onboard") {
		t.Errorf("the report of a blank assessment:\n%s\nwant twice: %s", md, want)
	}
}

// The report's title block gives the same level as a sentence of its
// own: it read "**Overall risk:** not rated yet It is critical ...",
// the headline running into the sentence that explains it.
func TestReportTitleBlockOfABlankAssessmentEndsTheHeadline(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd"))
	flat := strings.Join(strings.Fields(s.ok("report", id)), " ")
	want := "- **Overall risk:** not rated yet. It is critical with the unanswered questions counted as the worst answers, and low with them counted as the best."
	if !strings.Contains(flat, want) {
		t.Errorf("the report's title block:\n%s\nwant: %s", flat[:min(len(flat), 1200)], want)
	}
}

// Comparing a blank assessment with one answered at its worst, the level
// changed: from not rated yet (critical at worst) to critical. Both read
// critical underneath, and the comparison said the level had not moved.
func TestDiffFromNotRatedYetShowsTheLevelChange(t *testing.T) {
	s := newCLISession(t)
	blank := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"))
	worst := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-02"))
	s.ok("answer", worst, "-f", filepath.Join("testdata", "worst", "vendor-security-screen.yaml"))
	out := s.ok("diff", blank, worst)
	if want := "\nLevels:\n  Overall risk (the outcome): not rated yet (critical at worst) -> critical\n"; !strings.Contains(out, want) {
		t.Errorf("assay diff:\n%s\nwant %q", out, want)
	}
}

// A subject's history gives each assessment's level as the lists do: a
// blank draft is not rated yet, not critical.
func TestSubjectHistoryOfABlankAssessmentIsNotRatedYet(t *testing.T) {
	s := newCLISession(t)
	s.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01")
	worst := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-02"))
	s.ok("answer", worst, "-f", filepath.Join("testdata", "worst", "vendor-security-screen.yaml"))
	out := s.ok("subject", "show", "Acme Cloud Ltd")
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^1 +2026-03-01 +vendor-security-screen +draft +1 +not rated yet +-$`),
		regexp.MustCompile(`(?m)^2 +2026-03-02 +vendor-security-screen +draft +1 +critical +-$`),
	} {
		if !want.MatchString(out) {
			t.Errorf("assay subject show:\n%s\nwant a line matching %s", out, want)
		}
	}
}

// The decision names the outcome's level once, whatever its title: the
// fairness assessment's outcome is titled "Impact level", and the report
// asked to approve it "at the impact level level (IV)".
func TestReportDecisionNamesTheLevelOnce(t *testing.T) {
	s := newCLISession(t)
	for q, want := range map[string]string{
		// The worst answers disagree twice, unexplained: they are settled
		// first. They include a practice the AI Act prohibits, whose
		// impact level, "prohibited", is not put up for approval: the
		// decision asked is the rejection, which names no level.
		"fairness-aia": "first settle the 2 disagreements between answers that nobody has explained (listed before the appendix): " +
			"change an answer of each, or record why both stand; then reject the assessment, recording that the system must not be used",
		"vendor-security-screen": "agree to what the overall risk level (critical) requires, as the executive summary says, and to the remediation plan",
	} {
		id := s.worstCase(q)
		if flat := strings.Join(strings.Fields(s.ok("report", id)), " "); !strings.Contains(flat, "**Decision requested:** "+want) {
			t.Errorf("%s: the decision does not read %q:\n%s", q, want, flat)
		}
	}
}
