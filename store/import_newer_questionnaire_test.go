package store

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/export"
	"github.com/assay-dev/assay/questionnaires"
)

// An export pins its questionnaire byte for byte: one from a newer
// version of a built-in than this assay carries imports as that version,
// its answers scored by it, and the built-in here is not touched. One
// written for a newer assay (a field this one does not know) is refused
// naming questionnaire.source and saying why.
func TestImportOfANewerQuestionnaireVersion(t *testing.T) {
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	builtin, _ := lib.Get("vendor-security-screen")
	newer := func(change func(src []byte) []byte) *assess.Questionnaire {
		src := bytes.Replace(builtin.Source, []byte(`version: "`+builtin.Version+`"`), []byte(`version: "99.0.0"`), 1)
		q, err := questionnaires.Decode(builtin.SourceName, change(src))
		if err != nil {
			t.Fatal(err)
		}
		return q
	}
	q := newer(func(src []byte) []byte { return src })
	exporter := openAt(t, tempPath(t))
	ctx := assess.WithActor(context.Background(), "Ana Analyst")
	a := &assess.Assessment{Subject: "Acme Cloud", SubjectKind: "vendor", Questionnaire: q, AssessedOn: assess.NewDate(2026, 11, 30)}
	if err := exporter.CreateAssessment(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := exporter.SaveAnswer(ctx, a.ID, assess.Answer{QuestionID: "mfa", Value: assess.Value{Choices: []string{"partial"}}}); err != nil {
		t.Fatal(err)
	}
	f := roundTrip(t, mustExport(t, exporter, a.ID))
	db := openOther(t)
	got, err := db.Import(as("Iris Importer"), f)
	if err != nil {
		t.Fatalf("an export of vendor-security-screen 99.0.0: %v", err)
	}
	if got.Questionnaire.Version != "99.0.0" || got.Answers["mfa"].Value.Choices[0] != "partial" {
		t.Errorf("imported as %s with %+v", got.Questionnaire.Version, got.Answers["mfa"])
	}
	if mine, _ := lib.Get("vendor-security-screen"); mine.Version != builtin.Version {
		t.Errorf("the built-in here became %s", mine.Version)
	}

	// A questionnaire field this assay does not know.
	unknown := roundTrip(t, mustExport(t, exporter, a.ID))
	unknown.Questionnaire.Source = append(append([]byte{}, unknown.Questionnaire.Source...), []byte("\nconsistency_rules: []\n")...)
	b, err := export.Marshal(unknown)
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.Replace(b, []byte(unknown.Questionnaire.Digest), []byte(sha256Hex(unknown.Questionnaire.Source)), 1)
	f2, err := export.Unmarshal("acme.json", b)
	if err == nil {
		_, err = db.Import(as("Iris Importer"), f2)
	}
	if err == nil || !strings.Contains(err.Error(), "questionnaire.source") || !strings.Contains(err.Error(), "a newer assay") {
		t.Errorf("a questionnaire with a field this assay does not know: %v", err)
	}
	t.Log(err)
}
