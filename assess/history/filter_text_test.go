package history

import (
	"slices"
	"testing"
)

// Filter.Text keeps the records whose number, time, author, question IDs
// or words hold it, in any case, as the workspace's / does: the label an
// answer reads as, not only its value.
func TestFilterByText(t *testing.T) {
	entries := Read(smallTrail(), nil)
	for _, c := range []struct {
		text string
		want []int64
	}{
		{"  keys in KMS ", []int64{3}},
		{"RITA", []int64{7, 8}},
		{"encryption", []int64{2, 3}},
		{"2026-03-03", []int64{7, 8}},
		{"#4", []int64{4}},
		{"no such thing", nil},
		{"", []int64{1, 2, 3, 4, 5, 6, 7, 8}},
	} {
		var got []int64
		for _, e := range (Filter{Text: c.text}).Apply(entries) {
			got = append(got, e.Seq)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("text %q: records %v, want %v", c.text, got, c.want)
		}
	}
	// With a question, both must hold.
	if got := (Filter{Question: "encryption", Text: "kms"}).Apply(entries); len(got) != 1 || got[0].Seq != 3 {
		t.Errorf("question and text: %+v", got)
	}
}
