package input

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestReadFileLimit(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small")
	if err := os.WriteFile(small, []byte("ok\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if b, err := ReadFile(small); err != nil || string(b) != "ok\n" {
		t.Fatalf("%q, %v", b, err)
	}
	// Exactly the limit is read; one byte more is refused, sparse so the
	// test writes nothing to disk.
	for size, wantErr := range map[int64]bool{MaxFileSize: false, MaxFileSize + 1: true, 50 << 20: true} {
		p := filepath.Join(dir, "big")
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(size); err != nil {
			t.Fatal(err)
		}
		f.Close()
		_, err = ReadFile(p)
		if wantErr != (err != nil) || wantErr && (!errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), p+": the file is")) {
			t.Errorf("size %d: %v", size, err)
		}
	}
}

// A folder, a named pipe nobody writes to and a device with no end are
// refused at once, before a byte is read.
func TestReadFileRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		dir:         dir + " is a folder, not a regular file",
		fifo:        fifo + " is a named pipe (FIFO), not a regular file",
		link:        link + " is a named pipe (FIFO), not a regular file",
		"/dev/zero": "/dev/zero is a device, not a regular file",
	} {
		_, err := ReadFile(path)
		if !errors.Is(err, ErrNotRegular) || err.Error() != want {
			t.Errorf("%s: %v; want %q", path, err, want)
		}
	}
}

func TestNotText(t *testing.T) {
	for _, c := range []struct {
		in        string
		line, col int
		why       string
	}{
		{"a: b\nc: d\x00", 2, 5, "NUL byte"},
		{"a: b\n  é\xff", 2, 4, "not UTF-8 text (byte 0xff)"},
		{"\x89PNG\r\n", 1, 1, "not UTF-8"},
		// UTF-16, as Windows editors save "Unicode" text: with its byte
		// order mark it was "not UTF-8 text (byte 0xff)", without it
		// "binary"; it is named, with what to do.
		{"\xff\xfei\x00d\x00:\x00", 1, 1, "UTF-16 text; save it as UTF-8"},
		{"\xfe\xff\x00i\x00d", 1, 1, "UTF-16 text; save it as UTF-8"},
		{"i\x00d\x00:\x00 \x00", 1, 1, "UTF-16 text; save it as UTF-8"},
		{"\x00i\x00d\x00:", 1, 1, "UTF-16 text; save it as UTF-8"},
	} {
		line, col, why, ok := NotText([]byte(c.in))
		if ok || line != c.line || col != c.col || !strings.Contains(why, c.why) {
			t.Errorf("%q: %d:%d %q %v", c.in, line, col, why, ok)
		}
	}
	if _, _, _, ok := NotText([]byte("Zürich – 東京\n\tok\r\n")); !ok {
		t.Error("text refused")
	}
}

// A byte order mark at the start is dropped; anywhere else it is text.
func TestReadFileDropsTheByteOrderMark(t *testing.T) {
	dir := t.TempDir()
	for in, want := range map[string]string{
		"\ufeffanswers:\n":      "answers:\n",
		"\ufeff\ufeffa":         "\ufeffa",
		"a: \ufeff\n":           "a: \ufeff\n",
		"\ufeff":                "",
		"\xef\xbb answers:\n":   "\xef\xbb answers:\n", // half a mark is not one
		"plain text, no mark\n": "plain text, no mark\n",
	} {
		p := filepath.Join(dir, "f")
		if err := os.WriteFile(p, []byte(in), 0o600); err != nil {
			t.Fatal(err)
		}
		if b, err := ReadFile(p); err != nil || string(b) != want {
			t.Errorf("%q: read %q, %v; want %q", in, b, err, want)
		}
	}
}
