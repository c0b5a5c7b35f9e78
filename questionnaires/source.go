package questionnaires

import (
	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// Source is a file parsed once, to be told apart (a questionnaire, an
// extension, a catalog) and then read as what it is. assay lint parsed a
// questionnaire three times, to ask whether it was an extension, then a
// catalog, then to read it: two thirds of linting a 30,000-question
// file (docs/performance.md).
type Source struct {
	name string
	src  []byte
	doc  *yamlx.Doc
	root yamlx.Value
	read bool // Lint has walked doc, whose problems are then its own
}

// ParseSource parses src, named name in problems.
func ParseSource(name string, src []byte) *Source {
	doc, root := yamlx.Parse(name, src)
	return &Source{name: name, src: src, doc: doc, root: root}
}

// IsExtension reports whether the file is an extension file: a YAML
// mapping with extends at the top.
func (s *Source) IsExtension() bool {
	return len(s.doc.Problems) == 0 && s.root.IsMap() && s.root.HasValue("extends")
}

// IsCatalog reports whether the file is a catalog file: a YAML mapping
// with catalog at the top.
func (s *Source) IsCatalog() bool {
	return len(s.doc.Problems) == 0 && s.root.IsMap() && s.root.HasValue("catalog")
}

// Lint is the package's Lint of the file, reading the parse already made
// the first time (a second Lint parses again: reading records problems
// in the parse).
func (s *Source) Lint(cat *assess.Catalog) (*assess.Questionnaire, Problems, Problems) {
	if s.read {
		return Lint(s.name, s.src, cat)
	}
	s.read = true
	return lintParsed(s.name, s.src, s.doc, s.root, cat, false)
}
