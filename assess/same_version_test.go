package assess

import "testing"

func TestSameVersionShortNamesTheAssessments(t *testing.T) {
	q := &Questionnaire{ID: "cloud-basics", Version: "1.0.0"}
	for _, c := range []struct {
		ids  []int64
		want string
	}{
		{nil, ""},
		{[]int64{3}, "cloud-basics 1.0.0 differs from what assessment 3 started with under that version: give its file a new version"},
		{[]int64{1, 2}, "cloud-basics 1.0.0 differs from what assessments 1 and 2 started with under that version: give its file a new version"},
		{[]int64{1, 2, 4}, "cloud-basics 1.0.0 differs from what assessments 1, 2 and 4 started with under that version: give its file a new version"},
		{[]int64{1, 2, 3, 4, 5, 6, 9}, "cloud-basics 1.0.0 differs from what assessments 1, 2, 3, 4, 5 and 2 more started with under that version: give its file a new version"},
	} {
		if got := SameVersionShort(q, c.ids); got != c.want {
			t.Errorf("%v: %q, want %q", c.ids, got, c.want)
		}
	}
}
