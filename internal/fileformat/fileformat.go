// Package fileformat tells the file format a file's name asks for by its
// extension, for the commands that write a file with -o and the
// workspace's and accessible mode's exports: one table, so that a name
// means the same to each, and one wording of each refusal (refusal.go),
// so that each says the same of it.
package fileformat

import (
	"path/filepath"
	"strings"
)

// extensions are the file formats an extension names, by the
// extension: those assay writes, and those a report, a plan or an export
// is sometimes taken for and that no command writes (plan.xlsx would get
// CSV in a name that promises a workbook). A name with none of these
// extensions (.txt, .bak, none) is the user's choice, and gets what the
// command writes.
var extensions = map[string]string{
	"md": "md", "markdown": "md",
	"html": "html", "htm": "html",
	"pdf": "pdf", "docx": "docx", "csv": "csv", "json": "json",
	"yaml": "yaml", "yml": "yaml",
	"db": "sqlite", "sqlite": "sqlite", "sqlite3": "sqlite",
	"doc": "doc", "odt": "odt", "rtf": "rtf", "xml": "xml",
	"xlsx": "xlsx", "xls": "xlsx", "ods": "ods", "tsv": "tsv",
}

// titles name the formats in messages.
var titles = map[string]string{
	"md": "Markdown", "html": "HTML", "pdf": "PDF", "docx": "DOCX", "csv": "CSV", "json": "JSON",
	"yaml": "YAML", "sqlite": "SQLite database", "doc": "Word 97", "odt": "OpenDocument text",
	"rtf": "RTF", "xml": "XML", "xlsx": "Excel", "ods": "OpenDocument spreadsheet", "tsv": "TSV",
}

// Of is the format the extension of file out names (md, html, pdf, docx,
// csv, json, yaml, sqlite, or one assay writes none of: doc, odt, rtf,
// xml, xlsx, ods, tsv), or "" for any other extension, none, and standard
// output ("-").
func Of(out string) string {
	if out == "" || out == "-" {
		return ""
	}
	return extensions[strings.TrimPrefix(strings.ToLower(filepath.Ext(out)), ".")]
}

// Article is a format as Of names it, titled, with its article: a PDF,
// an HTML, a Markdown, an Excel.
func Article(named string) string {
	title, ok := titles[named]
	if !ok {
		title = strings.ToUpper(named)
	}
	// An acronym by its letters (an HTML, an RTF), a word by its sound.
	acronym := len(title) > 1 && title[1] >= 'A' && title[1] <= 'Z'
	if acronym && strings.ContainsRune("AEFHILMNORSX", rune(title[0])) || !acronym && strings.ContainsRune("AEIOU", rune(title[0])) {
		return "an " + title
	}
	return "a " + title
}
