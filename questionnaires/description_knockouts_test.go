package questionnaires_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A built-in's description is what a committee and an analyst read to
// learn which answers set its levels whatever else is in place. Where it
// lists those knock-outs, a reader takes the list for the whole: the
// descriptions of data licensing, third-party due diligence and others
// named some knock-outs and left others out. Each such built-in has a
// table here of every knock-out and the words that name it, under the
// lead-in of the level and step it sets, so that adding a knock-out,
// moving it to another level or step, or changing its if fails until the
// description says so.

// knockoutGroup is where the description starts naming the knock-outs
// that set one level to at least one step; the group runs to the next
// group's lead-in, or to the end.
type knockoutGroup struct {
	level, atLeast, leadIn string
}

// knockoutSaid is one knock-out as the description names it: the question
// (or question=option) that sets it, the level and step it sets, its if
// as "level at_least step" ("" for none) and the description's words for
// it, in lower case.
type knockoutSaid struct {
	key, level, atLeast, cond, says string
}

// describedKnockouts is a built-in's table: its groups in the order the
// description gives them, and every one of its knock-outs.
type describedKnockouts struct {
	groups    []knockoutGroup
	knockouts []knockoutSaid
}

// knockoutFloor is a knock-out as the questionnaire sets it.
type knockoutFloor struct {
	key, level, atLeast, cond string
}

func floorsOf(q *assess.Questionnaire) []knockoutFloor {
	var out []knockoutFloor
	add := func(key string, fs []*assess.Floor) {
		for _, f := range fs {
			out = append(out, knockoutFloor{key, f.Level, f.AtLeast, conditionText(f.If)})
		}
	}
	for _, qq := range q.Questions {
		add(qq.ID, qq.Floors)
		for _, o := range qq.Options {
			add(qq.ID+"="+o.Value, o.Floors)
		}
	}
	return out
}

func conditionText(c *assess.RuleCondition) string {
	switch {
	case c == nil:
		return ""
	case c.Level != "":
		return fmt.Sprintf("%s %s %s", c.Level, c.Cmp, c.LevelName)
	default:
		unit := ""
		if c.Threshold.Percent {
			unit = "%"
		}
		return fmt.Sprintf("%s %s %v%s", c.Dimension, c.Cmp, c.Threshold.Value, unit)
	}
}

// checkDescriptionNamesEveryKnockout fails unless the description of the
// built-in id names every knock-out of the table under the lead-in of its
// level and step, and the table holds exactly the questionnaire's
// knock-outs.
func checkDescriptionNamesEveryKnockout(t *testing.T, id string, want describedKnockouts) {
	t.Helper()
	q, ok := biLibrary(t).Get(id)
	if !ok {
		t.Fatalf("no built-in %s", id)
	}
	desc := strings.ToLower(strings.Join(strings.Fields(q.Description), " "))

	// Where each group starts and ends, lead-ins in order.
	type span struct{ from, to int }
	spans := map[string]span{}
	groupKey := func(level, atLeast string) string { return level + "/" + atLeast }
	prev := 0
	for n, g := range want.groups {
		i := strings.Index(desc[prev:], g.leadIn)
		if i < 0 {
			t.Fatalf("%s: the description does not say %q (%s at least %s) after the groups before it:\n%s", id, g.leadIn, g.level, g.atLeast, desc)
		}
		spans[groupKey(g.level, g.atLeast)] = span{prev + i, len(desc)}
		if n > 0 {
			before := groupKey(want.groups[n-1].level, want.groups[n-1].atLeast)
			spans[before] = span{spans[before].from, prev + i}
		}
		prev += i + len(g.leadIn)
	}

	floors := floorsOf(q)
	byKey := map[string][]knockoutSaid{}
	for _, k := range want.knockouts {
		byKey[k.key] = append(byKey[k.key], k)
	}
	seen := map[knockoutSaid]bool{}
	used := map[string]bool{}
	for _, f := range floors {
		listed, ok := byKey[f.key]
		if !ok {
			t.Errorf("%s: knock-out %s (%s at least %s) is not in the description's list: say it there and add it here", id, f.key, f.level, f.atLeast)
			continue
		}
		var match *knockoutSaid
		for i := range listed {
			if listed[i].level == f.level {
				match = &listed[i]
			}
		}
		if match == nil || match.atLeast != f.atLeast || match.cond != f.cond {
			t.Errorf("%s: knock-out %s sets %s at least %s (if %q); the list says %+v", id, f.key, f.level, f.atLeast, f.cond, listed)
			continue
		}
		seen[*match] = true
		used[groupKey(f.level, f.atLeast)] = true
	}
	for _, k := range want.knockouts {
		if !seen[k] {
			t.Errorf("%s: %s is listed (%s at least %s) but sets no such knock-out", id, k.key, k.level, k.atLeast)
		}
		s, ok := spans[groupKey(k.level, k.atLeast)]
		if !ok {
			t.Errorf("%s: no group gives %s at least %s, where %s belongs", id, k.level, k.atLeast, k.key)
			continue
		}
		if !strings.Contains(desc[s.from:s.to], k.says) {
			t.Errorf("%s: the description does not say %q where it gives %s at least %s (%s):\n%s", id, k.says, k.level, k.atLeast, k.key, desc[s.from:s.to])
		}
	}
	for _, g := range want.groups {
		if !used[groupKey(g.level, g.atLeast)] {
			t.Errorf("%s: the description says %q, but no knock-out sets %s at least %s", id, g.leadIn, g.level, g.atLeast)
		}
	}
}

func TestDescriptionNamesEveryKnockout(t *testing.T) {
	for id, want := range describedKnockoutTables {
		t.Run(id, func(t *testing.T) { checkDescriptionNamesEveryKnockout(t, id, want) })
	}
}

// A built-in that gains its first knock-out needs a table, or its
// description could leave the knock-out out unnoticed.
func TestEveryBuiltinWithKnockoutsHasADescriptionTable(t *testing.T) {
	lib := biLibrary(t)
	for _, q := range lib.All() {
		if _, ok := describedKnockoutTables[q.ID]; !ok && lib.IsBuiltin(q.ID) && len(floorsOf(q)) > 0 {
			t.Errorf("%s sets %d knock-outs and has no table in describedKnockoutTables", q.ID, len(floorsOf(q)))
		}
	}
}
