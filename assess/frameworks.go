package assess

import (
	"slices"
)

// Frameworks lists the frameworks the questionnaire's questions may map
// to: assay's three, then the user catalogs its questions name (see
// catalog_user.go), in the order they first appear.
func (q *Questionnaire) Frameworks() []Framework {
	out := slices.Clone(Frameworks)
	for _, qq := range q.Questions {
		for _, fw := range qq.Controls.Frameworks() {
			if !slices.Contains(out, fw) {
				out = append(out, fw)
			}
		}
	}
	return out
}

// Frameworks lists the frameworks cs maps to: assay's three in their
// order, then any others by name.
func (cs Controls) Frameworks() []Framework {
	var out, others []Framework
	for _, fw := range Frameworks {
		if len(cs[fw]) > 0 {
			out = append(out, fw)
		}
	}
	for fw, ids := range cs {
		if len(ids) > 0 && !slices.Contains(Frameworks, fw) {
			others = append(others, fw)
		}
	}
	slices.Sort(others)
	return append(out, others...)
}
