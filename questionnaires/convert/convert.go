// Package convert turns other tools' questionnaires into assay
// questionnaires, and OSCAL catalogs into assay control catalogs: CISO
// Assistant framework libraries (with their mapping sets), CSA CAIQ v4 in
// JSON or YAML, and OSCAL catalogs in JSON. It detects the format from the
// file's content, says what could not be carried over question by
// question, and checks what it writes with the same loader assay uses, so
// a converted file always loads.
package convert

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/condition"
	"github.com/assay-dev/assay/internal/input"
	"github.com/assay-dev/assay/questionnaires"
	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// A file converted is read once, on request, and may be far larger than
// any questionnaire: NIST's whole SP 800-53 Rev. 5 catalog in JSON is some
// 950,000 YAML tokens (the loader takes 500,000), and its HIGH baseline in
// YAML (block style, whose nested parts leave a key with nothing after it
// on 11,000 lines) just over the loader's bound on the work of empty
// values. These bounds take both with room to spare; at them a file still
// parses in a few seconds, and lexing takes under 600 MB.
var convertBounds = input.Bounds{Tokens: 1_200_000, EmptyWork: 4_000_000_000}

// Options adjust a conversion.
type Options struct {
	ID       string // the questionnaire's (or catalog's) ID; default from the source
	Kind     string // the questionnaire's kind; default security
	Severity string // give every question that can show a gap this severity, so gaps become findings
	// Mappings are CISO Assistant mapping sets relating the library's
	// requirements to ISO/IEC 27001:2022, NIST CSF 2.0 or SOC 2.
	Mappings []MappingFile
	// Relations are the mapping relationships carried over; default all.
	Relations []string
	// Catalog checks control IDs and the converted questionnaire.
	Catalog *assess.Catalog
}

// MappingFile is a mapping set's file name and content.
type MappingFile struct {
	Name string
	Src  []byte
}

func (o Options) relations() []string {
	if len(o.Relations) == 0 {
		return Relationships
	}
	return o.Relations
}

// Result is a converted file and what could not be carried over.
type Result struct {
	Format    string // the source's format, as people name it
	What      string // "questionnaire" or "catalog"
	ID        string
	Title     string
	Version   string
	Copyright string
	Sections  int
	Questions int // or controls, for a catalog
	YAML      []byte
	Notes     []Note

	// origins are the source's fields each line of YAML was made from
	// (absent where none was), for check.
	origins []yamlx.Value
}

// Note is something the converted file does not carry over from the
// source: about one question, or (with Question empty) the whole file.
type Note struct {
	Question string
	Text     string
}

// Problems are mistakes in the source files, with file, line and field.
type Problems = yamlx.Problems

// Convert reads a file of another tool and returns it in assay's format.
// outName names the file to be written (in messages, and for a catalog's
// default ID). A file assay cannot read, or cannot read as any format it
// converts, gives Problems naming file, line and field.
func Convert(name string, src []byte, outName string, opts Options) (*Result, error) {
	if opts.Catalog == nil {
		opts.Catalog = questionnaires.Catalog()
	}
	for _, r := range opts.Relations {
		if !slices.Contains(Relationships, r) {
			return nil, fmt.Errorf("--relations: %q is not a relationship (use %s)", r, strings.Join(Relationships, ", "))
		}
	}
	if opts.Severity != "" {
		if _, err := assess.ParseSeverity(opts.Severity); err != nil {
			return nil, fmt.Errorf("--severity: %w", err)
		}
	}
	if opts.Kind != "" && !slices.Contains(assess.Kinds, assess.Kind(opts.Kind)) {
		return nil, fmt.Errorf("--kind: %q is not a kind (use %s)", opts.Kind, kinds())
	}
	if opts.ID != "" && !condition.IsValidRef(opts.ID) {
		return nil, fmt.Errorf("--id: %q is not a valid ID (start with a letter; then letters, digits, _, - or .)", opts.ID)
	}
	if len(opts.ID) > questionnaires.MaxIDLength { // a valid ID is ASCII: bytes are characters
		return nil, fmt.Errorf("--id: the ID is %d characters long; an ID is at most %d", len(opts.ID), questionnaires.MaxIDLength)
	}
	doc, root := yamlx.ParseWithin(name, src, convertBounds)
	if len(doc.Problems) > 0 {
		return nil, doc.Problems
	}
	format := detect(root)
	if format != formatCISO && len(opts.Mappings) > 0 {
		return nil, fmt.Errorf("--mapping applies to CISO Assistant libraries; %s is %s", name, format)
	}
	var res *Result
	var problems Problems
	switch format {
	case formatCISO:
		d, notes, mp := convertCISO(name, root, opts)
		res, problems = fromDraft(format, d, notes), mp
	case formatCAIQ:
		d, notes := convertCAIQ(name, root, opts)
		res = fromDraft(format, d, notes)
	case formatOSCAL:
		res = convertOSCALCatalog(name, root, outName, opts)
	case formatOSCALOther:
		model := ""
		for _, e := range root.Entries() {
			if slices.Contains(oscalModels, e.Key) {
				model = e.Key
				break
			}
		}
		if model == "profile" {
			root.Problem("convert the catalog it resolves to: NIST publishes each baseline's as a resolved-profile_catalog file", "this is an OSCAL profile, not a catalog")
		} else {
			root.Problem("assay converts OSCAL catalogs", "this is an OSCAL %s, not a catalog", model)
		}
	default:
		root.Problem("assay converts a CISO Assistant library (objects.framework), a CSA CAIQ v4 file (questions with IDs such as A&A-01.1) or an OSCAL catalog (catalog)",
			"this is not a format assay converts")
	}
	problems = append(problems, doc.Problems...)
	if len(problems) > 0 {
		problems.Sort()
		return nil, problems
	}
	if res == nil {
		return nil, fmt.Errorf("%s: nothing to convert", name)
	}
	if res.What == "catalog" && slices.Contains(assess.Frameworks, assess.Framework(res.ID)) {
		if opts.ID != "" {
			return nil, fmt.Errorf("--id: %s is one of assay's own frameworks; give another", res.ID)
		}
		from := "the catalog's title"
		if outName != "" && outName != "-" {
			from = "the name of " + outName
		}
		return nil, fmt.Errorf("the catalog's ID, %s, taken from %s, is one of assay's own frameworks; give another with --id", res.ID, from)
	}
	if err := check(res, outName, opts.Catalog); err != nil {
		return nil, err
	}
	return res, nil
}

// check loads what was converted, as assay will, so that the converter
// and the loader can never disagree about a file: what the loader refuses
// in a line made from a field of the source is the source's problem, said
// at that field, and nothing is written. A refusal of a line no field of
// the source made is a defect of the converter, never written out either.
func check(res *Result, outName string, cat *assess.Catalog) error {
	var problems Problems
	if res.What == "catalog" {
		_, problems = questionnaires.ParseCatalog(outName, res.YAML)
	} else {
		_, problems, _ = questionnaires.Lint(outName, res.YAML, cat)
	}
	if len(problems) == 0 {
		return nil
	}
	var atSource Problems
	for _, p := range problems {
		at := originOf(res.origins, p.Line)
		if !at.Exists() {
			// Not wrapped: the problems are of the file not written, and the
			// command would print them as the source's, without this sentence.
			return fmt.Errorf("the converted %s does not load, which is a defect of assay convert; please report it:\n%v", res.What, problems)
		}
		what := p.Field
		if what == "" {
			what = "line " + strconv.Itoa(p.Line)
		}
		atSource = append(atSource, yamlx.Problem{File: at.Doc().File, Line: at.Line(), Column: at.Column(), Field: at.Path(),
			Message: fmt.Sprintf("as the converted %s's %s: %s", res.What, what, p.Message), Hint: p.Hint})
	}
	atSource.Sort()
	return atSource
}

// originOf is the source's field line (from 1) of the file written was
// made from; absent when there is none.
func originOf(origins []yamlx.Value, line int) yamlx.Value {
	if line < 1 || line > len(origins) {
		return yamlx.Value{}
	}
	return origins[line-1]
}

func fromDraft(format string, d *draft, notes []string) *Result {
	if d == nil {
		return nil
	}
	cuts := cutLongText(d)
	for _, c := range cuts {
		if c.Question == "" {
			notes = append(notes, c.Text)
		}
	}
	res := &Result{Format: format, What: "questionnaire", ID: d.ID, Title: d.Title, Version: d.Version,
		Copyright: d.Copyright, Sections: len(d.Sections), Questions: d.questionCount()}
	for _, n := range notes {
		res.Notes = append(res.Notes, Note{Text: n})
	}
	if len(notes) > 0 {
		d.Header = append(d.Header, "Not carried over, or carried differently, for the whole file:")
		for _, n := range notes {
			d.Header = append(d.Header, "- "+n)
		}
	}
	for _, s := range d.Sections {
		for _, q := range s.Questions {
			for _, c := range cuts {
				if c.Question == q.ID {
					q.Notes = append(q.Notes, c.Text)
				}
			}
			for _, n := range q.Notes {
				res.Notes = append(res.Notes, Note{Question: q.ID, Text: n})
			}
		}
	}
	res.YAML, res.origins = d.emit()
	return res
}

func kinds() string {
	var out []string
	for _, k := range assess.Kinds {
		out = append(out, string(k))
	}
	return strings.Join(out, ", ")
}
