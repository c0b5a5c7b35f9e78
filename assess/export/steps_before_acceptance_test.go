package export

import (
	"encoding/json"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// trailOf is a file whose trail is records, numbered from 1; nothing
// else of it is read by StepsBeforeAcceptance.
func trailOf(records ...Event) *File {
	for i := range records {
		records[i].Seq = int64(i + 1)
	}
	return &File{Events: records}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Worked out by hand. mfa's risk is accepted at 2026-03-05T10:00Z: on
// the westmost calendar (UTC-12) that is 2026-03-04 22:00, so no signer
// anywhere had a today before 2026-03-04 then; in UTC it is already
// 2026-03-05. A submission dated 2026-03-04 (a signer at UTC-12 signing
// on their today, which assay records) is not listed, though UTC reads
// it as a day before the acceptance; one dated 2026-03-03 is, with
// 2026-03-04. An approval dated 2026-03-04 after a second acceptance at
// 2026-03-09T12:00Z (2026-03-09 00:00 at UTC-12) is listed with
// 2026-03-09; the submission before that acceptance is held to the
// first only. A DPO opinion and a withdrawal sign no plan. An acceptance
// the plan no longer holds as accepted is not counted.
func TestStepsBeforeAcceptanceReadTheWestmostCalendar(t *testing.T) {
	accept := func(at string, old string) Event {
		e := assess.PlanEdit{Key: "mfa", Status: assess.ItemAccepted,
			Acceptance: &assess.Acceptance{Approver: "CISO", Reason: "Keys on order", Expires: assess.NewDate(2027, 1, 31)}}
		if old != "" {
			e.Acceptance.Reason = "Keys arrive in May"
		}
		return Event{At: at, Actor: "Ana", Kind: "plan", Target: "mfa", Old: old, New: mustJSON(t, e)}
	}
	step := func(at, role, decision string, on assess.Date) Event {
		s := assess.SignOff{Role: role, Name: "Ana", On: on, Decision: decision}
		return Event{At: at, Actor: "Ana", Kind: "signoff", Target: role, New: mustJSON(t, s)}
	}
	first := accept("2026-03-05T10:00:00Z", "")
	f := trailOf(
		Event{At: "2026-03-01T09:00:00Z", Kind: "create", New: `{}`},
		first,
		step("2026-03-05T11:00:00Z", assess.RoleAuthor, "submitted", assess.NewDate(2026, 3, 4)),
		step("2026-03-05T11:30:00Z", assess.RoleAuthor, "withdrawn", assess.NewDate(2026, 3, 1)),
		step("2026-03-05T11:40:00Z", assess.RoleDPO, "favourable", assess.NewDate(2026, 3, 1)),
		step("2026-03-05T12:00:00Z", assess.RoleAuthor, "submitted", assess.NewDate(2026, 3, 3)),
		accept("2026-03-09T12:00:00Z", first.New),
		step("2026-03-10T12:00:00Z", assess.RoleReviewer, "approved", assess.NewDate(2026, 3, 4)),
	)
	got := f.StepsBeforeAcceptance(map[string]bool{"mfa": true})
	want := []struct {
		decision   string
		on, accOn  assess.Date
		itemListed string
	}{
		{"submitted", assess.NewDate(2026, 3, 3), assess.NewDate(2026, 3, 4), "mfa"},
		{"approved", assess.NewDate(2026, 3, 4), assess.NewDate(2026, 3, 9), "mfa"},
	}
	if len(got) != len(want) {
		t.Fatalf("listed %+v, want %d steps", got, len(want))
	}
	for i, w := range want {
		if g := got[i]; g.Step.Decision != w.decision || g.Step.On != w.on || g.AcceptedOn != w.accOn || g.Item != w.itemListed {
			t.Errorf("step %d: %s dated %s before %s's acceptance of %s, want %s dated %s before mfa's of %s",
				i, g.Step.Decision, g.Step.On, g.Item, g.AcceptedOn, w.decision, w.on, w.accOn)
		}
	}
	if got := f.StepsBeforeAcceptance(map[string]bool{}); len(got) != 0 {
		t.Errorf("with mfa no longer accepted in the plan, listed %+v", got)
	}
}
