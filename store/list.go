package store

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/assay-dev/assay/assess"
)

// The list column (migration 004) holds what lists show of an assessment's
// summary, small enough that the index assessments_list carries it: lists
// are read from that index alone, never from the wide rows, whose summary
// is mostly plan items with keys repeated in each. It is a JSON array by
// position:
//
//	[answered, total, complete (0 or 1), findings, level_rank, level_of,
//	 "level", "level_title", "scoring_version",
//	 [["status", "due", "accepted_until", count], …]]
//
// and, when either is said, an eleventh element, flags added together:
// 1 when answers still to come could change the level (the summary's
// level_unsettled), 2 when an answer describes a use the law forbids
// (use_forbidden, from assay-scoring/4). A list written before the
// flags existed, or by migration 004, reads as settled and allowed, as
// its summary does; an assay that knew the first flag alone reads any
// flag as unsettled, a level it then does not show.
//
// The plan items are grouped by status, due date and expiry, in that
// order: enough to count them open and overdue on any day
// (assess.Summary.OpenOn), without keys or severities. Migration 004
// writes the same from the summary column with SQLite's JSON functions.

// encodeList writes the list column for s.
func encodeList(s assess.Summary) string {
	type group struct {
		status, due, until string
		n                  int
	}
	var groups []group
	for _, it := range s.Items {
		g := group{string(it.Status), it.Due.String(), it.AcceptedUntil.String(), max(it.Count, 1)}
		i, found := slices.BinarySearchFunc(groups, g, func(a, b group) int {
			return cmp.Or(cmp.Compare(a.status, b.status), cmp.Compare(a.due, b.due), cmp.Compare(a.until, b.until))
		})
		if found {
			groups[i].n += g.n
		} else {
			groups = slices.Insert(groups, i, g)
		}
	}
	complete := 0
	if s.Complete {
		complete = 1
	}
	b := make([]byte, 0, 64+32*len(groups))
	b = append(b, '[')
	for _, n := range []int{s.Answered, s.Total, complete, s.Findings, s.LevelRank, s.LevelOf} {
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, ',')
	}
	for _, v := range []string{s.Level, s.LevelTitle, s.ScoringVersion} {
		b = appendJSONString(b, v)
		b = append(b, ',')
	}
	b = append(b, '[')
	for i, g := range groups {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		for _, v := range []string{g.status, g.due, g.until} {
			b = appendJSONString(b, v)
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(g.n), 10)
		b = append(b, ']')
	}
	b = append(b, ']')
	if f := flagsOf(s); f != 0 {
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(f), 10)
	}
	return string(append(b, ']'))
}

// The list column's flags (its eleventh element), added together.
const (
	listUnsettled = 1
	listForbidden = 2
)

func flagsOf(s assess.Summary) int {
	f := 0
	if s.LevelUnsettled {
		f += listUnsettled
	}
	if s.UseForbidden {
		f += listForbidden
	}
	return f
}

// setFlags sets what the list column's flags say on s.
func setFlags(s *assess.Summary, f int) {
	s.LevelUnsettled = f&listUnsettled != 0
	s.UseForbidden = f&listForbidden != 0
}

// appendJSONString quotes v, through encoding/json only when it needs an
// escape.
func appendJSONString(b []byte, v string) []byte {
	for i := 0; i < len(v); i++ {
		if c := v[i]; c < 0x20 || c == '"' || c == '\\' || c >= utf8.RuneSelf {
			q, _ := json.Marshal(v)
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, v...)
	return append(b, '"')
}

// decodeList reads the list column. Lists decode one per assessment, so
// the column as written is read by hand; anything else (escapes, null,
// white space SQLite did not write) goes to listJSON, which the hand
// reader always agrees with (FuzzDecodeList).
func decodeList(s string) (assess.Summary, error) {
	sum, _, err := decodeListInto(s, nil)
	return sum, err
}

// decodeListInto is decodeList with the summary's plan items appended to
// items, which it returns, grown, for the next row: a list copies each
// row's items out (listAlloc) and reuses the buffer.
func decodeListInto(s string, items []assess.ItemSummary) (assess.Summary, []assess.ItemSummary, error) {
	if sum, ok := fastListInto(s, items); ok {
		return sum, sum.Items, nil
	}
	sum, err := listJSON(s)
	return sum, items, err
}

func fastList(s string) (assess.Summary, bool) { return fastListInto(s, nil) }

func fastListInto(s string, items []assess.ItemSummary) (sum assess.Summary, ok bool) {
	p := &summaryScanner{s: s}
	var complete int
	if !p.next('[') {
		return sum, false
	}
	for _, n := range []*int{&sum.Answered, &sum.Total, &complete, &sum.Findings, &sum.LevelRank, &sum.LevelOf} {
		if *n, ok = p.int(); !ok || !p.next(',') {
			return sum, false
		}
	}
	for _, v := range []*string{&sum.Level, &sum.LevelTitle, &sum.ScoringVersion} {
		if *v, ok = p.str(); !ok || !p.next(',') {
			return sum, false
		}
	}
	sum.Complete = complete != 0
	if !p.next('[') {
		return sum, false
	}
	if !p.next(']') {
		sum.Items = items
		for {
			it, ok := p.group()
			if !ok {
				return sum, false
			}
			sum.Items = append(sum.Items, it)
			if p.next(']') {
				break
			}
			if !p.next(',') {
				return sum, false
			}
		}
	}
	if p.next(',') {
		var flags int
		if flags, ok = p.int(); !ok {
			return sum, false
		}
		setFlags(&sum, flags)
	}
	if !p.next(']') {
		return sum, false
	}
	p.ws()
	return sum, p.i == len(p.s)
}

// group reads ["status", "due", "accepted_until", count].
func (p *summaryScanner) group() (it assess.ItemSummary, ok bool) {
	var status, due, until string
	if !p.next('[') {
		return it, false
	}
	for _, v := range []*string{&status, &due, &until} {
		if *v, ok = p.str(); !ok || !p.next(',') {
			return it, false
		}
	}
	if it.Count, ok = p.int(); !ok || !p.next(']') {
		return it, false
	}
	it.Status = assess.ItemStatus(status)
	if it.Due, ok = date(due); !ok {
		return it, false
	}
	it.AcceptedUntil, ok = date(until)
	return it, ok
}

// listJSON reads the list column with encoding/json: null reads as zero,
// as it does in a summary.
func listJSON(s string) (assess.Summary, error) {
	var sum assess.Summary
	var fields []json.RawMessage
	if err := json.Unmarshal([]byte(s), &fields); err != nil {
		return sum, err
	}
	if len(fields) != 10 && len(fields) != 11 {
		return sum, fmt.Errorf("list summary has %d fields, want 10 or 11", len(fields))
	}
	if len(fields) == 11 {
		var flags int
		if err := json.Unmarshal(fields[10], &flags); err != nil {
			return sum, fmt.Errorf("list summary field 11: %w", err)
		}
		setFlags(&sum, flags)
	}
	var complete int
	var groups [][]json.RawMessage
	for i, dst := range []any{&sum.Answered, &sum.Total, &complete, &sum.Findings, &sum.LevelRank, &sum.LevelOf,
		&sum.Level, &sum.LevelTitle, &sum.ScoringVersion, &groups} {
		if err := json.Unmarshal(fields[i], dst); err != nil {
			return sum, fmt.Errorf("list summary field %d: %w", i+1, err)
		}
	}
	sum.Complete = complete != 0
	for _, g := range groups {
		if len(g) != 4 {
			return sum, fmt.Errorf("list summary item has %d fields, want 4", len(g))
		}
		var it assess.ItemSummary
		for i, dst := range []any{&it.Status, &it.Due, &it.AcceptedUntil, &it.Count} {
			if err := json.Unmarshal(g[i], dst); err != nil {
				return sum, fmt.Errorf("list summary item field %d: %w", i+1, err)
			}
		}
		sum.Items = append(sum.Items, it)
	}
	return sum, nil
}
