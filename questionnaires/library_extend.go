package questionnaires

import (
	"slices"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/internal/input"
	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// pendingExtension is an extension file found in the questionnaires
// folder, combined once every questionnaire it may extend is loaded.
type pendingExtension struct {
	path string
	src  []byte
}

// readExtensionFile reads path if it is an extension file.
func readExtensionFile(path string) (pendingExtension, bool) {
	src, err := input.ReadFile(path)
	if err != nil || !IsExtension(src) {
		return pendingExtension{}, false
	}
	return pendingExtension{path: path, src: src}, true
}

// addExtensions combines each extension with the questionnaire it
// extends, built-in or the user's, and adds the result to the library.
// An extension may extend another extension's result: they are combined
// in as many rounds as it takes.
func (l *Library) addExtensions(pending []pendingExtension, cat *assess.Catalog) Problems {
	var all Problems
	for len(pending) > 0 {
		var waiting []pendingExtension
		for _, p := range pending {
			base, ok := l.Get(ExtendsWhat(p.src))
			if !ok {
				waiting = append(waiting, p)
				continue
			}
			q, problems, _ := Extend(base, p.path, p.src, cat)
			if len(problems) > 0 {
				all = append(all, problems...)
				continue
			}
			if err := l.add(q); err != nil {
				all = append(all, Problem{File: p.path, Line: 1, Column: 1, Field: "id", Message: err.Error()})
			}
		}
		if len(waiting) == len(pending) {
			for _, p := range waiting {
				all = append(all, unknownBase(p.path, p.src, l))
			}
			break
		}
		pending = waiting
	}
	return all
}

func unknownBase(path string, src []byte, l *Library) Problem {
	doc, root := yamlx.Parse(path, src)
	ext := root.Field("extends")
	ext.Problem(yamlx.Suggest(ext.Str(), l.ids()), "extends %q, which is not a questionnaire assay knows", ext.Str())
	return doc.Problems[0]
}

func (l *Library) ids() []string {
	var out []string
	for _, q := range l.list {
		out = append(out, q.ID)
	}
	slices.Sort(out)
	return out
}

// LintExtension checks an extension file against the library, as assay
// lint does: the combined questionnaire's problems and warnings, at the
// extension's lines.
func (l *Library) LintExtension(path string, src []byte) (*assess.Questionnaire, Problems, Problems) {
	base, ok := l.Get(ExtendsWhat(src))
	if !ok {
		return nil, Problems{unknownBase(path, src, l)}, nil
	}
	return Extend(base, path, src, l.cat)
}
