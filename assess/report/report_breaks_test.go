package report_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/questionnaires"
)

// threeParagraphs is a reviewer's comment in three paragraphs, the second
// two lines whose starts would be Markdown structure if written as they
// are, the third one a quote sign, HTML and an escape sequence.
const threeParagraphs = "Add the transfer safeguards.\r\n\r\n# Not a heading\n- not a list\n\n\n> not a quote <script>x</script>\x1b[31m\n1. nor a number"

func rejectedWithComment(t *testing.T, comment string) (*assess.Evaluation, report.Options) {
	t.Helper()
	q, problems, err := questionnaires.ParseFile(filepath.Join("..", "..", "questionnaires", "testdata", "vendor-tiering.yaml"))
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	a := &assess.Assessment{ID: 6, UUID: "v", Subject: "Acme", Questionnaire: q, AssessedOn: govDay("2026-03-01"), Answers: assess.Answers{},
		Status: assess.Rejected, Revision: 1, SignOffs: []assess.SignOff{
			{Role: assess.RoleReviewer, Name: "Rui", On: govDay("2026-03-03"), Decision: "rejected", Comment: comment},
		}}
	opts := report.Options{Today: govDay("2026-03-10")}
	return assess.Evaluate(a, opts.Today), opts
}

// A comment in paragraphs keeps them in the Markdown report, in a list
// item (continued under its indentation, lines ended by a hard break)
// where it is a body, and in the sign-off table, whose rows are one line
// each, with a <br> and a newline entity for each break (markdownTableBreak). No line of it opens a
// block, a quote, HTML or an escape sequence.
func TestReportKeepsTheParagraphsOfAComment(t *testing.T) {
	ev, opts := rejectedWithComment(t, threeParagraphs)
	md := report.Markdown(ev, opts)
	got := section(t, md)
	want := "## Review and revision\n\n" +
		"- **State:** rejected by Rui on 2026-03-03. *Comment:* Add the transfer\n" +
		"  safeguards.\n" +
		"\n" +
		"  \\# Not a heading\\\n" +
		"  \\- not a list\n" +
		"\n" +
		"  &gt; not a quote &lt;script&gt;x&lt;/script&gt;\\\n" +
		"  1\\. nor a number.\n" +
		"- **Revision:** 1, the original assessment.\n\n"
	if got != want {
		t.Errorf("the state line:\n%s\nwant:\n%s", got, want)
	}
	row := "| Reviewer | Rui | rejected | 2026-03-03 | Add the transfer safeguards.<br><br>&#10;&#10;# Not a heading<br>&#10;- not a list<br><br>&#10;&#10;&gt; not a quote &lt;script&gt;x&lt;/script&gt;<br>&#10;1. nor a number |"
	if !strings.Contains(md, row+"\n") {
		t.Errorf("the sign-off table has no row\n%s\nin:\n%s", row, md[strings.Index(md, "## Sign-off"):])
	}
}

// The document keeps a comment's breaks as Break spans between its
// lines, "\n" within a paragraph and "\n\n" between two, however many
// blank lines or carriage returns parted them, with nothing before the
// first line or after the last.
func TestBodyTextBreaks(t *testing.T) {
	ev, opts := rejectedWithComment(t, "\n\n  first line \n second\t line\r\r\rlast  \n\n")
	var spans []string
	for _, b := range report.Build(ev, opts).Blocks {
		l, ok := b.(*document.List)
		if !ok || len(l.Items) == 0 || !strings.HasPrefix(l.Items[0].String(), "State:") {
			continue
		}
		for _, s := range l.Items[0] {
			if s.Style == document.Break {
				spans = append(spans, "BREAK"+strings.ReplaceAll(s.Text, "\n", "n"))
			}
		}
		if !strings.HasSuffix(l.Items[0].String(), "Comment: first line\nsecond line\n\nlast.") {
			t.Errorf("the state line reads %q", l.Items[0].String())
		}
	}
	if strings.Join(spans, " ") != "BREAKn BREAKnn" {
		t.Errorf("breaks: %v, want a line break and a paragraph break", spans)
	}
}

// A Markdown table cell breaks a comment's lines with "<br>" and a
// newline entity, which neither a typed slash nor a typed "<br>" or
// "&#10;" can imitate (those are escaped): " / " between its lines read
// the same as a slash typed in it. GitHub and markdown-it break the line
// at the <br>; glamour, which drops HTML, at the entity.
func TestMarkdownTableCellBreaksCannotBeTyped(t *testing.T) {
	ev, opts := rejectedWithComment(t, "a / b <br> c &#10; d\ne\n\nf")
	md := report.Markdown(ev, opts)
	row := "| Reviewer | Rui | rejected | 2026-03-03 | a / b &lt;br&gt; c &amp;#10; d<br>&#10;e<br><br>&#10;&#10;f |"
	if !strings.Contains(md, row+"\n") {
		t.Errorf("the sign-off table has no row\n%s\nin:\n%s", row, md[strings.Index(md, "## Sign-off"):])
	}
	if !strings.Contains(md, `"MD033":{"allowed_elements":["br"]}`) {
		t.Errorf("the report's markdownlint configuration does not allow the <br> of its table cells:\n%s", md[strings.LastIndex(md, "<!--"):])
	}
}
