package store

import (
	"encoding/json"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/assay-dev/assay/assess"
)

// decodeSummary reads an assessment's stored summary. Lists decode one per
// assessment (10,000 on a large portfolio), and encoding/json spends most
// of the home screen's first frame on them, so the summary as the store
// writes it (json.Marshal of assess.Summary) is read by hand; anything
// else — escapes, unknown or differently cased keys, null, floats — goes
// to encoding/json, so the result is always what json.Unmarshal gives.
func decodeSummary(s string) (assess.Summary, error) {
	if sum, ok := fastSummary(s); ok {
		return sum, nil
	}
	var sum assess.Summary
	err := json.Unmarshal([]byte(s), &sum)
	return sum, err
}

type summaryScanner struct {
	s string
	i int
}

func (p *summaryScanner) ws() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// next skips white space and consumes c if it comes next.
func (p *summaryScanner) next(c byte) bool {
	p.ws()
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

// str reads a string without escapes or control characters.
func (p *summaryScanner) str() (string, bool) {
	if !p.next('"') {
		return "", false
	}
	start := p.i
	ascii := true
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"':
			v := p.s[start:p.i]
			p.i++
			return v, ascii || utf8.ValidString(v)
		case c == '\\' || c < 0x20:
			return "", false
		case c >= utf8.RuneSelf:
			ascii = false
		}
		p.i++
	}
	return "", false
}

// int reads a JSON integer: no fraction, no exponent, no leading zero.
func (p *summaryScanner) int() (int, bool) {
	p.ws()
	start := p.i
	if p.i < len(p.s) && p.s[p.i] == '-' {
		p.i++
	}
	digits := p.i
	for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		p.i++
	}
	if p.i == digits || (p.s[digits] == '0' && p.i-digits > 1) {
		return 0, false
	}
	if p.i < len(p.s) && (p.s[p.i] == '.' || p.s[p.i] == 'e' || p.s[p.i] == 'E') {
		return 0, false
	}
	v, err := strconv.Atoi(p.s[start:p.i])
	return v, err == nil
}

func (p *summaryScanner) bool() (bool, bool) {
	p.ws()
	for _, w := range []string{"true", "false"} {
		if len(p.s)-p.i >= len(w) && p.s[p.i:p.i+len(w)] == w {
			p.i += len(w)
			return w == "true", true
		}
	}
	return false, false
}

// object reads {"key": value, …}, calling field for each key; field reads
// the value.
func (p *summaryScanner) object(field func(key string) bool) bool {
	if !p.next('{') {
		return false
	}
	if p.next('}') {
		return true
	}
	for {
		key, ok := p.str()
		if !ok || !p.next(':') || !field(key) {
			return false
		}
		if p.next('}') {
			return true
		}
		if !p.next(',') {
			return false
		}
	}
}

func fastSummary(s string) (assess.Summary, bool) {
	var sum assess.Summary
	p := &summaryScanner{s: s}
	ok := p.object(func(key string) bool {
		var ok bool
		switch key {
		case "scoring_version":
			sum.ScoringVersion, ok = p.str()
		case "level":
			sum.Level, ok = p.str()
		case "level_title":
			sum.LevelTitle, ok = p.str()
		case "level_rank":
			sum.LevelRank, ok = p.int()
		case "level_of":
			sum.LevelOf, ok = p.int()
		case "answered":
			sum.Answered, ok = p.int()
		case "total":
			sum.Total, ok = p.int()
		case "complete":
			sum.Complete, ok = p.bool()
		case "level_unsettled":
			sum.LevelUnsettled, ok = p.bool()
		case "use_forbidden":
			sum.UseForbidden, ok = p.bool()
		case "findings":
			sum.Findings, ok = p.int()
		case "items":
			sum.Items, ok = p.items()
		}
		return ok
	})
	p.ws()
	return sum, ok && p.i == len(p.s)
}

func (p *summaryScanner) items() ([]assess.ItemSummary, bool) {
	if !p.next('[') {
		return nil, false
	}
	items := make([]assess.ItemSummary, 0, 16)
	if p.next(']') {
		return items, true
	}
	for {
		it, ok := p.item()
		if !ok {
			return nil, false
		}
		items = append(items, it)
		if p.next(']') {
			return items, true
		}
		if !p.next(',') {
			return nil, false
		}
	}
}

// item reads one plan item: an object of string fields. It is written out
// rather than through object, whose callback would cost an allocation per
// item.
func (p *summaryScanner) item() (it assess.ItemSummary, ok bool) {
	if !p.next('{') {
		return it, false
	}
	if p.next('}') {
		return it, true
	}
	for {
		key, ok := p.str()
		if !ok || !p.next(':') {
			return it, false
		}
		v, ok := p.str()
		if !ok {
			return it, false
		}
		switch key {
		case "key":
			it.Key = v
		case "severity":
			it.Severity, ok = severity(v)
		case "due":
			it.Due, ok = date(v)
		case "status":
			it.Status = assess.ItemStatus(v)
		case "accepted_until":
			it.AcceptedUntil, ok = date(v)
		default:
			ok = false
		}
		if !ok {
			return it, false
		}
		if p.next('}') {
			return it, true
		}
		if !p.next(',') {
			return it, false
		}
	}
}

// severity reads a severity's name as Severity.UnmarshalText does.
func severity(v string) (assess.Severity, bool) {
	var s assess.Severity
	switch v {
	case "none":
		return assess.SeverityNone, true
	case "low":
		return assess.Low, true
	case "medium":
		return assess.Medium, true
	case "high":
		return assess.High, true
	case "critical":
		return assess.Critical, true
	}
	return s, s.UnmarshalText([]byte(v)) == nil
}

// date reads YYYY-MM-DD as Date.UnmarshalText does, without time.Parse.
func date(v string) (assess.Date, bool) {
	if v == "" {
		return assess.Date{}, true
	}
	num := func(s string) int {
		n := 0
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return -1
			}
			n = n*10 + int(s[i]-'0')
		}
		return n
	}
	if len(v) != 10 || v[4] != '-' || v[7] != '-' {
		var d assess.Date
		return d, d.UnmarshalText([]byte(v)) == nil
	}
	y, m, d := num(v[:4]), num(v[5:7]), num(v[8:])
	if y < 0 || m < 1 || m > 12 || d < 1 || d > daysIn(time.Month(m), y) {
		return assess.Date{}, false
	}
	return assess.NewDate(y, time.Month(m), d), true
}

func daysIn(m time.Month, y int) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
