package questionnaires

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// MaxExtensionDepth is how many extensions may stand on one another above
// a questionnaire file: an organisation's extension of a built-in, a
// department's of that, a team's of that, with room to spare.
const MaxExtensionDepth = 5

// pendingExtension is an extension file found in the questionnaires
// folder, combined once every questionnaire it may extend is loaded.
type pendingExtension struct {
	path string
	src  []byte
}

// addExtensions combines each extension with the questionnaire it
// extends, built-in or the user's, and adds the result to the library.
// An extension may extend another extension's result: they are combined
// in as many rounds as it takes.
func (l *Library) addExtensions(pending []pendingExtension, cat *assess.Catalog) Problems {
	var all Problems
	defined := map[string]string{} // extension id -> its file, to say why one is missing
	for _, p := range pending {
		_, root := yamlx.Parse(p.path, p.src)
		if id := root.Field("id"); id.IsScalar() {
			defined[id.Str()] = p.path
		}
	}
	for len(pending) > 0 {
		var waiting []pendingExtension
		for _, p := range pending {
			base, ok := l.Get(ExtendsWhat(p.src))
			if !ok {
				waiting = append(waiting, p)
				continue
			}
			if chain := l.extensionChain(base.ID); len(chain) > MaxExtensionDepth {
				all = append(all, tooDeep(p, chain))
				continue
			}
			q, problems, _ := Extend(base, p.path, p.src, cat)
			if len(problems) > 0 {
				all = append(all, problems...)
				continue
			}
			if err := l.add(q); err != nil {
				line, col := IDAt(p.src)
				all = append(all, Problem{File: p.path, Line: line, Column: col, Field: "id", Message: err.Error()})
				continue
			}
			if l.extends == nil {
				l.extends = map[string]string{}
			}
			l.extends[q.ID] = base.ID
		}
		if len(waiting) == len(pending) {
			for _, p := range waiting {
				problem := missingBase(p, waiting, defined, l)
				l.refuse(p.path, problem)
				all = append(all, problem)
			}
			break
		}
		pending = waiting
	}
	return all
}

// refuse keeps the problem that left the extension at path out of the
// library, for LintExtension to say the same.
func (l *Library) refuse(path string, problem Problem) {
	if abs, err := filepath.Abs(path); err == nil {
		if l.baseless == nil {
			l.baseless = map[string]Problem{}
		}
		l.baseless[abs] = problem
	}
}

// extensionChain is id followed by what it extends, down to a
// questionnaire file: its length less one is how many extensions deep id
// is.
func (l *Library) extensionChain(id string) []string {
	chain := []string{id}
	for base, ok := l.extends[id]; ok; base, ok = l.extends[base] {
		chain = append(chain, base)
	}
	return chain
}

// tooDeep is the problem of an extension whose base is already
// MaxExtensionDepth extensions deep: each level's combined version carries
// the one below's, and the folder is combined in a round per level, so a
// chain without end grows both without end.
func tooDeep(p pendingExtension, chain []string) Problem {
	doc, root := yamlx.Parse(p.path, p.src)
	root.Field("extends").Problem("extend a questionnaire lower in the chain, or make one of them a questionnaire file of its own",
		"extends %q, already %d extensions deep (%s); an extension can be at most %d levels above a questionnaire file",
		chain[0], len(chain)-1, strings.Join(chain, " → "), MaxExtensionDepth)
	return doc.Problems[0]
}

// missingBase is the problem of an extension whose base never joined the
// library: another extension that extends it back (a loop), another
// extension that could not be combined, or nothing assay knows.
func missingBase(p pendingExtension, waiting []pendingExtension, defined map[string]string, l *Library) Problem {
	base := ExtendsWhat(p.src)
	file, isExtension := defined[base]
	if !isExtension {
		return unknownBase(p.path, p.src, l)
	}
	doc, root := yamlx.Parse(p.path, p.src)
	ext := root.Field("extends")
	if chain := extensionLoop(p, waiting); chain != nil {
		what := "an extension in " + filepath.Base(file)
		if file == p.path {
			what = "itself"
		}
		ext.Problem("", "extends %q, %s; extensions cannot extend each other in a loop (%s)", base, what, strings.Join(chain, " → "))
	} else {
		ext.Problem("", "extends %q, an extension in %s that could not be combined (see its problems)", base, filepath.Base(file))
	}
	return doc.Problems[0]
}

// extensionLoop follows p's bases among the extensions still waiting and
// returns the IDs around the loop it is part of, or nil.
func extensionLoop(p pendingExtension, waiting []pendingExtension) []string {
	byID := map[string]pendingExtension{}
	for _, w := range waiting {
		_, root := yamlx.Parse(w.path, w.src)
		byID[root.Field("id").Str()] = w
	}
	_, root := yamlx.Parse(p.path, p.src)
	start := root.Field("id").Str()
	chain := []string{start}
	for cur := ExtendsWhat(p.src); ; {
		chain = append(chain, cur)
		if cur == start {
			return chain
		}
		next, ok := byID[cur]
		if !ok || len(chain) > len(waiting)+1 {
			return nil // ends at one that failed, or loops without p
		}
		cur = ExtendsWhat(next.src)
	}
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
		if abs, err := filepath.Abs(path); err == nil {
			if p, found := l.baseless[abs]; found {
				p.File = path
				return nil, Problems{p}, nil
			}
		}
		return nil, Problems{unknownBase(path, src, l)}, nil
	}
	if chain := l.extensionChain(base.ID); len(chain) > MaxExtensionDepth {
		problem := tooDeep(pendingExtension{path: path, src: src}, chain)
		return nil, Problems{problem}, nil
	}
	return Extend(base, path, src, l.cat)
}
