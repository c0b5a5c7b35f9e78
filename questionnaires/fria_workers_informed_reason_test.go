package questionnaires_test

import (
	"strings"
	"testing"
)

// Article 26(7) wants workers' representatives and the workers affected
// told before a high-risk system is used at the workplace. Assessed
// before first use, telling them still meets it: the knock-out's reason
// said it was "a duty no later remediation can meet", beside a high
// outcome that says to close what set it first.
func TestFRIAWorkersInformedReasonSaysHowToMeetIt(t *testing.T) {
	q := biGet(t, "eu-ai-act-fria")
	wi, ok := q.Question("workers-informed")
	if !ok {
		t.Fatal("no workers-informed")
	}
	if len(wi.Floors) != 1 {
		t.Fatalf("workers-informed has %d knock-outs, want 1", len(wi.Floors))
	}
	reason := wi.Floors[0].Reason
	if strings.Contains(reason, "no later remediation") {
		t.Errorf("workers-informed's reason says the duty cannot be met: %q", reason)
	}
	if !strings.Contains(reason, "until they are told") {
		t.Errorf("workers-informed's reason does not say what lifts it: %q", reason)
	}
}
