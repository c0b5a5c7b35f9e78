package questionnaires

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/condition"
	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/internal/input"
	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// CatalogDir is the folder, inside the questionnaires folder, that holds
// the user's own control catalogs (written by assay convert from OSCAL
// catalogs). Questionnaires map to them under the catalog's ID.
const CatalogDir = "catalogs"

// UserCatalog is a control catalog of the user's: a framework of its own
// that questionnaires can map to.
type UserCatalog struct {
	ID, Title, Version, Copyright, Description string
	Controls                                   []assess.Control
	SourceName                                 string
}

var userCatalogFields = []string{"catalog", "title", "version", "copyright", "description", "controls"}

// ParseCatalog reads and checks a catalog file:
//
//	catalog: sp800-53-low          # the ID questionnaires use under controls:
//	title: NIST SP 800-53 Rev. 5, low baseline
//	version: "5.2.0"
//	controls:
//	  - {id: ac-1, name: AC-1 Policy and Procedures, group: Access Control}
func ParseCatalog(name string, src []byte) (*UserCatalog, Problems) {
	doc, root := yamlx.Parse(name, src)
	if len(doc.Problems) > 0 {
		return nil, doc.Problems
	}
	f := root.Map(userCatalogFields...)
	if root.Exists() && !root.IsMap() {
		return nil, doc.Problems // said once, not as each field missing besides
	}
	c := &UserCatalog{SourceName: name}
	idv := f.Required("catalog", "the ID questionnaires map to, such as sp800-53-low")
	c.ID = idv.Str()
	switch {
	case c.ID == "":
	case catalogIDTooLong(idv, c.ID, "a short ID, such as sp800-53-low; the words belong in title"):
	case !condition.IsValidRef(c.ID):
		idv.Problem("start with a letter; then letters, digits, _, - or .", "%q is not a valid catalog ID", c.ID)
	case slices.Contains(assess.Frameworks, assess.Framework(c.ID)):
		idv.Problem("choose another ID", "%s is one of assay's own frameworks", c.ID)
	}
	c.Title = catalogLine(f.Required("title", ""), "title", true)
	catalogTextTooLong(f.Get("title"), "title", "catalog's title", c.Title, MaxCatalogTitleLength, "a short title; the rest belongs in description")
	c.Version = catalogLine(f.Get("version"), "version", false)
	versionTooLong(f.Get("version"), c.Version)
	c.Copyright = catalogText(f.Get("copyright"), "copyright")
	c.Description = catalogText(f.Get("description"), "description")
	seen := map[string]int{}
	controls := f.Required("controls", "a list of controls with id, name and group")
	for _, cv := range controls.ListOf("controls", "one a line: - {id: ac-1, name: Policy and Procedures, group: Access Control}") {
		cf := cv.Map("id", "name", "group")
		idv := cf.Required("id", "")
		ctl := assess.Control{
			Framework: assess.Framework(c.ID),
			ID:        catalogLine(idv, "id", true),
			Name:      catalogLine(cf.Required("name", "what the control is called, shown wherever it is mapped"), "name", true),
			Group:     catalogLine(cf.Get("group"), "group", false),
		}
		catalogTextTooLong(cf.Get("name"), "name", "control's name", ctl.Name, MaxControlNameLength, "the control's short name; what it asks belongs in the framework's own text")
		catalogTextTooLong(cf.Get("group"), "group", "control's group", ctl.Group, MaxControlGroupLength, "the short name of the control's family")
		if ctl.ID == "" || catalogIDTooLong(idv, ctl.ID, "a short ID, such as ac-1; the words belong in name") || controlIDLooksLikeASCII(idv, ctl.ID) {
			continue
		}
		// IDs are matched as written, but two that differ only by case
		// name one control twice, and a questionnaire would map to
		// whichever it happened to spell.
		key := strings.ToLower(ctl.ID)
		if line, dup := seen[key]; dup {
			idv.Problem(fmt.Sprintf("first at line %d", line), "control %s is listed twice", ctl.ID)
			continue
		}
		seen[key] = idv.Line()
		c.Controls = append(c.Controls, ctl)
	}
	if controls.IsList() && len(c.Controls) == 0 && len(doc.Problems) == 0 {
		controls.Problem("", "a catalog needs at least one control")
	}
	doc.SayUnreadMisshapenTags()
	if len(doc.Problems) > 0 {
		doc.Problems.Sort()
		return nil, doc.Problems
	}
	return c, nil
}

// catalogIDTooLong refuses a catalog's or a control's ID longer than a
// questionnaire's ID may be (MaxIDLength characters), at its line: the
// report's control tables, docs/mappings.md and assay list show each ID
// whole, and one of 10,000 characters broke them. It reports whether it
// refused.
func catalogIDTooLong(v yamlx.Value, id, hint string) bool {
	n := utf8.RuneCountInString(id)
	if n <= MaxIDLength {
		return false
	}
	v.Problem(hint, "%s is %d characters long; an ID is at most %d", quoteStart(id), n, MaxIDLength)
	return true
}

// catalogTextTooLong refuses a catalog's title, or a control's name or
// group, past its limit in characters, at its line, quoting only its
// start: the report's control tables, the coverage report and assay list
// show each whole, and a name of a megabyte broke them.
func catalogTextTooLong(v yamlx.Value, field, what, s string, limit int, hint string) {
	if n := utf8.RuneCountInString(s); n > limit {
		v.Problem(hint, "%s is %d characters long; a %s is at most %d", field, n, what, limit)
	}
}

// catalogLine reads a catalog's short field (a title, a control's ID,
// name or group), trimmed. Blank when required, or holding an escape
// sequence, another control character or a bidi control, it is a problem
// at its line: the workspace and every report show these as written. A
// line break is let through, as in a questionnaire's titles: every output
// puts such a field on one line.
func catalogLine(v yamlx.Value, field string, required bool) string {
	if !v.Exists() {
		return ""
	}
	s := strings.TrimSpace(v.Str())
	if s == "" && required {
		v.Problem("", "%s is blank", field)
		return ""
	}
	if err := unsafeText(field, s); err != nil {
		v.Problem("", "%s", err.Error())
		return ""
	}
	return s
}

// catalogText reads a catalog's free text (its copyright or description),
// refused, as in catalogLine, when it holds an escape sequence, another
// control character or a bidi control.
func catalogText(v yamlx.Value, field string) string {
	s := v.Str()
	if err := unsafeText(field, s); err != nil {
		v.Problem("", "%s", err.Error())
		return ""
	}
	return s
}

// unsafeText says where s holds an escape sequence, another control
// character (line breaks and tabs aside) or a bidi control. Length is not
// checked: a converted catalog carries its source's text whole.
func unsafeText(field, s string) error {
	if _, at := safetext.FirstControl(s, true); at < 0 {
		return nil
	}
	return assess.CheckStoredText(field, s)
}

// IsCatalog reports whether src is a catalog file: a YAML mapping with
// catalog at the top.
func IsCatalog(src []byte) bool { return ParseSource("", src).IsCatalog() }

// LoadCatalog returns the built-in catalog with the user's catalogs from
// dir/catalogs added; files with problems are left out and their problems
// returned.
func LoadCatalog(dir string) (*assess.Catalog, Problems, error) { return userCatalogs(dir) }

// userCatalogs reads every catalog in dir/catalogs and returns the
// built-in catalog with them added. A file with problems is left out and
// its problems returned, as with questionnaires.
func userCatalogs(dir string) (*assess.Catalog, Problems, error) {
	cat := Catalog()
	if dir == "" {
		return cat, nil, nil
	}
	catDir := filepath.Join(dir, CatalogDir)
	entries, err := os.ReadDir(catDir)
	if errors.Is(err, fs.ErrNotExist) {
		return cat, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("reading catalogs from %s: %w", catDir, err)
	}
	var all Problems
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if e.IsDir() || (ext != ".yaml" && ext != ".yml") {
			continue
		}
		path := filepath.Join(catDir, e.Name())
		src, err := input.ReadFile(path)
		if err != nil {
			all = append(all, unreadable(path, err)...)
			continue
		}
		uc, problems := ParseCatalog(path, src)
		if len(problems) > 0 {
			all = append(all, problems...)
			continue
		}
		next, err := cat.WithFramework(assess.Framework(uc.ID), uc.Title, uc.Controls)
		if err != nil {
			all = append(all, Problem{File: path, Line: 1, Column: 1, Field: "catalog", Message: err.Error()})
			continue
		}
		cat = next
	}
	return cat, all, nil
}

// controlFields pairs each framework named under a question's controls
// with its value. Frameworks the catalog does not hold are problems, but
// a lenient catalog (reading a stored snapshot) takes any.
type frameworkControls struct {
	fw assess.Framework
	v  yamlx.Value
}

func (l *loader) controlsByFramework(v yamlx.Value) []frameworkControls {
	var out []frameworkControls
	if l.cat.AcceptsAnyFramework() {
		for _, e := range v.Entries() {
			out = append(out, frameworkControls{assess.Framework(e.Key), e.Value})
		}
		return out
	}
	var names []string
	for _, fw := range l.cat.Frameworks() {
		names = append(names, string(fw))
	}
	f := v.Map(names...)
	for _, fw := range l.cat.Frameworks() {
		if lv := f.Get(string(fw)); lv.Exists() {
			out = append(out, frameworkControls{fw, lv})
		}
	}
	return out
}
