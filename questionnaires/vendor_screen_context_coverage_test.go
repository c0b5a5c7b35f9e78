package questionnaires_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// The vendor screen's first question (data-sensitivity) asks what data
// the vendor will hold. It scores nothing and shows no gap whatever the
// answer: it classifies. Coverage once showed its controls (A.5.12,
// ID.AM-05, C1.1) met as soon as it was answered, and made A.5.19 "partly
// met" on a screen where nothing else was answered, as if saying what the
// vendor holds were evidence that our information is classified and
// protected. Worked by hand from the mappings (docs/mappings.md):
//
//	A.5.12   data-sensitivity                             -> context only
//	A.5.19   data-sensitivity, attestation, subprocessors -> from the last two
//	ID.AM-05 data-sensitivity                             -> context only
//	GV.SC-04 data-sensitivity, subprocessors              -> from subprocessors
//	C1.1     data-sensitivity                             -> context only
//	CC9.2    data-sensitivity and eight vendor questions  -> from those eight
func TestVendorScreenDataSensitivityIsContextInCoverage(t *testing.T) {
	q := biGet(t, "vendor-security-screen")
	cat := questionnaires.Catalog()
	statuses := func(res *assess.Result) map[string]string {
		out := map[string]string{}
		for _, f := range []assess.Framework{assess.ISO27001, assess.NISTCSF, assess.SOC2} {
			for _, c := range assess.Coverage(q, res, cat, f) {
				out[c.Control.ID] = string(c.Status)
			}
		}
		return out
	}
	check := func(name string, res *assess.Result, want map[string]string) {
		t.Helper()
		got := statuses(res)
		for id, w := range want {
			if got[id] != w {
				t.Errorf("%s: %s is %q, want %q", name, id, got[id], w)
			}
		}
	}

	// The room-booking module (staff's business contacts; every control
	// answer in the case file): attestation partial, subprocessors yes,
	// and of CC9.2's eight, attestation and subprocessor-notice partial.
	room := vendorCaseResult(t, q, "vendor-screen-room-booking-same-controls-business-contacts.yaml")
	if r, _ := room.Question("data-sensitivity"); r.Status != assess.StatusInfo {
		t.Errorf("data-sensitivity shows %q, want %q: it classifies, it meets nothing", r.Status, assess.StatusInfo)
	}
	check("room booking", room, map[string]string{
		"A.5.12": "context only", "ID.AM-05": "context only", "C1.1": "context only",
		"A.5.19": "partly met", "GV.SC-04": "met", "CC9.2": "partly met",
	})
	// ISO: of the 30 controls touched, A.5.12 moves from met to context
	// only. The same answers once read 20 met.
	s := assess.SummarizeCoverage(assess.ISO27001, assess.Coverage(q, room, cat, assess.ISO27001))
	if s.Context != 1 || s.Touched != s.Met+s.Partial+s.Gap+s.Unanswered+s.NA+s.Context {
		t.Errorf("room booking ISO summary %+v, want 1 context only and every control counted once", s)
	}

	// Only the first question answered: nothing is met or partly met.
	first := assess.Score(q, assess.Answers{"data-sensitivity": {QuestionID: "data-sensitivity", Value: biChoice("special")}}, assessedOn)
	check("only data-sensitivity answered", first, map[string]string{
		"A.5.12": "context only", "ID.AM-05": "context only", "C1.1": "context only",
		"A.5.19": "not yet answered", "GV.SC-04": "not yet answered", "CC9.2": "not yet answered",
	})
	for id, st := range statuses(first) {
		if st == "met" || st == "partly met" {
			t.Errorf("only data-sensitivity answered: %s is %s", id, st)
		}
	}

	// Blank: the classifying question left unanswered is still to ask.
	blank := assess.Score(q, assess.Answers{}, assessedOn)
	check("blank", blank, map[string]string{"A.5.12": "not yet answered", "A.5.19": "not yet answered"})
}

// TestBuiltinContextOnlyControls: in every built-in, with every question
// answered at its best, a control shows "context only" exactly when every
// question behind it only gives context, never "met". The vendor screen's
// A.5.12, ID.AM-05 and C1.1 (behind data-sensitivity alone) are the only
// such controls: the other built-ins' context questions (what data, how
// many people, which sector) map to no control, and their rated risks
// are not context.
func TestBuiltinContextOnlyControls(t *testing.T) {
	var contextOnly []string
	for _, q := range biLibrary(t).All() {
		res := biEvaluate(q, biAnswers(t, q, false, nil)).Result
		biEachControl(q, res, func(f assess.Framework, c assess.ControlCoverage) {
			allContext := true
			for i := range c.Questions {
				allContext = allContext && c.Context[i]
			}
			if allContext != (c.Status == assess.CoverageContext) {
				t.Errorf("%s %s %s is %s, behind %s", q.ID, f, c.Control.ID, c.Status, biStatuses(c.Questions, nil))
			}
			if allContext {
				contextOnly = append(contextOnly, q.ID+" "+c.Control.ID)
			}
		})
	}
	slices.Sort(contextOnly)
	got := strings.Join(contextOnly, ", ")
	want := "vendor-security-screen A.5.12, vendor-security-screen C1.1, vendor-security-screen ID.AM-05"
	if got != want {
		t.Errorf("context-only controls with the best answers:\n got %s\nwant %s", got, want)
	}
}

// vendorCaseResult scores a hand-rated vendor screen case file.
func vendorCaseResult(t *testing.T, q *assess.Questionnaire, file string) *assess.Result {
	t.Helper()
	return assess.Score(q, verdictAnswers(t, q, file), assess.NewDate(2026, 1, 10))
}
