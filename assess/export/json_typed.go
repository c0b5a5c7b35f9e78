package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/decimal"
)

// typedFields are the fields whose values encoding/json hands to a parser
// of their own (times, dates, numbers). When one fails, encoding/json says
// what failed but not where; locateTypedFault finds it.
var typedFields = []struct {
	path string // "[]" marks each element of a list
	into func() any
	what string
}{
	{"assessment.assessed_on", newDate, aDate},
	{"answers[].value.date", newDate, aDate},
	{"answers[].value.number", func() any { return new(decimal.Decimal) }, "a number"},
	{"answers[].updated_at", newTime, aTime},
	{"plan_edits[].edit.due", newDate, aDate},
	{"plan_edits[].edit.acceptance.expires", newDate, aDate},
	{"plan_edits[].edit.milestones[].due", newDate, aDate},
	{"signoffs[].date", newDate, aDate},
	{"signoffs[].at", newTime, aTime},
}

const (
	aDate = "a date (YYYY-MM-DD)"
	aTime = "a time (RFC 3339, as 2026-03-01T09:30:00Z)"
)

func newDate() any { return new(assess.Date) }
func newTime() any { return new(time.Time) }

// locateTypedFault returns the path of the first typed field of b (valid
// JSON) whose value does not parse, and why, or "".
func locateTypedFault(b []byte) (string, string) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var doc any
	if dec.Decode(&doc) != nil {
		return "", ""
	}
	for _, tf := range typedFields {
		var fault, why string
		walkPath(doc, "", strings.Split(tf.path, "."), func(path string, v any) bool {
			raw, err := json.Marshal(v)
			into := tf.into()
			if err == nil {
				err = json.Unmarshal(raw, into)
			}
			if err == nil {
				return true
			}
			fault, why = path, fmt.Sprintf("%s is not %s", clip(string(raw)), tf.what)
			if _, isNumber := into.(*decimal.Decimal); isNumber && !errors.Is(err, decimal.ErrSyntax) {
				// A number in form, but with more places or digits than
				// an answer keeps: the parser's words say which.
				why = clip(err.Error())
			}
			return false
		})
		if fault != "" {
			return fault, why
		}
	}
	return "", ""
}

// walkPath calls visit with every value at the path's segments below v,
// while visit returns true.
func walkPath(v any, at string, segments []string, visit func(path string, v any) bool) bool {
	if len(segments) == 0 {
		return visit(at, v)
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return true
	}
	key, each := strings.CutSuffix(segments[0], "[]")
	child, ok := obj[key]
	if !ok {
		return true
	}
	path := joinPath(at, key)
	if !each {
		return walkPath(child, path, segments[1:], visit)
	}
	list, _ := child.([]any)
	for i, elem := range list {
		if !walkPath(elem, fmt.Sprintf("%s[%d]", path, i), segments[1:], visit) {
			return false
		}
	}
	return true
}
