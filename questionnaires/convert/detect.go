package convert

import (
	"strings"

	"github.com/assay-dev/assay/questionnaires/internal/yamlx"
)

// The formats Convert reads, as people name them.
const (
	formatCISO  = "a CISO Assistant library"
	formatCAIQ  = "a CSA CAIQ v4 questionnaire"
	formatOSCAL = "an OSCAL catalog"
	formatNone  = "not a format assay converts"
	// An OSCAL document of another model than a catalog.
	formatOSCALOther = "an OSCAL document that is not a catalog"
)

// The OSCAL models other than the catalog, by their root key.
var oscalModels = []string{"profile", "component-definition", "system-security-plan", "assessment-plan", "assessment-results", "plan-of-action-and-milestones", "mapping-collection"}

// detect tells the format from the file's shape, not its name: a CISO
// Assistant library has objects (and an urn:intuitem: URN), an OSCAL
// catalog a catalog with metadata, and a CAIQ file questions whose IDs
// look like A&A-01.1 anywhere in it.
func detect(root yamlx.Value) string {
	if root.IsMap() {
		top := map[string]yamlx.Value{}
		for _, e := range root.Entries() {
			top[e.Key] = e.Value
		}
		if objects, ok := top["objects"]; ok && objects.IsMap() {
			return formatCISO
		}
		if urn, ok := top["urn"]; ok && urn.IsScalar() && strings.HasPrefix(urn.Str(), "urn:intuitem:") {
			return formatCISO
		}
		if cat, ok := top["catalog"]; ok && cat.IsMap() {
			return formatOSCAL
		}
		for _, model := range oscalModels {
			if v, ok := top[model]; ok && v.IsMap() {
				return formatOSCALOther
			}
		}
	}
	if looksLikeCAIQ(root) {
		return formatCAIQ
	}
	return formatNone
}
