// Package buildid reads the Go build ID of the running executable: the
// linker's hash of everything that went into it, so two executables built
// from different code never share one. Caches of work the code does (such
// as a compiled questionnaire) key on it, so that a changed assay never
// trusts what an older one wrote.
package buildid

import (
	"bytes"
	"encoding/binary"
	"io"
	"os"
	"sync"
)

// Self returns the running executable's build ID, or "" when it cannot
// be read (an executable not built by Go's linker, or not readable).
var Self = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	return FromFile(exe)
})

// headSizes are how much of an executable is searched, the first page
// first: Go's linker puts the build ID in an ELF note in the first page,
// or at the start of the text, further on.
var headSizes = []int{4 << 10, 64 << 10}

// FromFile reads the build ID of the Go executable at path, or "".
func FromFile(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	for _, size := range headSizes {
		head := make([]byte, size)
		n, err := f.ReadAt(head, 0)
		if err != nil && err != io.EOF {
			return ""
		}
		if id := find(head[:n]); id != "" || n < size {
			return id
		}
	}
	return ""
}

// find looks for the build ID as Go's linker writes it: on ELF, a note
// named "Go" of type 4; elsewhere, `\xff Go build ID: "…"\n \xff` at the
// start of the text.
func find(b []byte) string {
	if bytes.HasPrefix(b, []byte("\x7fELF")) {
		return elfNote(b)
	}
	const marker = "\xff Go build ID: \""
	i := bytes.Index(b, []byte(marker))
	if i < 0 {
		return ""
	}
	rest := b[i+len(marker):]
	j := bytes.IndexByte(rest, '"')
	if j <= 0 {
		return ""
	}
	return string(rest[:j])
}

// elfNote finds the Go build ID note: namesz 4, descsz n, type 4, name
// "Go\x00\x00", then n bytes. Notes are 4-byte aligned and little-endian
// on every platform Go links ELF for but big-endian ones, which are read
// too.
func elfNote(b []byte) string {
	name := []byte("Go\x00\x00")
	for _, order := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
		for off := 0; ; {
			i := bytes.Index(b[off:], name)
			if i < 0 {
				break
			}
			at := off + i
			off = at + 1
			if at < 12 || at%4 != 0 {
				continue
			}
			namesz := order.Uint32(b[at-12:])
			descsz := order.Uint32(b[at-8:])
			kind := order.Uint32(b[at-4:])
			end := at + len(name) + int(descsz)
			if namesz != 4 || kind != 4 || descsz == 0 || end > len(b) {
				continue
			}
			return string(b[at+len(name) : end])
		}
	}
	return ""
}
