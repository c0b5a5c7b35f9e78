package main

import (
	"strings"
	"testing"
)

// assay diff shows where each assessment's review stands, who approved it
// and when; --as-of was checked against the later assessment's sign-offs
// only. Last year's assessment (dated 2026-03-01, approved 2026-03-20)
// compared --as-of 2026-03-12 with this year's draft (dated 2026-03-10)
// was judged on a day before an approval the comparison shows. Every
// sign-off the comparison shows counts: diff and report --since refuse
// that day, naming the approval, in the same words.
func TestDiffAsOfBeforeTheEarlierAssessmentsSignOff(t *testing.T) {
	s := newCLISession(t)
	last := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	s.ok("--reviewer", "Ana Analyst", "review", last, "--submit", "--date", "2026-03-02")
	s.ok("--reviewer", "Rui Reviewer", "review", last, "--approve", "--date", "2026-03-20")
	this := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-10", tieringAnswers)

	want := "--as-of: 2026-03-12 is before the approval of assessment " + last + " by Rui Reviewer on 2026-03-20: give that day or a later one"
	s.fails(want, "diff", last, this, "--as-of", "2026-03-12")
	s.fails(want, "diff", this, "--as-of", "2026-03-12")
	s.fails(want, "report", this, "--since", last, "--as-of", "2026-03-12")
	s.ok("diff", last, this, "--as-of", "2026-03-20")
	// The refusal is --as-of's, worded as diff words it: report --since
	// wrapped it as "--since: --as-of: …", as if --since were wrong.
	_, _, diffErr := s.run("", "diff", last, this, "--as-of", "2026-03-12")
	if _, _, errOut := s.run("", "report", this, "--since", last, "--as-of", "2026-03-12"); errOut != diffErr {
		t.Errorf("report --since refuses the --as-of day as\n%s\nwhere diff says\n%s", errOut, diffErr)
	}

	// Today before that approval (a colleague ahead in time gave it):
	// the comparison is judged on its day, and the report is dated on it.
	onDay(t, "2026-03-12")
	if out := s.ok("report", this, "--since", last); !strings.Contains(out, "**Report date:** 2026-03-20") {
		t.Errorf("the report made on 2026-03-12 shows changes since an assessment approved on 2026-03-20 but is not dated on it:\n%.900s", out)
	}
}
