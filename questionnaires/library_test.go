package questionnaires

import (
	"testing"

	"github.com/assay-dev/assay/assess"
)

func TestCatalogCounts(t *testing.T) {
	cat := Catalog()
	want := map[assess.Framework]int{assess.ISO27001: 93, assess.NISTCSF: 106, assess.SOC2: 61}
	for fw, n := range want {
		if got := len(cat.Controls(fw)); got != n {
			t.Errorf("%s: %d controls, want %d", fw, got, n)
		}
	}
	if c, ok := cat.Lookup(assess.ISO27001, "A.8.24"); !ok || c.Name != "Use of cryptography" {
		t.Errorf("A.8.24 = %+v", c)
	}
	if c, ok := cat.Lookup(assess.NISTCSF, "PR.DS-01"); !ok || c.Name != "The confidentiality, integrity, and availability of data-at-rest are protected" {
		t.Errorf("PR.DS-01 = %+v", c)
	}
}

func TestBuiltinQuestionnairesLoad(t *testing.T) {
	lib, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	q, ok := lib.Get("vendor-security-screen")
	if !ok {
		t.Fatal("vendor-security-screen is missing")
	}
	if n := len(q.Questions); n < 12 {
		t.Errorf("vendor screen has %d questions, want about 12", n)
	}
	for _, qq := range q.Questions {
		for _, fw := range assess.Frameworks {
			if len(qq.Controls[fw]) == 0 {
				t.Errorf("question %s maps to no %s control", qq.ID, fw.Title())
			}
		}
	}
}
