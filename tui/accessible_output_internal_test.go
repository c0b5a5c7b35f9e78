package tui

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

// AccessibleOutput is accessible mode's output, which a test reads while
// accessible mode writes it on another goroutine. Exported for the
// tui_test package's accessible tests too.
type AccessibleOutput struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (o *AccessibleOutput) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.b.Write(p)
}

func (o *AccessibleOutput) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.b.String()
}

// WaitFor waits until the output shows every one of want, for as long as
// the tests wait for a screen.
func (o *AccessibleOutput) WaitFor(t *testing.T, want ...string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		text, missing := o.String(), ""
		for _, w := range want {
			if !strings.Contains(text, w) {
				missing = w
				break
			}
		}
		if missing == "" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("accessible mode never said %q:\n%s", missing, text)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
