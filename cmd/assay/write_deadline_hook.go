//go:build assay_stop_hooks

package main

import "time"

// A binary built for the tests with the tag assay_stop_hooks gives the
// workspace the write deadline its environment names (writeDeadlineEnv).
func init() {
	writeDeadline = func(getenv func(string) string) time.Duration {
		d, err := time.ParseDuration(getenv(writeDeadlineEnv))
		if err != nil || d <= 0 {
			return 0
		}
		return d
	}
}
