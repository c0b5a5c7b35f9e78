package questionnaires

import (
	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// optionGroup reads an option's group: options of a multiple-choice
// question that are one thing said in several ways (WP248's vulnerable
// people: employees, children) and count once, the most points among
// those ticked. A group means nothing where one option is chosen, or on
// an option that stands alone ("none of these") or takes the question
// out of the score.
// groupAt keeps where each group was written, for groupsOfOne.
func (l *loader) optionGroup(q *assess.Question, o *assess.Option, v yamlx.Value, groupAt map[*assess.Option]yamlx.Value) {
	if !v.Exists() {
		return
	}
	o.Group = l.id(v)
	groupAt[o] = v
	switch {
	case q.Type != assess.TypeMulti:
		v.Problem("", "group applies only to multiple-choice questions, where several options can be ticked")
	case o.Exclusive:
		v.Problem("", "an exclusive option is never ticked with another, so it has no group to count once with")
	case o.NA:
		v.Problem("", "a not-applicable option takes the question out of the score, so it has no group to count once with")
	}
}

// groupsOfOne refuses a group only one option of the question names: it
// counts once whatever its name, so it says nothing, and is most likely a
// misspelling of another option's group.
func groupsOfOne(q *assess.Question, groupAt map[*assess.Option]yamlx.Value) {
	n := map[string]int{}
	for _, o := range q.Options {
		if o.Group != "" {
			n[o.Group]++
		}
	}
	for _, o := range q.Options {
		if o.Group != "" && n[o.Group] == 1 {
			groupAt[o].Problem("name the same group on each option that counts once with this one",
				"group %q is named by this option only; a group counts options together once", o.Group)
		}
	}
}
