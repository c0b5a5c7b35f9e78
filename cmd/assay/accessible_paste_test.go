package main

import (
	"os"
	"testing"
)

// Piped input is read a line an input: the terminal request to mark
// pastes is not written into a pipe or a file, where it would be stray
// bytes in a script's transcript. (The accessible sessions' drive fails
// on any escape sequence in what assay says to a pipe.)
func TestAccessibleMarksPastesOnlyOnATerminal(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if marksPastes(r, w, "xterm-256color") {
		t.Error("pastes marked with input and output piped")
	}
}
