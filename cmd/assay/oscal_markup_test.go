package main

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// OSCAL's titles, descriptions, remarks and statements are Markdown
// (markup-line, markup-multiline), which OSCAL viewers render: a note's
// <script>, its [link](http://…) or a line starting "# " reached them as
// written, and became HTML, a link or a heading there. Every such field
// of the POA&M and the assessment results of the worst answers with
// hostile notes, and a subject holding HTML, is plain text in Markdown:
// nothing in it would render as markup.
func TestOSCALMarkupFieldsStayText(t *testing.T) {
	eachWorstBuiltin(t, func(t *testing.T, s *cliSession, q *assess.Questionnaire, id string) {
		formats := []string{"oscal-assessment-results"}
		if q.ID != "prescreen" {
			formats = append(formats, "oscal-poam")
		}
		for _, format := range formats {
			var doc any
			if err := json.Unmarshal([]byte(s.ok("report", id, "--format", format, "--as-of", "2026-03-15")), &doc); err != nil {
				t.Fatal(err)
			}
			checked := 0
			eachMarkupField(doc, func(field, text string) {
				checked++
				if why := renderedAsMarkup(text); why != "" {
					t.Errorf("%s: a %s %s: %.200q", format, field, why, text)
				}
			})
			if checked == 0 {
				t.Fatalf("%s: no markup field found", format)
			}
		}
	})
}

// eachMarkupField calls f with every title, description, remarks and
// statement in an OSCAL document.
func eachMarkupField(v any, f func(field, text string)) {
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			if s, ok := val.(string); ok && (k == "title" || k == "description" || k == "remarks" || k == "statement") {
				f(k, s)
				continue
			}
			eachMarkupField(val, f)
		}
	case []any:
		for _, val := range x {
			eachMarkupField(val, f)
		}
	}
}

var (
	unescapedMarkup = regexp.MustCompile(`(^|[^\\])(\\\\)*[*_\x60\[\]|~]`)
	blockStart      = regexp.MustCompile(`^\s*([-+#=>]|\d{1,9}[.)])`)
	bareLink        = regexp.MustCompile(`(?i)(^|[^\\])://|www\.`)
)

// renderedAsMarkup says why text would not read as written once rendered
// as CommonMark with GitHub's extensions, or "" when it would.
func renderedAsMarkup(text string) string {
	switch {
	case strings.Contains(text, "<"):
		return "holds a raw < (HTML)"
	case unescapedMarkup.MatchString(text):
		return "holds an unescaped * _ ` [ ] | or ~"
	case bareLink.MatchString(text):
		return "holds a bare link"
	}
	for _, line := range strings.Split(text, "\n") {
		if blockStart.MatchString(line) {
			return "has a line that starts a block (heading, list, quote)"
		}
	}
	return ""
}
