package questionnaires

import "testing"

// The schema editors check against says what the loader does: concerns
// on a risk question, with catalog IDs (an empty mapping names none),
// and on no other type.
func TestSchemaKnowsConcerns(t *testing.T) {
	sch := compileSchema(t)
	const base = "id: t\nversion: \"1\"\ntitle: T\nkind: privacy\n"
	for name, src := range map[string]string{
		"concerns on a risk question": base + "sections: [{id: s, title: S, questions: [{id: q, type: risk, text: Q, action: A, controls: {nist-csf: ID.RA-04}, concerns: {iso27001: [A.5.15], soc2: CC6.1}}]}]\n",
		"empty concerns":              base + "sections: [{id: s, title: S, questions: [{id: q, type: risk, text: Q, action: A, concerns: {}}]}]\n",
	} {
		if err := validateYAML(sch, []byte(src)); err != nil {
			t.Errorf("the schema refuses %s: %v", name, err)
		}
	}
	for name, src := range map[string]string{
		"concerns on a control question": base + "sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q, concerns: {iso27001: [A.5.15]}}]}]\n",
		"an unknown control in concerns": base + "sections: [{id: s, title: S, questions: [{id: q, type: risk, text: Q, concerns: {iso27001: [A.5.155]}}]}]\n",
	} {
		if err := validateYAML(sch, []byte(src)); err == nil {
			t.Errorf("%s passes the schema", name)
		}
	}
}
