package fileformat

import "testing"

func TestOfAndArticle(t *testing.T) {
	for name, want := range map[string]string{
		"a.md": "a Markdown", "A.MARKDOWN": "a Markdown", "a.htm": "an HTML", "x/y.pdf": "a PDF", "a.docx": "a DOCX",
		"a.csv": "a CSV", "a.json": "a JSON", "a.yml": "a YAML", "a.db": "an SQLite database", "a.xls": "an Excel",
		"a.odt": "an OpenDocument text", "a.doc": "a Word 97", "a.rtf": "an RTF", "a.xml": "an XML", "a.tsv": "a TSV",
	} {
		if got := Article(Of(name)); got != want {
			t.Errorf("Article(Of(%q)) = %q, want %q", name, got, want)
		}
	}
	for _, name := range []string{"", "-", "a.txt", "a", "a.bak", "a.db-wal", "dir.md/file"} {
		if f := Of(name); f != "" {
			t.Errorf("Of(%q) = %q, want none", name, f)
		}
	}
}
