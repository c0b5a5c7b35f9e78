package questionnaires

import (
	"slices"
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// pendingFloor is a knock-out read with its question or option; its level
// is checked once every level of the file is known.
type pendingFloor struct {
	level, step, cond yamlx.Value
	floor             *assess.Floor
}

// floors reads a knock-out, {level, at_least, reason, if, forbids_use},
// or a list of them.
func (l *loader) floors(v yamlx.Value) []*assess.Floor {
	if !v.Exists() {
		return nil
	}
	items := []yamlx.Value{v}
	if v.IsList() {
		items = v.List()
	}
	var out []*assess.Floor
	for _, iv := range items {
		f := iv.Map("level", "at_least", "reason", "if", "forbids_use")
		fl := &assess.Floor{
			Level:      f.Required("level", "the level this answer puts a floor under").Str(),
			AtLeast:    f.Required("at_least", "the lowest step the level may then have").Str(),
			Reason:     strings.TrimSpace(l.requiredText(f, "reason", "why this answer alone sets the level, in a sentence the committee reads")),
			ForbidsUse: f.Get("forbids_use").Bool(),
		}
		l.pendingFloors = append(l.pendingFloors, pendingFloor{level: f.Get("level"), step: f.Get("at_least"), cond: f.Get("if"), floor: fl})
		out = append(out, fl)
	}
	return out
}

// checkFloors runs after the levels are read: each knock-out names a level
// of the file and a step of its scale, and its if, read now, a level
// defined above that one or a dimension.
func (l *loader) checkFloors() {
	for _, p := range l.pendingFloors {
		if p.cond.Exists() {
			p.floor.If = l.ruleCondition(p.cond)
		}
		if p.floor.Level == "" {
			continue
		}
		def, ok := l.q.Level(p.floor.Level)
		if !ok {
			p.level.Problem(yamlx.Suggest(p.floor.Level, l.levelIDs()), "unknown level %q", p.floor.Level)
			continue
		}
		if p.floor.AtLeast != "" && !slices.Contains(def.Scale, p.floor.AtLeast) {
			p.step.Problem(yamlx.Suggest(p.floor.AtLeast, def.Scale), "%q is not a level of %s (%s)", p.floor.AtLeast, def.ID, strings.Join(def.Scale, ", "))
		}
		l.checkFloorIfOrder(p, def)
	}
}

// checkFloorIfOrder: a knock-out's if may read only a level computed
// before the floor's own. Levels are computed in file order and each
// applies its floors as it is computed, so a condition on the same level,
// or on one below (which may read it), would ask for the level while it
// is being worked out.
func (l *loader) checkFloorIfOrder(p pendingFloor, def *assess.LevelDef) {
	c := p.floor.If
	if c == nil || c.Level == "" {
		return
	}
	at := slices.IndexFunc(l.q.Levels, func(d *assess.LevelDef) bool { return d.ID == def.ID })
	cond := slices.IndexFunc(l.q.Levels, func(d *assess.LevelDef) bool { return d.ID == c.Level })
	if cond >= 0 && cond >= at {
		p.cond.Field("level").Problem("condition it on a level defined above it, or on a dimension",
			"a knock-out under %s can depend only on a level defined above %s, and %s is not", def.ID, def.ID, c.Level)
	}
}

// pendingFindingIf is a question's finding_if, read once levels are known.
type pendingFindingIf struct {
	v yamlx.Value
	q *assess.Question
}

func (l *loader) resolveFindingIfs() {
	for _, p := range l.pendingFindingIf {
		p.q.FindingIf = l.ruleCondition(p.v)
	}
}

// checkKnockOuts: a question-level floor needs a question that can show a
// full gap, an option floor an option that is not "not applicable", and
// finding_if a question that can make a finding.
func (l *loader) checkKnockOuts(q *assess.Question, f yamlx.Fields) {
	if len(q.Floors) > 0 && (q.Type == assess.TypeText || q.Type == assess.TypeRisk) {
		f.Get("floor").Problem("put knock-outs on questions whose answers can show a gap", "a %s question never shows a gap, so its floor would never hold", q.Type)
	}
	for i, o := range q.Options {
		if o.NA && len(o.Floors) > 0 {
			at := f.Get("options")
			if items := at.List(); i < len(items) {
				at = items[i]
			}
			at.Problem("", "option %q is not applicable, which never sets a floor", o.Value)
		}
	}
	if f.Has("finding_if") && q.Severity == assess.SeverityNone && !slices.ContainsFunc(q.Options, func(o *assess.Option) bool { return o.Severity != assess.SeverityNone }) {
		f.Get("finding_if").Problem("give the question a severity and an action", "question %s makes no findings, so finding_if does nothing", q.ID)
	}
}
