package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// fill sets the answer of question id in a file from assay send.
func fill(t *testing.T, file, id, answer string) string {
	t.Helper()
	old := "  " + id + ":\n    answer:\n"
	if !strings.Contains(file, old) {
		t.Fatalf("no blank answer for %s in the sent file", id)
	}
	return strings.Replace(file, old, "  "+id+":\n    answer: "+answer+"\n", 1)
}

// sent is the file assay send writes for assessment id.
func (s *cliSession) sent(id string) string {
	s.t.Helper()
	out := filepath.Join(s.t.TempDir(), "sent.yaml")
	s.ok("send", id, "-o", out)
	b, err := os.ReadFile(out)
	if err != nil {
		s.t.Fatal(err)
	}
	return string(b)
}

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// The vendor's round trip: send, fill in, read back. The answers are the
// vendor's and unreviewed; what was left blank stays unanswered.
func TestSendRoundTrip(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Acme", "--date", "2026-01-31"))
	s.plantSubject(id, "Acme\n# injected: yes") // as an older assay stored names
	out := filepath.Join(t.TempDir(), "acme.yaml")
	s.ok("send", id, "-o", out)
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o600 {
		t.Errorf("sent file mode %v", fi.Mode().Perm())
	}
	sent := string(b)
	// A subject's line break cannot end a comment and become YAML.
	if strings.Contains(sent, "\n# injected") || !strings.Contains(sent, "# Vendor security screen") {
		t.Errorf("subject escaped its comment:\n%s", sent[:300])
	}
	// Reading back the blank file records nothing and is no error.
	if got := s.ok("answer", id, "-f", out); !strings.Contains(got, "recorded 0 answers") {
		t.Errorf("blank file: %s", got)
	}
	filled := fill(t, sent, "mfa", "no")
	filled = fill(t, filled, "attestation", "Yes, in place") // a label, as vendors copy it
	filled = strings.Replace(filled, "  attestation:\n    answer: Yes, in place\n    note: \"\"\n    evidence: []\n",
		"  attestation:\n    answer: Yes, in place\n    note: \"SOC 2 Type II, 2025\"\n    evidence: [\"SOC 2 report 2025\"]\n", 1)
	path := writeTemp(t, "filled.yaml", filled)
	if got := s.ok("answer", id, "-f", path); !strings.Contains(got, "recorded 2 answers") {
		t.Fatalf("filled file: %s", got)
	}
	md := s.ok("report", id, "--as-of", "2026-02-01")
	for _, want := range []string{
		"`attestation` Does a current independent attestation cover",
		"**Answer:** Yes, in place. **Status:** met. **Control risk:** 0 of 6. **Note:** SOC 2 Type II, 2025 **Evidence:** SOC 2 report 2025 **Source:** vendor, not yet reviewed.",
		"Questions answered: 2 of 33.",
		"### F1. High: `mfa`",
	} {
		if !strings.Contains(strings.Join(strings.Fields(md), " "), want) {
			t.Errorf("report lacks %q\n%s", want, md[strings.Index(md, "## Appendix"):])
		}
	}
}

// Wrong option values, unknown question IDs, a file cut short and a file
// for another assessment are each refused with file, line and field, and
// nothing is recorded.
func TestSendRejectsBadFiles(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Acme", "--date", "2026-01-31"))
	other := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Globex", "--date", "2026-01-31"))
	sent := s.ok("send", id)
	good := fill(t, sent, "attestation", "yes")
	lineOf := func(content, text string) string {
		i := strings.Index(content, text)
		return ":" + itoa64(int64(strings.Count(content[:i], "\n")+1)) + ":"
	}
	wrongOption := fill(t, good, "mfa", "sometimes")
	unknownID := strings.Replace(fill(t, good, "mfa", "no"), "  mfa:\n", "  mfa-for-all:\n", 1)
	half := good[:strings.Index(good, "  logging:")]
	cutMidLine := good[:strings.Index(good, "  logging:")+6]
	cases := []struct {
		name, file string
		want       []string
	}{
		{"wrong option", wrongOption, []string{lineOf(wrongOption, "answer: sometimes"), "answers.mfa.answer", `no option "sometimes"`}},
		{"unknown question", unknownID, []string{lineOf(unknownID, "  mfa-for-all:"), "answers.mfa-for-all", `no question "mfa-for-all"`}},
		{"truncated", half, []string{":" + itoa64(int64(strings.Count(half, "\n"))) + ": assessment: missing", "cut short"}},
		{"truncated mid-line", cutMidLine, []string{"YAML syntax", "nothing was recorded"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeTemp(t, "bad.yaml", c.file)
			code, _, errOut := s.run("", "answer", id, "-f", path)
			if code == 0 {
				t.Fatal("a bad file was recorded")
			}
			for _, w := range c.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("error lacks %q:\n%s", w, errOut)
				}
			}
			if !regexp.MustCompile(regexp.QuoteMeta(path) + `:\d+`).MatchString(errOut) {
				t.Errorf("error does not name file and line:\n%s", errOut)
			}
			if md := s.ok("report", id); !strings.Contains(md, "Questions answered: 0 of 33.") {
				t.Error("something was recorded")
			}
		})
	}
	// A file sent for another assessment.
	path := writeTemp(t, "acme.yaml", good)
	code, _, errOut := s.run("", "answer", other, "-f", path)
	if code == 0 || !strings.Contains(errOut, "assessment: this file answers assessment") {
		t.Errorf("file for another assessment: exit %d %s", code, errOut)
	}
	// The good file goes in.
	if got := s.ok("answer", id, "-f", path); !strings.Contains(got, "recorded 1 answer ") {
		t.Errorf("good file: %s", got)
	}
}

// A file sent after some questions were answered (on the onboarding call,
// say) carries those answers, with their notes and evidence, for the
// vendor to confirm or correct: not blanks that ask again what is known.
// Read back, an answer the vendor left as it was is kept as it was (the
// analyst's, reviewed), and only what the vendor changed is recorded as
// the vendor's. Every kind of value goes out and comes back: a choice, a
// list, a number, text with characters YAML would read otherwise, and a
// note whose lines would be YAML keys and comments if written as they are.
func TestSendCarriesTheAnswersSoFar(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "dpia", "-s", "Payroll analytics", "--date", "2026-01-31"))
	known := writeTemp(t, "call.yaml", `answers:
  purpose:
    answer: "Payroll: forecasts # of staff, 'costs' & \"bonuses\""
    note: "Told on the call.\n  legal-basis: not-identified\n# assessment: 00000000"
  jurisdictions: [gdpr, us-state]
  data-subjects:
    answer: 12000
    note: "From HR's headcount report"
    evidence: ["HR headcount 2026-01", "Call notes: 2026-01-30"]
  legal-basis: contract
`)
	s.ok("answer", id, "-f", known)
	sent := s.sent(id)
	for _, want := range []string{
		"  purpose:\n    answer: \"Payroll: forecasts # of staff, 'costs' & \\\"bonuses\\\"\"\n    note: \"Told on the call.\\n  legal-basis: not-identified\\n# assessment: 00000000\"\n",
		"  jurisdictions:\n    answer: [\"gdpr\", \"us-state\"]\n",
		"  data-subjects:\n    answer: \"12000\"\n    note: \"From HR's headcount report\"\n    evidence: [\"HR headcount 2026-01\", \"Call notes: 2026-01-30\"]\n",
		"  legal-basis:\n    answer: \"contract\"\n",
		"  notice:\n    answer:\n",
	} {
		if !strings.Contains(sent, want) {
			t.Errorf("the sent file lacks %q", want)
		}
	}
	// The file says that emptying a filled-in answer does not remove it
	// (a blank answer keeps the one recorded).
	if !strings.Contains(strings.Join(strings.Fields(strings.ReplaceAll(sent, "#", "")), " "), "emptying one does not remove it, so if one does not apply, say why in its note.") {
		t.Errorf("the sent file does not say what emptying an answer does:\n%.900s", sent)
	}
	// Read back as sent: nothing changes, nothing becomes the vendor's.
	code, stdout, errOut := s.run("", "answer", id, "-f", writeTemp(t, "payroll.yaml", sent))
	if code != 0 || stdout != "recorded 0 answers in assessment "+id+" (4 as already recorded, kept as they were)\n" {
		t.Errorf("the file as sent: exit %d\n%s%s", code, stdout, errOut)
	}
	export := s.ok("export", id)
	if strings.Contains(export, `"source": "vendor"`) {
		t.Errorf("an answer the vendor did not change became the vendor's:\n%s", export)
	}
	// The vendor corrects one: it alone is recorded, as the vendor's.
	changed := strings.Replace(sent, "  legal-basis:\n    answer: \"contract\"\n", "  legal-basis:\n    answer: \"legitimate-interests\"\n", 1)
	if code, stdout, errOut := s.run("", "answer", id, "-f", writeTemp(t, "back.yaml", changed)); code != 0 ||
		stdout != "recorded 1 answer in assessment "+id+" (3 as already recorded, kept as they were)\n" {
		t.Errorf("the corrected file: exit %d\n%s%s", code, stdout, errOut)
	}
	md := strings.Join(strings.Fields(s.ok("report", id, "--as-of", "2026-02-01")), " ")
	if !strings.Contains(md, "**Source:** vendor, not yet reviewed") || strings.Count(md, "**Source:** vendor") != 1 {
		t.Errorf("want exactly the corrected answer marked as the vendor's:\n%s", md)
	}
}

// An analyst's file read twice records nothing the second time: no
// answer is said to be recorded and no audit record is added for an
// answer that did not change. One that repeats a vendor's unreviewed
// answer is recorded: it confirms it.
func TestAnswersFileReadTwiceChangesNothing(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Acme", "--date", "2026-01-31"))
	file := writeTemp(t, "a.yaml", "answers:\n  mfa: \"no\"\n  policy:\n    answer: partial\n    note: Reviewed 2023.\n")
	if got := s.ok("answer", id, "-f", file); got != "recorded 2 answers in assessment "+id+"\n" {
		t.Errorf("first read: %q", got)
	}
	events := strings.Count(s.ok("export", id), `"kind": "answer"`)
	before := s.dbDigest()
	if got := s.ok("answer", id, "-f", file); got != "recorded 0 answers in assessment "+id+" (2 as already recorded, kept as they were)\n" {
		t.Errorf("second read: %q", got)
	}
	// Not even the row's time of last change: stamped with no audit
	// record after it, it made the export one that import refuses as
	// changed ("assessment.updated_at: is not between its creation and
	// its last audit record").
	if s.dbDigest() != before {
		t.Error("the second read changed the database")
	}
	export := s.ok("export", id)
	if again := strings.Count(export, `"kind": "answer"`); again != events || events == 0 {
		t.Errorf("audit records of answers: %d after the first read, %d after the second", events, again)
	}
	newTrustingSession(t, s).ok("import", writeTemp(t, "acme.json", export))
	// The vendor's file as sent, cut down to its lines that say whose
	// it is, when it was sent and for which assessment.
	sent := s.ok("send", id)
	lines := strings.Split(strings.TrimSpace(sent), "\n")
	vendor := writeTemp(t, "v.yaml", "source: vendor\n"+sentLine.FindString(sent)+"answers:\n  encryption-rest: \"yes\"\n"+lines[len(lines)-1]+"\n")
	s.ok("answer", id, "-f", vendor)
	confirm := writeTemp(t, "c.yaml", "answers:\n  encryption-rest: \"yes\"\n")
	if got := s.ok("answer", id, "--own", "-f", confirm); got != "recorded 1 answer in assessment "+id+"\n" {
		t.Errorf("the analyst confirming the vendor's answer: %q", got)
	}
	if md := s.ok("report", id); strings.Contains(md, "not yet reviewed") {
		t.Errorf("the confirmed answer is still the vendor's:\n%s", md)
	}
}

// Risk ratings are the analyst's and are not sent, so the sent file never
// asks the vendor to rate them: a section of risks alone is named as left
// out (keeping the numbering the report uses), and a section holding
// risks beside questions says its risks are not in the file instead of
// its help, which is written for the analyst who rates them.
func TestSendLeavesRisksOut(t *testing.T) {
	s := newCLISession(t)
	dpia := strings.TrimSpace(s.ok("new", "-q", "dpia", "-s", "HR portal"))
	sent := s.ok("send", dpia)
	if strings.Contains(sent, "Rate each risk") {
		t.Errorf("the DPIA's sent file asks the vendor to rate risks:\n%s", section(sent, "# 9."))
	}
	if want := "  # 9. RISKS TO THE PEOPLE CONCERNED: rated by us, not part of this file.\n\n  # 10. VALIDATION\n"; !strings.Contains(sent, want) {
		t.Errorf("section 9 is not named as left out:\n%s", section(sent, "# 9."))
	}
	fria := strings.TrimSpace(s.ok("new", "-q", "eu-ai-act-fria", "-s", "CV screening"))
	sent = s.ok("send", fria)
	risks := section(sent, "# 5. (D) RISKS")
	if strings.Contains(risks, "Rate each risk") || !strings.Contains(risks, "# 5. (D) RISKS OF HARM TO FUNDAMENTAL RIGHTS\n  # Its risks are rated by us and are not part of this file; answer the\n  # question below.\n") ||
		!strings.Contains(risks, "  provider-information:\n") {
		t.Errorf("the FRIA's section 5 in the sent file:\n%s", risks)
	}
}

// section is the text of a sent file from the line holding start to the
// next section's heading.
func section(file, start string) string {
	i := strings.Index(file, start)
	if i < 0 {
		return "(no " + start + ")"
	}
	rest := file[i+len(start):]
	if j := regexp.MustCompile(`\n  # \d+\. [A-Z(]`).FindStringIndex(rest); j != nil {
		rest = rest[:j[0]]
	}
	return start + rest
}

// An approved assessment is locked, and a file sent for it could never be
// read back (nor into its revision, which has another UUID): the vendor's
// work would be lost. send refuses it with the way forward, and writes
// nothing.
func TestSendRefusesALockedAssessment(t *testing.T) {
	s := newCLISession(t)
	id := s.startBuiltin("vendor-security-screen", "Acme", "2026-01-31", vendorAnswers)
	s.ok("review", id, "--submit", "--comment", "Ready", "--reviewer", "Dana Reyes")
	s.ok("review", id, "--approve", "--comment", "Plan agreed", "--reviewer", "Rui Costa")
	out := filepath.Join(t.TempDir(), "acme.yaml")
	s.fails("assessment 1 is approved and locked: a file sent for it could not be read back; start a revision (assay revise 1) and send that", "send", id, "-o", out)
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("send wrote %s for a locked assessment: %v", out, err)
	}
	rev := strings.TrimSpace(s.ok("revise", id))
	if sent := s.ok("send", rev); !strings.Contains(sent, "  mfa:\n    answer: \"no\"\n") {
		t.Errorf("the revision's file does not carry its answers:\n%s", sent)
	}
}

// A file sent before the assessment was approved comes back after: it is
// read into the revision, which revises the assessment it was sent for,
// and says so; a file for any other assessment is refused as before.
func TestSentFileReadIntoTheRevision(t *testing.T) {
	s := newCLISession(t)
	id := s.startBuiltin("vendor-security-screen", "Acme", "2026-01-31", vendorAnswers)
	sent := s.ok("send", id)
	s.ok("review", id, "--submit", "--comment", "Ready", "--reviewer", "Dana Reyes")
	s.ok("review", id, "--approve", "--comment", "Plan agreed", "--reviewer", "Rui Costa")
	rev := strings.TrimSpace(s.ok("revise", id))
	filled := strings.Replace(sent, "  mfa:\n    answer: \"no\"\n", "  mfa:\n    answer: \"yes\"\n", 1)
	path := writeTemp(t, "acme.yaml", filled)
	code, out, errOut := s.run("", "answer", rev, "-f", path)
	if code != 0 || !strings.Contains(out, "recorded 1 answer in assessment 2") ||
		errOut != "File "+path+" was sent for assessment 1, which assessment 2 revises: it is read into 2.\n" {
		t.Fatalf("the file sent before approval, read into the revision: exit %d\n%s%s", code, out, errOut)
	}
	// mfa now yes (the vendor's): its finding is closed in the revision,
	// and the approved assessment keeps it.
	if _, open := readPlanCSV(t, s.ok("plan", rev, "--csv"))["mfa"]; open {
		t.Errorf("the revision's plan still holds mfa after the vendor's yes")
	}
	if _, open := readPlanCSV(t, s.ok("plan", id, "--csv"))["mfa"]; !open {
		t.Errorf("the approved assessment lost its mfa item")
	}
	other := s.startBuiltin("vendor-security-screen", "Globex", "2026-01-31", "")
	s.fails("this file answers assessment", "answer", other, "-f", path)
}

// An answer changed here after the file was sent, which the vendor left as
// it was sent, stays as changed here: the file's copy is what it said when
// sent, not the vendor's answer. It used to be recorded over the newer one
// as the vendor's. One the vendor changed is recorded as the vendor's.
func TestSentFileLeavesLaterChangesAlone(t *testing.T) {
	s := newCLISession(t)
	id := s.startBuiltin("vendor-security-screen", "Acme", "2026-01-31", "mfa: no\npolicy: no")
	sent := s.ok("send", id)
	if !regexp.MustCompile(`(?m)^sent: "\d{4}-\d\d-\d\dT[0-9:.]+Z"$`).MatchString(sent) {
		t.Fatalf("the sent file does not say when it was sent:\n%s", sent[:600])
	}
	// The analyst corrects both after sending (a file was sent: the
	// analyst's own says so).
	s.ok("answer", id, "--own", "-f", writeTemp(t, "fix.yaml", "answers:\n  mfa: yes\n  policy: partial\n"))
	// The vendor answers attestation, leaves mfa as sent, changes policy.
	filled := fill(t, sent, "attestation", `"yes"`)
	filled = strings.Replace(filled, "  policy:\n    answer: \"no\"\n", "  policy:\n    answer: \"yes\"\n", 1)
	out := s.ok("answer", id, "-f", writeTemp(t, "acme.yaml", filled))
	if want := "recorded 2 answers in assessment 1 (1 left as it was sent, kept as changed here since)\n"; out != want {
		t.Errorf("read back: %q, want %q", out, want)
	}
	r := s.scoreJSON(id)
	for _, q := range r.Result.Questions {
		switch q.ID {
		case "mfa":
			if q.Answer != "Yes, for every person who can reach our data" {
				t.Errorf("mfa, changed here after sending and left by the vendor: %q, want yes", q.Answer)
			}
		case "policy":
			if q.Answer != "Yes, in place" {
				t.Errorf("policy, changed by the vendor: %q", q.Answer)
			}
		}
	}
	// The file with its sent line deleted has nothing to compare against,
	// and a sending is on record for this assessment: it is refused, and
	// the answer corrected here stays (an older assay's file, for an
	// assessment with no sending on record, is read as before:
	// TestSentLineForAnAssessmentWithNoSendingOnRecord).
	old := regexp.MustCompile(`(?m)^sent: .*\n`).ReplaceAllString(sent, "")
	s.fails("sent: missing; a file from assay send has a sent: line", "answer", id, "-f", writeTemp(t, "old.yaml", old))
	// A sent line that is no time is refused with its line.
	bad := regexp.MustCompile(`(?m)^sent: .*$`).ReplaceAllString(sent, `sent: "yesterday"`)
	s.fails(`: sent: "yesterday" is not the time the file was sent`, "answer", id, "-f", writeTemp(t, "bad.yaml", bad))
}
