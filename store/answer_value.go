package store

import (
	"encoding/json"

	"github.com/assay-dev/assay/assess"
)

// decodeValue reads an answer's stored value. Loading an assessment
// decodes one per answer, so the two shapes most answers have, as
// encoding/json writes them ({"choices":["yes"]} and {"text":"…"} without
// escapes), are read by hand; anything else goes to encoding/json, which
// the hand reader always agrees with (FuzzDecodeValue).
func decodeValue(s string) (assess.Value, error) {
	if v, ok := fastValue(s); ok {
		return v, nil
	}
	var v assess.Value
	err := json.Unmarshal([]byte(s), &v)
	return v, err
}

// fastValue reads {"choices":[…plain strings]} or {"text":"plain"}.
func fastValue(s string) (v assess.Value, ok bool) {
	p := &summaryScanner{s: s}
	if !p.next('{') {
		return v, false
	}
	key, ok := p.str()
	if !ok || !p.next(':') {
		return v, false
	}
	switch key {
	case "choices":
		if v.Choices, ok = p.strings(); !ok {
			return v, false
		}
	case "text":
		if v.Text, ok = p.str(); !ok {
			return v, false
		}
	default:
		return v, false
	}
	if !p.next('}') {
		return v, false
	}
	p.ws()
	return v, p.i == len(p.s)
}

// decodeStrings reads a stored list of strings (an answer's evidence),
// by hand when it holds plain strings.
func decodeStrings(s string) ([]string, error) {
	p := &summaryScanner{s: s}
	if list, ok := p.strings(); ok {
		if p.ws(); p.i == len(p.s) {
			return list, nil
		}
	}
	var list []string
	err := json.Unmarshal([]byte(s), &list)
	return list, err
}

// strings reads an array of plain strings; [] is an empty list, not nil,
// as encoding/json reads it.
func (p *summaryScanner) strings() ([]string, bool) {
	if !p.next('[') {
		return nil, false
	}
	out := []string{}
	if p.next(']') {
		return out, true
	}
	for {
		v, ok := p.str()
		if !ok {
			return nil, false
		}
		out = append(out, v)
		if p.next(']') {
			return out, true
		}
		if !p.next(',') {
			return nil, false
		}
	}
}
