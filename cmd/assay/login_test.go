package main

import (
	"path/filepath"
	"testing"
)

// Without $USER or $LOGNAME the login name comes from /etc/passwd, read
// in Go (os/user would ask the C library and its name services).
func TestLoginName(t *testing.T) {
	passwd := writeFile(t, t.TempDir(), "passwd", "root:x:0:0:root:/root:/bin/bash\n# comment\nbroken\ndana:x:1000:1000:Dana Reyes:/home/dana:/bin/sh\n")
	for uid, want := range map[int]string{0: "root", 1000: "dana", 42: ""} {
		if got := passwdName(passwd, uid); got != want {
			t.Errorf("uid %d: %q, want %q", uid, got, want)
		}
	}
	if got := passwdName(filepath.Join(t.TempDir(), "none"), 0); got != "" {
		t.Errorf("no file: %q", got)
	}
	a := &app{getenv: func(k string) string { return map[string]string{"LOGNAME": "sam"}[k] }}
	if got := a.loginName(); got != "sam" {
		t.Errorf("$LOGNAME: %q", got)
	}
}
