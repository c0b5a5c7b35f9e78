package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every command that takes -o reads the file's extension, with the real
// binary: a name for a format the command writes picks it (where it
// writes several), and a name for one it does not write is refused
// before anything is written or recorded, saying what it writes. assay
// report -o ar.json wrote the Markdown report into a .json file, assay
// export -o acme.md JSON into a .md, assay send -o acme.json YAML.
func TestOutputExtensionPicksOrRefusesTheFormat(t *testing.T) {
	bin, dir, _, env := binaryWithAssessment(t)
	questionnaire := filepath.Join("..", "..", "questionnaires", "testdata", "vendor-tiering.yaml")
	for _, c := range []struct {
		args  []string
		file  string
		magic string   // what the file starts with, when it is written
		says  []string // what the refusal says, when it is refused
	}{
		{args: []string{"report", "1"}, file: "acme.markdown", magic: "Committee report\n\n# "},
		{args: []string{"report", "1", "--format", "oscal-assessment-results"}, file: "ar.json", magic: "{"},
		{args: []string{"report", "1"}, file: "ar.json",
			says: []string{"ar.json is named for a JSON file", "--format oscal-poam", "--format oscal-assessment-results"}},
		{args: []string{"report", "1", "--format", "md"}, file: "acme.json",
			says: []string{"acme.json is named for a JSON file, but --format is md"}},
		{args: []string{"report", "1", "--format", "pdf"}, file: "acme.markdown",
			says: []string{"acme.markdown is named for a Markdown file, but --format is pdf"}},
		{args: []string{"report", "1"}, file: "acme.yaml",
			says: []string{"acme.yaml is named for a YAML file, which assay report does not write",
				"Markdown (.md), HTML (.html), PDF (.pdf), DOCX (.docx), CSV (.csv) or OSCAL JSON (.json, with --format)"}},
		{args: []string{"report", "1"}, file: "plan.xlsx", says: []string{"plan.xlsx is named for an Excel file, which assay report does not write"}},
		// assay history writes text or JSON: a .json name picks JSON, a
		// .md name refuses --json (a name promising Markdown text), and
		// a name of the user's own (.txt) gets what was asked for.
		{args: []string{"history", "1"}, file: "trail.json", magic: "{"},
		{args: []string{"history", "1"}, file: "trail.txt", magic: "Audit trail of assessment 1"},
		{args: []string{"history", "1", "--json"}, file: "trail.txt", magic: "{"},
		{args: []string{"history", "1", "--json"}, file: "trail.md", says: []string{"trail.md is named for a Markdown file, but --json writes JSON"}},
		{args: []string{"history", "1", "--json"}, file: "trail.csv",
			says: []string{"trail.csv is named for a CSV file, which assay history does not write", "text (.txt or .md) or JSON (.json)"}},
		{args: []string{"plan", "1"}, file: "plan.json",
			says: []string{"plan.json is named for a JSON file, which assay plan does not write", "text (.txt or .md) or CSV (.csv)"}},
		{args: []string{"export", "1"}, file: "acme.assay.json", magic: "{"},
		{args: []string{"export", "1"}, file: "acme.md", says: []string{"acme.md is named for a Markdown file, which assay export does not write", "JSON (.json)"}},
		{args: []string{"send", "1"}, file: "acme.yml", magic: "#"},
		{args: []string{"send", "1"}, file: "acme.json", says: []string{"acme.json is named for a JSON file, which assay send does not write", "YAML (.yaml or .yml)"}},
		{args: []string{"convert", questionnaire}, file: "q.json", says: []string{"q.json is named for a JSON file, which assay convert does not write", "YAML (.yaml or .yml)"}},
		{args: []string{"backup"}, file: "acme.pdf", says: []string{"acme.pdf is named for a PDF file, which assay backup does not write", "SQLite database (.db, .sqlite or .sqlite3, or any name of your own)"}},
		{args: []string{"backup"}, file: "portfolio.bak", magic: "SQLite format 3\x00"},
	} {
		path := filepath.Join(dir, c.file)
		r := runProc(bin, env, append(c.args, "-o", path)...)
		b, err := os.ReadFile(path)
		if c.says == nil {
			if r.code != 0 || err != nil || !strings.HasPrefix(string(b), c.magic) {
				t.Errorf("%v -o %s: exit %d, %v, wrote %.30q, want a file starting %q\n%s", c.args, c.file, r.code, err, b, c.magic, r.errs)
			}
			os.Remove(path)
			continue
		}
		if r.code == 0 || err == nil {
			t.Errorf("%v -o %s: exit %d and the file is there (%v): %.40q", c.args, c.file, r.code, err, b)
		}
		msg := strings.Join(strings.Fields(r.errs), " ")
		for _, want := range append(c.says, "nothing was written") {
			if !strings.Contains(msg, strings.ReplaceAll(want, c.file, path)) {
				t.Errorf("%v -o %s: the refusal does not say %q:\n%s", c.args, c.file, want, r.errs)
			}
		}
		os.Remove(path)
	}
}
