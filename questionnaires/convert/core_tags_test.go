package convert

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"
)

// A CISO Assistant library or CAIQ file written by a tool that tags every
// value with YAML's core tags (ref_id: !!str 1.1, depth: !!int 2) was
// refused at its first tag, as the loader refused it. Convert reads
// through the loader's YAML reader, so it reads a core tag as it says:
// the tagged file converts to the very questionnaire the plain file does.
// A tag with no meaning in assay is refused at its line and field, in
// the words assay lint uses.
func TestConvertReadsCoreTagsAsTheLoaderDoes(t *testing.T) {
	plainScalar := regexp.MustCompile(`^(\s*(?:- )?[A-Za-z_]+: )([^\s"'{\[|>&*!#].*)$`)
	for _, path := range []string{"testdata/invented/ciso-features.yaml", "testdata/invented/caiq-nested.yaml"} {
		src := string(read(t, path))
		lines := strings.Split(src, "\n")
		tags := 0
		for i, l := range lines {
			m := plainScalar.FindStringSubmatch(l)
			if m == nil || regexp.MustCompile(`^\d{4}-\d\d-\d\d$`).MatchString(m[2]) {
				continue // a date is a timestamp to YAML; such tools write it untagged
			}
			tag := "!!str"
			switch {
			case regexp.MustCompile(`^-?\d+$`).MatchString(m[2]):
				tag = "!!int"
			case m[2] == "true" || m[2] == "false":
				tag = "!!bool"
			}
			lines[i] = m[1] + tag + " " + m[2]
			tags++
		}
		if tags < 10 {
			t.Fatalf("%s: only %d values tagged", path, tags)
		}
		plain, err := Convert("in.yaml", []byte(src), "out.yaml", Options{Severity: "medium"})
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		tagged, err := Convert("in.yaml", []byte(strings.Join(lines, "\n")), "out.yaml", Options{Severity: "medium"})
		if err != nil {
			t.Errorf("%s tagged: %v", path, err)
			continue
		}
		if !bytes.Equal(tagged.YAML, plain.YAML) {
			t.Errorf("%s tagged converts to another file than the plain one:\n%s", path, tagged.YAML)
		}
	}

	ciso := string(read(t, "testdata/invented/ciso-features.yaml"))
	_, err := Convert("in.yaml", []byte(strings.Replace(ciso, "version: 4\n", "version: !!binary NA==\n", 1)), "out.yaml", Options{})
	var problems Problems
	if !errors.As(err, &problems) || len(problems) != 1 || problems[0].Line != 10 || problems[0].Field != "version" ||
		problems[0].Message != `the YAML tag "!!binary" is not used by assay` {
		t.Errorf("version: !!binary NA== converted as %v; want one problem at line 10, field version, saying the tag is not used by assay", err)
	}
}
