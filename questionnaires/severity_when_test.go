package questionnaires_test

import (
	"reflect"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// severityWhenFile asks what a system decides, then whether its accuracy
// is measured: a high finding where it decides on credit, a medium one
// where it only ranks content.
const severityWhenFile = header + `sections:
  - id: s
    title: S
    questions:
      - id: area
        type: single
        dimension: none
        text: What does the system decide?
        options: [content, credit]
      - id: accuracy
        type: control
        severity: high
        severity_when:
          when: area == 'content'
          severity: medium
          reason: a wrong ranking costs people a search, not money.
        text: Is accuracy measured against agreed targets?
        action: Measure accuracy against agreed targets.
`

// severity_when gives a finding its severity from earlier answers: the
// question's own where no condition holds, the condition's where one
// does, with its reason in the finding's explanation; a partial gap is
// one step below whichever applies. Before severity_when a question had
// one severity for every system, so accuracy measured in part was the
// same finding for a credit model and a content ranker.
func TestSeverityWhenSetsTheFindingsSeverity(t *testing.T) {
	q, problems := questionnaires.Parse("t.yaml", []byte(severityWhenFile), questionnaires.Catalog())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	for _, c := range []struct {
		area, accuracy, want string
		why                  []string
	}{
		{"credit", "no", "accuracy:high", nil},
		{"credit", "partial", "accuracy:medium", []string{"partial gap: one step below the question's high"}},
		{"content", "no", "accuracy:medium", []string{"medium, not the question's high: a wrong ranking costs people a search, not money"}},
		{"content", "partial", "accuracy:low", []string{"medium, not the question's high: a wrong ranking costs people a search, not money",
			"partial gap: one step below medium"}},
	} {
		res := assess.Score(q, assess.Answers{
			"area": {Value: assess.Value{Choices: []string{c.area}}}, "accuracy": {Value: assess.Value{Choices: []string{c.accuracy}}},
		}, biAssessedOn)
		if got := findingsOf(res); got != c.want {
			t.Errorf("%s, %s: findings %s, want %s", c.area, c.accuracy, got, c.want)
			continue
		}
		if got := res.Findings[0].SeverityWhy; !reflect.DeepEqual(got, c.why) {
			t.Errorf("%s, %s: severity because %q, want %q", c.area, c.accuracy, got, c.why)
		}
	}
	// Unanswered, the area says nothing: the question's own severity.
	res := assess.Score(q, assess.Answers{"accuracy": {Value: assess.Value{Choices: []string{"no"}}}}, biAssessedOn)
	if got := findingsOf(res); got != "accuracy:high" {
		t.Errorf("area unanswered: findings %s, want accuracy:high", got)
	}
	back, err := questionnaires.RoundTrip(q)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, q) {
		t.Error("the compiled form reads back different")
	}
}

// Each mistake in severity_when is refused at its line and field, and
// nothing loads.
func TestSeverityWhenMistakes(t *testing.T) {
	file := func(severity, entry string) string {
		return header + "sections: [{id: s, title: S, questions: [" +
			"{id: area, type: single, dimension: none, text: A, options: [content, credit]}, " +
			"{id: acc, type: control, text: Q, action: Do it." + severity + ", severity_when: " + entry + "}]}]\n"
	}
	const field = "sections[s].questions[acc].severity_when"
	checkLintCases(t, []lintCase{
		{name: "no severity to change", yaml: file("", "{when: area == 'content', severity: medium, reason: R}"),
			line: 5, field: field, message: "severity_when changes a question's severity, and question acc has none", hint: "give the question a severity"},
		{name: "the question's own severity", yaml: file(", severity: high", "{when: area == 'content', severity: high, reason: R}"),
			line: 5, field: field + ".severity", message: "severity high is the question's own, so this condition changes nothing"},
		{name: "no such severity", yaml: file(", severity: high", "{when: area == 'content', severity: severe, reason: R}"),
			line: 5, field: field + ".severity", message: `unknown severity "severe"`},
		{name: "no reason", yaml: file(", severity: high", "{when: area == 'content', severity: medium}"),
			line: 5, field: field + ".reason", message: "reason is required"},
		{name: "no condition", yaml: file(", severity: high", "[{severity: medium, reason: R}]"),
			line: 5, field: field + "[0].when", message: "when is required"},
		{name: "a question asked later", yaml: file(", severity: high", "{when: acc == 'no', severity: medium, reason: R}"),
			line: 5, field: field + ".when", message: "acc is not asked before this point"},
		{name: "an option the question lacks", yaml: file(", severity: high", "{when: area == 'contnet', severity: medium, reason: R}"),
			line: 5, field: field + ".when", message: "area can never be 'contnet'"},
		// A hostile author's shapes: each was accepted, and changed nothing
		// or did what the file does not say.
		{name: "an empty list", yaml: file(", severity: high", "[]"),
			line: 5, field: field, message: "severity_when is an empty list"},
		// severity: null is refused as empty, and that is the one problem:
		// severity_when has a severity to change once it is given.
		{name: "a null severity", yaml: file(", severity: null", "{when: area == 'content', severity: medium, reason: R}"),
			line: 5, field: "sections[s].questions[acc].severity", message: "severity is empty"},
		{name: "the same condition twice", yaml: file(", severity: high",
			"[{when: area == 'content', severity: medium, reason: R}, {when: \"area  ==  'content'\", severity: low, reason: R}]"),
			line: 5, field: field + "[1].when", message: "the same condition as severity_when[0], whose severity applies first, so this one never does"},
	})
}

// optionSeverityWhenFile: an incident record whose worst answer carries
// its own severity (high), and a severity_when that makes a gap critical
// where the vendor holds health data, or medium where it holds nothing
// of ours.
const optionSeverityWhenFile = header + `sections:
  - id: s
    title: S
    questions:
      - id: data
        type: single
        dimension: none
        text: What data does the vendor hold?
        options: [none, contacts, health]
      - id: incidents
        type: single
        dimension: none
        severity: medium
        severity_when:
          - when: data == 'health'
            severity: critical
            reason: a breach kept from us would expose patients' records.
          - when: data == 'none'
            severity: low
            reason: the vendor holds nothing of ours.
        text: Has the vendor kept an incident from its customers?
        action: Obtain the root cause analysis and a disclosure duty.
        options:
          - {value: "no", gap: none}
          - {value: late, gap: partial}
          - {value: hidden, gap: full, severity: high}
`

// An option's own severity is a floor under severity_when, not a ceiling:
// severity_when raises a gap above the chosen option's severity but never
// lowers it. Before, the option decided over severity_when whatever it
// said, so a hidden breach stayed high for a vendor holding health data
// while a question without an option severity became critical there.
// Worked by hand, for each answer of incidents:
//
//	health,   hidden: option high, when critical: critical (raised), why "critical, not the answer's high"
//	contacts, hidden: option high, no when holds: high
//	none,     hidden: option high, when low: high (never lowered), no severity_when reason
//	health,   late:   no option severity, when critical; partial: high
//	none,     late:   when low, partial: low (never below low)
func TestSeverityWhenRaisesButNeverLowersAnOptionsSeverity(t *testing.T) {
	q, problems := questionnaires.Parse("t.yaml", []byte(optionSeverityWhenFile), questionnaires.Catalog())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	for _, c := range []struct {
		data, incidents, want string
		why                   []string
	}{
		{"health", "hidden", "incidents:critical", []string{"critical, not the answer's high: a breach kept from us would expose patients' records"}},
		{"contacts", "hidden", "incidents:high", nil},
		{"none", "hidden", "incidents:high", nil},
		{"health", "late", "incidents:high", []string{"critical, not the question's medium: a breach kept from us would expose patients' records",
			"partial gap: one step below critical"}},
		{"none", "late", "incidents:low", []string{"low, not the question's medium: the vendor holds nothing of ours",
			"partial gap: one step below low"}},
	} {
		res := assess.Score(q, assess.Answers{
			"data": {Value: assess.Value{Choices: []string{c.data}}}, "incidents": {Value: assess.Value{Choices: []string{c.incidents}}},
		}, biAssessedOn)
		if got := findingsOf(res); got != c.want {
			t.Errorf("%s, %s: findings %s, want %s", c.data, c.incidents, got, c.want)
			continue
		}
		if got := res.Findings[0].SeverityWhy; !reflect.DeepEqual(got, c.why) {
			t.Errorf("%s, %s: severity because %q, want %q", c.data, c.incidents, got, c.why)
		}
	}
}
