package questionnaires_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// everyQuestionnaire is every questionnaire the tests know: the built-in
// ones, the test files and the 2,000-question benchmark file, each with
// its source.
func everyQuestionnaire(t *testing.T) []*assess.Questionnaire {
	t.Helper()
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	out := append([]*assess.Questionnaire(nil), lib.All()...)
	files, err := filepath.Glob("testdata/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		out = append(out, loadTestdata(t, filepath.Base(f)))
	}
	q, problems := questionnaires.Parse("synthetic.yaml", syntheticQuestionnaire(2000), questionnaires.Catalog())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	return append(out, q)
}

// A compiled questionnaire reads back equal to the parsed one, field for
// field, down to each condition's bound references and each question's
// section: scoring one is scoring the other. A field added to the
// questionnaire that the compiled form loses fails here.
func TestCompiledRoundTrip(t *testing.T) {
	for _, q := range everyQuestionnaire(t) {
		back, err := questionnaires.RoundTrip(q)
		if err != nil {
			t.Fatalf("%s: %v", q.SourceName, err)
		}
		if !reflect.DeepEqual(back, q) {
			t.Errorf("%s: the compiled form reads back different", q.SourceName)
		}
		for i, qq := range back.Questions {
			if qq.Index != i || !slicesContain(qq.Section.Questions, qq) {
				t.Errorf("%s: question %s is not linked into its section", q.SourceName, qq.ID)
			}
			if got, ok := back.Question(qq.ID); !ok || got != qq {
				t.Errorf("%s: question %s is not found by ID", q.SourceName, qq.ID)
			}
		}
	}
}

func slicesContain(qs []*assess.Question, q *assess.Question) bool {
	for _, x := range qs {
		if x == q {
			return true
		}
	}
	return false
}

// A second Decoder (another assay process) on the same folder reads the
// compiled form the first one wrote instead of parsing, and gets the
// questionnaire parsing gives; the file is owner-only.
func TestDecoderKeepsCompiledForms(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cache")
	src := syntheticQuestionnaire(200)
	want, problems := questionnaires.Parse("snap.yaml", src, questionnaires.Catalog())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	first := questionnaires.NewDecoder(dir)
	if first.Compiled("snap.yaml", src) != nil {
		t.Fatal("a compiled form before anything was decoded")
	}
	got, err := first.Decode("snap.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("the first decode differs from a parse")
	}
	again, _ := first.Decode("snap.yaml", src)
	if again != got {
		t.Error("the same Decoder parsed the same snapshot twice")
	}
	second := questionnaires.NewDecoder(dir)
	if c := second.Compiled("snap.yaml", src); c == nil || !reflect.DeepEqual(c, want) {
		t.Fatal("the second Decoder finds no usable compiled form")
	}
	if got, err = second.Decode("snap.yaml", src); err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("second decode: %v, equal %v", err, reflect.DeepEqual(got, want))
	}
	info, err := os.Stat(second.CompiledPath(src))
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("compiled form has mode %v, want 0600", info.Mode().Perm())
	}
	dirInfo, _ := os.Stat(dir)
	if dirInfo.Mode().Perm() != 0o700 {
		t.Errorf("cache folder has mode %v, want 0700", dirInfo.Mode().Perm())
	}
}

// A compiled file that is damaged, cut short, made by another build or
// for other bytes is never used: the YAML is parsed as if it were not
// there, and a good file replaces it.
func TestDecoderIgnoresBadCompiledForms(t *testing.T) {
	src := syntheticQuestionnaire(100)
	other := bytes.Replace(syntheticQuestionnaire(100), []byte("title: Synthetic"), []byte("title: Other"), 1)
	want, _ := questionnaires.Parse("snap.yaml", src, questionnaires.Catalog())
	damage := map[string]func(good, forOther []byte) []byte{
		"a byte flipped": func(good, _ []byte) []byte {
			b := bytes.Clone(good)
			b[len(b)-10] ^= 0x55
			return b
		},
		"cut short":                    func(good, _ []byte) []byte { return good[:len(good)/2] },
		"empty":                        func([]byte, []byte) []byte { return nil },
		"another build":                func(good, _ []byte) []byte { return bytes.Replace(good, []byte("\n"), []byte("\nX"), 2) },
		"another questionnaire's file": func(_, forOther []byte) []byte { return forOther },
		"not a compiled form":          func([]byte, []byte) []byte { return []byte("id: x\n") },
	}
	for name, spoil := range damage {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			d := questionnaires.NewDecoder(dir)
			if _, err := d.Decode("snap.yaml", src); err != nil {
				t.Fatal(err)
			}
			if _, err := d.Decode("other.yaml", other); err != nil {
				t.Fatal(err)
			}
			good, err := os.ReadFile(d.CompiledPath(src))
			if err != nil {
				t.Fatal(err)
			}
			forOther, _ := os.ReadFile(d.CompiledPath(other))
			if err := os.WriteFile(d.CompiledPath(src), spoil(good, forOther), 0o600); err != nil {
				t.Fatal(err)
			}
			fresh := questionnaires.NewDecoder(dir)
			if fresh.Compiled("snap.yaml", src) != nil {
				t.Fatal("the spoilt file is accepted")
			}
			got, err := fresh.Decode("snap.yaml", src)
			if err != nil || !reflect.DeepEqual(got, want) {
				t.Fatalf("decode with a spoilt file: %v, equal %v", err, reflect.DeepEqual(got, want))
			}
			if questionnaires.NewDecoder(dir).Compiled("snap.yaml", src) == nil {
				t.Error("the spoilt file was not replaced by a good one")
			}
		})
	}
}

// A questionnaire that does not parse is an error from the Decoder too,
// every time, and leaves no file.
func TestDecoderBadYAML(t *testing.T) {
	dir := t.TempDir()
	d := questionnaires.NewDecoder(dir)
	for range 2 {
		if _, err := d.Decode("bad.yaml", []byte("id: x\nsections: 3\n")); err == nil || !strings.Contains(err.Error(), "bad.yaml") {
			t.Fatalf("got %v, want the file's problems", err)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("files left: %v", entries)
	}
}

// Without a folder the Decoder still parses each snapshot once.
func TestDecoderInMemory(t *testing.T) {
	d := questionnaires.NewDecoder("")
	src := syntheticQuestionnaire(50)
	a, err := d.Decode("a.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := d.Decode("a.yaml", src)
	if a != b {
		t.Error("parsed twice")
	}
	if c, _ := d.Decode("b.yaml", src); c == a || c.SourceName != "b.yaml" {
		t.Error("the same bytes under another name share a source name")
	}
}

// Compiled forms of other builds not written for a week are removed when
// a new one is written; this build's and recent ones stay.
func TestDecoderPrunesOldBuilds(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-8 * 24 * time.Hour)
	write := func(name string, at time.Time) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, at, at); err != nil {
			t.Fatal(err)
		}
		return p
	}
	stale := write("0000000000000000-aaaa.gob", old)
	recent := write("0000000000000001-aaaa.gob", time.Now())
	leftover := write(".compiling-123", old)
	unrelated := write("notes.txt", old)
	d := questionnaires.NewDecoder(dir)
	if _, err := d.Decode("a.yaml", syntheticQuestionnaire(50)); err != nil {
		t.Fatal(err)
	}
	exists := func(p string) bool { _, err := os.Stat(p); return err == nil }
	if exists(stale) || exists(leftover) {
		t.Error("an old build's file or a leftover temporary file was kept")
	}
	if !exists(recent) || !exists(unrelated) {
		t.Error("a recent file of another build, or a file not the cache's, was removed")
	}
	var gobs int
	filepath.WalkDir(dir, func(p string, e fs.DirEntry, _ error) error {
		if strings.HasSuffix(p, ".gob") {
			gobs++
		}
		return nil
	})
	if gobs != 2 {
		t.Errorf("%d compiled files, want this build's and the recent one", gobs)
	}
}

// The library loads the same questionnaires through a Decoder, from its
// compiled forms the second time, as parsed: a built-in file loads under
// Decode's lenient catalog as under the built-in one.
func TestLibraryThroughTheDecoder(t *testing.T) {
	want, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for range 2 {
		lib, problems, err := questionnaires.LoadWith("", questionnaires.NewDecoder(dir))
		if err != nil || len(problems) > 0 {
			t.Fatal(err, problems)
		}
		if len(lib.All()) != len(want.All()) {
			t.Fatalf("%d questionnaires, want %d", len(lib.All()), len(want.All()))
		}
		for i, q := range lib.All() {
			if !reflect.DeepEqual(q, want.All()[i]) {
				t.Errorf("%s differs through the decoder", q.ID)
			}
			if !lib.IsBuiltin(q.ID) {
				t.Errorf("%s is not marked built in", q.ID)
			}
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(want.All()) {
		t.Errorf("%d compiled forms kept, want one per built-in questionnaire", len(entries))
	}
}
