package tui_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// prohibitedRejected is a fairness review of a practice the EU AI Act
// prohibits, rejected by Dana Reyes as the committee's decision, beside a
// vendor's security screen fully answered (Acme Cloud Ltd, rated medium:
// the verdict case's working).
func prohibitedRejected(t *testing.T) *env {
	t.Helper()
	e, a := prohibitedInReview(t)
	if _, err := e.db.Review(assess.WithActor(context.Background(), "Dana Reyes"), a.ID, assess.ActReject, testToday, "The system must not be used"); err != nil {
		t.Fatal(err)
	}
	e.answerFrom(e.create("vendor-security-screen", "Acme Cloud Ltd"), "verdicts/vendor-screen-expired-soc2-no-renewal.yaml")
	return e
}

// The home screen listed a rejected prohibited practice as "rejected",
// like any rework to be submitted again: a committee member scanning the
// portfolio could not see that the system must not be used. The status
// says so at every size the screens are laid out for: whole with the
// status where both names keep their room (from 120 columns here), and
// as "must not be used" alone where they would not (the review says the
// rejection). Every line fits its width, and the filter finds the words.
//
// Worked by hand at 80 columns: ID 2, "rejected, must not be used" 26,
// Progress 8, Level 10 ("prohibited"), Open/late 9, 6 spaces and the
// cursor's 2 leave 80 - 63 = 17 for both names, under the 20 they need:
// the status is "must not be used" (16), which leaves 27. At 120, with a
// space more after the status, progress and level, 120 - 66 = 54.
func TestHomeSaysAProhibitedPracticeMustNotBeUsed(t *testing.T) {
	for _, size := range screenSizes {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			e := prohibitedRejected(t)
			f := e.startSized(e.deps(), size.w, size.h)
			f.waitFor("2 of 2", "must not be used")
			s := f.screen()
			whole := size.w >= 120
			if got := strings.Contains(s, "rejected, must not be used"); got != whole {
				t.Errorf("the status with its state shown %v, want %v:\n%s", got, whole, s)
			}
			if size.w >= 80 && !strings.Contains(s, "Questionnaire") {
				t.Errorf("from 80 columns both names show:\n%s", s)
			}
			for i, l := range strings.Split(s, "\n") {
				if !strings.Contains(l, "Emotion") && !strings.Contains(l, "Acme") {
					continue // a table's row is what is measured here
				}
				if w := len([]rune(l)); w > size.w || strings.HasSuffix(strings.TrimRight(l, " "), "…") {
					t.Errorf("line %d is %d columns wide or cut:\n%s", i+1, w, l)
				}
			}
			f.golden(fmt.Sprintf("home-forbidden-use/home-%dx%d", size.w, size.h))
			f.press("/")
			f.typeText("must not")
			f.press("enter")
			f.waitFor("1 of 2")
			if s := f.screen(); !strings.Contains(s, "Emotion") || strings.Contains(s, "Acme") {
				t.Errorf("filtered by 'must not':\n%s", s)
			}
			f.quit()
		})
	}
}

// Accessible mode's list named no status at all: a rejected prohibited
// practice read as any other assessment at its level. Each assessment's
// status is said, and of a use the law forbids, that the system must not
// be used.
func TestAccessibleListSaysAProhibitedPracticeMustNotBeUsed(t *testing.T) {
	e := prohibitedRejected(t)
	text := e.accessible("q\n")
	for _, want := range []string{
		"Assessment 1: Emotion scores, Fairness and algorithmic impact assessment, rejected, 58 of 58 answered, level prohibited; the system must not be used.",
		"Assessment 2: Acme Cloud Ltd, Vendor security screen, draft, ",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("accessible mode's list lacks %q:\n%s", want, text)
		}
	}
}
