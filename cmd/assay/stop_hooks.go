//go:build assay_stop_hooks && linux

package main

import "github.com/assay-dev/assay/internal/stophook"

// A binary built for the kill tests stops with a file written whole under
// its temporary name, before the rename, when
// ASSAY_TEST_STOP_AT=temp-written (stop_binary_linux_test.go).
func init() {
	tempWritten = func(string) { stophook.At("temp-written") }
}
