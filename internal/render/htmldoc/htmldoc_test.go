package htmldoc

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/render/rendertest"
)

// Hostile text in every place text can go stays text: no element or
// attribute the renderer does not write, the text present literally in
// the page, every table row as wide as its header, the stylesheet the only
// one the policy allows.
func TestHostileTextStaysText(t *testing.T) {
	text := rendertest.HTMLText(t, Render(rendertest.Document()))
	if n := strings.Count(text, rendertest.EvilText); n < 70 {
		t.Errorf("the hostile text appears %d times as text; it was dropped or split", n)
	}
}

// The running header's CSS string cannot be ended by the subject.
func TestCSSStringEscapes(t *testing.T) {
	got := cssString(`a"b\c</style>` + "\n}")
	if strings.ContainsAny(got, "\"<>}\n") || strings.Contains(got, `\c`) {
		t.Errorf("cssString left %q", got)
	}
}
