package convert

import (
	"errors"
	"strings"
	"testing"
)

// A user catalog now refuses a control ID that looks like an ASCII one it
// is not, and a name, group, title or version past its limit. OSCAL takes
// an ID of any script's letters (А-1 with a Cyrillic А is an OSCAL token)
// and keeps no limit on titles: each was written out and refused by
// assay's own check as "a defect of assay convert". Each is refused at the
// source's line, as the converted catalog's field it would have been.
func TestOSCALCatalogRefusedAtTheSourceForWhatTheCatalogLoaderRefuses(t *testing.T) {
	long := func(n int) string { return strings.Repeat("t", n) }
	for _, tc := range []struct {
		name, metadata, controls, group string
		line                            int
		want                            string
	}{
		{"a Cyrillic letter in an ID", `"title": "Mine"`, `{"id": "А-1", "title": "Look-alike"}`, "", 3, `as the converted catalog's controls[А-1].id: id "А-1" holds 'А' (U+0410) at character 1, a Cyrillic letter that looks like the Latin A`},
		{"a title of 400 characters", `"title": "Mine"`, `{"id": "ac-1", "title": "` + long(400) + `"}`, "", 3, "as the converted catalog's controls[ac-1].name: name is 400 characters long; a control's name is at most 300"},
		{"a group of 200 characters", `"title": "Mine"`, `{"id": "ac-1", "title": "T"}`, long(200), 3, "group is 200 characters long; a control's group is at most 120"},
		{"a catalog title of 300 characters", `"title": "` + long(300) + `"`, `{"id": "ac-1", "title": "T"}`, "", 1, "as the converted catalog's title: title is 300 characters long; a catalog's title is at most 200"},
		{"a version of 65 characters", `"title": "Mine", "version": "` + long(65) + `"`, `{"id": "ac-1", "title": "T"}`, "", 1, "as the converted catalog's version: version is 65 characters long; a version is at most 64"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			controls := `"controls": [` + "\n" + tc.controls + "\n]"
			if tc.group != "" {
				controls = `"groups": [{"title": "` + tc.group + `", ` + controls + `}]`
			}
			src := `{"catalog": {"uuid": "u", "metadata": {` + tc.metadata + `},` + "\n" + controls + "}}\n"
			res, err := Convert("mine.json", []byte(src), "mine.yaml", Options{})
			var problems Problems
			if res != nil || !errors.As(err, &problems) || len(problems) != 1 || problems[0].File != "mine.json" || problems[0].Line != tc.line || !strings.Contains(problems[0].Message, tc.want) {
				t.Errorf("got %v\nwant one problem at mine.json:%d saying %q", err, tc.line, tc.want)
			}
		})
	}
}
