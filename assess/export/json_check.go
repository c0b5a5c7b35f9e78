package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/assay-dev/assay/internal/input"
)

// checkText refuses an assessment file that is too large or not text
// before it is decoded: encoding/json would quietly turn bytes that are
// not UTF-8 into U+FFFD, so the file stored would not be the file given.
func checkText(name string, b []byte) error {
	if len(b) > input.MaxFileSize {
		return input.TooLarge(name, int64(len(b)))
	}
	if line, col, why, ok := input.NotText(b); !ok {
		return fmt.Errorf("%s:%d:%d: %s", name, line, col, why)
	}
	return nil
}

// maxJSONDepth is encoding/json's own nesting limit; an assay export
// nests five deep.
const maxJSONDepth = 10000

// checkKeys refuses an object that names a key twice, and a key that is
// not written as assay writes keys (lower-case ASCII letters, digits and
// underscores): encoding/json keeps the last of two values silently, and
// matches keys to fields regardless of case, folding the Kelvin sign to k
// and the long s to s, so "Status" or "ſtatus" would fill the status
// field and a file could show a reader one exporter or answer and give
// assay another. An assay export never repeats a key. Malformed JSON
// passes here; Unmarshal reports it with its position.
func checkKeys(name string, b []byte) error { return checkKeysAs(name, b, exportKeys) }

// keyRule is the form every key of a kind of document takes, and how a
// message says it.
type keyRule struct {
	form func() *regexp.Regexp
	// writes completes "the key K is not one ...": what writes such keys
	// and what they are made of.
	writes string
}

var exportKeys = keyRule{keyForm, "an assay export writes (its keys are lower-case letters, digits and underscores)"}

// checkKeysAs is checkKeys for a document whose keys take rule's form.
//
// Its work grows with the file, not with the file times its depth: a
// value's path (answers[3].value) is worked out from the open arrays and
// objects only when a message names it. Built for every value as it was
// read, a file of objects nested 4,000 deep under 64-letter keys, 290 KB,
// cost 590 MB of copied paths, and a long array below them some 13,000
// bytes for each byte of the file (TestReadingAHostileAssessmentFileTakes
// WorkInProportionToIt).
func checkKeysAs(name string, b []byte, rule keyRule) error {
	var stack []*jsonFrame
	// done records that a value ended: its parent moves to the next key
	// or element.
	done := func() {
		if len(stack) == 0 {
			return
		}
		if top := stack[len(stack)-1]; top.object {
			top.wantKey = true
		} else {
			top.n++
		}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	for {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return nil // the end, or a syntax error for Unmarshal to report
		}
		delim, isDelim := tok.(json.Delim)
		var top *jsonFrame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if isDelim && (delim == '}' || delim == ']') {
			stack = stack[:len(stack)-1]
			done()
			continue
		}
		if top != nil && top.object && top.wantKey {
			key, _ := tok.(string)
			if !rule.form().MatchString(key) {
				line, col := position(b, skipSeparators(b, off))
				return fmt.Errorf("%s:%d:%d: %s: the key %s is not one %s; "+
					"a reader could take it for another key than assay does", name, line, col, memberPath(stack, key), strconv.Quote(clip(key)), rule.writes)
			}
			if top.keys[key] {
				line, col := position(b, skipSeparators(b, off))
				return fmt.Errorf("%s:%d:%d: %s: the key %s appears twice in one object", name, line, col, memberPath(stack, key), strconv.Quote(clip(key)))
			}
			top.keys[key] = true
			top.member, top.wantKey = key, false
			continue
		}
		if isDelim { // '{' or '['
			if len(stack) >= maxJSONDepth {
				line, col := position(b, off)
				return fmt.Errorf("%s:%d:%d: the file nests arrays and objects more than %d deep", name, line, col, maxJSONDepth)
			}
			f := &jsonFrame{object: delim == '{', wantKey: delim == '{'}
			if f.object {
				f.keys = map[string]bool{}
			}
			stack = append(stack, f)
			continue
		}
		done()
	}
}

// jsonFrame is an array or object checkKeysAs is inside.
type jsonFrame struct {
	object  bool
	keys    map[string]bool // in an object: the keys so far
	wantKey bool            // in an object: the next token is a key or '}'
	member  string          // in an object: the key of the current member
	n       int             // in an array: elements so far
}

// memberPath is the path a message names for key in the innermost of
// stack (assessment.subject, answers[3].value), clipped: each open
// array or object but the innermost is inside its current element or
// member.
func memberPath(stack []*jsonFrame, key string) string {
	var b strings.Builder
	for _, f := range stack[:len(stack)-1] {
		if f.object {
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(f.member)
		} else {
			fmt.Fprintf(&b, "[%d]", f.n)
		}
		if b.Len() > 200 {
			break // clipped below
		}
	}
	return clipTo(joinPath(b.String(), key), 200)
}

// keyForm is how assay writes every key of an export: its struct fields'
// names, and the severities of a deadline.
var keyForm = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z][a-z0-9_]{0,63}$`) })

// skipSeparators moves an offset past the whitespace, comma or colon
// before the next token, to where a person sees it start.
func skipSeparators(b []byte, off int64) int64 {
	for off < int64(len(b)) && bytes.IndexByte([]byte(" \t\r\n,:"), b[off]) >= 0 {
		off++
	}
	return off
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// clip shortens text quoted from a file in a message, so that a 16 MiB
// string is not printed back whole.
func clip(s string) string { return clipTo(s, 80) }

func clipTo(s string, max int) string {
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && s[cut]&0xc0 == 0x80 { // not inside a UTF-8 sequence
		cut--
	}
	return s[:cut] + "…"
}
