package report_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
	"github.com/assay-dev/assay/questionnaires"
)

// disagreeFile holds a check over a free-text answer, so that what the
// report quotes can be anything an analyst or a vendor's file wrote.
const disagreeFile = `id: t
version: "1"
title: T
kind: fairness
sections:
  - id: s
    title: S
    questions:
      - id: bias
        type: single
        dimension: none
        text: Was the model tested for bias?
        options: [yes, no]
      - id: groups-tested
        type: text
        text: Which groups were tested?
consistency:
  - id: bias-with-no-groups
    when: bias == 'yes' and groups-tested == 'none'
    questions: [bias, groups-tested]
    message: A bias test names the groups it compared
`

func disagreeReport(t *testing.T, bias, groups string) string {
	t.Helper()
	q, problems := questionnaires.Parse("t.yaml", []byte(disagreeFile), questionnaires.Catalog())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	answers := assess.Answers{
		"bias":          {QuestionID: "bias", Value: assess.Value{Choices: []string{bias}}},
		"groups-tested": {QuestionID: "groups-tested", Value: assess.Value{Text: groups}},
	}
	a := &assess.Assessment{ID: 3, UUID: "u", Subject: "Model", Questionnaire: q, AssessedOn: govDay("2026-12-05"), Answers: answers}
	opts := report.Options{Today: govDay("2026-12-05")}
	return report.Markdown(assess.Evaluate(a, opts.Today), opts)
}

// Answers that cannot both be true get a section of their own before the
// appendix, with the check's words and each answer, and a line in the
// executive summary; answers that agree get neither.
func TestReportListsAnswersThatDisagree(t *testing.T) {
	md := disagreeReport(t, "yes", "none")
	// Markdown wraps its lines where it likes: compared word by word.
	md = oneSpaced(md)
	section := "## Answers that disagree " +
		"These answers cannot all be true as they read. The scores above take each as given. " +
		"Each is followed by why both stand, as the audit trail records it for these very answers, or by Not explained. " +
		"- `bias-with-no-groups`: A bias test names the groups it compared. **Answers:** `bias` \"yes\"; `groups-tested` \"none\". **Not explained.** "
	if !strings.Contains(md, section) {
		t.Errorf("no section listing the disagreement as\n%s\nin:\n%s", section, md)
	}
	if at, appendix := strings.Index(md, section), strings.Index(md, "## Appendix"); at < 0 || appendix < at {
		t.Errorf("the section is not before the appendix")
	}
	if !strings.Contains(md, "- Answers that disagree with each other: 1 (listed before the appendix). ") {
		t.Errorf("the executive summary does not count the disagreement:\n%s", md)
	}
	agree := disagreeReport(t, "yes", "age and sex")
	if strings.Contains(agree, "disagree") {
		t.Errorf("answers that agree are said to disagree:\n%s", agree)
	}
}

// An answer the section quotes is text someone else wrote: it stays one
// line of plain text, with no markup, link or escape sequence. The check
// holds on any answer other than the groups, so this one is quoted.
func TestReportQuotesDisagreeingAnswersCleaned(t *testing.T) {
	const hostile = "<script>alert(1)</script>\x1b[31m | `x` [a](javascript:b)\n## heading"
	q := strings.Replace(disagreeFile, "groups-tested == 'none'", "groups-tested != 'age and sex'", 1)
	parsed, problems := questionnaires.Parse("t.yaml", []byte(q), questionnaires.Catalog())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	a := &assess.Assessment{ID: 3, UUID: "u", Subject: "Model", Questionnaire: parsed, AssessedOn: govDay("2026-12-05"), Answers: assess.Answers{
		"bias":          {QuestionID: "bias", Value: assess.Value{Choices: []string{"yes"}}},
		"groups-tested": {QuestionID: "groups-tested", Value: assess.Value{Text: hostile}},
	}}
	opts := report.Options{Today: govDay("2026-12-05")}
	md := report.Markdown(assess.Evaluate(a, opts.Today), opts)
	start := strings.Index(md, "## Answers that disagree")
	end := strings.Index(md, "## Appendix")
	if start < 0 || end < start {
		t.Fatalf("no section before the appendix:\n%s", md)
	}
	section := md[start:end]
	for _, bad := range []string{"<script", "\x1b", "\n## heading", " | ", "`x`"} {
		if strings.Contains(section, bad) {
			t.Errorf("the section carries %q from the answer:\n%s", bad, section)
		}
	}
	if regexp.MustCompile(`[^\\]\]\(`).MatchString(section) {
		t.Errorf("the section carries a link from the answer:\n%s", section)
	}
}

// oneSpaced is s with every run of white space one space.
func oneSpaced(s string) string { return strings.Join(strings.Fields(s), " ") }

// assay score (and its spoken form) says how many answers disagree and
// lists each, its answers cleaned to one line; answers that agree add
// nothing.
func TestSummaryListsAnswersThatDisagree(t *testing.T) {
	q, problems := questionnaires.Parse("t.yaml", []byte(strings.Replace(disagreeFile, "groups-tested == 'none'", "groups-tested != 'age'", 1)), questionnaires.Catalog())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	evaluate := func(groups string) *assess.Evaluation {
		a := &assess.Assessment{ID: 3, UUID: "u", Subject: "Model", Questionnaire: q, AssessedOn: govDay("2026-12-05"), Answers: assess.Answers{
			"bias":          {QuestionID: "bias", Value: assess.Value{Choices: []string{"yes"}}},
			"groups-tested": {QuestionID: "groups-tested", Value: assess.Value{Text: groups}},
		}}
		return assess.Evaluate(a, govDay("2026-12-05"))
	}
	want := "Answers that disagree: 1 (the scores take each answer as given)\n" +
		"  bias-with-no-groups: A bias test names the groups it compared. Answers: bias \"yes\"; groups-tested \"none\x1b[2J or\nmore\".\n" +
		"    Not explained.\n"
	want = strings.Replace(want, "none\x1b[2J or\nmore", "none or more", 1)
	for name, summary := range map[string]func(*assess.Evaluation) string{"Summary": report.Summary, "SpokenSummary": report.SpokenSummary} {
		if got := summary(evaluate("none\x1b[2J or\nmore")); !strings.Contains(got, want) {
			t.Errorf("%s: no lines\n%s\nin:\n%q", name, want, got)
		}
		if got := summary(evaluate("age")); strings.Contains(got, "disagree") {
			t.Errorf("%s: answers that agree are said to disagree:\n%s", name, got)
		}
	}
}
