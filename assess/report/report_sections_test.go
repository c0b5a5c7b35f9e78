package report_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/decimal"
	"github.com/assay-dev/assay/assess/report"
)

// A data broker whose service a week's outage would only inconvenience
// is asked none of the continuity questions, though the section is not
// hidden as a whole: the committee read "Business continuity | 0 of 0"
// beside "not applicable (hidden)" for the sections hidden outright.
func TestSectionWithEveryQuestionHiddenReadsNotApplicable(t *testing.T) {
	q := builtin(t, "third-party-due-diligence")
	choice := func(v ...string) assess.Value { return assess.Value{Choices: v} }
	answers := assess.Answers{}
	for id, v := range map[string]assess.Value{
		"data-types": choice("none"), "access-type": choice("none"),
		"outage-impact": choice("inconvenience"), "third-party-data": choice("yes"),
	} {
		answers[id] = assess.Answer{QuestionID: id, Value: v}
	}
	a := &assess.Assessment{ID: 2, UUID: "u", Subject: "ListCo", Questionnaire: q, AssessedOn: govDay("2026-12-05"), Answers: answers}
	opts := report.Options{Today: govDay("2026-12-05")}
	md := report.Markdown(assess.Evaluate(a, opts.Today), opts)
	if strings.Contains(md, "| 0 of 0 |") {
		t.Errorf("a section none of whose questions is asked reads 0 of 0:\n%s", md)
	}
	if !strings.Contains(md, "| Business continuity | not applicable (hidden) |") {
		t.Errorf("Business continuity, none of whose questions is asked, is not marked not applicable:\n%s", md)
	}
}

// A band in points, not a share, says so: "scores 6 of a possible 20
// (30%), in the band above 5" read as above 5 per cent beside the 30%.
func TestLevelBandInPointsSaysPoints(t *testing.T) {
	q := builtin(t, "third-party-due-diligence")
	people := decimal.MustParse("400000")
	answers := assess.Answers{}
	for id, v := range map[string]assess.Value{
		"third-party-data": {Choices: []string{"yes"}}, "supplied-categories": {Choices: []string{"contact", "special"}},
		"supplied-people": {Number: &people},
	} {
		answers[id] = assess.Answer{QuestionID: id, Value: v}
	}
	a := &assess.Assessment{ID: 2, UUID: "u", Subject: "ListCo", Questionnaire: q, AssessedOn: govDay("2026-12-05"), Answers: answers}
	opts := report.Options{Today: govDay("2026-12-05")}
	md := strings.Join(strings.Fields(report.Markdown(assess.Evaluate(a, opts.Today), opts)), " ")
	want := "**Personal data supplied: high.** Personal data supplied scores 6 of a possible 20 (30%), in the band above 5 points."
	if !strings.Contains(md, want) {
		t.Errorf("the level's band does not say it is in points; want %q in:\n%s", want, md)
	}
}
