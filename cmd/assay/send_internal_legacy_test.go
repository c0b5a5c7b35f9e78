package main

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// legacyOwn is what we record ourselves about Acme before sending: two
// internal questions answered, one with a note alone, one left blank.
const legacyOwn = `answers:
  substitutability:
    answer: hard
    note: Our negotiating position.
    evidence: [Procurement memo 7]
  outage-impact:
    answer: customer
    note: Checkout stops.
`

// legacyInternal is the internal questions as an assay before 3.6.0 wrote
// them into the vendor's file, with our answers filled in, in its format
// (every value quoted, note and evidence always written).
const legacyInternal = `
  substitutability:
    answer: "hard"
    note: "Our negotiating position."
    evidence: ["Procurement memo 7"]

  outage-impact:
    answer: "customer"
    note: "Checkout stops."
    evidence: []

  exit-plan:
    answer:
    note: ""
    evidence: []
`

// legacyFile is the sent file with the internal entries an older assay
// wrote put back before its assessment line, mfa answered by the vendor,
// and edit applied to the internal entries; it returns the file's text and
// the line legacyInternal starts at.
func legacyFile(t *testing.T, sent string, edit func(string) string) (string, int) {
	t.Helper()
	last := strings.LastIndex(sent, "\n# The assessment this file answers")
	if last < 0 {
		t.Fatal("the sent file has no assessment line")
	}
	internal := legacyInternal
	if edit != nil {
		internal = edit(internal)
	}
	return fill(t, sent[:last]+"\n"+internal+sent[last:], "mfa", `"yes"`), strings.Count(sent[:last], "\n") + 2
}

// A vendor file sent by an assay before internal questions existed holds
// them with our answers. Returned with those entries as they were, it is
// read: they are ignored (nothing recorded over ours, nothing added to
// the audit trail), and assay says so; the vendor's own answers are
// recorded.
func TestLegacyVendorFileWithOurInternalAnswersUnchanged(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "third-party-due-diligence", "-s", "Acme", "--date", "2026-01-31"))
	s.ok("answer", id, "-f", writeTemp(t, "own.yaml", legacyOwn))
	db := s.openStore()
	ctx := context.Background()
	before, err := db.Assessment(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()

	file, _ := legacyFile(t, s.sent(id), nil)
	code, out, errOut := s.run("", "answer", id, "-f", writeTemp(t, "back.yaml", file))
	if code != 0 {
		t.Fatalf("an old vendor file returned with our answers unchanged was refused:\n%s", errOut)
	}
	if !strings.Contains(out, "recorded 1 answer") {
		t.Errorf("the vendor's answer to mfa was not recorded alone: %q", out)
	}
	want := "back.yaml holds 3 questions we answer ourselves, as an older assay sent them (substitutability, outage-impact, exit-plan): they say what we recorded, and were ignored."
	if !strings.Contains(strings.Join(strings.Fields(errOut), " "), want) {
		t.Errorf("assay did not say it ignored our questions:\nwant %q\nstderr %q", want, errOut)
	}

	db = s.openStore()
	defer db.Close()
	after, err := db.Assessment(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"substitutability", "outage-impact", "exit-plan"} {
		if !assess.SameAnswer(before.Answers[q], after.Answers[q]) || after.Answers[q].Source != before.Answers[q].Source {
			t.Errorf("%s changed: %+v, was %+v", q, after.Answers[q], before.Answers[q])
		}
	}
	if after.Answers["mfa"].Source != assess.ByVendor {
		t.Errorf("mfa is not the vendor's: %+v", after.Answers["mfa"])
	}
	events, err := db.Events(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	var answered []string
	for _, e := range events {
		if e.Event.Kind == "answer" {
			answered = append(answered, e.Event.Target)
		}
	}
	// Two from our own file, one from the vendor's.
	if slices.Compare(answered, []string{"outage-impact", "substitutability", "mfa"}) != 0 &&
		slices.Compare(answered, []string{"substitutability", "outage-impact", "mfa"}) != 0 {
		t.Errorf("the audit trail records answers to %v, want our two and the vendor's mfa", answered)
	}
}

// Changed by the vendor, an internal question's entry is still refused at
// the line and field it changed, and nothing is recorded: a value, a note,
// evidence, and an answer to one we have not answered.
func TestLegacyVendorFileWithOurInternalAnswersChanged(t *testing.T) {
	for _, c := range []struct {
		name, from, to string
		line           int // of legacyInternal, from 0
		field          string
	}{
		{"value", `answer: "hard"`, `answer: "easy"`, 2, "answers.substitutability.answer"},
		{"note", `note: "Our negotiating position."`, `note: "We are irreplaceable."`, 3, "answers.substitutability.note"},
		{"evidence", `evidence: ["Procurement memo 7"]`, `evidence: ["Procurement memo 7", "Our letter"]`, 4, "answers.substitutability.evidence"},
		{"cleared note", `note: "Checkout stops."`, `note: ""`, 8, "answers.outage-impact.note"},
		{"unanswered", "exit-plan:\n    answer:", "exit-plan:\n    answer: \"yes\"", 12, "answers.exit-plan.answer"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newCLISession(t)
			id := strings.TrimSpace(s.ok("new", "-q", "third-party-due-diligence", "-s", "Acme", "--date", "2026-01-31"))
			s.ok("answer", id, "-f", writeTemp(t, "own.yaml", legacyOwn))
			file, start := legacyFile(t, s.sent(id), func(s string) string {
				if !strings.Contains(s, c.from) {
					t.Fatalf("no %q to change", c.from)
				}
				return strings.Replace(s, c.from, c.to, 1)
			})
			digest := s.dbDigest()
			s.fails("back.yaml:"+itoa(start+c.line)+":", "answer", id, "-f", writeTemp(t, "back.yaml", file))
			code, _, errOut := s.run("", "answer", id, "-f", writeTemp(t, "back.yaml", file))
			if code == 0 || !strings.Contains(errOut, ": "+c.field+": ") || !strings.Contains(errOut, "answered by us, not the vendor") {
				t.Errorf("the changed %s was not refused at %s:\n%s", c.name, c.field, errOut)
			}
			if s.dbDigest() != digest {
				t.Error("a refused file changed the database")
			}
		})
	}
}

// An internal answer we changed after the file was sent comes back as it
// was sent: that is what we recorded then, not the vendor's answer, and
// ours stays as it is now.
func TestLegacyVendorFileWithOurInternalAnswerChangedSinceSent(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "third-party-due-diligence", "-s", "Acme", "--date", "2026-01-31"))
	s.ok("answer", id, "-f", writeTemp(t, "own.yaml", legacyOwn))
	file, _ := legacyFile(t, s.sent(id), nil)
	s.ok("answer", id, "--own", "-f", writeTemp(t, "later.yaml", "answers:\n  substitutability: easy\n"))
	s.ok("answer", id, "-f", writeTemp(t, "back.yaml", file))
	if md := s.ok("report", id, "--as-of", "2026-02-01"); !strings.Contains(md, "switching takes weeks") {
		t.Error("the file sent before substitutability was changed put back the answer it was sent with")
	}
	file = strings.Replace(file, `answer: "hard"`, `answer: "months"`, 1)
	s.fails("answers.substitutability.answer: substitutability is answered by us", "answer", id, "-f", writeTemp(t, "back2.yaml", file))
}
