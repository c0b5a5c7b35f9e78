package store

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The store's code outside the team adapter asks its dialect what to do,
// never which dialect it has: a type assertion or switch on pgDialect or
// sqliteDialect in changes.go or db.go is a branch the dialect interface
// should answer (dialect.go), and one a third store would have to find
// by reading every file. The adapter's own files (postgres*.go) know
// they are the team database's.
func TestStoreCodeDoesNotAskWhichDialectItHas(t *testing.T) {
	asks := regexp.MustCompile(`\.\(\*?(pgDialect|sqliteDialect)\)|case \*?(pgDialect|sqliteDialect)\b`)
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || strings.HasPrefix(name, "postgres") {
			continue
		}
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		for i, line := range strings.Split(string(b), "\n") {
			if m := asks.FindString(line); m != "" {
				t.Errorf("%s:%d asks which dialect it has (%s): give the dialect interface a method that answers instead", name, i+1, m)
			}
		}
	}
	if checked < 50 {
		t.Fatalf("only %d of the store's source files checked", checked)
	}
}
