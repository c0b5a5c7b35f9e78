package questionnaires

import (
	"fmt"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires/internal/treecodec"
)

// A compiled questionnaire is a parsed one written with treecodec.
// Reading one back takes a small part of the time parsing and validating
// its YAML takes, which is what loading an assessment spent most of its
// time on (BenchmarkLoadAssessment2000 in store).
// The Decoder keeps compiled forms beside the parse they save (cache.go);
// nothing else reads them.
//
// What is written is the questionnaire's tree: sections holding their
// questions. What the tree implies (Questions, each question's Section and
// Index, the lookup by ID) is rebuilt by Index, and conditions carry their
// bound question indices (condition.Expr.MarshalBinary). Source,
// SourceName and Digest are not written: they are the snapshot's own.

// compile writes q's compiled form.
func compile(q *assess.Questionnaire) ([]byte, error) {
	tree := *q
	tree.Source, tree.SourceName, tree.Digest = nil, "", ""
	tree.Questions = nil
	tree.Sections = make([]*assess.Section, len(q.Sections))
	for i, s := range q.Sections {
		sc := *s
		sc.Questions = make([]*assess.Question, len(s.Questions))
		for j, qq := range s.Questions {
			qc := *qq
			qc.Section, qc.Index = nil, 0 // a back pointer, not a tree; Index rebuilds both
			sc.Questions[j] = &qc
		}
		tree.Sections[i] = &sc
	}
	b, err := treecodec.Marshal(&tree)
	if err != nil {
		return nil, fmt.Errorf("compiling %s: %w", q.SourceName, err)
	}
	return b, nil
}

// decompile reads a compiled form back as the questionnaire parsed from
// src, which is the caller's to check against digest.
func decompile(b []byte, name string, src []byte, digest string) (*assess.Questionnaire, error) {
	var q assess.Questionnaire
	if err := treecodec.Unmarshal(b, &q); err != nil {
		return nil, err
	}
	q.Index()
	q.Source, q.SourceName, q.Digest = src, name, digest
	return &q, nil
}
