package export

import (
	"encoding/json"
	"time"

	"github.com/assay-dev/assay/assess"
)

// StepBeforeAcceptance is a submission, approval or rejection in a file's
// trail dated before a risk acceptance it signs was recorded, on every
// calendar: assay refuses to record such a step (store.Review, since
// 2026-12-06), and an older assay let it be dated so.
type StepBeforeAcceptance struct {
	Step assess.SignOff
	// Item is the plan item whose acceptance the step signs, and
	// AcceptedOn the earliest day its record was written anywhere.
	Item       string
	AcceptedOn assess.Date
}

// westmost is the calendar on which a moment is earliest: a day there
// has begun everywhere else. A step dated before the day an acceptance
// was recorded there was dated before it wherever it was signed; the
// signer's own calendar is not in the file, and a step a colleague ahead
// of the reader signed on their today may read as before the acceptance
// on the reader's.
var westmost = time.FixedZone("UTC-12", -12*60*60)

// eastmost is the calendar on which a moment is latest.
var eastmost = time.FixedZone("UTC+14", 14*60*60)

// StepsBeforeAcceptance replays f's trail and finds each submission,
// approval or rejection dated before a risk acceptance it signed: an item
// whose latest status record before the step accepted its risk, still
// unexpired on the step's record's day, and whose risk is accepted in the
// file's plan (accepted: the keys of the plan's accepted items as the
// assessment now evaluates). Days are the westmost calendar's, so a file
// the current assay wrote is never listed, wherever it was signed or is
// read. A revision's copies of the plan it revises were not accepted by
// its records, and are not counted. The file has been checked (its trail
// whole, its records proven) before this is asked.
func (f *File) StepsBeforeAcceptance(accepted map[string]bool) []StepBeforeAcceptance {
	copies := revisionCopyRecords(f.Events)
	edits := map[string]assess.PlanEdit{}
	stamps := map[string]map[assess.PlanField]assess.FieldStamp{}
	var found []StepBeforeAcceptance
	for i, e := range f.Events {
		at, err := time.Parse(time.RFC3339Nano, e.At)
		if err != nil {
			continue
		}
		switch e.Kind {
		case "plan":
			var old, now assess.PlanEdit
			if e.Old != "" && json.Unmarshal([]byte(e.Old), &old) != nil || json.Unmarshal([]byte(e.New), &now) != nil {
				continue
			}
			edits[e.Target] = now
			if stamps[e.Target] == nil {
				stamps[e.Target] = map[assess.PlanField]assess.FieldStamp{}
			}
			if int64(i) >= copies {
				assess.Stamp(stamps[e.Target], old, now, assess.FieldStamp{By: e.Actor, At: at})
			}
		case "signoff":
			var s assess.SignOff
			if json.Unmarshal([]byte(e.New), &s) != nil || s.Role == assess.RoleDPO {
				continue
			}
			if s.Decision != "submitted" && s.Decision != "approved" && s.Decision != "rejected" {
				continue
			}
			signedOn := assess.DateOf(at.In(eastmost))
			key, on, ok := assess.NewestAcceptance(acceptedBefore(edits, stamps, accepted, signedOn))
			if ok && s.On.Before(on) {
				found = append(found, StepBeforeAcceptance{Step: s, Item: key, AcceptedOn: on})
			}
		}
	}
	return found
}

// acceptedBefore is, of the items accepted now whose edit accepts the
// risk, unexpired on signedOn, the westmost day their status was last
// recorded.
func acceptedBefore(edits map[string]assess.PlanEdit, stamps map[string]map[assess.PlanField]assess.FieldStamp, accepted map[string]bool, signedOn assess.Date) map[string]assess.Date {
	days := map[string]assess.Date{}
	for key, e := range edits {
		st, ok := stamps[key][assess.FieldStatus]
		if !accepted[key] || e.Status != assess.ItemAccepted || e.Acceptance == nil || !ok || e.Acceptance.Expires.Before(signedOn) {
			continue
		}
		days[key] = assess.DateOf(st.At.In(westmost))
	}
	return days
}

// revisionCopyRecords is how many records at the start of a revision's
// trail are its creation and its copies of the assessment it revises
// (0 for an assessment that is no revision).
func revisionCopyRecords(events []Event) int64 {
	if len(events) == 0 || events[0].Kind != "revise" {
		return 0
	}
	var counts struct {
		Answers   int64 `json:"answers_copied"`
		PlanEdits int64 `json:"plan_edits_copied"`
	}
	if json.Unmarshal([]byte(events[0].New), &counts) != nil {
		return 0
	}
	return 1 + counts.Answers + counts.PlanEdits
}
