package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/render/rendertest"
)

// noncharacters are Unicode's noncharacters, the first and last of each
// kind: U+FDD0 to U+FDEF, and the last two code points of every plane
// (U+FFFE, U+FFFF, U+1FFFE … U+10FFFF). They are not text: U+FFFE and
// U+FFFF may not appear in XML at all, so a Word document holding one does
// not open, and a browser or viewer shows each as a box or nothing.
var noncharacters = []rune{0xfdd0, 0xfdef, 0xfffe, 0xffff, 0x1fffe, 0x1ffff, 0x10fffe, 0x10ffff}

// A note, a text answer, an action, an owner and a reason holding
// noncharacters passed into the committee report (Markdown, HTML, PDF,
// Word), the plan's CSV and both OSCAL documents as typed; the Word
// document was then not XML. Each is removed from untrusted text, as
// control characters and bidi overrides are, in every output; the words
// around them are still there; and the Word document opens in
// LibreOffice. One note is put in the database directly, as an older
// assay stored it (it cleaned none of them away): the outputs clean it
// too.
func TestNoOutputHoldsANoncharacter(t *testing.T) {
	var all strings.Builder
	for _, r := range noncharacters {
		all.WriteRune(r)
	}
	junk := all.String()
	s := newCLISession(t)
	dir := t.TempDir()
	writeFile(t, dir, "nonchar.yaml", "id: nonchar\nversion: \"1\"\ntitle: Nonchar\nkind: security\nsections:\n  - id: s\n    title: S\n    questions:\n"+
		"      - {id: accounts, type: control, text: Are accounts reviewed?, severity: high, action: Review accounts.}\n"+
		"      - {id: backups, type: control, text: Are backups tested?, severity: medium, action: Test backups.}\n"+
		"      - {id: how, type: text, text: How are they reviewed?}\n")
	q := []string{"--questionnaires", dir}
	id := strings.TrimSpace(s.ok(append(q, "new", "-q", "nonchar", "-s", "Acme", "--date", "2026-01-31")...))
	answers, err := json.Marshal(map[string]any{"answers": map[string]any{
		"accounts": map[string]any{"answer": "no", "note": "Seen" + junk + "on site\n" + junk + "twice"},
		"backups":  "no",
		"how":      "Quarterly" + junk + "by hand",
	}})
	if err != nil {
		t.Fatal(err)
	}
	s.ok(append(q, "answer", id, "-f", writeFile(t, t.TempDir(), "a.yaml", string(answers)))...)
	s.ok(append(q, "plan", id, "--item", "accounts", "--owner", "Sam", "--action", "Review"+junk+" accounts", "--due", "2026-06-30",
		"--reason", "Audit"+junk+" first")...)
	s.plant(`UPDATE answers SET note = ? WHERE question_id = 'backups'`, "Old"+junk+" note")

	out := t.TempDir()
	texts := map[string]string{}
	for _, format := range []string{"md", "html", "csv", "oscal-poam", "oscal-assessment-results"} {
		texts[format] = s.ok(append(q, "report", id, "--format", format, "--as-of", "2026-02-01")...)
	}
	for _, format := range []string{"pdf", "docx"} {
		path := filepath.Join(out, "report."+format)
		s.ok(append(q, "report", id, "--format", format, "--as-of", "2026-02-01", "-o", path)...)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if format == "pdf" {
			texts[format] = strings.Join(rendertest.PDFPages(t, b), "\n")
			continue
		}
		texts[format] = string(b) // the zipped XML, for the unzipped see below
		text, _ := rendertest.DOCXText(t, b)
		texts["docx text"] = text
	}
	texts["plan csv"] = s.ok(append(q, "plan", id, "--csv", "--as-of", "2026-02-01")...)

	for format, text := range texts {
		for _, r := range noncharacters {
			if strings.ContainsRune(text, r) || strings.Contains(strings.ToLower(text), fmt.Sprintf(`\u%04x`, r)) && r <= 0xffff {
				t.Errorf("%s holds U+%04X", format, r)
			}
		}
		if format == "docx" || format == "csv" || format == "plan csv" {
			continue // zipped; the plan holds no text answer
		}
		squeezed := rendertest.Squeeze(text)
		for _, words := range []string{"Seenon", "site", "twice", "Audit", "Oldnote"} {
			if !strings.Contains(squeezed, words) {
				t.Errorf("%s lost the words around the noncharacters (%q)", format, words)
			}
		}
	}

	// Opened as a person would: LibreOffice reads the Word document and
	// writes its text.
	soffice := rendertest.Need(t, "soffice|libreoffice", "libreoffice-writer-nogui")
	rendertest.Run(t, soffice, "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(out, "profile"),
		"--convert-to", "txt:Text (encoded):UTF8", "--outdir", out, filepath.Join(out, "report.docx"))
	txt, err := os.ReadFile(filepath.Join(out, "report.txt"))
	if err != nil {
		t.Fatalf("LibreOffice did not open the Word document: %v", err)
	}
	if !strings.Contains(rendertest.Squeeze(string(txt)), "Seenon") {
		t.Errorf("the Word document as LibreOffice reads it lacks the note:\n%s", txt)
	}
}
