package docx

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// esc escapes text for XML character data and attributes; characters XML
// does not allow become U+FFFD.
func esc(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const nsW = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

const contentTypes = xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Default Extension="png" ContentType="image/png"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
	`</Types>`

const rootRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const appProps = xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>assay</Application></Properties>`

func (w *writer) coreProps(day time.Time) string {
	stamp := day.UTC().Format(time.RFC3339)
	return xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + esc(title(w.meta.Title, w.meta.Subject)) + `</dc:title><dc:subject>` + esc(w.meta.Subject) + `</dc:subject>` +
		`<dc:creator>assay</dc:creator>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:modified></cp:coreProperties>`
}

func title(t, subject string) string {
	if subject == "" {
		return t
	}
	return t + ": " + subject
}

func (w *writer) documentRels() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for _, r := range [][2]string{
		{"rIdStyles", "styles"}, {"rIdNumbering", "numbering"}, {"rIdSettings", "settings"}, {"rIdHeader", "header"}, {"rIdFooter", "footer"},
	} {
		target := r[1] + ".xml"
		if r[1] == "header" || r[1] == "footer" {
			target = r[1] + "1.xml"
		}
		fmt.Fprintf(&b, `<Relationship Id="%s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/%s" Target="%s"/>`, r[0], r[1], target)
	}
	for i, im := range w.images {
		fmt.Fprintf(&b, `<Relationship Id="rIdImage%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/%s"/>`, i+1, im.name)
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

const documentStart = xmlHeader + `<w:document ` + nsW +
	` xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"` +
	` xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"` +
	` xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>`

// The section: A4, the running header on every page but the first (the
// title page), the footer with page numbers on all.
var sectionProps = sync.OnceValue(func() string {
	return fmt.Sprintf(`<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>`+
		`<w:footerReference w:type="default" r:id="rIdFooter"/><w:footerReference w:type="first" r:id="rIdFooter"/>`+
		`<w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="1300" w:right="%d" w:bottom="1300" w:left="%d" w:header="600" w:footer="600" w:gutter="0"/>`+
		`<w:titlePg/></w:sectPr>`, pageW, pageH, margin, margin)
})

const documentEnd = `</w:body></w:document>`

// header: the subject on the left, the date and state on the right.
func (w *writer) header() string {
	subject := w.meta.Subject
	if utf8.RuneCountInString(subject) > 70 {
		subject = string([]rune(subject)[:69]) + "…"
	}
	return xmlHeader + `<w:hdr ` + nsW + `><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>` +
		`<w:r><w:t xml:space="preserve">` + esc(subject) + `</w:t></w:r><w:r><w:tab/></w:r>` +
		`<w:r><w:t xml:space="preserve">` + esc(w.meta.Date+" · "+w.meta.State) + `</w:t></w:r></w:p></w:hdr>`
}

// footer: the report's title, and "Page N of M" from Word's fields.
func (w *writer) footer() string {
	field := func(name string) string {
		return `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ` + name +
			` </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`
	}
	return xmlHeader + `<w:ftr ` + nsW + `><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>` +
		`<w:r><w:t xml:space="preserve">` + esc(w.meta.Title) + `</w:t></w:r><w:r><w:tab/></w:r>` +
		`<w:r><w:t xml:space="preserve">Page </w:t></w:r>` + field("PAGE") + `<w:r><w:t xml:space="preserve"> of </w:t></w:r>` + field("NUMPAGES") +
		`</w:p></w:ftr>`
}

// Numbering: numId 1 is the bullet list; each ordered list has its own
// numId from 2 on, restarting at 1.
const (
	bulletNum       = 1
	firstOrderedNum = 2
)

func (w *writer) numbering() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:numbering ` + nsW + `>`)
	b.WriteString(`<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>` +
		`<w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>`)
	b.WriteString(`<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>` +
		`<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>`)
	fmt.Fprintf(&b, `<w:num w:numId="%d"><w:abstractNumId w:val="0"/></w:num>`, bulletNum)
	for i := 0; i < w.ordered; i++ {
		fmt.Fprintf(&b, `<w:num w:numId="%d"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`, firstOrderedNum+i)
	}
	b.WriteString(`</w:numbering>`)
	return b.String()
}

const settings = xmlHeader + `<w:settings ` + nsW + `><w:updateFields w:val="false"/><w:defaultTabStop w:val="720"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`

// styles: Word's built-in names (Title, Heading 1-3, List Paragraph,
// Caption, Header, Footer) so that a committee's own templates and the
// navigation pane recognise them.
var styles = sync.OnceValue(func() string {
	return xmlHeader + `<w:styles ` + nsW + `>` +
		`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:spacing w:after="100" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
		// The title page's label stands where the title stood, a third of
		// the way down; the title follows it closely, as in the PDF.
		paraStyle("TitleLabel", "Title Label", `<w:keepNext/><w:spacing w:before="2400" w:after="120"/>`, `<w:color w:val="616161"/><w:sz w:val="22"/><w:szCs w:val="22"/>`, -1) +
		paraStyle("Title", "Title", `<w:keepNext/><w:spacing w:after="360"/>`, `<w:b/><w:sz w:val="44"/><w:szCs w:val="44"/>`, -1) +
		paraStyle("Heading1", "heading 1", `<w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="120"/><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="2" w:color="CFD8DC"/></w:pBdr>`, `<w:b/><w:sz w:val="30"/><w:szCs w:val="30"/>`, 0) +
		paraStyle("Heading2", "heading 2", `<w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="80"/>`, `<w:b/><w:sz w:val="24"/><w:szCs w:val="24"/>`, 1) +
		paraStyle("Heading3", "heading 3", `<w:keepNext/><w:keepLines/><w:spacing w:before="200" w:after="60"/>`, `<w:b/><w:sz w:val="21"/><w:szCs w:val="21"/>`, 2) +
		paraStyle("ListParagraph", "List Paragraph", `<w:spacing w:after="40"/><w:ind w:left="360"/>`, ``, -1) +
		paraStyle("TableText", "Table Text", `<w:spacing w:after="0"/>`, `<w:sz w:val="17"/><w:szCs w:val="17"/>`, -1) +
		paraStyle("AfterTable", "After Table", `<w:spacing w:after="120" w:line="240" w:lineRule="auto"/>`, `<w:sz w:val="8"/><w:szCs w:val="8"/>`, -1) +
		paraStyle("Figure", "Figure", `<w:spacing w:before="120" w:after="40"/>`, ``, -1) +
		paraStyle("Caption", "caption", `<w:spacing w:after="200"/>`, `<w:color w:val="616161"/><w:sz w:val="16"/><w:szCs w:val="16"/>`, -1) +
		paraStyle("Header", "header", fmt.Sprintf(`<w:tabs><w:tab w:val="right" w:pos="%d"/></w:tabs><w:spacing w:after="0"/>`, contentTwips), `<w:color w:val="616161"/><w:sz w:val="16"/><w:szCs w:val="16"/>`, -1) +
		paraStyle("Footer", "footer", fmt.Sprintf(`<w:tabs><w:tab w:val="right" w:pos="%d"/></w:tabs><w:spacing w:after="0"/>`, contentTwips), `<w:color w:val="616161"/><w:sz w:val="16"/><w:szCs w:val="16"/>`, -1) +
		`<w:style w:type="character" w:styleId="Code"><w:name w:val="Code"/><w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>` +
		`<w:style w:type="table" w:styleId="ReportTable"><w:name w:val="Report Table"/><w:tblPr><w:tblBorders>` +
		`<w:top w:val="single" w:sz="4" w:space="0" w:color="B0BEC5"/><w:left w:val="single" w:sz="4" w:space="0" w:color="B0BEC5"/>` +
		`<w:bottom w:val="single" w:sz="4" w:space="0" w:color="B0BEC5"/><w:right w:val="single" w:sz="4" w:space="0" w:color="B0BEC5"/>` +
		`<w:insideH w:val="single" w:sz="4" w:space="0" w:color="B0BEC5"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="B0BEC5"/></w:tblBorders>` +
		`<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
		`</w:styles>`
})

func paraStyle(id, name, pPr, rPr string, outline int) string {
	if outline >= 0 {
		pPr += fmt.Sprintf(`<w:outlineLvl w:val="%d"/>`, outline)
	}
	return `<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="` + name + `"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
		`<w:pPr>` + pPr + `</w:pPr><w:rPr>` + rPr + `</w:rPr></w:style>`
}
