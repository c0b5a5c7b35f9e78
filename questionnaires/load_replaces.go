package questionnaires

import (
	"fmt"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// pendingReplaces is a question's replaces list, checked once every
// question of the file is known: an ID the file still asks cannot have
// been replaced, wherever in the file it is asked.
type pendingReplaces struct {
	q *assess.Question
	v yamlx.Value
}

// checkReplaces reads each question's replaces: the IDs it had in earlier
// versions. The loader sees no earlier version, so an ID it has never
// asked is taken on the author's word (it matches nothing in a
// comparison with a version that did not ask it either). It refuses what
// cannot be a renaming: an ID this file still asks (the old question is
// still here, so nothing was renamed), and an ID replaced twice (a
// comparison could not tell which question carries the old answer).
func (l *loader) checkReplaces() {
	replacedBy := map[string]yamlx.Value{}
	replacer := map[string]*assess.Question{}
	for _, p := range l.pendingReplaces {
		list := p.v.List()
		if p.v.IsList() && len(list) == 0 {
			p.v.Problem("list the IDs the question had in earlier versions, or remove replaces",
				"replaces is an empty list, so it names no earlier ID")
		}
		for _, iv := range list {
			old := l.id(iv)
			switch {
			case old == "" && iv.IsScalar() || !iv.Exists():
				// null, ~ or "": an ID left out, not a list that says nothing.
				iv.Problem("write the ID the question had in an earlier version, or remove the entry", "an ID is required")
				continue
			case old == "":
				continue // Str has said what it is instead
			case old == p.q.ID:
				iv.Problem("list the IDs the question had in earlier versions", "question %s cannot replace itself", old)
				continue
			}
			if asked, ok := l.qValues[old]; ok {
				iv.Problem(fmt.Sprintf("question %s is defined at line %d: a question replaces one that earlier versions asked and this one no longer does", old, asked.Line()),
					"question %s is still asked, so it cannot be replaced", old)
				continue
			}
			if first, twice := replacedBy[old]; twice {
				iv.Problem(fmt.Sprintf("already replaced by question %s at line %d: one question carries an old answer on", replacer[old].ID, first.Line()),
					"%q is replaced twice", old)
				continue
			}
			replacedBy[old], replacer[old] = iv, p.q
			p.q.Replaces = append(p.q.Replaces, old)
		}
	}
}
