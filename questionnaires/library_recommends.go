package questionnaires

import (
	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// UnknownRecommendations warns of each recommendation of q naming a
// questionnaire l does not have, at its line in q's file: a misspelt ID
// loads (the questionnaire may be installed later), and the analyst is
// then offered an assessment assay cannot start.
func (l *Library) UnknownRecommendations(q *assess.Questionnaire) Problems {
	if q == nil || len(q.Recommends) == 0 {
		return nil
	}
	doc, root := yamlx.Parse(q.SourceName, q.Source)
	ids := make([]string, 0, len(l.list))
	for _, known := range l.list {
		ids = append(ids, known.ID)
	}
	for _, rv := range root.Field("recommends").List() {
		v := rv.Field("questionnaire")
		id := v.Str()
		if _, ok := l.Get(id); ok || id == q.ID || id == "" {
			continue
		}
		v.Warn(yamlx.Suggest(id, ids), "there is no questionnaire %q", id)
	}
	return doc.Warnings
}
