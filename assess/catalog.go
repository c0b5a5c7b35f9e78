package assess

import (
	"fmt"
	"slices"
	"sort"
)

// Framework names a control catalog a question can map to.
type Framework string

// The three frameworks assay maps to.
const (
	ISO27001 Framework = "iso27001"
	NISTCSF  Framework = "nist-csf"
	SOC2     Framework = "soc2"
)

// Frameworks lists the frameworks in the order reports show them.
var Frameworks = []Framework{ISO27001, NISTCSF, SOC2}

// Title is the framework's name as a committee reads it.
func (f Framework) Title() string {
	switch f {
	case ISO27001:
		return "ISO/IEC 27001:2022"
	case NISTCSF:
		return "NIST CSF 2.0"
	case SOC2:
		return "SOC 2"
	}
	return string(f)
}

// ParseFramework reads a framework id as used in files and on the command line.
func ParseFramework(s string) (Framework, error) {
	for _, f := range Frameworks {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown framework %q (use iso27001, nist-csf or soc2)", s)
}

// Control is one entry of a catalog. Name is ISO's short control name, our
// own short description for SOC 2, or NIST's subcategory text.
type Control struct {
	Framework Framework `json:"framework"`
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Group     string    `json:"group"` // theme, function or series heading
}

// Catalog holds the controls of every framework.
type Catalog struct {
	byFramework map[Framework]map[string]*Control
	order       map[Framework][]*Control
	// User catalogs (catalog_user.go): their titles, their frameworks in
	// order, and whether unknown frameworks are accepted (snapshots).
	titles  map[Framework]string
	extra   []Framework
	lenient bool
}

// NewCatalog indexes controls; duplicate IDs within a framework are an error.
func NewCatalog(controls []Control) (*Catalog, error) {
	c := &Catalog{byFramework: map[Framework]map[string]*Control{}, order: map[Framework][]*Control{}}
	for i := range controls {
		ctl := &controls[i]
		m := c.byFramework[ctl.Framework]
		if m == nil {
			m = map[string]*Control{}
			c.byFramework[ctl.Framework] = m
		}
		if _, dup := m[ctl.ID]; dup {
			return nil, fmt.Errorf("catalog %s lists %s twice", ctl.Framework, ctl.ID)
		}
		m[ctl.ID] = ctl
		c.order[ctl.Framework] = append(c.order[ctl.Framework], ctl)
	}
	return c, nil
}

// Lookup finds a control by framework and ID.
func (c *Catalog) Lookup(f Framework, id string) (*Control, bool) {
	ctl, ok := c.byFramework[f][id]
	return ctl, ok
}

// Controls lists a framework's controls in catalog order.
func (c *Catalog) Controls(f Framework) []*Control { return c.order[f] }

// Controls maps a question to control IDs in each framework.
type Controls map[Framework][]string

// IDs returns the framework's IDs (nil if none).
func (cs Controls) IDs(f Framework) []string { return cs[f] }

// Merge returns the union of cs and other, each framework's IDs sorted.
func (cs Controls) Merge(other Controls) Controls {
	out := Controls{}
	both := Controls{}
	for f, ids := range cs {
		both[f] = ids
	}
	for f, ids := range other {
		both[f] = append(slices.Clone(both[f]), ids...)
	}
	for _, f := range both.Frameworks() {
		seen := map[string]bool{}
		for _, id := range append(append([]string{}, cs[f]...), other[f]...) {
			if !seen[id] {
				seen[id] = true
				out[f] = append(out[f], id)
			}
		}
		sort.Slice(out[f], func(i, j int) bool { return LessControlID(out[f][i], out[f][j]) })
	}
	return out
}

// Empty reports whether no framework has an ID.
func (cs Controls) Empty() bool {
	for _, ids := range cs {
		if len(ids) > 0 {
			return false
		}
	}
	return true
}
