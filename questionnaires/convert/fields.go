package convert

import (
	"slices"

	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// fields reads a mapping from another tool's file tolerantly: any key may
// be present, and the converter says which ones it did not use instead of
// refusing them, since those files gain fields with every release.
type fields struct {
	v    yamlx.Value
	vals map[string]yamlx.Value
	keys []string
}

// fieldsOf reads v as a mapping; anything else is a problem at v.
func fieldsOf(v yamlx.Value) fields {
	f := fields{v: v, vals: map[string]yamlx.Value{}}
	for _, e := range v.Entries() {
		f.vals[e.Key] = e.Value
		f.keys = append(f.keys, e.Key)
	}
	return f
}

// get returns a field's value; a missing one is absent but still reports
// problems at the mapping, with the field in its path.
func (f fields) get(key string) yamlx.Value {
	if v, ok := f.vals[key]; ok {
		return v
	}
	return f.v.Field(key)
}

func (f fields) has(key string) bool { return f.get(key).Exists() }

// str reads a scalar field as text ("" when absent); a list or mapping
// where text belongs is a problem.
func (f fields) str(key string) string {
	v := f.get(key)
	if !v.Exists() {
		return ""
	}
	return v.Str()
}

// list reads a list field; a scalar or mapping is a problem.
func (f fields) list(key string) []yamlx.Value {
	v := f.get(key)
	if !v.Exists() {
		return nil
	}
	return v.List()
}

// strList reads a field holding one scalar or a list of them.
func (f fields) strList(key string) []string { return f.get(key).StrList() }

// required reads a field that must be there, with a problem if it is not.
func (f fields) required(key, what string) yamlx.Value {
	v := f.get(key)
	if !v.Exists() && f.v.Doc() != nil {
		f.v.Problem("", "%s: %s is required", what, key)
	}
	return v
}

// unused lists the keys present that are not among used.
func (f fields) unused(used ...string) []string {
	var out []string
	for _, k := range f.keys {
		if !slices.Contains(used, k) {
			out = append(out, k)
		}
	}
	return out
}
