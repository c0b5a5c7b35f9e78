package convert

import (
	"errors"
	"strings"
	"testing"
)

// Every question of the file is in the conversion, or the file is refused
// saying which is not. A row whose question ID is not a CAIQ ID as the
// reader knows it (lower case, a spreadsheet's text mark ', a full-width
// letter, a three-digit number, spaces around &) was left out without a
// word: six questions of fifteen came out, and the report said everything
// was carried over. Each is now refused at its ID, and nothing is written.
func TestCAIQRowWithAnUnreadableQuestionIDIsNotDroppedUnsaid(t *testing.T) {
	row := func(id, text string) string {
		return `{"Question ID": "` + id + `", "Question": "` + text + `", "CCM Control ID": "A&A-01", "CCM Domain Title": "Audit"}`
	}
	for _, c := range []struct{ id, line string }{
		{"a&a-01.2", "3"},
		{"'A&A-01.2", "3"},
		{"Ａ&Ａ-01.2", "3"},
		{"A&A-100.1", "3"},
		{"A&A-01.100", "3"},
		{"A & A-01.2", "3"},
		{"A&A-01.2a", "3"},
	} {
		src := "{\"rows\": [\n" + row("A&A-01.1", "Is it written down?") + ",\n" + row(c.id, "Is it reviewed?") + "\n]}\n"
		res, err := Convert("caiq.json", []byte(src), "caiq.yaml", Options{})
		var problems Problems
		if !errors.As(err, &problems) || res != nil {
			t.Errorf("%q: converted (%v); want the row refused", c.id, err)
			continue
		}
		want := "caiq.json:" + c.line + ":17: rows[1].Question ID: \"" + c.id + "\" is not a CAIQ question ID"
		if got := problems.Error(); !strings.Contains(got, want) {
			t.Errorf("%q: %s\nwant %s", c.id, got, want)
		}
	}
	// Nested files give controls and domains IDs under "id" too: those
	// are not questions, and the file converts.
	nested := `{"domains": [{"id": "A&A", "title": "Audit", "controls": [{"id": "A&A-01", "title": "Policy",
  "questions": [{"id": "A&A-01.1", "text": "Is it written down?"}]}]}]}`
	if _, err := Convert("nested.json", []byte(nested), "caiq.yaml", Options{}); err != nil {
		t.Errorf("a nested file: %v", err)
	}
}
