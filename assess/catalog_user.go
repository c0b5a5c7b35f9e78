package assess

import (
	"fmt"
	"slices"
)

// A user catalog adds a framework of its own (an OSCAL catalog converted
// with assay convert, such as NIST SP 800-53) beside the three assay
// ships; questionnaires map to it under its ID like any other.

// WithFramework returns a copy of c that also holds framework fw, titled
// title, with the given controls. fw must not be a framework c holds.
func (c *Catalog) WithFramework(fw Framework, title string, controls []Control) (*Catalog, error) {
	if _, held := c.byFramework[fw]; held || slices.Contains(Frameworks, fw) {
		return nil, fmt.Errorf("framework %q is already in the catalog", fw)
	}
	out := &Catalog{byFramework: map[Framework]map[string]*Control{}, order: map[Framework][]*Control{},
		titles: map[Framework]string{fw: title}, extra: append(slices.Clone(c.extra), fw), lenient: c.lenient}
	for f, m := range c.byFramework {
		out.byFramework[f] = m
		out.order[f] = c.order[f]
	}
	for f, t := range c.titles {
		out.titles[f] = t
	}
	m := map[string]*Control{}
	for i := range controls {
		ctl := controls[i]
		ctl.Framework = fw
		if _, dup := m[ctl.ID]; dup {
			return nil, fmt.Errorf("catalog %s lists %s twice", fw, ctl.ID)
		}
		m[ctl.ID] = &ctl
		out.order[fw] = append(out.order[fw], &ctl)
	}
	out.byFramework[fw] = m
	return out, nil
}

// Lenient returns a copy of c that accepts any control of a framework it
// does not hold. Stored questionnaire snapshots are read with it: they
// were checked against the user's catalogs when stored, and an assessment
// must still open after a catalog is removed.
func (c *Catalog) Lenient() *Catalog {
	out := *c
	out.lenient = true
	return &out
}

// Frameworks lists the frameworks c holds: assay's three, then the user's
// in the order they were added.
func (c *Catalog) Frameworks() []Framework {
	return append(slices.Clone(Frameworks), c.extra...)
}

// Holds reports whether c has a catalog for fw.
func (c *Catalog) Holds(fw Framework) bool {
	_, ok := c.byFramework[fw]
	return ok || slices.Contains(Frameworks, fw)
}

// Accepts reports whether a questionnaire may map to control id of fw:
// the control is in the catalog, or c is lenient and does not hold fw.
func (c *Catalog) Accepts(fw Framework, id string) bool {
	if _, ok := c.Lookup(fw, id); ok {
		return true
	}
	return c.lenient && !c.Holds(fw)
}

// AcceptsAnyFramework reports whether c is lenient (see Lenient).
func (c *Catalog) AcceptsAnyFramework() bool { return c.lenient }

// Title is a framework's name as a committee reads it: assay's own, or a
// user catalog's title.
func (c *Catalog) Title(fw Framework) string {
	if t, ok := c.titles[fw]; ok && t != "" {
		return t
	}
	return fw.Title()
}
