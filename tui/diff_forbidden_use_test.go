package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// Compare read a rejected prohibited practice as "rejected", like any
// rework to submit again: a committee member comparing last year's
// fairness review with this year's could not see that the system must
// not be used, which the home screen says. Worked by hand: #1, this
// year's (2026-03-31), answers a practice the EU AI Act prohibits and
// was rejected by Dana Reyes; #2, last year's (2025-03-31), is a draft
// whose only answer classes the system minimal risk. This year's side
// says "rejected, must not be used" as the list does, and the review
// line says it after the rejection; last year's says neither.
func TestCompareSaysAProhibitedPracticeMustNotBeUsed(t *testing.T) {
	e, this := prohibitedInReview(t)
	ctx := context.Background()
	if _, err := e.db.Review(assess.WithActor(ctx, "Dana Reyes"), this.ID, assess.ActReject, testToday, "Article 5"); err != nil {
		t.Fatal(err)
	}
	last := &assess.Assessment{UUID: e.uuid(), Subject: this.Subject, SubjectKind: this.SubjectKind, Reviewer: "Dana Reyes",
		Questionnaire: this.Questionnaire, AssessedOn: testToday.AddDays(-365)}
	if err := e.db.CreateAssessment(ctx, last); err != nil {
		t.Fatal(err)
	}
	minimal := assess.Answer{QuestionID: "ai-act-class", Value: assess.Value{Choices: []string{"minimal"}}}
	if err := e.db.SaveAnswers(ctx, last.ID, []assess.Answer{minimal}); err != nil {
		t.Fatal(err)
	}
	f := e.start()
	f.waitFor("2 of 2", "must not be used")
	f.press("down") // to #1, listed second, created before #2
	f.press("C")
	f.waitFor("compare #2 → #1", `Review: draft → rejected by Dana Reyes on 2026-03-31 ("Article 5"); the system must not be used`)
	flat := strings.Join(strings.Fields(f.screen()), " ")
	from, to, _ := strings.Cut(flat[strings.Index(flat, "From #2"):], " To #1 ")
	if strings.Contains(from, "must not") || !strings.HasSuffix(from, "· 2025-03-31 · draft") {
		t.Errorf("last year's side, minimal risk, is a plain draft: %q", from)
	}
	if !strings.Contains(to, "· 2026-03-31 · rejected, must not be used Review:") {
		t.Errorf("this year's side does not say the system must not be used: %q", to)
	}
	f.quit()
}
