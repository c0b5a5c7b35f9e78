package store

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// An assessment holding vendor answers nobody confirmed cannot be
// submitted or approved unless the reviewer accepts them as they are; the
// refusal changes nothing, and an acceptance is in the audit trail, with
// the count and the questions, just before the signature it goes with.
func TestUnconfirmedVendorAnswersNeedAcceptance(t *testing.T) {
	contract(t, contractUnconfirmedVendorAnswersNeedAcceptance)
}

func contractUnconfirmedVendorAnswersNeedAcceptance(t *testing.T) {
	db, q := testDB(t)
	fixedClock(db, signingDay)
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers())
	var vendor []assess.Answer
	for _, id := range []string{"mfa", "encryption", "breach-notice"} {
		ans := choice(id, "yes")
		ans.Source = assess.ByVendor
		vendor = append(vendor, ans)
	}
	if err := db.SaveAnswers(as("Vendor file"), a.ID, vendor); err != nil {
		t.Fatal(err)
	}
	confirmed := vendor[1]
	confirmed.Reviewed = true // as y in the interview confirms it
	if err := db.SaveAnswer(as("Ana Analyst"), a.ID, confirmed); err != nil {
		t.Fatal(err)
	}
	trailLen := func() int {
		t.Helper()
		evs, err := db.Events(as("x"), a.ID)
		if err != nil {
			t.Fatal(err)
		}
		return len(evs)
	}

	before := trailLen()
	_, err := db.Review(as("Ana Analyst"), a.ID, assess.ActSubmit, day("2026-03-02"), "")
	wantCode(t, err, assess.EConflict, "2 of its answers are the vendor's and nobody has confirmed them (mfa, breach-notice)")
	if got, _ := db.Assessment(as("x"), a.ID); got.Status != assess.Draft || trailLen() != before {
		t.Fatalf("a refused submit changed the assessment: %s, %d records (was %d)", got.Status, trailLen(), before)
	}
	if _, err := db.Review(as("Ana Analyst"), a.ID, assess.ActSubmit, day("2026-03-02"), "", assess.AcceptUnconfirmed); err != nil {
		t.Fatal(err)
	}
	_, err = db.Review(as("Rui Reviewer"), a.ID, assess.ActApprove, day("2026-03-03"), "")
	wantCode(t, err, assess.EConflict, "cannot approve assessment 1: 2 of its answers are the vendor's")
	// Sending it back needs no acceptance.
	if _, err := db.Review(as("Rui Reviewer"), a.ID, assess.ActWithdraw, day("2026-03-03"), ""); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Review(as("Ana Analyst"), a.ID, assess.ActSubmit, day("2026-03-03"), "", assess.AcceptUnconfirmed); err != nil {
		t.Fatal(err)
	}
	got, err := db.Review(as("Rui Reviewer"), a.ID, assess.ActApprove, day("2026-03-04"), "On the vendor's word", assess.AcceptUnconfirmed)
	if err != nil || got.Status != assess.Approved {
		t.Fatalf("approve accepting them: %v", err)
	}

	evs, err := db.Events(as("x"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	var accepts []string
	for i, e := range evs {
		if e.Kind != "accept" {
			continue
		}
		var rec struct {
			Action    string   `json:"action"`
			Count     int      `json:"count"`
			Questions []string `json:"questions"`
		}
		if err := json.Unmarshal([]byte(e.New), &rec); err != nil {
			t.Fatal(err)
		}
		if e.Target != "unconfirmed-vendor-answers" || rec.Count != 2 || !slices.Equal(rec.Questions, []string{"mfa", "breach-notice"}) {
			t.Errorf("acceptance record %d: %s %s", e.Seq, e.Target, e.New)
		}
		if i+1 >= len(evs) || evs[i+1].Kind != "signoff" {
			t.Errorf("acceptance record %d is not followed by the signature it goes with", e.Seq)
		}
		accepts = append(accepts, rec.Action+" by "+e.Actor)
	}
	if want := []string{"submit by Ana Analyst", "submit by Ana Analyst", "approve by Rui Reviewer"}; !slices.Equal(accepts, want) {
		t.Errorf("acceptances in the trail: %q, want %q", accepts, want)
	}
	if res, err := db.Verify(as("x"), a.ID); err != nil || res.Broken != nil {
		t.Errorf("verify: %v %v", res.Broken, err)
	}
}
