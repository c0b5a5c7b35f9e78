package main

import "time"

// writeDeadline is the workspace's write deadline (tui.Deps.SaveTimeout),
// which every read and write of the store has; 0 leaves the workspace's
// own (25 s). Only a binary built for the tests sets another
// (write_deadline_hook.go): a test that makes the team server stop
// answering waits a second for the workspace to give up, not half a
// minute.
var writeDeadline = func(getenv func(string) string) time.Duration { return 0 }

// writeDeadlineEnv names the write deadline, a Go duration ("1s"), of a
// binary built for the tests with the tag assay_stop_hooks; the assay
// that users run reads no such variable.
const writeDeadlineEnv = "ASSAY_TEST_WRITE_DEADLINE"
