package main

import (
	"strings"
	"testing"
)

// A setting that reads as YAML but cannot be used (a deadline of 0 days,
// a cadence tier assay has no name for, a reviewer with an escape
// sequence) is named at its line and column, as a YAML error is: the
// message named the file and field only, and a settings file with the
// same tier under two questionnaires left the reader to find which.
func TestAnUnusableSettingIsNamedAtItsLine(t *testing.T) {
	for _, c := range []struct {
		name, src, want string
	}{
		{"deadline of no days", "reviewer: Dana\ndeadlines:\n  medium: 90\n  high: 0\n",
			"settings.yaml:4:9: deadlines: high: a deadline is 1 to 3650 days, not 0"},
		{"unknown severity", "deadlines:\n  urgent: 3\n",
			"settings.yaml:2:3: deadlines: "},
		{"a questionnaire's deadline", "questionnaires:\n  dpia:\n    deadlines: {high: 30}\n  tpdd:\n    deadlines:\n      critical: 0\n",
			"settings.yaml:6:17: questionnaires.tpdd.deadlines: critical: a deadline is 1 to 3650 days, not 0"},
		{"unknown tier", "cadence:\n  critical: 12\n  bogus: 3\n",
			`settings.yaml:3:3: cadence: unknown tier "bogus"`},
		{"cadence out of range", "cadence:\n  critical: -1\n",
			"settings.yaml:2:13: cadence critical: -1 months is not between 1 and 120"},
		{"reviewer with an escape", "four_eyes: true\nreviewer: \"a\\u001b[31mb\"\n",
			"settings.yaml:2:11: reviewer holds an escape sequence"},
		// A reviewer line left empty fell back to the login name without
		// a word: the changes were recorded as someone the file did not
		// name.
		{"reviewer left empty", "four_eyes: true\nreviewer: \"\"\n",
			"settings.yaml:2:1: reviewer is empty: give the name changes are recorded as, or remove the line to use your login name"},
		{"reviewer with no value", "reviewer:\nfour_eyes: true\n",
			"settings.yaml:1:1: reviewer is empty"},
		{"reviewer of spaces", "reviewer: \"   \"\n",
			"settings.yaml:1:1: reviewer is empty"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := parseConfig("settings.yaml", []byte(c.src))
			if err == nil {
				t.Fatal("the settings loaded")
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("the error is\n  %s\nnot\n  %s", err, c.want)
			}
		})
	}
}
