package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// questionnaires/testdata/coverage.yaml with the answers of
// questionnaires/coverage_test.go, whose comments work out each control.
const coverageAnswers = `
hosting: cloud
policy: yes
policy-review: yes
physical: no
mfa: yes
admin-mfa: partial
encryption: no
key-management: yes
monitoring: yes
continuity: na
backups: yes`

func TestCoverageText(t *testing.T) {
	s := newCLISession(t)
	id := s.start("coverage", "Acme Cloud", "2026-01-10", coverageAnswers)
	out := s.ok("coverage", id, "--framework", "iso27001")
	want := `Acme Cloud: Framework coverage (coverage 1.0.0)

ISO/IEC 27001:2022: 9 controls touched: 3 met, 2 partly met, 1 gap, 2 not yet answered, 1 not applicable
  A.5.1   met               Policies for information security
                            policy (met), policy-review (met)
  A.5.29  not applicable    Information security during disruption
                            continuity (n/a)
  A.5.30  met               ICT readiness for business continuity
                            continuity (n/a), backups (met)
  A.6.3   not yet answered  Information security awareness, education and training
                            training (unanswered)
  A.8.5   partly met        Secure authentication
                            mfa (met), admin-mfa (partial)
  A.8.13  met               Information backup
                            backups (met)
  A.8.15  not yet answered  Logging
                            logging (unanswered)
  A.8.16  partly met        Monitoring activities
                            logging (unanswered), monitoring (met)
  A.8.24  gap               Use of cryptography
                            encryption (gap), key-management (met)
`
	if out != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
	// A.7.1 is behind a hidden question: it is not listed even though the
	// hidden question keeps its answer "no".
	if strings.Contains(out, "A.7.1") {
		t.Error("a control behind a hidden question is listed")
	}

	// All three frameworks by default.
	out = s.ok("coverage", id)
	for _, line := range []string{
		"ISO/IEC 27001:2022: 9 controls touched",
		"NIST CSF 2.0: 2 controls touched: 2 met",
		"SOC 2: 2 controls touched: 1 met, 1 gap",
		"  CC6.1  gap  ",
		"mfa (met), admin-mfa (partial), encryption (gap)",
	} {
		if !strings.Contains(out, line) {
			t.Errorf("missing %q in:\n%s", line, out)
		}
	}
}

func TestCoverageJSON(t *testing.T) {
	s := newCLISession(t)
	id := s.start("coverage", "Acme Cloud", "2026-01-10", coverageAnswers)
	out := s.ok("coverage", id, "--json")
	var got struct {
		Assessment    int64  `json:"assessment"`
		Questionnaire string `json:"questionnaire"`
		Frameworks    []struct {
			Framework string `json:"framework"`
			Summary   struct {
				Touched, Met, Gap int
				PartlyMet         int `json:"partly_met"`
				NotAnswered       int `json:"not_answered"`
				NotApplicable     int `json:"not_applicable"`
			} `json:"summary"`
			Controls []struct {
				ID, Name, Status string
				Questions        []struct{ ID, Status, Answer string }
			} `json:"controls"`
		} `json:"frameworks"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got.Questionnaire != "coverage" || len(got.Frameworks) != 3 {
		t.Fatalf("%+v", got)
	}
	want := map[string]string{
		"iso27001": "A.5.1=met A.5.29=not applicable A.5.30=met A.6.3=not yet answered A.8.5=partly met " +
			"A.8.13=met A.8.15=not yet answered A.8.16=partly met A.8.24=gap",
		"nist-csf": "GV.PO-01=met GV.PO-02=met",
		"soc2":     "CC5.3=met CC6.1=gap",
	}
	for _, f := range got.Frameworks {
		var cs []string
		for _, c := range f.Controls {
			cs = append(cs, c.ID+"="+c.Status)
			if c.Name == "" || len(c.Questions) == 0 {
				t.Errorf("%s: %+v", c.ID, c)
			}
		}
		if g := strings.Join(cs, " "); g != want[f.Framework] {
			t.Errorf("%s:\n got %s\nwant %s", f.Framework, g, want[f.Framework])
		}
		sum := f.Summary
		if f.Framework == "iso27001" && fmt.Sprint(sum.Touched, sum.Met, sum.PartlyMet, sum.Gap, sum.NotAnswered, sum.NotApplicable) != "9 3 2 1 2 1" {
			t.Errorf("summary %+v", sum)
		}
		if f.Framework == "soc2" {
			// CC6.1's questions with their answers as people read them.
			q := f.Controls[1].Questions
			if len(q) != 3 || q[1].ID != "admin-mfa" || q[1].Status != "partial" || q[1].Answer != "Partly" {
				t.Errorf("CC6.1 questions %+v", q)
			}
		}
	}
}

func TestCoverageErrors(t *testing.T) {
	s := newCLISession(t)
	id := s.start("coverage", "Acme Cloud", "2026-01-10", "")
	if code, _, errOut := s.run("", "coverage", id, "--framework", "iso"); code == 0 || !strings.Contains(errOut, `unknown framework "iso" (use iso27001, nist-csf or soc2)`) {
		t.Errorf("bad framework: exit %d, %q", code, errOut)
	}
	if code, _, errOut := s.run("", "coverage", "42"); code == 0 || !strings.Contains(errOut, "42") {
		t.Errorf("unknown assessment: exit %d, %q", code, errOut)
	}
	// Nothing answered: every control not yet answered.
	out := s.ok("coverage", id, "--framework", "soc2")
	if !strings.Contains(out, "SOC 2: 2 controls touched: 2 not yet answered") {
		t.Errorf("unanswered:\n%s", out)
	}
}
