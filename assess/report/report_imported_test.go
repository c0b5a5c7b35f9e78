package report_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
	"github.com/assay-dev/assay/questionnaires"
)

// The report's record of an imported assessment says where it came from,
// and its Changes since says so of the earlier assessment when that one
// was imported.
func TestReportSaysWhereAnImportedAssessmentCameFrom(t *testing.T) {
	q, problems, err := questionnaires.ParseFile(filepath.Join("..", "..", "questionnaires", "testdata", "renamed", "controls-v1.yaml"))
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	imported := &assess.Imported{FileDigest: strings.Repeat("ab", 32), ExportedBy: "Ana *Analyst*", ExportedAt: "2025-03-02T10:00:00Z",
		By: "Iris Importer", At: time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)}
	from := &assess.Assessment{ID: 1, UUID: "a", Subject: "Acme", Questionnaire: q, AssessedOn: govDay("2025-03-01"), Status: assess.Approved, Answers: assess.Answers{}, Imported: imported}
	to := &assess.Assessment{ID: 2, UUID: "b", Subject: "Acme", Questionnaire: q, AssessedOn: govDay("2026-03-01"), Answers: assess.Answers{}}
	opts := report.Options{Today: govDay("2026-03-10")}

	md := report.Markdown(assess.Evaluate(from, opts.Today), opts)
	flat := strings.Join(strings.Fields(md), " ")
	want := `**Provenance:** imported on 2026-02-01 by Iris Importer from an export by Ana \*Analyst\* of 2025-03-02T10:00:00Z (file SHA-256 abababababababab).`
	if !strings.Contains(flat, want) {
		t.Errorf("report of the imported assessment:\n%s\nwant:\n%s", md, want)
	}
	later := assess.Evaluate(to, opts.Today)
	opts.Since = assess.Compare(assess.Evaluate(from, opts.Today), later)
	md = report.Markdown(later, opts)
	flat = strings.Join(strings.Fields(md), " ")
	if want := `approved. It was imported on 2026-02-01 by Iris Importer from an export by Ana \*Analyst\*`; !strings.Contains(flat, want) {
		t.Errorf("Changes since:\n%s\nwant:\n%s", md, want)
	}
	if strings.Contains(flat, "**Provenance:**") {
		t.Errorf("the report of an assessment made here tells a provenance:\n%s", md)
	}
}

// The committee reading the report is told that the exporter's name the
// file states ("Аna Analyst", a Cyrillic А) looks like a name known here
// and is not it.
func TestReportProvenanceSaysAStatedNameLooksLikeAKnownOne(t *testing.T) {
	q, problems, err := questionnaires.ParseFile(filepath.Join("..", "..", "questionnaires", "testdata", "renamed", "controls-v1.yaml"))
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	imported := &assess.Imported{ExportedBy: "\u0410na Analyst", ExportedAt: "2025-03-02T10:00:00Z", TrustedAs: "Acme Vendor", LooksLike: "Ana Analyst",
		By: "Iris Importer", At: time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)}
	a := &assess.Assessment{ID: 1, UUID: "a", Subject: "Acme", Questionnaire: q, AssessedOn: govDay("2025-03-01"), Status: assess.Approved, Answers: assess.Answers{}, Imported: imported}
	opts := report.Options{Today: govDay("2026-03-10")}
	flat := strings.Join(strings.Fields(report.Markdown(assess.Evaluate(a, opts.Today), opts)), " ")
	if want := "from an export by \u0410na Analyst (as the file states; it looks like Ana Analyst, a name known here, and is not that name: it mixes Cyrillic and Latin letters in one word) of"; !strings.Contains(flat, want) {
		t.Errorf("report:\n%s\nwant it to hold:\n%s", flat, want)
	}
}
