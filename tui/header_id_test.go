package tui_test

import (
	"strings"
	"testing"
)

// Two assessments of the same subject looked the same once open: the
// header named the subject only. Each view of an assessment names its
// number too.
func TestHeaderNamesTheAssessmentsNumber(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	f := e.start()
	f.waitFor("Assessments", "Acme Cloud Ltd")
	f.press("enter") // the newest first
	for _, v := range []string{"[Interview]", "[Review]", "[Plan]", "[Report]"} {
		f.waitFor(v)
		header := strings.SplitN(f.screen(), "\n", 2)[0]
		if !strings.Contains(header, "#2 Acme Cloud Ltd") {
			t.Errorf("the header of the %s view does not name #2:\n%s", v, header)
		}
		f.press("tab")
	}
	f.quit()
}
