package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/pgtest"
)

// assay migrate --from into a file that is not there yet leaves no file
// behind when it fails before copying anything: a login the server
// refuses, a schema that holds no portfolio, or a file the disk has no
// room to create. The target was absent, and stays so; before, each left
// an empty database where none was.
func TestMigrateFromThatFailsEarlyLeavesNoFile(t *testing.T) {
	s, owner, env := teamOwnerToMigrate(t)
	for _, c := range []struct {
		name, dsn, limit, want string
	}{
		{"a login the server refuses", pgtest.WithParams(t, owner.dsn, "", map[string]string{"user": "nobody_here"}), "", "refused login"},
		{"a schema with no portfolio", pgtest.WithParams(t, owner.dsn, "", map[string]string{"search_path": "no_portfolio_here"}), "", "holds no assay team portfolio"},
		{"no room to create the file", owner.dsn, "ulimit -f 24 && ", "full"},
	} {
		t.Run(c.name, func(t *testing.T) {
			folder := t.TempDir()
			file := filepath.Join(folder, "archive.db")
			r := runProc("/bin/sh", withEnv(env, "ASSAY_DB", file), "-c", c.limit+`exec "$0" "$@"`, s.bin, "migrate", "--from", c.dsn)
			if r.code == 0 || !strings.Contains(r.errs, c.want) {
				t.Errorf("migrate --from: exit %d, stderr %q; want a refusal saying %q", r.code, r.errs, c.want)
			}
			for _, suffix := range databaseSuffixes {
				if _, err := os.Lstat(file + suffix); !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("the failed move left %s (%v)", filepath.Base(file+suffix), err)
				}
			}
			if left, _ := os.ReadDir(folder); len(left) > 0 {
				t.Errorf("the failed move left %s in the folder", left[0].Name())
			}
		})
	}
}
