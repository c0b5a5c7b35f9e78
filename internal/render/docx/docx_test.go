package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/render/rendertest"
)

// Every part is well-formed XML; nothing points outside the file (no
// external relationship, hyperlink or field other than the page numbers);
// hostile text is whole inside text elements, never elements of its own;
// every table row has as many cells as the table has columns; the
// pictures are PNG files inside the package.
func TestHostileTextStaysText(t *testing.T) {
	out, err := Render(rendertest.Document())
	if err != nil {
		t.Fatal(err)
	}
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
		data, _ := io.ReadAll(r)
		r.Close()
		if strings.HasPrefix(f.Name, "word/media/") {
			if !bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) {
				t.Errorf("%s is not a PNG", f.Name)
			}
			images++
			continue
		}
		if bytes.Contains(data, []byte(`TargetMode="External"`)) || bytes.Contains(data, []byte("w:hyperlink")) || bytes.Contains(data, []byte("w:fldSimple")) {
			t.Errorf("%s refers outside the document", f.Name)
		}
		texts = append(texts, checkXML(t, f.Name, data)...)
	}
	if images != 1 {
		t.Errorf("%d pictures, want 1", images)
	}
	all := strings.Join(texts, "\n")
	if n := strings.Count(all, rendertest.EvilText); n < 70 {
		t.Errorf("the hostile text is whole in %d text elements", n)
	}
	for _, s := range texts {
		if strings.TrimSpace(s) == "injected" {
			t.Error("hostile text closed a run and made its own")
		}
	}
}

// checkXML parses a part and returns the text of its w:t elements,
// checking tables' rows against their grids and fields' instructions.
func checkXML(t *testing.T, name string, data []byte) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	var texts []string
	var path []string
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
			path = append(path, tok.Name.Local)
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
			path = path[:len(path)-1]
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
