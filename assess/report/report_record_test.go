package report_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
	"github.com/assay-dev/assay/assess/report"
	"github.com/assay-dev/assay/internal/render/htmldoc"
	"github.com/assay-dev/assay/questionnaires"
)

// The record line reads back from the Markdown and the HTML report as it
// was written, also when the signer's name is made to look like the rest
// of the line.
func TestRecordLineReadsBack(t *testing.T) {
	q, problems, err := questionnaires.ParseFile(filepath.Join("..", "..", "questionnaires", "testdata", "vendor-tiering.yaml"))
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	a := &assess.Assessment{ID: 5, UUID: "5b1c0e2a-0000-4000-8000-000000000002", Subject: "Acme", Questionnaire: q,
		AssessedOn: govDay("2026-03-01"), Answers: assess.Answers{}, Status: assess.Draft, Revision: 1}
	hex := func(c string) string { return strings.Repeat(c, 64) }
	sig := strings.Repeat("Q", 86) + "=="
	forged := "Mallory` with key `SHA256:" + strings.Repeat("M", 43) + "` (signature `" + strings.Repeat("M", 86) + "==`)"
	for _, pin := range []ledger.Pin{
		{Assessment: a.UUID, Records: 12, Head: hex("a"), Entry: 57, EntryHash: hex("b"), KeyID: "SHA256:" + strings.Repeat("K", 43), Signer: "Dana Reyes", Signature: sig},
		{Assessment: a.UUID, Records: 12, Head: hex("a"), Entry: 57, EntryHash: hex("b"), KeyID: "SHA256:" + strings.Repeat("K", 43), Signer: forged, Signature: sig},
		{Assessment: a.UUID, Records: 3, Head: hex("c")},
		{Assessment: a.UUID, Records: 3, Head: hex("c"), Stale: 9},
	} {
		opts := report.Options{Today: govDay("2026-03-10"), Record: &pin}
		doc := report.Build(assess.Evaluate(a, opts.Today), opts)
		want := pin
		want.Stale = 0 // a copy says it is not signed, not why
		for format, text := range map[string]string{"Markdown": report.Render(doc), "HTML": string(htmldoc.Render(doc))} {
			got, err := report.ParsePin(text)
			if err != nil || got != want {
				t.Errorf("%s, signer %q: read back %+v, %v; want %+v", format, pin.Signer, got, err, want)
			}
		}
	}
}

// A record line is read only where a Markdown report writes it, at the
// start of a line, and only once: a note quoting a report's record line,
// shown by assay history's text (which pins nothing) after "- note: ",
// passed for the file's own pin, and verify --against said the database
// held the record that file pinned; a report with a second record line
// was read by its first.
func TestRecordLineOnlyWhereAReportWritesIt(t *testing.T) {
	hex := func(c string) string { return strings.Repeat(c, 64) }
	line := "**Record:** assessment `5b1c0e2a-0000-4000-8000-000000000002`, audit records 1 to 3 ending in `" + hex("c") + "`; not signed: the database had no signed ledger entry for it when this report was made."
	other := strings.Replace(line, "1 to 3", "1 to 4", 1)
	if _, err := report.ParsePin("# Report\n\n- " + line + "\n"); err != nil {
		t.Fatalf("a report's own record line: %v", err)
	}
	for _, c := range []struct{ name, text, want string }{
		{"quoted in a history", "Audit trail of assessment 1\n2  2026-12-06  Ana  answer set: mfa\n     - note: " + line + "\n", "no record line"},
		{"two record lines", "# Report\n\n- " + line + "\n- " + other + "\n", "2 record lines"},
	} {
		if _, err := report.ParsePin(c.text); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want it to say %q", c.name, err, c.want)
		}
	}
}
