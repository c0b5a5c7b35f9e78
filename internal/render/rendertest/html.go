package rendertest

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// The elements and attributes the HTML renderer writes; text that became
// markup would add others.
var (
	htmlElements = map[string]bool{
		"html": true, "head": true, "meta": true, "title": true, "style": true, "body": true, "header": true, "main": true,
		"h1": true, "h2": true, "h3": true, "p": true, "ul": true, "ol": true, "li": true, "strong": true, "em": true, "code": true, "br": true,
		"table": true, "colgroup": true, "col": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true, "section": true,
		"figure": true, "figcaption": true, "svg": true, "rect": true, "line": true, "text": true,
	}
	htmlAttrs = map[string]bool{
		"lang": true, "charset": true, "http-equiv": true, "content": true, "name": true, "class": true, "scope": true,
		"role": true, "aria-labelledby": true, "id": true, "viewBox": true, "width": true, "height": true,
		"x": true, "y": true, "x1": true, "y1": true, "x2": true, "y2": true, "fill": true, "stroke": true, "stroke-width": true,
		"overflow": true, "dominant-baseline": true, "text-anchor": true, "font-size": true, "font-weight": true,
	}
)

// HTMLText checks a rendered HTML report as a browser would read it: only
// the elements and attributes the renderer writes, every table row as wide
// as its header, one stylesheet and a Content-Security-Policy that allows
// exactly it and nothing else, no script, nothing loaded. It
// returns the page's text, one text node a line.
func HTMLText(t testing.TB, out []byte) string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.ElementNode:
			if !htmlElements[n.Data] {
				t.Errorf("element <%s> in the HTML", n.Data)
			}
			for _, a := range n.Attr {
				if !htmlAttrs[a.Key] {
					t.Errorf("attribute %s=%q on <%s>", a.Key, a.Val, n.Data)
				}
			}
			if n.Data == "table" {
				checkTableWidth(t, n)
			}
		case html.TextNode:
			texts = append(texts, n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
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
	// No element or attribute may load or link anything (the allowed
	// ones cannot), and the stylesheet names no address.
	if bytes.Contains(bytes.ToLower(out), []byte("<script")) || strings.Contains(string(styles[0][1]), "url(") ||
		strings.Contains(string(styles[0][1]), "@import") {
		t.Error("the HTML has a script, or its stylesheet loads something")
	}
	return strings.Join(texts, "\n")
}

// checkTableWidth checks every row of a table against its header row.
func checkTableWidth(t testing.TB, table *html.Node) {
	t.Helper()
	want := -1
	var rows func(n *html.Node)
	rows = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.Data != "tr" {
				rows(c)
				continue
			}
			cells := 0
			for k := c.FirstChild; k != nil; k = k.NextSibling {
				if k.Type == html.ElementNode && (k.Data == "td" || k.Data == "th") {
					cells++
				}
			}
			if want < 0 {
				want = cells
			} else if cells != want {
				t.Errorf("a table row has %d cells under a header of %d", cells, want)
			}
		}
	}
	rows(table)
}
