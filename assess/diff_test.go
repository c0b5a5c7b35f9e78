package assess_test

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/decimal"
	"github.com/assay-dev/assay/questionnaires"
)

func pick(id, v string) assess.Answer {
	return assess.Answer{QuestionID: id, Value: assess.Value{Choices: []string{v}}}
}

func answersOf(as ...assess.Answer) assess.Answers {
	out := assess.Answers{}
	for _, a := range as {
		out[a.QuestionID] = a
	}
	return out
}

// Last year's and this year's assessment of one vendor, compared with a
// result worked out by hand from the vendor-tiering questionnaire.
func TestCompareByHand(t *testing.T) {
	q, problems, err := questionnaires.ParseFile(filepath.Join("..", "questionnaires", "testdata", "vendor-tiering.yaml"))
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	mfaNo := pick("mfa", "no")
	mfaNo.Note = "SMS codes only"
	mfaYes := pick("mfa", "yes")
	mfaYes.Note, mfaYes.Evidence = "Hardware keys", []string{"SOC 2 report 2025"}
	from := &assess.Assessment{ID: 1, Questionnaire: q, AssessedOn: diffDay("2025-03-01"), Answers: answersOf(
		pick("data-class", "internal"), pick("outage-impact", "disruptive"), pick("substitutable", "hard"),
		mfaNo, pick("encryption", "yes"), pick("breach-notice", "partial"), pick("subprocessors", "yes"))}
	to := &assess.Assessment{ID: 2, Questionnaire: q, AssessedOn: diffDay("2026-03-01"), Answers: answersOf(
		pick("data-class", "special"), pick("outage-impact", "severe"), pick("substitutable", "hard"),
		mfaYes, pick("encryption", "no"), pick("breach-notice", "partial"), pick("subprocessors", "yes"))}
	today := diffDay("2026-03-10")
	got := assess.Compare(assess.Evaluate(from, today), assess.Evaluate(to, today))

	if !got.SameQuestionnaire {
		t.Error("same questionnaire reported as different")
	}
	// Answers, in questionnaire order; substitutable, breach-notice and
	// subprocessors are unchanged.
	wantAnswers := []assess.AnswerChange{
		{QuestionID: "data-class", Question: "What is the most sensitive data the vendor will hold?", Old: "Internal", New: "Special category personal data"},
		{QuestionID: "outage-impact", Question: "What would a week-long outage of the vendor do to us?", Old: "Disrupts a business process", New: "Stops a critical service"},
		{QuestionID: "mfa", Question: "Is multi-factor authentication enforced for all access to our data?", Old: "No", New: "Yes, in place",
			OldNote: "SMS codes only", NewNote: "Hardware keys", NewEvidence: []string{"SOC 2 report 2025"}},
		{QuestionID: "encryption", Question: "Is our data encrypted at rest?", Old: "Yes, in place", New: "No"},
	}
	if !reflect.DeepEqual(got.Answers, wantAnswers) {
		t.Errorf("answers:\n got %+v\nwant %+v", got.Answers, wantAnswers)
	}

	// Sensitivity 1 -> 3 of 3; criticality 1 + 1 = 2 -> 2 + 1 = 3 of 3;
	// gaps (max 2 x (3 + 2 + 3 + 2) = 20): mfa no 2 x 3 + breach partial
	// 1 x 3 = 9 -> encryption no 2 x 2 + breach partial 3 = 7.
	dec := decimal.MustParse
	type dim struct {
		id               string
		old, new, oldMax string
		oldPct, newPct   string
	}
	wantDims := []dim{
		{"sensitivity", "1", "3", "3", "33.3", "100"},
		{"criticality", "2", "3", "3", "66.7", "100"},
		{"gaps", "9", "7", "20", "45", "35"},
	}
	if len(got.Dimensions) != len(wantDims) {
		t.Fatalf("dimensions: %+v", got.Dimensions)
	}
	for i, w := range wantDims {
		g := got.Dimensions[i]
		if g.ID != w.id || g.Old != dec(w.old) || g.New != dec(w.new) || g.OldMax != dec(w.oldMax) || g.NewMax != dec(w.oldMax) ||
			g.OldPct != dec(w.oldPct) || g.NewPct != dec(w.newPct) || g.OnlyIn != "" {
			t.Errorf("dimension %d: got %+v, want %+v", i, g, w)
		}
	}

	// Sensitivity low -> high, criticality medium -> high, tier low x
	// medium = low -> high x high = critical; control gaps 45% and 35% are
	// both "significant"; residual low x significant = low -> critical x
	// significant = critical.
	wantLevels := []assess.LevelChange{
		{ID: "data-sensitivity", Title: "Data sensitivity", Old: "low", New: "high"},
		{ID: "business-criticality", Title: "Business criticality", Old: "medium", New: "high"},
		{ID: "inherent-tier", Title: "Inherent tier", Old: "low", New: "critical"},
		{ID: "residual", Title: "Residual risk", Old: "low", New: "critical", Outcome: true},
	}
	if !reflect.DeepEqual(got.Levels, wantLevels) {
		t.Errorf("levels:\n got %+v\nwant %+v", got.Levels, wantLevels)
	}

	// From: mfa (full gap, medium) and breach-notice (partial: high - 1 =
	// medium), no raise at a low tier. To: encryption (high, raised twice at
	// a critical tier: critical) and breach-notice (medium + 2 = critical).
	keys := func(fs []assess.Finding) []string {
		var out []string
		for _, f := range fs {
			out = append(out, f.Key+":"+f.Severity.String())
		}
		return out
	}
	if k := keys(got.Opened); !reflect.DeepEqual(k, []string{"encryption:critical"}) {
		t.Errorf("opened %v", k)
	}
	if k := keys(got.Closed); !reflect.DeepEqual(k, []string{"mfa:medium"}) {
		t.Errorf("closed %v", k)
	}
	wantChanged := []assess.FindingChange{{Key: "breach-notice", Question: "Must the vendor notify us of incidents within 72 hours?", Old: assess.Medium, New: assess.Critical}}
	if !reflect.DeepEqual(got.Changed, wantChanged) {
		t.Errorf("changed %+v", got.Changed)
	}

	// An assessment compared with itself has no changes.
	if same := assess.Compare(assess.Evaluate(to, today), assess.Evaluate(to, today)); !same.Empty() {
		t.Errorf("self-comparison not empty: %+v", same)
	}
}

func diffDay(s string) assess.Date {
	v, err := assess.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}
