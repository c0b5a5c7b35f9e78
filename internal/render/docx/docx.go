// Package docx renders the committee report as a Word document
// (WordprocessingML, ECMA-376) that Word and LibreOffice open, with real
// heading styles (the report's sections are Heading 1, its subsections
// Heading 2, so they appear in the navigation pane), tables a committee
// can comment on, header rows repeated across pages, the sign-off kept on
// one page, and the figures embedded as PNG pictures with their captions
// as alternative text.
//
// It writes the minimal WordprocessingML the report needs by hand: the Go
// DOCX libraries on the module proxy are template fillers, unmaintained,
// or (unioffice) under a paid licence, and a dependency would not save the
// part that matters here, which is laying out this document.
package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/internal/render/raster"
)

// Render writes the document as a .docx file.
func Render(d *document.Document) ([]byte, error) {
	w := &writer{meta: d.Meta}
	head, body := d.TitleBlock()
	// What the document is, above its title, as the PDF's title page says.
	w.para("TitleLabel", document.Text{{Text: document.TitlePageLabel}}, true, "")
	w.blocks(head, false)
	if len(body) > 0 {
		w.b.WriteString(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`)
	}
	w.blocks(body, false)
	if w.err != nil {
		return nil, w.err
	}
	return w.pack()
}

// The page: A4 with 0.75 inch margins, in twentieths of a point.
const (
	pageW, pageH = 11906, 16838
	margin       = 1080
	contentTwips = pageW - 2*margin
)

type image struct {
	name string
	png  []byte
}

type writer struct {
	meta   document.Meta
	b      strings.Builder
	images []image
	// numbering: one w:num per ordered list, so each restarts at 1.
	ordered int
	err     error
}

func (w *writer) blocks(bs []document.Block, keep bool) {
	for _, b := range bs {
		switch b := b.(type) {
		case *document.Heading:
			w.para(headingStyle(b.Level), b.Text.OneLine(), keep, "")
		case *document.Paragraph:
			w.para("", b.Text, keep, "")
		case *document.List:
			num := bulletNum
			if b.Ordered {
				w.ordered++
				num = firstOrderedNum + w.ordered - 1
			}
			for _, it := range b.Items {
				w.para("ListParagraph", it, keep, fmt.Sprintf(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="%d"/></w:numPr>`, num))
			}
		case *document.Table:
			w.table(b, keep)
		case *document.Figure:
			w.figure(b)
		case *document.Group:
			w.blocks(b.Blocks, true)
		}
	}
}

// headingStyle maps the report's heading levels to Word's styles: the
// report's title is the Title, its sections Heading 1.
func headingStyle(level int) string {
	switch level {
	case 1:
		return "Title"
	case 2:
		return "Heading1"
	case 3:
		return "Heading2"
	}
	return "Heading3"
}

// para writes a paragraph; keep holds it on the page with the next one.
func (w *writer) para(style string, t document.Text, keep bool, extra string) {
	w.b.WriteString("<w:p>")
	if style != "" || keep || extra != "" {
		w.b.WriteString("<w:pPr>")
		if style != "" {
			w.b.WriteString(`<w:pStyle w:val="` + style + `"/>`)
		}
		if keep {
			w.b.WriteString("<w:keepNext/><w:keepLines/>")
		}
		w.b.WriteString(extra)
		w.b.WriteString("</w:pPr>")
	}
	w.runs(t)
	w.b.WriteString("</w:p>")
}

func (w *writer) runs(t document.Text) {
	for _, s := range t {
		if s.Style == document.Break {
			// Between two lines of a user's text; two between paragraphs,
			// which a list item or a cell holds as one paragraph.
			w.b.WriteString(strings.Repeat("<w:r><w:br/></w:r>", strings.Count(s.Text, "\n")))
			continue
		}
		w.b.WriteString("<w:r>")
		switch s.Style {
		case document.Strong:
			w.b.WriteString("<w:rPr><w:b/></w:rPr>")
		case document.Emph:
			w.b.WriteString("<w:rPr><w:i/></w:rPr>")
		case document.Code:
			w.b.WriteString(`<w:rPr><w:rStyle w:val="Code"/></w:rPr>`)
		}
		w.b.WriteString(`<w:t xml:space="preserve">` + esc(s.Text) + "</w:t></w:r>")
	}
}

// table writes a table with fixed column widths shared by its text, so a
// long word wraps inside its cell instead of widening the table off the
// page; the header row repeats on every page the table reaches, and no
// row is cut by a page break (a row taller than a page still breaks:
// Word and LibreOffice both do so rather than lose its text).
func (w *writer) table(t *document.Table, keep bool) {
	widths := columnWidths(t)
	w.b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="ReportTable"/><w:tblW w:w="` + fmt.Sprint(contentTwips) + `" w:type="dxa"/>` +
		`<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, cw := range widths {
		fmt.Fprintf(&w.b, `<w:gridCol w:w="%d"/>`, cw)
	}
	w.b.WriteString("</w:tblGrid>")
	w.row(t.Header, widths, true, keep || len(t.Rows) > 0)
	for i, r := range t.Rows {
		w.row(r, widths, false, keep && i < len(t.Rows)-1)
	}
	w.b.WriteString("</w:tbl>")
	// Word needs a paragraph between two tables, and after the last one.
	w.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="AfterTable"/></w:pPr></w:p>`)
}

func (w *writer) row(cells []document.Text, widths []int, header, keepNext bool) {
	w.b.WriteString("<w:tr><w:trPr><w:cantSplit/>")
	if header {
		w.b.WriteString("<w:tblHeader/>")
	}
	w.b.WriteString("</w:trPr>")
	for i, cw := range widths {
		var t document.Text
		if i < len(cells) {
			t = cells[i]
		}
		fmt.Fprintf(&w.b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, cw)
		if header {
			w.b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="ECEFF1"/>`)
		}
		w.b.WriteString("</w:tcPr>")
		if header {
			t = bold(t)
		}
		w.para("TableText", t, keepNext, "")
		w.b.WriteString("</w:tc>")
	}
	w.b.WriteString("</w:tr>")
}

func bold(t document.Text) document.Text {
	out := make(document.Text, len(t))
	for i, s := range t {
		if s.Style == document.Plain {
			s.Style = document.Strong
		}
		out[i] = s
	}
	return out
}

// columnWidths shares the text width between columns by an estimate of
// their text (Word lays the text out; the estimate only sets the grid).
func columnWidths(t *document.Table) []int {
	const size, pad, wordCap = 9.0, 12.0, 110.0
	pts := document.EstimatedShares(t, size, pad, wordCap, contentTwips/20)
	out := make([]int, len(pts))
	for i, p := range pts {
		out[i] = int(p * 20)
	}
	return out
}

// figure embeds the picture as a PNG, full width or its own size, with the
// caption as its alternative text and beneath it.
func (w *writer) figure(f *document.Figure) {
	data, err := raster.PNG(f.Drawing)
	if err != nil {
		w.err = fmt.Errorf("docx: figure %q: %w", f.Caption, err)
		return
	}
	w.images = append(w.images, image{name: fmt.Sprintf("image%d.png", len(w.images)+1), png: data})
	n := len(w.images)
	const emuPerPoint = 12700
	scale := min(1, float64(contentTwips)/20/f.Drawing.Width)
	cx, cy := int(f.Drawing.Width*scale*emuPerPoint), int(f.Drawing.Height*scale*emuPerPoint)
	alt := esc(f.Caption)
	fmt.Fprintf(&w.b, `<w:p><w:pPr><w:pStyle w:val="Figure"/><w:keepNext/></w:pPr><w:r><w:drawing>`+
		`<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="%d" cy="%d"/><wp:docPr id="%d" name="Figure %d" descr="%s"/>`+
		`<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>`+
		`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>`+
		`<pic:nvPicPr><pic:cNvPr id="%d" name="image%d.png" descr="%s"/><pic:cNvPicPr/></pic:nvPicPr>`+
		`<pic:blipFill><a:blip r:embed="rIdImage%d"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`+
		`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>`+
		`</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`,
		cx, cy, n, n, alt, n, n, alt, n, cx, cy)
	w.para("Caption", document.Text{{Text: f.Caption}}, false, "")
}

// pack zips the parts. Every entry carries the report date, so the same
// report gives the same file.
func (w *writer) pack() ([]byte, error) {
	day, err := time.Parse(time.DateOnly, w.meta.Date)
	if err != nil {
		day = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"docProps/core.xml", w.coreProps(day)},
		{"docProps/app.xml", appProps},
		{"word/document.xml", documentStart + w.b.String() + sectionProps() + documentEnd},
		{"word/styles.xml", styles()},
		{"word/numbering.xml", w.numbering()},
		{"word/settings.xml", settings},
		{"word/header1.xml", w.header()},
		{"word/footer1.xml", w.footer()},
		{"word/_rels/document.xml.rels", w.documentRels()},
	}
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	add := func(name string, data []byte) error {
		fw, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: day})
		if err != nil {
			return err
		}
		_, err = fw.Write(data)
		return err
	}
	for _, p := range parts {
		if err := add(p.name, []byte(p.body)); err != nil {
			return nil, err
		}
	}
	for _, im := range w.images {
		if err := add("word/media/"+im.name, im.png); err != nil {
			return nil, err
		}
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
