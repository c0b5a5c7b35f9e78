package questionnaires_test

import (
	"runtime"
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/input"
	"github.com/assay-dev/assay/questionnaires"
)

// A file under the size limit but with millions of YAML values is refused
// without reading them all: the lexer keeps a few hundred bytes per
// value, so a 4 MB flow list of one-letter values once took over 2 GB
// and ended assay out of memory before the token bound was checked.
func TestManyValuesRefusedWithoutLexingThemAll(t *testing.T) {
	src := "id: [" + strings.Repeat("a,", 4*input.MaxTokens) + "a]\n"
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, problems := questionnaires.Parse("many.yaml", []byte(src), questionnaires.Catalog())
	runtime.ReadMemStats(&after)
	if len(problems) != 1 || !strings.Contains(problems[0].String(), "more than 500000 YAML values") {
		t.Fatalf("problems: %v", problems)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 400<<20 {
		t.Errorf("refusing a %d-byte file allocated %d MB", len(src), got>>20)
	}
}
