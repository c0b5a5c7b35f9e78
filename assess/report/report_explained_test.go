package report_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
	"github.com/assay-dev/assay/internal/render"
	"github.com/assay-dev/assay/questionnaires"
)

// explainedAssessment is disagreeFile's assessment with bias yes and no
// groups named, explained by text: an explanation recorded for exactly
// those answers, before either was saved again.
func explainedAssessment(t *testing.T, text string) *assess.Assessment {
	t.Helper()
	q, problems := questionnaires.Parse("t.yaml", []byte(disagreeFile), questionnaires.Catalog())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	saved := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	return &assess.Assessment{ID: 3, UUID: "u", Subject: "Model", Questionnaire: q, AssessedOn: govDay("2026-12-05"),
		Answers: assess.Answers{
			"bias":          {QuestionID: "bias", Value: assess.Value{Choices: []string{"yes"}}, UpdatedAt: saved},
			"groups-tested": {QuestionID: "groups-tested", Value: assess.Value{Text: "none"}, UpdatedAt: saved},
		},
		Explanations: []assess.Explanation{{Check: "bias-with-no-groups", Text: text, By: "Ana\x1b]0;owned\x07 Analyst",
			At:      saved.Add(time.Hour),
			Answers: []assess.DisagreeingAnswer{{Question: "bias", Answer: "yes"}, {Question: "groups-tested", Answer: "none"}}}},
	}
}

// The report's section gives each explanation after its disagreement,
// with who gave it and on which day; assay score says the same on a line
// of its own.
func TestReportShowsWhoExplainedADisagreement(t *testing.T) {
	e := assess.Evaluate(explainedAssessment(t, "The test report names groups elsewhere."), govDay("2026-12-05"))
	md := oneSpaced(report.Markdown(e, report.Options{Today: govDay("2026-12-05")}))
	want := "**Answers:** `bias` \"yes\"; `groups-tested` \"none\". **Explained** by Ana Analyst on 2026-12-05: The test report names groups elsewhere. "
	if !strings.Contains(md, want) {
		t.Errorf("the section does not give the explanation as\n%s\nin:\n%s", want, md)
	}
	if got := report.Summary(e); !strings.Contains(got, "\n    Explained by Ana Analyst on 2026-12-05: The test report names groups elsewhere.\n") {
		t.Errorf("score does not give the explanation:\n%s", got)
	}
}

// An explanation is text someone typed: no escape sequence, markup, link
// or line break of it reaches the terminal, the Markdown or the HTML.
func TestExplanationTextNeverReachesOutputRaw(t *testing.T) {
	const hostile = "<script>alert(1)</script>\x1b[31m | `x` [a](javascript:b)\n## heading\x1b]8;;http://evil\x07"
	e := assess.Evaluate(explainedAssessment(t, hostile), govDay("2026-12-05"))
	if e.Result.Disagreements[0].Explanation == nil {
		t.Fatal("the explanation does not stand")
	}
	opts := report.Options{Today: govDay("2026-12-05")}
	md := report.Markdown(e, opts)
	section := md[strings.Index(md, "## Answers that disagree"):strings.Index(md, "## Appendix")]
	for _, bad := range []string{"<script", "\x1b", "\x07", "\n## heading", " | ", "`x`"} {
		if strings.Contains(section, bad) {
			t.Errorf("the Markdown section carries %q:\n%s", bad, section)
		}
	}
	if regexp.MustCompile(`[^\\]\]\(`).MatchString(section) {
		t.Errorf("the Markdown section carries a link:\n%s", section)
	}
	html, err := render.Render(render.HTML, report.Build(e, opts))
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<script>alert", "\x1b", "\x07", `href="javascript`} {
		if strings.Contains(string(html), bad) {
			t.Errorf("the HTML carries %q", bad)
		}
	}
	for name, summary := range map[string]func(*assess.Evaluation) string{"Summary": report.Summary, "SpokenSummary": report.SpokenSummary} {
		if got := summary(e); strings.ContainsAny(got, "\x1b\x07") || !strings.Contains(got, "Explained by Ana") {
			t.Errorf("%s: %q", name, got)
		}
	}
}
