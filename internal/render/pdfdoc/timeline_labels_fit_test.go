package pdfdoc

import (
	"fmt"
	"testing"

	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/internal/render/fonts"
)

// The timeline's item labels are boxed as wide as their estimated text,
// so that the lines around them are left out only where there is text
// (document.Timeline); the PDF clips a label to its box, so the estimate
// must not fall short of the text as the PDF sets it, or the text would
// lose its end. Measured here with the PDF's own fonts, over every kind
// of text a timeline row holds: finding labels, "(overdue)", "done",
// "risk accepted" and the count of a date with more items than fit.
func TestTimelineLabelsFitTheirBoxes(t *testing.T) {
	p, err := newPDF(document.Meta{Title: "T"})
	if err != nil {
		t.Fatal(err)
	}
	var dues []document.Due
	for n := 1; n <= 40; n++ {
		u := document.Due{Day: n * 3, Date: fmt.Sprintf("2026-02-%02d", n%28+1), Overdue: n%2 == 0}
		for i := range n % 7 {
			u.Items = append(u.Items, fmt.Sprintf("F%d", 100+n*7+i))
		}
		if n%3 == 0 {
			u.Closed = append(u.Closed, fmt.Sprintf("F%d done", n*11))
		}
		if n%4 == 0 {
			u.Closed = append(u.Closed, fmt.Sprintf("F%d risk accepted", n*13))
		}
		if n%5 == 0 {
			for i := range 60 {
				u.Items = append(u.Items, fmt.Sprintf("F%d", 1000+i))
			}
		}
		if len(u.Items)+len(u.Closed) == 0 {
			u.Items = []string{"F8"}
		}
		dues = append(dues, u)
	}
	for _, today := range []int{0, 40, 200} {
		d := document.Timeline("2026-01-01", today, "2026-03-01", dues)
		for _, s := range d.Shapes {
			if s.Kind != document.Label {
				continue
			}
			face := fonts.Sans
			if s.Bold {
				face = fonts.SansBold
			}
			if w := p.width(plainText(s.Text), s.Size, face); w > s.W {
				t.Errorf("%q is %.1f wide as the PDF sets it, in a box %.1f wide", s.Text, w, s.W)
			}
		}
	}
}
