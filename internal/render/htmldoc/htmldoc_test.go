package htmldoc

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/assay-dev/assay/internal/render/rendertest"
)

// The elements and attributes the renderer writes; hostile text that
// became markup would add others.
var (
	allowedElements = map[string]bool{
		"html": true, "head": true, "meta": true, "title": true, "style": true, "body": true, "header": true, "main": true,
		"h1": true, "h2": true, "h3": true, "p": true, "ul": true, "ol": true, "li": true, "strong": true, "em": true, "code": true,
		"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true, "section": true,
		"figure": true, "figcaption": true, "svg": true, "rect": true, "line": true, "text": true,
	}
	allowedAttrs = map[string]bool{
		"lang": true, "charset": true, "http-equiv": true, "content": true, "name": true, "class": true, "scope": true,
		"role": true, "aria-labelledby": true, "id": true, "viewBox": true, "width": true, "height": true,
		"x": true, "y": true, "x1": true, "y1": true, "x2": true, "y2": true, "fill": true, "stroke": true, "stroke-width": true,
		"overflow": true, "dominant-baseline": true, "text-anchor": true, "font-size": true, "font-weight": true,
	}
)

// Hostile text in every place text can go stays text: no element or
// attribute the renderer does not write, the text present literally in
// the page, every table row as wide as its header, the stylesheet the only
// one the policy allows.
func TestHostileTextStaysText(t *testing.T) {
	out := Render(rendertest.Document())
	doc, err := html.Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.ElementNode:
			if !allowedElements[n.Data] {
				t.Errorf("element <%s> in the output", n.Data)
			}
			for _, a := range n.Attr {
				if !allowedAttrs[a.Key] {
					t.Errorf("attribute %s=%q on <%s>", a.Key, a.Val, n.Data)
				}
			}
			if n.Data == "tr" {
				if got := countChildren(n, "td") + countChildren(n, "th"); got != 3 && got != 2 {
					t.Errorf("a table row has %d cells", got)
				}
			}
		case html.TextNode:
			texts = append(texts, n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	all := strings.Join(texts, "\n")
	if n := strings.Count(all, rendertest.EvilText); n < 70 {
		t.Errorf("the hostile text appears %d times as text; it was dropped or split", n)
	}
	csp := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]+)">`).FindSubmatch(out)
	if csp == nil {
		t.Fatal("no Content-Security-Policy")
	}
	styles := regexp.MustCompile(`(?s)<style>(.*?)</style>`).FindAllSubmatch(out, -1)
	if len(styles) != 1 {
		t.Fatalf("%d style elements", len(styles))
	}
	sum := sha256.Sum256(styles[0][1])
	want := "default-src 'none'; style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	if !strings.HasPrefix(string(csp[1]), want) {
		t.Errorf("policy %q does not allow exactly the stylesheet (want it to start %q)", csp[1], want)
	}
	if bytes.Contains(bytes.ToLower(out), []byte("<script")) || bytes.Contains(out, []byte("http:")) || bytes.Contains(out, []byte("https:")) {
		t.Error("a script or a network address in the output")
	}
}

func countChildren(n *html.Node, tag string) int {
	c := 0
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if k.Type == html.ElementNode && k.Data == tag {
			c++
		}
	}
	return c
}

// The running header's CSS string cannot be ended by the subject.
func TestCSSStringEscapes(t *testing.T) {
	got := cssString(`a"b\c</style>` + "\n}")
	if strings.ContainsAny(got, "\"<>}\n") || strings.Contains(got, `\c`) {
		t.Errorf("cssString left %q", got)
	}
}
