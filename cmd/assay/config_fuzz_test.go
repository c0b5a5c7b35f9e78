package main

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// FuzzParseConfig feeds the settings-file parser arbitrary files: it must
// never panic, every error must name the file, and a file it accepts must
// give a deadline policy and a cadence policy that work.
func FuzzParseConfig(f *testing.F) {
	for _, s := range []string{
		"", "deadlines: {critical: 7, high: 30}\n",
		"deadlines:\n  medium: 60\nquestionnaires:\n  dpia:\n    deadlines: {low: 365}\nreviewer: Dana Reyes\ncadence: {critical: 12, default: 36}\n",
		"deadlines: &d {high: 5}\nquestionnaires: {dpia: {deadlines: *d}}\n",
		"deadlines: [1\n", "deadline: {high: 3}\n", "reviewer: [a]\n", "cadence: {extreme: 1}\n", "deadlines: {high: -1}\n",
		"l0: &l0 [x, x]\nl1: &l1 [*l0, *l0]\nreviewer: *l1\n", "\x00", "reviewer: \"\\e]52;c;eA==\\a\"\n",
	} {
		f.Add([]byte(s))
	}
	lib, err := questionnaires.Builtin()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		c, err := parseConfig("config.yaml", src)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "config.yaml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for _, q := range lib.All() {
			d := c.DeadlinesFor(q)
			for _, sev := range assess.Severities {
				if days := d[sev]; days < 1 || days > assess.MaxDeadlineDays {
					t.Fatalf("%s: %s deadline of %d days", q.ID, sev, days)
				}
			}
		}
		c.CadencePolicy()
	})
}
