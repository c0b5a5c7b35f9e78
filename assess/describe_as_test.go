package assess

import "testing"

// A message about an answer (a conflict, a change not saved) says the
// options chosen as the person chose them, by their labels: "partial"
// is the questionnaire's word, "Partly" the analyst's.
func TestDescribeAsSaysTheOptionsByTheirLabels(t *testing.T) {
	control := &Question{ID: "mfa", Type: TypeControl, Options: []*Option{
		{Value: "yes", Label: "Yes"}, {Value: "partial", Label: "Partly"}, {Value: "no", Label: "No"}, {Value: "na", Label: "N/A"},
	}}
	// Two options a careless questionnaire gave one label: the label alone
	// would not say which was chosen.
	multi := &Question{ID: "attestations", Type: TypeMulti, Options: []*Option{
		{Value: "iso27001", Label: "ISO/IEC 27001, current"}, {Value: "soc2-type1", Label: "SOC 2"}, {Value: "soc2-type2", Label: "SOC 2"},
	}}
	for _, c := range []struct {
		name string
		q    *Question
		a    Answer
		want string
	}{
		{"a label", control, Answer{Value: Value{Choices: []string{"partial"}}, Note: "contractors excluded"}, `Partly (note "contractors excluded")`},
		{"labels holding commas, with evidence", multi, Answer{Value: Value{Choices: []string{"iso27001", "soc2-type1"}}, Evidence: []string{"cert.pdf"}},
			`ISO/IEC 27001, current; SOC 2 (soc2-type1) (evidence "cert.pdf")`},
		{"a value no longer an option", control, Answer{Value: Value{Choices: []string{"maybe"}}}, "maybe"},
		{"no question known", nil, Answer{Value: Value{Choices: []string{"partial", "no"}}}, "partial, no"},
		{"no choice", control, Answer{Note: "asked on the call"}, `unanswered (note "asked on the call")`},
	} {
		if got := c.a.DescribeAs(c.q); got != c.want {
			t.Errorf("%s: got %s, want %s", c.name, got, c.want)
		}
	}
}
