package rendertest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// DOCXText checks a rendered Word document as Word would read it: every
// part well-formed XML, nothing that points outside the file (external
// relationships, hyperlinks, fields other than the page numbers), every
// table row with as many cells as its grid has columns, pictures that are
// PNG files. It returns the text of its text elements, one a line, and
// how many pictures it holds.
func DOCXText(t testing.TB, out []byte) (string, int) {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	images := 0
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(f.Name, "word/media/") {
			if !bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) {
				t.Errorf("%s is not a PNG", f.Name)
			}
			images++
			continue
		}
		for _, bad := range []string{`TargetMode="External"`, "w:hyperlink", "w:fldSimple", "w:object", "w:altChunk", "oleObject"} {
			if bytes.Contains(data, []byte(bad)) {
				t.Errorf("%s has %s", f.Name, bad)
			}
		}
		texts = append(texts, wordTexts(t, f.Name, data)...)
	}
	return strings.Join(texts, "\n"), images
}

func wordTexts(t testing.TB, name string, data []byte) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	var texts []string
	grid, cells := 0, 0
	var text strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "tblGrid":
				grid = 0
			case "gridCol":
				grid++
			case "tr":
				cells = 0
			case "tc":
				cells++
			case "t", "instrText":
				text.Reset()
			}
		case xml.CharData:
			text.Write(tok)
		case xml.EndElement:
			switch tok.Name.Local {
			case "tr":
				if cells != grid {
					t.Errorf("%s: a row has %d cells for %d columns", name, cells, grid)
				}
			case "t":
				texts = append(texts, text.String())
			case "instrText":
				if f := strings.TrimSpace(text.String()); f != "PAGE" && f != "NUMPAGES" {
					t.Errorf("%s: field %q", name, f)
				}
			}
		}
	}
	return texts
}
