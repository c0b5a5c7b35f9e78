package docx

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/render/rendertest"
)

// Hostile text in every place text can go is whole inside text elements,
// never markup of its own, and nothing points outside the document.
func TestHostileTextStaysText(t *testing.T) {
	out, err := Render(rendertest.Document())
	if err != nil {
		t.Fatal(err)
	}
	texts, images := rendertest.DOCXText(t, out)
	if images != 1 {
		t.Errorf("%d pictures, want 1", images)
	}
	if n := strings.Count(texts, rendertest.EvilText); n < 70 {
		t.Errorf("the hostile text is whole in %d text elements", n)
	}
	for _, s := range strings.Split(texts, "\n") {
		if strings.TrimSpace(s) == "injected" {
			t.Error("hostile text closed a run and made its own")
		}
	}
}
