package questionnaires_test

import (
	"testing"

	"github.com/assay-dev/assay/assess"
)

// TestVendorOwnUseFloors: a due diligence whose contract leaves the vendor
// free to use our data for its own purposes, to train its own models on
// it, or to sell or combine it, is at least high (escalate; onboard once
// the clause is in), however sound the vendor's controls; a clause that
// is only partly there is a finding, not a knock-out. With every other
// answer at its best the tier is low × low = low and the control gaps
// are a few points of 200-odd (low), so the residual is low but for the
// knock-out: purpose-limitation weighs 2 (a "no" 4 points, "partly" 2),
// the other two 1 (2 and 1).
func TestVendorOwnUseFloors(t *testing.T) {
	checkFloors(t, "third-party-due-diligence", "gaps", "residual", []floorCase{
		{"every clause in", nil, "0", "low", "", "low"},
		{"use not limited to our service", map[string]assess.Value{"purpose-limitation": biChoice("no")}, "4", "high", "purpose-limitation", "high"},
		{"use partly limited", map[string]assess.Value{"purpose-limitation": biChoice("partial")}, "2", "low", "", "low"},
		{"training not forbidden", map[string]assess.Value{"no-model-training": biChoice("no")}, "2", "high", "no-model-training", "high"},
		{"training partly forbidden", map[string]assess.Value{"no-model-training": biChoice("partial")}, "1", "low", "", "low"},
		{"sale not forbidden", map[string]assess.Value{"no-sale": biChoice("no")}, "2", "high", "no-sale", "high"},
		{"sale partly forbidden", map[string]assess.Value{"no-sale": biChoice("partial")}, "1", "low", "", "low"},
	})
}
