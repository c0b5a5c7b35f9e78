package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/assay-dev/assay/internal/pgtest"
	"github.com/assay-dev/assay/store"
)

// The tests that kill assay or run several at once need the real binary:
// a process of its own, with its own SQLite connection. It is built once
// per test run and removed by TestMain. The linker prints its call graph
// as it links (-dumpdep), for TestSocketCodeIsTheTeamDriversOnly: one
// link of the binary instead of two, each several seconds of CPU.
var built struct {
	once sync.Once
	dir  string
	path string
	err  error
	out  []byte // go build's output: the linker's call graph
}

func TestMain(m *testing.M) {
	var err error
	if sharedCache, err = os.MkdirTemp("", "assay-cache-"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	pgtest.DropStaleLogins("cmd/assay", openServer)
	pgtest.DropStaleSchemas("cmd/assay", teamTestDatabase, openServer)
	code := m.Run()
	pgtest.Report("cmd/assay")
	code = pgtest.CheckLogins("cmd/assay", code, openServer)
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.RemoveAll(sharedCache)
	os.Exit(code)
}

// sharedCache is the cache folder ($XDG_CACHE_HOME) of every assay the
// tests run, in-process or as a process, as one person's commands share
// theirs: the built-in questionnaires are parsed from YAML by the first
// command of the run, and read compiled by the others. With a cache in
// each test's fresh home, each test's first command parsed every
// built-in again, most of an in-process command's time. The compiled
// forms are checked against the YAML's digest and the build before use
// (questionnaires/cache.go), so no test can see another's data in them;
// the parsing itself is tested in ./questionnaires.
var sharedCache string

// assayBinary builds cmd/assay (once) and returns the executable's path.
func assayBinary(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the assay binary; skipped with -short")
	}
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "assay-bin-"); built.err != nil {
			return
		}
		built.path = filepath.Join(built.dir, "assay")
		built.out, built.err = exec.Command("go", "build", "-o", built.path, "-ldflags=-dumpdep", ".").CombinedOutput()
	})
	if built.err != nil {
		t.Fatalf("go build: %v\n%.2000s", built.err, built.out)
	}
	return built.path
}

// linkerGraph is the call graph the linker printed as it linked the
// binary assayBinary returns: "from -> to" lines.
func linkerGraph(t *testing.T) string {
	t.Helper()
	assayBinary(t)
	return string(built.out)
}

// procEnv is a clean environment for an assay process on one database:
// nothing of the user's own configuration or data is read.
func procEnv(dir, db string) []string {
	env := []string{
		"HOME=" + dir,
		"ASSAY_DB=" + db,
		"XDG_CONFIG_HOME=" + filepath.Join(dir, "config"),
		"XDG_DATA_HOME=" + filepath.Join(dir, "data"),
		"XDG_CACHE_HOME=" + sharedCache,
		"ASSAY_REVIEWER=Dana Reyes",
		"NO_COLOR=1",
		"TERM=xterm-256color",
		"LANG=C.UTF-8", // whatever the machine running the tests has
	}
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "PATH=") || strings.HasPrefix(kv, "TMPDIR=") {
			env = append(env, kv)
		}
	}
	return env
}

// openAs opens the database as the person procEnv(dir, …) sets up does:
// signing with the key in dir's config folder and trusting it, as assay
// would, so that what the binary signed verifies.
func openAs(t *testing.T, dir, path string) *store.DB {
	t.Helper()
	env := map[string]string{}
	for _, kv := range procEnv(dir, path) {
		k, v, _ := strings.Cut(kv, "=")
		env[k] = v
	}
	return openStoreAs(t, env, path)
}
