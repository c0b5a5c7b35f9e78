package assess

import "encoding/json"

// SameAs reports whether two edits record the same change: compared as
// they are recorded (their JSON), but for the key, which a missing edit
// (the zero PlanEdit) lacks.
func (e PlanEdit) SameAs(o PlanEdit) bool {
	e.Key, o.Key = "", ""
	x, _ := json.Marshal(e)
	y, _ := json.Marshal(o)
	return string(x) == string(y)
}
