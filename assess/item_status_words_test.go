package assess_test

import (
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A committee reads a plan item's status as words ("in progress", "risk
// accepted"), and whoever types one back, on the command line or in
// accessible mode, may type either the words or the stored value.
func TestItemStatusWordsReadAsPeopleWriteThem(t *testing.T) {
	want := map[assess.ItemStatus]string{
		assess.ItemOpen:       "open",
		assess.ItemInProgress: "in progress",
		assess.ItemDone:       "done",
		assess.ItemAccepted:   "risk accepted",
		"":                    "open", // an item nobody edited
	}
	for st, words := range want {
		if got := st.Words(); got != words {
			t.Errorf("ItemStatus(%q).Words() = %q, want %q", st, got, words)
		}
	}
	for _, st := range assess.ItemStatuses {
		for _, typed := range []string{string(st), st.Words(), " " + st.Words() + " "} {
			if got, err := assess.ParseItemStatus(typed); err != nil || got != st {
				t.Errorf("ParseItemStatus(%q) = %q, %v; want %q", typed, got, err, st)
			}
		}
	}
	for _, typed := range []string{"in", "progress", "risk", "closed"} {
		if got, err := assess.ParseItemStatus(typed); err == nil {
			t.Errorf("ParseItemStatus(%q) = %q, want it refused as no one status", typed, got)
		}
	}
}
