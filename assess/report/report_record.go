package report

import (
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/assay-dev/assay/assess/ledger"
	"github.com/assay-dev/assay/assess/report/document"
)

// recordLine pins the assessment's history as it was when the report was
// made: its audit chain's length and head, and the signed ledger entry
// that committed to them. assay verify --against reads it back
// (ParsePin) and checks that the database still holds that history.
func recordLine(p *ledger.Pin) document.Text {
	line := txt(strong("Record:"), " assessment ", code(p.Assessment), fmt.Sprintf(", audit records 1 to %d ending in ", p.Records), code(p.Head))
	switch {
	case p.Entry == 0 && p.Stale != 0:
		return txt(line, fmt.Sprintf("; not signed: it is not what ledger entry %d signed, so it was changed outside assay since (run ", p.Stale),
			code("assay verify"), ").")
	case p.Entry == 0:
		return txt(line, "; not signed: the database had no signed ledger entry for it when this report was made.")
	}
	return txt(line, fmt.Sprintf(", signed in ledger entry %d ", p.Entry), code(p.EntryHash), " by ", user(p.Signer), " with key ", code(p.KeyID),
		" (signature ", code(p.Signature), "). ", code("assay verify --against"), " this report checks that the database still holds this record and only added to it.")
}

var (
	recordRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile("\\*\\*Record:\\*\\* assessment `([0-9a-f-]{36})`, audit records 1 to (\\d+) ending in `([0-9a-f]{64})`" +
			"(?:; not signed:|, signed in ledger entry (\\d+) `([0-9a-f]{64})` by (.+?) with key `(SHA256:[A-Za-z0-9+/]{43})` \\(signature `([A-Za-z0-9+/]{86}==)`\\))")
	})
	spaceRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\s+`) })
	// recordStartRE finds where a Markdown report's record line starts:
	// a list item at the start of a line.
	recordStartRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?m)^- \*\*Record:\*\* `) })
)

// ParsePin reads the record line of a committee report in Markdown or
// HTML.
//
// In Markdown the line is read only where the report writes it, as a
// list item at the start of a line: a report escapes the text it quotes,
// but other files assay writes (assay history's text) show a note as it
// was typed, and a note quoting a report's record line would otherwise
// pass for the file's own pin. A file with two record lines is refused,
// since a reader and verify could take different ones.
func ParsePin(report string) (ledger.Pin, error) {
	var text string
	var lines int
	if LooksHTML(report) {
		text = spaceRE().ReplaceAllString(htmlAsMarkdown(report), " ")
		lines = len(recordRE().FindAllStringIndex(text, 2))
	} else {
		starts := recordStartRE().FindAllStringIndex(report, -1)
		if lines = len(starts); lines > 0 {
			text = spaceRE().ReplaceAllString(report[starts[0][0]:], " ")
		}
	}
	if lines > 1 {
		return ledger.Pin{}, fmt.Errorf("%d record lines (**Record:** assessment …) in it, where a report has one: it was changed, and which one it pins cannot be told", lines)
	}
	m := recordRE().FindStringSubmatch(text)
	if m == nil || (!LooksHTML(report) && !strings.HasPrefix(text, "- "+m[0])) {
		return ledger.Pin{}, fmt.Errorf("no record line (**Record:** assessment …) in it: it is not an assay committee report, or it was made before reports pinned their record")
	}
	p := ledger.Pin{Assessment: m[1], Head: m[3], EntryHash: m[5], Signer: unescape(m[6]), KeyID: m[7], Signature: m[8]}
	p.Records, _ = strconv.ParseInt(m[2], 10, 64)
	if m[4] != "" {
		p.Entry, _ = strconv.ParseInt(m[4], 10, 64)
	}
	return p, nil
}

// unescape undoes Inline's backslash escapes, for showing a name again.
func unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(b.String())
}

// LooksHTML tells a report in HTML from one in Markdown, as ParsePin
// does.
func LooksHTML(s string) bool {
	head := strings.ToLower(strings.TrimSpace(s))
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html")
}

var (
	htmlTagRE   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<[^>]*>`) })
	htmlMarkRE  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`</?(code|strong)>`) })
	htmlMarkups = map[string]string{"<code>": "`", "</code>": "`", "<strong>": "**", "</strong>": "**"}
)

// htmlAsMarkdown turns the report's HTML into the text its record line is
// read from: code and strong marks as Markdown's, other tags dropped,
// entities decoded. A backtick in the text is escaped first, as the
// Markdown report escapes it, so that text cannot pass for a code span.
func htmlAsMarkdown(s string) string {
	s = strings.ReplaceAll(s, "`", "\\`")
	s = htmlMarkRE().ReplaceAllStringFunc(s, func(m string) string { return "\x00" + htmlMarkups[m] + "\x00" })
	s = htmlTagRE().ReplaceAllString(s, " ")
	s = strings.ReplaceAll(s, "\x00", "")
	return html.UnescapeString(s)
}
