package questionnaires

import (
	"fmt"
	"strings"

	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// caseTwins remembers, for one kind of ID (sections, levels, dimensions,
// recommended questionnaires), where each was first written, by its ID in
// lower case. Conditions, extensions, answers files and the library name
// an ID exactly, so Access meant as access would bind to the other one
// without a word; the second of two IDs that differ only in case is
// refused where it is written, naming the first.
type caseTwins struct {
	what   string // "section id", as the message names it
	verb   string // "defined" or "named", as the hint says where the first is
	advice string // what to do instead
	first  map[string]yamlx.Value
}

func newCaseTwins(what, verb, advice string) *caseTwins {
	return &caseTwins{what: what, verb: verb, advice: advice, first: map[string]yamlx.Value{}}
}

// check refuses v, holding id, when an earlier ID differs from it only in
// case. The same ID written twice is left to the caller, which refuses a
// duplicate or, as for recommendations, allows it. A stored snapshot (read
// with a lenient catalog) is not refused: it was checked when stored, and
// an assessment begun before this rule must still open.
func (l *loader) checkCaseTwin(t *caseTwins, v yamlx.Value, id string) {
	if id == "" {
		return
	}
	key := strings.ToLower(id)
	first, seen := t.first[key]
	if !seen {
		t.first[key] = v
		return
	}
	if first.Str() == id || l.cat.AcceptsAnyFramework() {
		return
	}
	v.Problem(fmt.Sprintf("first %s at line %d; %s", t.verb, first.Line(), t.advice),
		"%s %q differs from %s %q only in case", t.what, id, t.what, first.Str())
}
