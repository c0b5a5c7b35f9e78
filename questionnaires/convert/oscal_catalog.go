package convert

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/assay-dev/assay/questionnaires/internal/yamlx"

	"github.com/assay-dev/assay/assess/safetext"
)

// An OSCAL catalog (NIST SP 800-53 and its baselines, or any other) becomes
// an assay control catalog: each control's ID, label and title, and the
// group it is in. Questionnaires in the same folder map to it under the
// catalog's ID. The controls' statements, guidance and parameters are not
// carried: assay shows controls by ID and name.

type oscalControl struct {
	id, name, group string
	v               yamlx.Value // the control in the source
}

// oscalToken is OSCAL's token type (an XML NCName), which every control
// id is.
var oscalToken = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$`) })

func convertOSCALCatalog(name string, root yamlx.Value, outName string, opts Options) *Result {
	cat := fieldsOf(fieldsOf(root).get("catalog"))
	meta := fieldsOf(cat.required("metadata", "an OSCAL catalog"))
	uuid := cat.required("uuid", "an OSCAL catalog").Str()
	title := meta.required("title", "an OSCAL catalog's metadata").Str()
	version, oscalVersion := meta.str("version"), meta.str("oscal-version")

	var controls []oscalControl
	withdrawn := 0
	groups := map[string]bool{}
	var walkControls func(list []yamlx.Value, group string)
	walkControls = func(list []yamlx.Value, group string) {
		for _, cv := range list {
			c := fieldsOf(cv)
			idv := c.required("id", "a control")
			id := idv.Str()
			switch {
			case !idv.Exists():
			case strings.TrimSpace(id) == "":
				// A control without an ID cannot be mapped to, and
				// would be left out unsaid.
				idv.Problem("give the control its OSCAL id", "the control's id is blank")
			case !oscalToken().MatchString(id):
				// Cleaned of what it holds, it would be another ID than
				// the one OSCAL tools reference, or another control's.
				idv.Problem("an OSCAL id is a letter or _, then letters, digits, ., - or _", "control id %q is not an OSCAL ID", id)
			}
			tv := c.required("title", "a control")
			ctlTitle := tv.Str()
			if tv.Exists() && oneLine(ctlTitle) == "" {
				// An assay catalog names every control.
				tv.Problem("give the control a title", "the control's title is blank")
			}
			label, status := "", ""
			for _, pv := range c.list("props") {
				p := fieldsOf(pv)
				switch p.str("name") {
				case "label":
					if label == "" || p.str("class") == "" {
						label = p.str("value")
					}
				case "status":
					status = p.str("value")
				}
			}
			if status == "withdrawn" {
				withdrawn++
			} else if id != "" {
				n := oneLine(ctlTitle)
				if label != "" {
					n = oneLine(label) + " " + n
				}
				controls = append(controls, oscalControl{id: oneLine(id), name: n, group: group, v: cv})
				groups[group] = true
			}
			walkControls(c.list("controls"), group)
		}
	}
	var walkGroups func(list []yamlx.Value, parent string)
	walkGroups = func(list []yamlx.Value, parent string) {
		for _, gv := range list {
			g := fieldsOf(gv)
			t := oneLine(g.str("title"))
			if parent != "" && t != "" {
				t = parent + " › " + t
			} else if t == "" {
				t = parent
			}
			walkControls(g.list("controls"), t)
			walkGroups(g.list("groups"), t)
		}
	}
	walkControls(cat.list("controls"), "")
	walkGroups(cat.list("groups"), "")
	if len(root.Doc().Problems) > 0 {
		return nil
	}
	if len(controls) == 0 {
		cat.v.Problem("", "the catalog has no controls that are not withdrawn")
		return nil
	}
	// IDs that differ only by case name one control twice to assay.
	seen := map[string]string{}
	for _, c := range controls {
		if first, dup := seen[strings.ToLower(c.id)]; dup {
			if first == c.id {
				cat.v.Problem("", "control %s is in the catalog twice", c.id)
			} else {
				cat.v.Problem("", "controls %s and %s are in the catalog twice: IDs that differ only by case are one control to assay", first, c.id)
			}
			return nil
		}
		seen[strings.ToLower(c.id)] = c.id
	}

	d := newDraft()
	id := opts.ID
	if id == "" && outName != "" && outName != "-" {
		id = d.uniqueID(strings.TrimSuffix(filepath.Base(outName), filepath.Ext(outName)), "c")
	}
	if id == "" {
		id = d.uniqueID(title, "c")
	}
	res := &Result{Format: formatOSCAL, What: "catalog", ID: id, Title: oneLine(title), Version: oneLine(version),
		Sections: len(groups), Questions: len(controls)}
	about := fmt.Sprintf("Converted by assay from OSCAL catalog %s (%s), file %s", oneLine(uuid), firstNonEmpty(oneLine(title), "untitled"), oneLine(name))
	if version != "" {
		about += ", version " + oneLine(version)
	}
	if oscalVersion != "" {
		about += ", OSCAL " + oneLine(oscalVersion)
	}
	about += "."
	res.Notes = append(res.Notes, Note{Text: "the controls' statements, guidance and parameters: assay's catalogs hold each control's ID, label, title and group"})
	if withdrawn > 0 {
		res.Notes = append(res.Notes, Note{Text: fmt.Sprintf("%d withdrawn controls", withdrawn)})
	}

	// Each line is written with the source field it came from, so that
	// what the catalog loader refuses is said there (see check).
	e := &emitter{}
	e.comment("", about)
	e.comment("", "Questionnaires map to it under the ID below, for example controls: {"+id+": ["+controls[0].id+"]}.")
	for _, n := range res.Notes {
		e.comment("", "Not carried over: "+n.Text+".")
	}
	e.line(yamlx.Value{}, "catalog: %s", id)
	e.line(meta.get("title"), "title: %s", safetext.QuoteYAML(firstNonEmpty(oneLine(title), id)))
	if version != "" {
		e.line(meta.get("version"), "version: %s", safetext.QuoteYAML(oneLine(version)))
	}
	e.line(yamlx.Value{}, "description: %s", safetext.QuoteYAML(joinParagraphs(about, meta.str("remarks"))))
	e.line(yamlx.Value{}, "controls:")
	for _, c := range controls {
		group := ""
		if c.group != "" {
			group = ", group: " + safetext.QuoteYAML(c.group)
		}
		e.line(c.v, "  - {id: %s, name: %s%s}", safetext.QuoteYAML(c.id), safetext.QuoteYAML(c.name), group)
	}
	res.YAML, res.origins = []byte(e.b.String()), e.origins
	return res
}
