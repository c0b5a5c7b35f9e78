package questionnaires

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/internal/input"
	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

//go:embed builtin/*.yaml
var builtinFS embed.FS

// Library is the set of questionnaires a user can start: the built-in ones
// and any in the user's folder.
type Library struct {
	list []*assess.Questionnaire
	byID map[string]*assess.Questionnaire
	// Builtin marks which IDs came from the binary.
	builtin map[string]bool
	// cat is the control catalog: the built-in frameworks and the user's
	// catalogs (catalog_user.go).
	cat *assess.Catalog
	// baseless holds, by absolute path, the problem of each extension of
	// the folder whose base never joined (missingBase), so that assay lint
	// says the same as the loader.
	baseless map[string]Problem
	// extends names, for each extension combined, the questionnaire it
	// extends: the chain down to a questionnaire file, for tooDeep.
	extends map[string]string
}

// Builtin loads the embedded questionnaires. They are checked by tests, so
// a problem here is a build defect and is returned as an error.
func Builtin() (*Library, error) { return builtinWith(nil) }

// builtinWith is Builtin with the questionnaires decoded through dec when
// it is not nil: from its compiled forms, as a stored snapshot of the
// same file is. A built-in file loads without a problem under the
// catalog Decode uses as under the built-in one (the tests load them
// both ways), so the questionnaire is the same.
func builtinWith(dec *Decoder) (*Library, error) {
	lib := &Library{byID: map[string]*assess.Questionnaire{}, builtin: map[string]bool{}, cat: Catalog()}
	names, err := fs.Glob(builtinFS, "builtin/*.yaml")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		src, err := builtinFS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		q, err := parseBuiltin(dec, name, src)
		if err != nil {
			return nil, err
		}
		if err := lib.add(q); err != nil {
			return nil, err
		}
		lib.builtin[q.ID] = true
	}
	return lib, nil
}

func parseBuiltin(dec *Decoder, name string, src []byte) (*assess.Questionnaire, error) {
	if dec != nil {
		return dec.Decode(name, src)
	}
	q, problems := Parse(name, src, Catalog())
	if len(problems) > 0 {
		return nil, problems
	}
	return q, nil
}

// Load returns the built-in questionnaires plus every *.yaml or *.yml file
// in dir (if dir exists). Files with problems are left out and their
// problems returned, so one bad custom file never hides the others.
func Load(dir string) (*Library, Problems, error) { return LoadWith(dir, nil) }

// LoadWith is Load with the built-in questionnaires decoded through dec,
// when it is not nil: a command that has decoded them before reads their
// compiled forms instead of parsing them again. The user's files are
// parsed as Load parses them, with their problems.
func LoadWith(dir string, dec *Decoder) (*Library, Problems, error) {
	lib, err := builtinWith(dec)
	if err != nil {
		return nil, nil, err
	}
	if dir == "" {
		return lib, nil, nil
	}
	cat, all, err := userCatalogs(dir)
	if err != nil {
		return nil, nil, err
	}
	lib.cat = cat
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return lib, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("reading questionnaires from %s: %w", dir, err)
	}
	var extensions []pendingExtension
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if e.IsDir() || (ext != ".yaml" && ext != ".yml") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		q, x, problems, err := loadUserFile(path, cat)
		if x != nil {
			extensions = append(extensions, *x) // once all bases are loaded
			continue
		}
		if err != nil {
			problems = unreadable(path, err)
		}
		if len(problems) > 0 {
			all = append(all, problems...)
			continue
		}
		if err := lib.add(q); err != nil {
			line, col := IDAt(q.Source)
			all = append(all, Problem{File: path, Line: line, Column: col, Field: "id", Message: err.Error()})
		}
	}
	all = append(all, lib.addExtensions(extensions, cat)...)
	return lib, all, nil
}

// ParseFile reads and validates a questionnaire file from disk. A file
// over input.MaxFileSize, or a named pipe or device named *.yaml, is a
// problem of that file, not an error, so that it is skipped like any other
// bad file without being read.
func ParseFile(path string) (*assess.Questionnaire, Problems, error) {
	return parseFile(path, Catalog())
}

func parseFile(path string, cat *assess.Catalog) (*assess.Questionnaire, Problems, error) {
	src, err := input.ReadFile(path)
	var notRegular *input.NotRegularError
	if errors.Is(err, input.ErrTooLarge) || errors.As(err, &notRegular) {
		return nil, unreadable(path, err), nil
	}
	if err != nil {
		return nil, nil, err
	}
	q, problems := Parse(path, src, cat)
	return q, problems, nil
}

// loadUserFile reads a file of the user's folder once and parses it
// once: an extension is returned to be combined once every base is
// loaded, anything else is loaded as a questionnaire. Each file was read
// and parsed twice, first to ask whether it was an extension, on every
// start of assay.
func loadUserFile(path string, cat *assess.Catalog) (*assess.Questionnaire, *pendingExtension, Problems, error) {
	src, err := input.ReadFile(path)
	var notRegular *input.NotRegularError
	if errors.Is(err, input.ErrTooLarge) || errors.As(err, &notRegular) {
		return nil, nil, unreadable(path, err), nil
	}
	if err != nil {
		return nil, nil, nil, err
	}
	file := ParseSource(path, src)
	if file.IsExtension() {
		return nil, &pendingExtension{path: path, src: src}, nil, nil
	}
	q, problems, _ := file.Lint(cat)
	return q, nil, problems, nil
}

// IDAt is where a questionnaire or extension file gives its id, for a
// problem found once the file has loaded (an id another file took): the
// start of the file when it gives none. Files begin with a comment line
// for editors, so the id is seldom on line 1.
func IDAt(src []byte) (line, col int) {
	_, root := yamlx.Parse("", src)
	if v := root.Field("id"); v.Exists() {
		return v.Line(), v.Column()
	}
	return 1, 1
}

// unreadable is the problem of a file of the user's folder that could not
// be read at all, such as a symlink to nothing or a symlink loop: it is
// skipped like a file with problems, so one stray link never stops every
// command, the built-in questionnaires included.
func unreadable(path string, err error) Problems {
	var notRegular *input.NotRegularError
	if errors.As(err, &notRegular) {
		return Problems{{File: path, Line: 1, Column: 1, Message: "the file is " + notRegular.Kind + ", not a regular file"}}
	}
	if errors.Is(err, input.ErrTooLarge) {
		return Problems{{File: path, Line: 1, Column: 1, Message: "the file is " + input.ErrTooLarge.Error()}}
	}
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		err = pathErr.Err // the path is the problem's file already
	}
	return Problems{{File: path, Line: 1, Column: 1, Message: "the file cannot be read: " + err.Error()}}
}

func (l *Library) add(q *assess.Questionnaire) error {
	if prev, dup := l.byID[q.ID]; dup {
		return fmt.Errorf("questionnaire id %q is already used by %s", q.ID, prev.SourceName)
	}
	l.byID[q.ID] = q
	l.list = append(l.list, q)
	sort.SliceStable(l.list, func(i, j int) bool { return l.list[i].Title < l.list[j].Title })
	return nil
}

// All lists the questionnaires by title.
func (l *Library) All() []*assess.Questionnaire { return l.list }

// Get finds a questionnaire by ID.
func (l *Library) Get(id string) (*assess.Questionnaire, bool) {
	q, ok := l.byID[id]
	return q, ok
}

// Suggest is the hint for an ID the library does not hold: `did you mean
// "dpia"?` for the ID closest to it in spelling (case aside), or "" when
// none is close.
func (l *Library) Suggest(id string) string { return yamlx.Suggest(id, l.ids()) }

// IsBuiltin reports whether a questionnaire ID came with assay.
func (l *Library) IsBuiltin(id string) bool { return l.builtin[id] }

// Catalog is the control catalog the library's questionnaires were
// checked against: the built-in frameworks and the user's catalogs.
func (l *Library) Catalog() *assess.Catalog { return l.cat }

// Decode parses a stored questionnaire snapshot. Snapshots were valid when
// stored; the name only labels errors. Controls of a user catalog are
// taken as they are, so that an assessment still opens without it.
func Decode(name string, src []byte) (*assess.Questionnaire, error) {
	q, problems := Parse(name, src, Catalog().Lenient())
	if len(problems) > 0 {
		return nil, problems
	}
	return q, nil
}
