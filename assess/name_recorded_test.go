package assess

import (
	"strings"
	"testing"
)

// A name recorded by an older assay with an invisible character stands
// where it is carried over unchanged; one given anew, or a change of it,
// is refused as CleanName refuses it. Controls and escapes never stand.
func TestKeepNameKeepsOnlyTheRecordedName(t *testing.T) {
	const recorded = "Ac\u200bme"
	for _, tc := range []struct {
		given, recorded, want, fails string
	}{
		{given: recorded, recorded: recorded, want: recorded},
		{given: " " + recorded + " ", recorded: recorded, want: recorded},
		{given: "Acme", recorded: recorded, want: "Acme"},
		{given: recorded + " Ltd", recorded: recorded, fails: "invisible character (U+200B) at character 3"},
		{given: recorded, recorded: "", fails: "invisible character (U+200B) at character 3"},
		{given: "Ac\x1b[2Jme", recorded: "Ac\x1b[2Jme", fails: "a name is one line of plain text"},
	} {
		got, err := KeepName("owner", tc.given, tc.recorded)
		switch {
		case tc.fails != "" && (err == nil || !strings.Contains(err.Error(), tc.fails)):
			t.Errorf("KeepName(%q, recorded %q) = %q, %v; want an error saying %q", tc.given, tc.recorded, got, err, tc.fails)
		case tc.fails == "" && (err != nil || got != tc.want):
			t.Errorf("KeepName(%q, recorded %q) = %q, %v; want %q", tc.given, tc.recorded, got, err, tc.want)
		}
	}
}

// Editing a subject's tier keeps its recorded name, owner and contacts;
// renaming it to a name that keeps the character is refused.
func TestSubjectChangeKeepsRecordedNames(t *testing.T) {
	cur := Subject{Name: "Ac\u200bme", Owner: "Procure\u00adment", Contacts: []string{"sec\u2060urity@acme.example"}}
	tier := "high"
	s, err := ApplySubjectChange(cur, SubjectChange{SetTier: &tier})
	if err != nil || s.Name != cur.Name || s.Owner != cur.Owner || s.Contacts[0] != cur.Contacts[0] {
		t.Fatalf("tier change: %+v, %v", s, err)
	}
	name := "Ac\u200bme Ltd"
	if _, err := ApplySubjectChange(cur, SubjectChange{Name: &name}); err == nil || !strings.Contains(err.Error(), "U+200B") {
		t.Errorf("a rename keeping the zero-width space: %v", err)
	}
	if err := (&Subject{Name: cur.Name}).Validate(); err == nil {
		t.Error("a new subject with the zero-width space was accepted")
	}
}
