package questionnaires

import (
	"embed"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/assay-dev/assay/assess"
)

//go:generate go run ./internal/gencatalog ../../shared/reference

//go:embed catalogs/iso27001.json catalogs/nist-csf.json catalogs/soc2.json
var catalogFS embed.FS

var (
	catalogOnce sync.Once
	catalog     *assess.Catalog
	catalogErr  error
)

// Catalog returns the embedded control catalogs of ISO/IEC 27001:2022
// Annex A (93), NIST CSF 2.0 (106 subcategories) and SOC 2 (61 criteria).
func Catalog() *assess.Catalog {
	catalogOnce.Do(func() { catalog, catalogErr = loadCatalog() })
	if catalogErr != nil {
		// The catalogs are compiled in; a broken one is a build defect.
		panic(catalogErr)
	}
	return catalog
}

func loadCatalog() (*assess.Catalog, error) {
	var all []assess.Control
	for _, name := range []string{"iso27001", "nist-csf", "soc2"} {
		b, err := catalogFS.ReadFile("catalogs/" + name + ".json")
		if err != nil {
			return nil, err
		}
		var f struct {
			Controls []assess.Control `json:"controls"`
		}
		if err := json.Unmarshal(b, &f); err != nil {
			return nil, fmt.Errorf("catalog %s: %w", name, err)
		}
		all = append(all, f.Controls...)
	}
	return assess.NewCatalog(all)
}
