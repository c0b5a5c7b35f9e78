package rendertest

import (
	"os"
	"path/filepath"
	"testing"
)

// NeedCalc returns the LibreOffice program that can open a spreadsheet,
// or skips the test (fails under RequireEnv). The Writer-only install
// the document tests need has the same soffice but no spreadsheet
// module: a CSV given to it is not read as a sheet at all, so the
// module's library is looked for beside the program.
func NeedCalc(t testing.TB) string {
	t.Helper()
	soffice := Need(t, "soffice|libreoffice", "libreoffice-calc-nogui")
	if real, err := filepath.EvalSymlinks(soffice); err == nil {
		if _, err := os.Stat(filepath.Join(filepath.Dir(real), "libsclo.so")); err == nil {
			return soffice
		}
	}
	msg := "LibreOffice Calc is not installed (Debian package libreoffice-calc-nogui): the CSV is not opened in a spreadsheet"
	if os.Getenv(RequireEnv) != "" {
		t.Fatal(msg + "; " + RequireEnv + " is set")
	}
	t.Skip(msg)
	return ""
}
