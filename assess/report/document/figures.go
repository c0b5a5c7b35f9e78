package document

import (
	"fmt"
	"strconv"
	"strings"
)

// FigureWidth is the width of every figure: it fits an A4 or Letter page
// with margins of 50 points.
const FigureWidth = 480

const pad = 8 // the panel's margin around a figure's content

func panel(h float64) Drawing {
	d := Drawing{Width: FigureWidth, Height: h}
	d.box(0, 0, FigureWidth, h, Panel)
	return d
}

// MapCell is one cell of a likelihood × impact map: its level and the
// risks rated there.
type MapCell struct {
	Level string
	Tone  Tone
	Risks []string
}

// Risk map geometry: the likelihood labels' column, the impact labels'
// row, and the height of a cell.
const (
	riskMapLabelW = 110.0
	riskMapHeadH  = 28.0
	riskMapCellH  = 40.0
)

// RiskMapCellBox is where RiskMap draws a cell: row 0 is the highest
// likelihood (at the top), column 0 the lowest impact. Tests that look at
// a rendered map find its cells from here.
func RiskMapCellBox(rows, cols, row, col int) (x, y, w, h float64) {
	w = (FigureWidth - 2*pad - riskMapLabelW) / float64(cols)
	return pad + riskMapLabelW + float64(col)*w, pad + riskMapHeadH + float64(row)*riskMapCellH, w, riskMapCellH
}

// RiskMap draws a likelihood × impact grid: likelihood rows from the
// highest at the top to the lowest, impact columns from the lowest at the
// left, each cell in its level's colour with the level and the risks rated
// there. cells[l][i] is likelihood l+1, impact i+1.
func RiskMap(likelihood, impact []string, cells [][]MapCell) Drawing {
	rows, cols := len(likelihood), len(impact)
	d := panel(pad + riskMapHeadH + float64(rows)*riskMapCellH + pad)
	if rows == 0 || cols == 0 {
		return d
	}
	d.label(pad, pad, riskMapLabelW-4, riskMapHeadH, "Likelihood \\ impact", 8, true, Left, Muted)
	for i, name := range impact {
		x, _, w, _ := RiskMapCellBox(rows, cols, 0, i)
		d.label(x+2, pad, w-4, riskMapHeadH, name, 8, true, Center, Ink)
	}
	for r := 0; r < rows; r++ {
		l := rows - 1 - r // the highest likelihood on top
		_, y, _, h := RiskMapCellBox(rows, cols, r, 0)
		d.label(pad, y, riskMapLabelW-4, h, likelihood[l], 8, true, Left, Ink)
		for i := 0; i < cols; i++ {
			c := MapCell{}
			if l < len(cells) && i < len(cells[l]) {
				c = cells[l][i]
			}
			x, y, w, h := RiskMapCellBox(rows, cols, r, i)
			d.outlined(x, y, w, h, c.Tone.Fill(), White, 2)
			if len(c.Risks) == 0 {
				d.label(x+3, y, w-6, h, c.Level, 8, false, Center, c.Tone.Ink())
				continue
			}
			d.label(x+3, y+3, w-6, 14, c.Level, 7, false, Center, c.Tone.Ink())
			riskLabels(&d, x+3, y+15, w-6, h-17, c.Risks, c.Tone.Ink())
		}
	}
	return d
}

// riskLabels sets the risks rated in a cell as large as they fit, on two
// lines when one is too narrow.
func riskLabels(d *Drawing, x, y, w, h float64, risks []string, ink Color) {
	one := strings.Join(risks, ", ")
	for size := 10.0; size >= 7; size-- {
		if EstimateWidth(one, size, true) <= w {
			d.label(x, y, w, h, one, size, true, Center, ink)
			return
		}
	}
	half := (len(risks) + 1) / 2
	d.label(x, y, w, h/2, strings.Join(risks[:half], ", "), 7, true, Center, ink)
	d.label(x, y+h/2, w, h/2, strings.Join(risks[half:], ", "), 7, true, Center, ink)
}

// CoverageBar is one framework's controls by status.
type CoverageBar struct {
	Name                    string
	Met, Partial, Gap, Rest int
}

// CoverageBars draws a stacked bar per framework: met, partly met, gap,
// and the rest (context only, not answered or not applicable: neither met
// nor a gap), each segment with its count, and a legend.
func CoverageBars(bars []CoverageBar) Drawing {
	const labelW, rowH, barH, legendH = 130.0, 26.0, 18.0, 20.0
	d := panel(pad + float64(len(bars))*rowH + legendH + pad)
	barW := FigureWidth - 2*pad - labelW - 8
	for n, b := range bars {
		y := pad + float64(n)*rowH
		d.label(pad, y, labelW-4, barH, b.Name, 9, true, Left, Ink)
		total := b.Met + b.Partial + b.Gap + b.Rest
		x := pad + labelW
		d.box(x, y, barW, barH, Track)
		if total == 0 {
			continue
		}
		for _, seg := range []struct {
			n    int
			tone Tone
		}{{b.Met, Good}, {b.Partial, Caution}, {b.Gap, Danger}, {b.Rest, Neutral}} {
			if seg.n == 0 {
				continue
			}
			w := barW * float64(seg.n) / float64(total)
			d.box(x, y, w, barH, seg.tone.Fill())
			d.label(x, y, w, barH, strconv.Itoa(seg.n), 8, true, Center, seg.tone.Ink())
			x += w
		}
	}
	legend(&d, pad+float64(len(bars))*rowH, []legendEntry{
		{"met", Good}, {"partly met", Caution}, {"gap", Danger}, {"context, not answered or N/A", Neutral},
	})
	return d
}

type legendEntry struct {
	name string
	tone Tone
}

func legend(d *Drawing, y float64, entries []legendEntry) {
	x := float64(pad)
	for _, e := range entries {
		d.box(x, y+5, 10, 10, e.tone.Fill())
		w := EstimateWidth(e.name, 8, false) + 4
		d.label(x+14, y, w, legendHeight, e.name, 8, false, Left, Ink)
		x += 14 + w + 12
	}
}

const legendHeight = 20

// Count is a number with its name and tone, for CountBars.
type Count struct {
	Name string
	Tone Tone
	N    int
}

// CountBars draws a horizontal bar per count, scaled to the largest, with
// the number after each bar: findings by severity.
func CountBars(counts []Count) Drawing {
	const labelW, rowH, barH = 80.0, 22.0, 16.0
	d := panel(pad + float64(len(counts))*rowH + pad - (rowH - barH))
	most := 0
	for _, c := range counts {
		most = max(most, c.N)
	}
	barW := FigureWidth - 2*pad - labelW - 40
	for n, c := range counts {
		y := pad + float64(n)*rowH
		d.label(pad, y, labelW-4, barH, c.Name, 9, true, Left, Ink)
		w := 0.0
		if most > 0 {
			w = barW * float64(c.N) / float64(most)
		}
		if w > 0 {
			d.box(pad+labelW, y, w, barH, c.Tone.Fill())
		}
		d.label(pad+labelW+w+4, y, 36, barH, strconv.Itoa(c.N), 9, true, Left, Ink)
	}
	return d
}

// Due is one due date on a plan's timeline with the items due that day.
// Items are the open ones; Closed the others, each with what closed it
// ("F3 done", "F2 risk accepted"), so that "overdue", which is said of
// the open items, is never read of an item done or a risk accepted.
type Due struct {
	Day     int    // days after the timeline's start
	Date    string // YYYY-MM-DD
	Items   []string
	Closed  []string
	Tone    Tone // the most severe open item's tone; Neutral when all are closed
	Overdue bool // the open items are past this date
}

// TimelineMaxRows is how many due dates a timeline shows; later ones are
// counted in a last line, as the plan table lists them all.
const TimelineMaxRows = 30

// Timeline draws the plan's due dates on a time axis from the assessment
// date (day 0), one row per date with a marker in the colour of its most
// severe open item and the items due, and a line at the report date.
// Lines are left out where they would cross a label (lineAround): the
// items due before the report date extend right of their markers, past
// its line, which was drawn through them.
func Timeline(startLabel string, today int, todayLabel string, dues []Due) Drawing {
	const labelW, topH, rowH, bottomH, textW = 72.0, 16.0, 18.0, 16.0, 150.0
	shown := dues
	more := 0
	if len(shown) > TimelineMaxRows {
		shown, more = dues[:TimelineMaxRows], len(dues)-TimelineMaxRows
	}
	rows := len(shown)
	if more > 0 {
		rows++
	}
	d := panel(pad + topH + float64(rows)*rowH + bottomH + pad)
	last := max(today, 1)
	first := min(0, today)
	for _, u := range dues {
		last = max(last, u.Day)
		first = min(first, u.Day)
	}
	x0 := pad + labelW
	trackW := FigureWidth - 2*pad - labelW - textW
	xOf := func(day int) float64 { return x0 + trackW*float64(day-first)/float64(last-first) }
	top := float64(pad + topH)
	bottom := top + float64(rows)*rowH

	// The labels are laid out first, so that the lines can go around
	// them, and drawn last, over the markers.
	var text Drawing
	// The assessment's label starts at its line, unless that would take
	// it past the panel's margin: when every date comes before the
	// assessment the line is at the right end of the track.
	assessed := "assessed " + startLabel
	aw := min(boxWidth(assessed, 7, false), FigureWidth-2*pad)
	text.label(min(xOf(0)-2, FigureWidth-pad-aw), pad, aw, topH-4, assessed, 7, false, Left, Muted)
	tx := xOf(today)
	text.label(tx-70, bottom+4, 140, bottomH-4, "report date "+todayLabel, 7, true, Center, TodayIs)
	for n, u := range shown {
		y := top + float64(n)*rowH
		mid := y + rowH/2
		text.label(pad, y, labelW-6, rowH, u.Date, 8, u.Overdue, Left, Ink)
		x := xOf(u.Day)
		w := x0 + trackW + textW - x - 8
		items := itemsText(u, w, 8)
		// The box is as wide as the text and a little higher, not the
		// whole rest of the row, so that lines are left out only where
		// there is text to read.
		text.label(x+8, mid-itemBoxH/2, min(w, boxWidth(items, 8, u.Overdue)), itemBoxH, items, 8, u.Overdue, Left, Ink)
	}
	if more > 0 {
		moreText := fmt.Sprintf("and %d later due dates, listed in the plan below", more)
		mid := top + float64(len(shown))*rowH + rowH/2
		text.label(pad, mid-itemBoxH/2, min(FigureWidth-2*pad, boxWidth(moreText, 8, false)), itemBoxH, moreText, 8, false, Left, Muted)
	}

	d.lineAround(xOf(0), top-4, xOf(0), bottom, Muted, 0.5, text.Shapes)
	d.lineAround(tx, top-2, tx, bottom+2, TodayIs, 1.5, text.Shapes)
	for n, u := range shown {
		mid := top + float64(n)*rowH + rowH/2
		d.lineAround(x0, mid, x0+trackW, mid, Track, 1, text.Shapes)
		x := xOf(u.Day)
		d.outlined(x-5, mid-5, 10, 10, u.Tone.Fill(), Ink, 0.5)
	}
	d.Shapes = append(d.Shapes, text.Shapes...)
	return d
}

// boxWidth is the width of a box just wide enough for a label's text:
// the estimate and a tenth more, as a renderer clips a label to its box
// and the HTML's reader may lack DejaVu Sans, for which the estimate is
// made, and see the text in a wider face.
func boxWidth(s string, size float64, bold bool) float64 {
	return EstimateWidth(s, size, bold)*1.1 + 1
}

// itemBoxH is the height of the box of a timeline row's text: 8-point
// text with room for its ascenders and descenders.
const itemBoxH = 12.0

// itemsText names the items due on a date, the open ones first with
// "(overdue)" after them once the date is past, then the closed ones with
// what closed them: "F1, F4 (overdue); F2 risk accepted; F3 done". When
// they do not fit in w it names as many open items as fit (or closed ones,
// when none is open) and counts them all: "F8, F9, … (14 items, 12 overdue)".
func itemsText(u Due, w, size float64) string {
	var parts []string
	if len(u.Items) > 0 {
		open := strings.Join(u.Items, ", ")
		if u.Overdue {
			open += " (overdue)"
		}
		parts = append(parts, open)
	}
	parts = append(parts, u.Closed...)
	all := strings.Join(parts, "; ")
	if EstimateWidth(all, size, u.Overdue) <= w {
		return all
	}
	tail := fmt.Sprintf(", … (%d items", len(u.Items)+len(u.Closed))
	if u.Overdue {
		tail += fmt.Sprintf(", %d overdue", len(u.Items))
	}
	tail += ")"
	names := u.Items
	if len(names) == 0 {
		names = u.Closed
	}
	text := ""
	for i, it := range names {
		next := it
		if i > 0 {
			next = text + ", " + it
		}
		if EstimateWidth(next+tail, size, u.Overdue) > w {
			break
		}
		text = next
	}
	if text == "" {
		return strings.TrimPrefix(tail, ", ")
	}
	return text + tail
}
