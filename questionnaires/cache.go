package questionnaires

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/internal/buildid"
)

// Decoder decodes stored questionnaire snapshots (a store.Decoder) and
// remembers what it decoded, so that a questionnaire is parsed once and
// not on every load:
//
//   - in memory, by digest, for the life of the Decoder (one per process
//     in assay), whichever database handle asks;
//   - on disk, when it has a folder, as a compiled form (compiled.go)
//     named after the YAML's SHA-256 and this executable's build ID.
//
// A compiled form is never trusted for anything but the bytes it was
// made from: its key is the SHA-256 of the YAML being decoded, computed
// here from those bytes, and the file repeats that digest, the build ID
// and a SHA-256 of its own contents, all checked before it is used. A
// file from another assay build, another questionnaire, damaged or cut
// short is ignored, and the YAML parsed as if there were no file. The
// folder is a cache: deleting it at any time is safe.
type Decoder struct {
	dir   string
	build string

	mu     sync.Mutex
	parsed map[string]*assess.Questionnaire // by digest and source name
}

// NewDecoder returns a Decoder that keeps compiled forms in dir, or only
// in memory when dir is "" or the executable's build ID is unknown.
func NewDecoder(dir string) *Decoder {
	d := &Decoder{parsed: map[string]*assess.Questionnaire{}}
	if dir != "" {
		if d.build = buildid.Self(); d.build != "" {
			d.dir = dir
		}
	}
	return d
}

// Decode returns the questionnaire src holds, as Decode does: from memory,
// from a compiled form, or parsed (and then kept in both).
func (d *Decoder) Decode(name string, src []byte) (*assess.Questionnaire, error) {
	sum := sha256.Sum256(src)
	digest := hex.EncodeToString(sum[:])
	key := digest + "\x00" + name
	d.mu.Lock()
	q, ok := d.parsed[key]
	d.mu.Unlock()
	if ok {
		return q, nil
	}
	if q = d.readCompiled(name, src, digest); q == nil {
		var err error
		if q, err = Decode(name, src); err != nil {
			return nil, err
		}
		d.writeCompiled(q)
	}
	d.mu.Lock()
	d.parsed[key] = q
	d.mu.Unlock()
	return q, nil
}

// compiledMagic starts every compiled file; the number changes with the
// file's layout (the build ID covers the codec and the loader).
const compiledMagic = "assay compiled questionnaire 1\n"

// maxCompiled bounds the file read: a compiled form is about the size of
// its YAML, which is at most input.MaxFileSize.
const maxCompiled = 64 << 20

// path names a questionnaire's compiled form for this build: a prefix for
// the build, so that other builds' files can be told apart, then the digest.
func (d *Decoder) path(digest string) string {
	b := sha256.Sum256([]byte(d.build))
	return filepath.Join(d.dir, hex.EncodeToString(b[:8])+"-"+digest+".gob")
}

func (d *Decoder) header(digest string) string {
	return compiledMagic + digest + "\n" + d.build + "\n"
}

// readCompiled returns the compiled form of src, or nil if there is none
// this build made from exactly these bytes.
func (d *Decoder) readCompiled(name string, src []byte, digest string) *assess.Questionnaire {
	if d.dir == "" {
		return nil
	}
	f, err := os.Open(d.path(digest))
	if err != nil {
		return nil
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || info.Size() > maxCompiled {
		return nil
	}
	b := make([]byte, info.Size())
	if _, err := io.ReadFull(f, b); err != nil {
		return nil
	}
	rest, ok := bytes.CutPrefix(b, []byte(d.header(digest)))
	if !ok {
		return nil
	}
	sumHex, body, ok := bytes.Cut(rest, []byte("\n"))
	if !ok {
		return nil
	}
	sum := sha256.Sum256(body)
	if string(sumHex) != hex.EncodeToString(sum[:]) {
		return nil
	}
	q, err := decompile(body, name, src, digest)
	if err != nil {
		return nil
	}
	return q
}

// writeCompiled keeps q's compiled form, written whole under a temporary
// name and renamed, so that a reader never sees half a file. It is a
// cache: a failure to write is no error.
func (d *Decoder) writeCompiled(q *assess.Questionnaire) {
	if d.dir == "" {
		return
	}
	body, err := compile(q)
	if err != nil {
		return
	}
	if err := os.MkdirAll(d.dir, 0o700); err != nil {
		return
	}
	tmp, err := os.CreateTemp(d.dir, ".compiling-*")
	if err != nil {
		return
	}
	sum := sha256.Sum256(body)
	_, err = tmp.WriteString(d.header(q.Digest) + hex.EncodeToString(sum[:]) + "\n")
	if err == nil {
		_, err = tmp.Write(body)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), d.path(q.Digest))
	}
	if err != nil {
		os.Remove(tmp.Name())
		return
	}
	d.prune()
}

// staleAfter is how long another build's compiled forms are kept: long
// enough that two assay versions in use side by side do not undo each
// other's work, short enough that upgrades do not pile up files.
const staleAfter = 7 * 24 * time.Hour

// prune removes other builds' compiled forms not written for a week, and
// temporary files a killed writer left.
func (d *Decoder) prune() {
	entries, err := os.ReadDir(d.dir)
	if err != nil {
		return
	}
	mine := filepath.Base(d.path(""))
	mine = mine[:strings.IndexByte(mine, '-')+1]
	for _, e := range entries {
		name := e.Name()
		compiled := strings.HasSuffix(name, ".gob") && !strings.HasPrefix(name, mine)
		if !compiled && !strings.HasPrefix(name, ".compiling-") {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleAfter {
			if err := os.Remove(filepath.Join(d.dir, name)); err != nil && !errors.Is(err, os.ErrNotExist) {
				return
			}
		}
	}
}
