package store

import (
	"bytes"
	"database/sql"
	"errors"
	"runtime"
	"strconv"
	"testing"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// busyWaitFrame is the function a SQLite write of this process is in
// while it waits for another connection's write lock: SQLite's call of
// the busy handler (its own, or the driver's where the call has a
// context), which sleeps and tries again until the busy timeout.
const busyWaitFrame = "modernc.org/sqlite/lib._sqlite3InvokeBusyHandler("

// awaitLockWaiter waits until a goroutine of this process waits for a
// SQLite write lock (is in busyWaitFrame), so that a test can order what
// it does next after that wait began instead of guessing a time. ended
// delivers the waiting call's result: its arrival first means the call
// ended without waiting, and fails the test.
func awaitLockWaiter(t *testing.T, ended <-chan error) {
	t.Helper()
	awaitGoroutineIn(t, busyWaitFrame, "waiting for the write lock", ended)
}

// awaitGoroutineIn waits until a goroutine of this process is in the
// function frame names (as runtime.Stack prints it, up to its opening
// parenthesis): where a call under test blocks, and what a test orders
// its next step after. doing says what being there means, for the
// failure; ended as for awaitLockWaiter (nil: nothing to watch).
func awaitGoroutineIn(t *testing.T, frame, doing string, ended <-chan error) {
	t.Helper()
	deadline := time.Now().Add(changeWait)
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		for n == len(buf) {
			buf = make([]byte, 2*len(buf))
			n = runtime.Stack(buf, true)
		}
		if bytes.Contains(buf[:n], []byte(frame)) {
			return
		}
		select {
		case err := <-ended:
			t.Fatalf("the call ended (%v) before it was seen %s", err, doing)
		case <-time.After(time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("nothing was seen %s within %v (is %s still where it happens?)", doing, changeWait, frame)
		}
	}
}

// aWriteGivesUp begins a write on a connection of its own to path whose
// busy timeout is busy milliseconds, as a store's save would, and fails
// the test unless it gives up because another connection holds the
// write lock. It returns once it has: a write begun then has waited out
// a whole busy timeout.
func aWriteGivesUp(t *testing.T, path string, busy int) {
	t.Helper()
	raw, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout("+strconv.Itoa(busy)+")")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`BEGIN IMMEDIATE`); err == nil {
		t.Fatal("a write began while another connection held the write lock")
	} else if se := (*sqlite.Error)(nil); !errors.As(err, &se) || se.Code() != sqlite3.SQLITE_BUSY {
		t.Fatalf("a write behind another's lock: %v; want SQLITE_BUSY", err)
	}
}
