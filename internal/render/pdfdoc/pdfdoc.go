// Package pdfdoc renders the committee report as a paginated PDF with
// codeberg.org/go-pdf/fpdf (pure Go, so the binary stays static): a title
// page, the subject, date and state at the top of every page and the page
// number at the bottom, tables that break across pages with their header
// row repeated, the sign-off block kept on one page, a heading never left
// at a page's foot without the start of what it heads (a figure whole,
// drawn smaller when it and its heading would not fit on a page, its
// caption running on to the next page when even then too long), and
// every character set in an embedded font (package fonts), CJK and
// accents included; the title page names any character no embedded font
// has.
package pdfdoc

import (
	"bytes"
	"fmt"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/internal/render/fonts"
)

// The page: A4 in points, with room for the running header and footer.
const (
	pageW, pageH  = 595.28, 841.89
	marginX       = 50.0
	marginTop     = 64.0
	marginBottom  = 60.0
	contentW      = pageW - 2*marginX
	contentBottom = pageH - marginBottom
)

// Render writes the document as PDF.
func Render(d *document.Document) ([]byte, error) {
	p, err := newPDF(d.Meta)
	if err != nil {
		return nil, err
	}
	head, body := d.TitleBlock()
	p.titlePage(head, undrawable(d))
	p.pdf.AddPage()
	p.blocks(body)
	if err := p.pdf.Error(); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	var buf bytes.Buffer
	if err := p.pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return buf.Bytes(), nil
}

type pdf struct {
	pdf  *fpdf.Fpdf
	meta document.Meta
	// measuring is set while a block is laid out to learn its height:
	// nothing is drawn and no page is added.
	measuring bool
	y         float64 // the measured height so far, while measuring
	// layouts counts the times text was laid out, so that a test can
	// hold shortening a line to a few layouts whatever its length.
	layouts int
}

func newPDF(m document.Meta) (*pdf, error) {
	f := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: pageW, Ht: pageH}, OrientationStr: "P"})
	for _, face := range fonts.Faces {
		ttf, err := face.TTF()
		if err != nil {
			return nil, err
		}
		f.AddUTF8FontFromBytes(face.Name(), "", ttf)
	}
	f.SetMargins(marginX, marginTop, marginX)
	f.SetAutoPageBreak(false, marginBottom)
	title := m.Title
	if m.Subject != "" {
		title += ": " + m.Subject
	}
	f.SetTitle(pdfText(title), true)
	f.SetSubject(pdfText(m.Subject), true)
	f.SetCreator("assay", true)
	f.SetProducer("assay", true)
	f.SetLang("en")
	// The report date, not the clock: the same report gives the same file.
	if day, err := time.Parse(time.DateOnly, m.Date); err == nil {
		f.SetCreationDate(day)
		f.SetModificationDate(day)
	}
	f.SetCatalogSort(true)
	f.AliasNbPages("{nb}")
	p := &pdf{pdf: f, meta: m}
	f.SetHeaderFunc(p.header)
	f.SetFooterFunc(p.footer)
	return p, nil
}

// header sets the subject on the left and the date and state on the right
// of every page but the title page, over a rule.
func (p *pdf) header() {
	if p.pdf.PageNo() == 1 {
		return
	}
	right := p.meta.Date + " · " + p.meta.State
	rw := p.width(plainText(right), 8, fonts.Sans)
	p.drawLine(marginX, 36, plainText(p.meta.Subject), 8, fonts.Sans, document.Muted, contentW-rw-16, document.Left)
	p.drawLine(pageW-marginX-rw, 36, plainText(right), 8, fonts.Sans, document.Muted, rw, document.Left)
	p.rule(marginX, 42, pageW-marginX, 0.5, document.Track)
}

// footer sets the report's title and the page number.
func (p *pdf) footer() {
	y := pageH - 34.0
	p.rule(marginX, y-12, pageW-marginX, 0.5, document.Track)
	page := fmt.Sprintf("Page %d of {nb}", p.pdf.PageNo())
	p.drawLine(marginX, y, plainText(p.meta.Title), 8, fonts.Sans, document.Muted, contentW-90, document.Left)
	p.drawLine(pageW-marginX-70, y, plainText(page), 8, fonts.Sans, document.Muted, 70, document.Left)
}

func (p *pdf) rule(x1, y, x2, width float64, c document.Color) {
	p.pdf.SetDrawColor(int(c.R), int(c.G), int(c.B))
	p.pdf.SetLineWidth(width)
	p.pdf.Line(x1, y, x2, y)
}

// titlePage sets the title block alone on the first page, a third of the
// way down, and says which characters of the text no embedded font has.
func (p *pdf) titlePage(blocks []document.Block, missing []rune) {
	p.pdf.AddPage()
	p.pdf.SetY(pageH / 4)
	p.flow(txtLine(document.TitlePageLabel), 11, fonts.Sans, document.Muted, marginX, contentW, 0)
	p.pdf.SetY(p.pdf.GetY() + 6)
	for _, b := range blocks {
		if h, ok := b.(*document.Heading); ok && h.Level == 1 {
			p.flow(h.Text, 22, fonts.SansBold, document.Ink, marginX, contentW, 0)
			p.pdf.SetY(p.pdf.GetY() + 14)
			continue
		}
		p.blocks([]document.Block{b})
	}
	if len(missing) > 0 {
		p.pdf.SetY(p.pdf.GetY() + 10)
		p.flow(txtLine(undrawableNotice(missing)), 9, fonts.Sans, document.Muted, marginX, contentW, 0)
	}
}

func txtLine(s string) document.Text { return document.Text{{Text: s}} }

func plainText(s string) document.Text { return document.Text{{Text: s}} }
