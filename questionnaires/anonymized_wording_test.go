package questionnaires_test

import (
	"strings"
	"testing"
)

// The pre-screen sends every dataset published or shared as anonymous to
// the anonymized dataset review (prescreen 1.11.0): a council's open-data
// release and a research data share as well as a dataset sold or used in
// products. anonymized-dataset 2.8.0 still read as commercial use only:
// its title, what its critical level tells the committee ("Stop
// commercial use", which says nothing to a council that published the
// data), and questions asking whether "this commercial use" is allowed.
// Whatever the release, what the questionnaire tells people to do must
// fit it; scoring is unchanged.
func TestAnonymizedDatasetFitsEveryReleaseItReviews(t *testing.T) {
	q, ok := biLibrary(t).Get("anonymized-dataset")
	if !ok {
		t.Fatal("no built-in anonymized-dataset")
	}
	commercialOnly := func(where, text string) {
		t.Helper()
		if strings.Contains(strings.ToLower(text), "commercial use") {
			t.Errorf("%s speaks of commercial use only: %q", where, text)
		}
	}
	commercialOnly("the title", q.Title)
	for _, want := range []string{"open data", "research"} {
		if !strings.Contains(q.Description, want) {
			t.Errorf("the description does not name %s among the releases it reviews: %q", want, q.Description)
		}
	}
	for _, id := range []string{"safeguards", "dataset-risk"} {
		l, ok := q.Level(id)
		if !ok {
			t.Fatalf("no level %s", id)
		}
		for level, meaning := range l.Meanings {
			commercialOnly("level "+id+" "+level, meaning)
		}
	}
	for _, s := range q.Sections {
		for _, qq := range s.Questions {
			commercialOnly(qq.ID+"'s text", qq.Text)
			commercialOnly(qq.ID+"'s help", qq.Help)
			commercialOnly(qq.ID+"'s action", qq.Action)
		}
	}
}
