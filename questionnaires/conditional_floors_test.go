package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// testdata/knockouts-if.yaml, by hand: gaps exit-plan 0|1|2 + backups
// 3×(0|1|2), maximum 8, residual low up to 50%; criticality outage 0|2 of
// 2, high above 50%. exit-plan no alone is 2 of 8 = 25%, low; its
// knock-out (at least medium) holds only when criticality is high.
func TestKnockOutIfHoldsOnlyWhenItsConditionDoes(t *testing.T) {
	q := loadTestdata(t, "knockouts-if.yaml")

	res := scoreOf(t, q, "outage: little\nexit-plan: no\nbackups: yes")
	if l, _ := res.Level("residual"); l.Level != "low" || l.Raised || len(l.Floors) != 0 {
		t.Errorf("low criticality: residual %s raised %v floors %+v, want low and no floor", l.Level, l.Raised, l.Floors)
	}

	res = scoreOf(t, q, "outage: stop\nexit-plan: no\nbackups: yes")
	l, _ := res.Level("residual")
	if l.Level != "medium" || !l.Raised || l.Unfloored != "low" || len(l.Floors) != 1 || l.Floors[0].Question != "exit-plan" {
		t.Fatalf("high criticality: residual %s raised %v (before %q) floors %+v, want medium by exit-plan", l.Level, l.Raised, l.Unfloored, l.Floors)
	}
	// The explanation says why the knock-out holds here.
	if want := "Business criticality is high; the condition is at least high: yes"; !strings.Contains(l.Why, want) || l.Floors[0].Condition != want {
		t.Errorf("why %q, condition %q: want %q in both", l.Why, l.Floors[0].Condition, want)
	}

	// Unanswered, exit-plan counts as its worst answer: the floor holds
	// at high criticality, as any unanswered knock-out does.
	res = scoreOf(t, q, "outage: stop\nbackups: yes")
	if l, _ := res.Level("residual"); l.Level != "medium" || !l.Raised {
		t.Errorf("exit-plan unanswered at high criticality: residual %s raised %v, want medium by the floor", l.Level, l.Raised)
	}
}

// A floor's if is checked as a rule's: a level defined above the floor's
// own (so the levels never loop), a step of its scale, one comparator.
func TestKnockOutIfLint(t *testing.T) {
	const head = "id: t\nversion: \"1\"\ntitle: T\nkind: third-party\n" +
		"dimensions: [{id: gaps, higher: worse}, {id: crit, higher: worse}]\n" +
		"levels:\n" +
		"  - {id: c, dimension: crit, bands: [{level: low, upto: 50%}, {level: high, over: 50%}]}\n" +
		"  - {id: r, dimension: gaps, bands: [{level: low, upto: 50%}, {level: high, over: 50%}]}\n" +
		"sections:\n" +
		"  - id: s\n" +
		"    title: S\n" +
		"    questions:\n" +
		"      - {id: o, type: single, dimension: crit, text: O, options: [{value: a, points: 0}, {value: b, points: 1}]}\n" +
		"      - id: q\n" +
		"        type: control\n" +
		"        dimension: gaps\n" +
		"        text: Q\n" +
		"        floor:\n" +
		"          level: r\n" +
		"          at_least: high\n" +
		"          reason: R\n"
	cases := map[string]struct{ ifLine, want string }{
		"unknown level":         {"          if: {level: cc, at_least: high}\n", `t.yaml:22:23: sections[s].questions[q].floor.if.level: unknown level "cc"`},
		"step not on the scale": {"          if: {level: c, at_least: medium}\n", `t.yaml:22:36: sections[s].questions[q].floor.if.at_least: "medium" is not a level of c (low, high)`},
		"its own level":         {"          if: {level: r, at_least: high}\n", `t.yaml:22:23: sections[s].questions[q].floor.if.level: a knock-out under r can depend only on a level defined above r, and r is not`},
		"no comparator":         {"          if: {level: c}\n", `t.yaml:22:15: sections[s].questions[q].floor.if: a condition needs exactly one of at_least, above, at_most, below or is`},
		"unknown dimension":     {"          if: {dimension: crt, at_least: 50%}\n", `unknown dimension "crt"`},
		"an answer expression":  {"          if: o == 'b'\n", `t.yaml:22:15: sections[s].questions[q].floor.if: expected a mapping of fields, found text`},
	}
	for name, c := range cases {
		_, problems := questionnaires.Parse("t.yaml", []byte(head+c.ifLine), questionnaires.Catalog())
		if !strings.Contains(problems.Error(), c.want) {
			t.Errorf("%s: problems\n%v\nwant %q", name, problems, c.want)
		}
	}
	// A level defined below the floor's own is refused as well.
	below := strings.Replace(head, "level: r\n", "level: c\n", 1) + "          if: {level: r, at_least: high}\n"
	if _, problems := questionnaires.Parse("t.yaml", []byte(below), questionnaires.Catalog()); !strings.Contains(problems.Error(),
		"a knock-out under c can depend only on a level defined above c, and r is not") {
		t.Errorf("level below: problems\n%v", problems)
	}
	// The valid form loads.
	if _, problems := questionnaires.Parse("t.yaml", []byte(head+"          if: {level: c, at_least: high}\n"), questionnaires.Catalog()); len(problems) > 0 {
		t.Errorf("valid if: %v", problems)
	}
}
