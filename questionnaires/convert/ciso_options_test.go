package convert

import (
	"strings"
	"testing"
)

// Two choices of one question whose texts differ only by case (or not at
// all) are two options to CISO Assistant, which tells them by URN; answer
// files give an option by its value or label in any case, so the converter
// wrote a questionnaire the loader refused, and blamed itself. Each gets
// its own label now, and the question says so.
func TestCISOChoicesOfTheSameText(t *testing.T) {
	src := strings.Replace(cisoLib, "            value: 'Yes'\n            add_score: 1\n",
		"            value: 'Yes'\n            add_score: 1\n"+
			"          - urn: urn:intuitem:risk:req_node:broken:a.1:question:1:choice:2\n            value: 'YES'\n            add_score: 2\n"+
			"          - urn: urn:intuitem:risk:req_node:broken:a.1:question:1:choice:3\n            value: 'Yes'\n            add_score: 3\n"+
			"          - urn: urn:intuitem:risk:req_node:broken:a.1:question:1:choice:4\n            value: 'yes-2'\n            add_score: 4\n", 1)
	res, err := Convert("lib.yaml", []byte(src), "out.yaml", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, line := range strings.Split(string(res.YAML), "\n") {
		if strings.Contains(line, "{value:") {
			got = append(got, strings.TrimSpace(line))
		}
	}
	want := []string{
		`- {value: "yes", label: "Yes", points: 1}`,
		`- {value: "yes-2", label: "YES (2)", points: 2}`,
		`- {value: "yes-3", label: "Yes (3)", points: 3}`,
		`- {value: "yes-2-2", label: "yes-2 (4)", points: 4}`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("options:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !hasNote(res, "a.1-q1", `choices "YES", "Yes", "yes-2" read as an earlier choice in answer files (which match in any case): labelled with their place among the choices`) {
		t.Errorf("notes: %v", notesOf(res, "a.1-q1"))
	}
}
