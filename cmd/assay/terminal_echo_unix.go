//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package main

import (
	"io"
	"os"
	"os/signal"
	"sync"

	"golang.org/x/sys/unix"
)

// echoOff turns the terminal's own echo and line editing off, for
// accessible mode to echo and edit each line itself (tui.Deps.EchoTyped):
// the terminal's echo showed a paste's markers as ^[[200~ and ^[[201~,
// which a screen reader read out. Ctrl-C and Ctrl-Z still signal (ISIG
// stays on), Enter still arrives as a newline and output is still
// translated (the input and output modes are kept). again turns them
// off once more (after a shell that resumed assay set its own); restore
// sets the modes back as they were. ok is false, and nothing changed,
// where they cannot be read or set.
func echoOff(in io.Reader) (again, restore func(), ok bool) {
	f, isFile := in.(*os.File)
	if !isFile {
		return nil, nil, false
	}
	fd := int(f.Fd())
	was, err := unix.IoctlGetTermios(fd, getTermios)
	if err != nil {
		return nil, nil, false
	}
	raw := *was
	raw.Lflag &^= unix.ECHO | unix.ECHONL | unix.ICANON | unix.IEXTEN
	raw.Cc[unix.VMIN], raw.Cc[unix.VTIME] = 1, 0
	if err := unix.IoctlSetTermios(fd, setTermios, &raw); err != nil {
		return nil, nil, false
	}
	again = func() { _ = unix.IoctlSetTermios(fd, setTermios, &raw) }
	return again, func() { _ = unix.IoctlSetTermios(fd, setTermios, was) }, true
}

// onResume calls do each time assay is resumed after Ctrl-Z (SIGCONT):
// the shell that ran fg has set the terminal as it likes it (bash turns
// its echo and line editing back on, and its readline turns the marking
// of pastes off), which assay then sets back. stop ends it.
func onResume(do func()) (stop func()) {
	resumed := make(chan os.Signal, 1)
	signal.Notify(resumed, unix.SIGCONT)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-resumed:
				do()
			case <-done:
				return
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			signal.Stop(resumed)
			close(done)
		})
	}
}
