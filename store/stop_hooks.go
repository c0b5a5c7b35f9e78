//go:build assay_stop_hooks && linux

package store

import "github.com/assay-dev/assay/internal/stophook"

// A binary built for the kill and race tests stops inside a sign-off's
// transaction when ASSAY_TEST_STOP_AT=signoff-inserted, and before a
// change to an assessment or an import begins its transaction when it is
// write-begins (cmd/assay/stop_binary_linux_test.go).
func init() {
	signOffInserted = func() { stophook.At("signoff-inserted") }
	writeBegins = func() { stophook.At("write-begins") }
}
