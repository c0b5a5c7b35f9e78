//go:build assay_stop_hooks && linux

package store

import "github.com/assay-dev/assay/internal/stophook"

// A binary built for the kill tests stops inside a sign-off's transaction
// when ASSAY_TEST_STOP_AT=signoff-inserted (cmd/assay/stop_binary_test.go).
func init() {
	signOffInserted = func() { stophook.At("signoff-inserted") }
}
