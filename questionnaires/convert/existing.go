package convert

import "github.com/assay-dev/assay/questionnaires/internal/yamlx"

// Held says what an assay file holds, from its top-level keys: a catalog
// (catalog:), a questionnaire or an extension of one (id: beside sections:
// or extends:), with its ID; kind is "" for any other file (notes, a
// vendor's answers file, a file that is not YAML). assay convert and
// assay send write YAML, the format of the files a person writes by hand,
// and look at the file already where they write before they replace it.
func Held(src []byte) (kind, id string) {
	doc, root := yamlx.Parse("", src)
	if len(doc.Problems) > 0 || !root.IsMap() {
		return "", ""
	}
	if v := root.Field("catalog"); v.IsScalar() {
		return "catalog", v.Str()
	}
	v := root.Field("id")
	if v.IsScalar() && (root.Field("sections").Exists() || root.Field("extends").Exists()) {
		return "questionnaire", v.Str()
	}
	return "", ""
}
