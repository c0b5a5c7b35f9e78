package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A due diligence whose third-party-data question is unanswered counts it
// as its worst answer, "yes, every sensitive kind about more than a
// million people", so personal data supplied, the data sensitivity and the
// inherent tier read not rated yet, high at worst: the conservative
// default every questionnaire keeps. The report said "Personal data
// supplied scores 20 of a possible 20 (100%)" and no more; nothing in the
// levels named the question whose answer would settle it, so a reader
// saw a CRM put at a high tier with no reason he could act on. A level
// banded on a dimension now names the unanswered questions that feed it.
func TestUnsettledLevelNamesTheUnansweredQuestionsThatFeedIt(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "third-party-due-diligence", "-s", "CRM Co", "--date", "2026-01-10"))
	s.ok("answer", id, "--file", filepath.Join("..", "..", "questionnaires", "testdata", "answers", "tpdd-crm-supplied-data-unanswered.yaml"))
	flat := strings.Join(strings.Fields(s.ok("report", id)), " ")
	for _, want := range []string{
		"**Personal data supplied: not rated yet.** It is high with the unanswered questions counted as the worst answers, and none with them counted as the best. " +
			"Personal data supplied scores 20 of a possible 20 (100%), in the band above 5 points. " +
			"Unanswered and counted as their worst: `third-party-data`, `supplied-categories`, `supplied-people`.",
		// Thirteen questions of the supplied-data section are unanswered
		// too: the first five are named, the rest counted.
		"Unanswered and counted as their worst: `source-lawful-basis`, `source-special-condition`, `source-criminal-authority`, " +
			"`source-children-basis`, `source-notice` and 8 more, listed in the appendix.",
		"**Inherent tier: not rated yet.** It is high with the unanswered questions counted as the worst answers, and moderate with them counted as the best. Data sensitivity",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the report lacks %q:\n%s", want, flat)
		}
	}
	// A level that is settled names nothing: our data and access is
	// answered in full.
	if strings.Contains(flat, "**Our data and access: medium.** Our data and access scores 13 of a possible 35 (37.1%), in the band above 15% and up to 40%. Unanswered") {
		t.Errorf("a settled level names unanswered questions:\n%s", flat)
	}
}
